// Issue 11: when OBS exits, the running session's log must end with reason "shutdown" (what
// docs/contract-notes.md promises), not "stopped". Studio::shutdown_session (OBS_FRONTEND_EVENT_EXIT)
// submits StopSession{.shutdown = true}; a plain stop (button, hotkey, websocket) stays "stopped".
#include <gtest/gtest.h>

#include <unistd.h>

#include "core/metrics/log_reader.hpp"
#include "core/pack/library.hpp"
#include "core/session/controller.hpp"

namespace {
using namespace lcs;

std::string end_reason_after(session::Command stop, const std::string &name)
{
	auto library = pack::Library::load({std::filesystem::u8path(std::string(LCS_SOURCE_DIR) +
								      "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json")})
			       .library;
	diag::Diagnostics problems;
	auto audience = audience::AudienceData::load(std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/audience"),
						     "zh-CN", problems);
	EXPECT_TRUE(library && audience);
	if (!library || !audience)
		return {};
	const std::string log = testing::TempDir() + "lcs-" + name + "-" + std::to_string(getpid()) + ".jsonl";
	{
		session::Controller c;
		c.submit(session::UseLibrary{library, 0, std::make_shared<const audience::AudienceData>(std::move(*audience))});
		session::StartSession start;
		start.trainee = "t";
		start.started_at = "2026-01-01T00:00:00Z";
		start.log_path = log;
		c.submit(start);
		for (int i = 0; i < 30; ++i)
			c.tick(100);
		EXPECT_TRUE(c.session_running());
		c.submit(std::move(stop));
		c.tick(17);
		EXPECT_FALSE(c.session_running());
	} // the controller's end: its log writers finish the file
	std::string reason;
	metrics::read_session_log(log, {}, [&](const nlohmann::json &e) {
		if (e.value("type", "") == "session_end")
			reason = e.value("reason", "");
	});
	std::remove(log.c_str());
	return reason;
}

TEST(SessionEnd, ObsExitLogsReasonShutdown)
{
	EXPECT_EQ(end_reason_after(session::StopSession{.shutdown = true}, "exit"), "shutdown");
}

TEST(SessionEnd, PlainStopLogsReasonStopped)
{
	EXPECT_EQ(end_reason_after(session::StopSession{}, "stop"), "stopped");
}

} // namespace
