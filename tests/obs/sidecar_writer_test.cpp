// Issue 11: captions and chapters of stopped recordings were written by one new thread per
// recording, kept until the module unloaded, and unloading joined each of them — each could
// still be waiting up to 5 s for recording_stop to reach a log no one writes any more. Now one
// worker writes them in order and stop() (unload) ends the wait at once.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "core/pack/library.hpp"
#include "core/session/headless_run.hpp"
#include "studio/sidecar-writer.hpp"

namespace {
using namespace lcs;

std::string data_dir()
{
	const char *env = std::getenv("LCS_MODULE_DATA");
	return env && *env ? env : LCS_DEFAULT_MODULE_DATA;
}

/// A short session log without any recording in it (so no recording_stop ever appears).
std::string session_log()
{
	static const std::string path = [] {
		const std::string log = testing::TempDir() + "lcs-sidecar-" + std::to_string(getpid()) + ".jsonl";
		auto library = pack::Library::load({std::filesystem::u8path(data_dir() + "/packs/farm-origin/farm-origin.zh-CN.json")}).library;
		diag::Diagnostics problems;
		auto audience = audience::AudienceData::load(std::filesystem::u8path(data_dir() + "/audience"), "zh-CN", problems);
		EXPECT_TRUE(library && audience);
		session::HeadlessOptions o;
		o.duration_seconds = 20;
		o.log_path = log;
		EXPECT_TRUE(session::run_headless(library, std::make_shared<const audience::AudienceData>(std::move(*audience)), o).ok);
		return log;
	}();
	return path;
}

std::vector<std::string> videos(const std::string &name, int n)
{
	const auto dir = std::filesystem::path(testing::TempDir()) / (name + "-" + std::to_string(getpid()));
	std::filesystem::create_directories(dir);
	std::vector<std::string> out;
	for (int i = 0; i < n; ++i)
		out.push_back((dir / ("take-" + std::to_string(i) + ".mkv")).string());
	return out;
}

bool has_sidecars(const std::string &video)
{
	const auto base = std::filesystem::path(video).replace_extension();
	return std::filesystem::exists(std::filesystem::path(base).concat(".vtt")) &&
	       std::filesystem::exists(std::filesystem::path(base).concat(".chapters.txt"));
}

TEST(SidecarWriter, OneWorkerWritesEveryRecordingInsteadOfAThreadEach)
{
	const auto takes = videos("one-worker", 6);
	{
		obs::SidecarWriter writer(std::chrono::milliseconds(0));
		for (const auto &v : takes)
			writer.enqueue(session_log(), v);
		writer.stop();
		EXPECT_EQ(writer.threads_started(), 1u) << "a thread per recording piles up until unload";
		EXPECT_EQ(writer.jobs_done(), takes.size());
	}
	for (const auto &v : takes)
		EXPECT_TRUE(has_sidecars(v)) << v;
}

TEST(SidecarWriter, UnloadDoesNotWaitForARecordingStopThatNeverComes)
{
	// An hour's wait for recording_stop: stop() must end it at once (else this test hangs until
	// ctest's time-out) and still write every queued recording from the log as it is.
	const auto takes = videos("unload", 3);
	obs::SidecarWriter writer(std::chrono::hours(1));
	for (const auto &v : takes)
		writer.enqueue(session_log(), v);
	writer.stop();
	EXPECT_EQ(writer.jobs_done(), takes.size());
	for (const auto &v : takes)
		EXPECT_TRUE(has_sidecars(v)) << v;
	writer.enqueue(session_log(), videos("after-stop", 1).front()); // refused: no thread, no file
	EXPECT_EQ(writer.jobs_done(), takes.size());
}

} // namespace
