// The live room end to end in the core: determinism, the log contract, invariants, crash safety.
// (The strong host beating the weak one is the calibration test's: tests/calibration.)
#include <filesystem>
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

#include "core/metrics/contract_check.hpp"
#include "core/metrics/log_reader.hpp"
#include "core/metrics/metrics.hpp"
#include "core/pack/library.hpp"
#include "core/session/autopilot.hpp"
#include "core/session/controller.hpp"
#include "core/session/headless_run.hpp"

namespace {
using namespace lcs;

std::shared_ptr<const pack::Library> farm()
{
	static auto lib = pack::Library::load({std::filesystem::u8path(std::string(LCS_SOURCE_DIR) +
								      "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json")})
				  .library;
	return lib;
}

std::shared_ptr<const audience::AudienceData> audience_zh()
{
	static std::shared_ptr<const audience::AudienceData> data = [] {
		diag::Diagnostics d;
		auto loaded = audience::AudienceData::load(std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/audience"), "zh-CN", d);
		EXPECT_TRUE(loaded.has_value());
		return std::make_shared<const audience::AudienceData>(std::move(*loaded));
	}();
	return data;
}

std::string temp(const std::string &name)
{
	return testing::TempDir() + name;
}

std::string read_all(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	std::ostringstream s;
	s << in.rdbuf();
	return s.str();
}

session::HeadlessResult run(uint64_t seed, session::Policy policy, const std::string &path, int duration = 600,
			    const std::string &scenario = "")
{
	session::HeadlessOptions o;
	o.seed = seed;
	o.policy = policy;
	o.duration_seconds = duration;
	o.log_path = path;
	o.scenario_id = scenario;
	return session::run_headless(farm(), audience_zh(), o);
}

metrics::Metrics metrics_of(const std::string &path)
{
	metrics::MetricsAccumulator acc;
	metrics::read_session_log(path, {}, [&](const nlohmann::json &e) { acc.add(e); });
	return acc.finish();
}

TEST(LiveSession, SameInputsGiveTheSameBytesAndAnotherSeedDoesNot)
{
	ASSERT_TRUE(run(11, session::Policy::Strong, temp("a.jsonl")).ok);
	ASSERT_TRUE(run(11, session::Policy::Strong, temp("b.jsonl")).ok);
	ASSERT_TRUE(run(12, session::Policy::Strong, temp("c.jsonl")).ok);
	const auto a = read_all(temp("a.jsonl"));
	EXPECT_GT(a.size(), 10000u);
	EXPECT_EQ(a, read_all(temp("b.jsonl")));
	EXPECT_NE(a, read_all(temp("c.jsonl")));
}

TEST(LiveSession, EveryLineFollowsTheContractAndTheInvariantsHold)
{
	// The tough room has a stock-out incident, objection waves and a troll.
	const std::string path = temp("contract.jsonl");
	ASSERT_TRUE(run(5, session::Policy::Strong, path, 1200, "farm-tough-room").ok);
	nlohmann::json header;
	std::map<std::string, int64_t> stock;
	std::map<std::string, int64_t> sold;
	std::set<std::string> present;
	std::set<std::string> types;
	int64_t last_t = 0;
	size_t lines = 0;
	const auto report = metrics::read_session_log(
		path,
		[&](const nlohmann::json &h) {
			header = h;
			for (const auto &p : h["products"])
				stock[p["sku"].get<std::string>()] = p["stock"].get<int64_t>();
		},
		[&](const nlohmann::json &e) {
			++lines;
			ASSERT_EQ(metrics::check_event(e), "") << e.dump();
			const int64_t t = e["t"].get<int64_t>();
			ASSERT_GE(t, last_t) << "t decreased: " << e.dump();
			last_t = t;
			const std::string type = e["type"].get<std::string>();
			types.insert(type);
			if (type == "viewer_join") {
				ASSERT_TRUE(present.insert(e["viewer"].get<std::string>()).second) << "joined twice: " << e.dump();
			} else if (type == "viewer_leave") {
				ASSERT_EQ(present.erase(e["viewer"].get<std::string>()), 1u) << "leave without join: " << e.dump();
			} else if (type == "order") {
				const auto sku = e["sku"].get<std::string>();
				sold[sku] += e["qty"].get<int64_t>();
				ASSERT_LE(sold[sku], stock[sku]) << "oversold " << sku;
				ASSERT_TRUE(present.count(e["viewer"].get<std::string>())) << "an absent viewer ordered";
			} else if (type == "incident" && e["kind"] == "stock_out") {
				stock["FARM-KIWI-2500"] = sold["FARM-KIWI-2500"]; // nothing more may sell
			}
		});
	EXPECT_TRUE(report.problems.empty());
	ASSERT_EQ(metrics::check_header(header), "");
	EXPECT_GT(lines, 1000u);
	for (const char *type : {"viewer_join", "viewer_leave", "comment", "comment_answered", "follow", "product_pin",
				 "product_click", "order", "promo_start", "promo_tier", "coupon_claim", "segment_start",
				 "cue_shown", "voice", "incident", "session_end"})
		EXPECT_TRUE(types.count(type)) << "no " << type << " event in a whole strong session";
}

TEST(LiveSession, AKilledWriterLeavesALogThatReadsBackToTheLastCompleteEvent)
{
	const std::string path = temp("crash.jsonl");
	const pid_t child = fork();
	ASSERT_GE(child, 0);
	if (child == 0) {
		// A long session; the parent kills it mid-way.
		session::HeadlessOptions o;
		o.seed = 3;
		o.duration_seconds = 4 * 3600;
		o.log_path = path;
		o.step_ms = 20;
		session::run_headless(farm(), audience_zh(), o);
		_exit(0);
	}
	// Kill it once it has written a good part of a log (not after a fixed time: under
	// ThreadSanitizer the child needs seconds before its first event).
	std::error_code ec;
	for (int i = 0; i < 600 && std::filesystem::file_size(path, ec) < 64 * 1024; ++i)
		std::this_thread::sleep_for(std::chrono::milliseconds(50));
	kill(child, SIGKILL);
	int status = 0;
	waitpid(child, &status, 0);
	ASSERT_TRUE(WIFSIGNALED(status)) << "the session ended before it could be killed";

	bool header_ok = false;
	size_t events = 0;
	int64_t last_t = -1;
	const auto report = metrics::read_session_log(
		path, [&](const nlohmann::json &h) { header_ok = metrics::check_header(h).empty(); },
		[&](const nlohmann::json &e) {
			++events;
			EXPECT_EQ(metrics::check_event(e), "");
			last_t = e["t"].get<int64_t>();
		});
	EXPECT_TRUE(header_ok);
	EXPECT_GT(events, 100u);
	EXPECT_TRUE(report.problems.empty()) << report.problems.front().to_string();
	// The metrics still compute: the session ends at the last complete event.
	const auto m = metrics_of(path);
	EXPECT_DOUBLE_EQ(m.duration_s, static_cast<double>(last_t) / 1000.0);
}

TEST(LiveSession, IdleHostHasOnlySilence)
{
	const std::string path = temp("idle.jsonl");
	ASSERT_TRUE(run(4, session::Policy::Idle, path, 300).ok);
	const auto m = metrics_of(path);
	EXPECT_EQ(m.orders, 0);
	EXPECT_DOUBLE_EQ(*m.talk_ratio, 0.0);
	EXPECT_GT(m.dead_air_s, 290.0);
}

} // namespace

// What the dock shows live must be what the coach's report says afterwards.
TEST(LiveSession, LiveMetricsInTheSnapshotEqualTheLogsMetricsAndTheLogIsMarkedFinished)
{
	const std::string path = temp("live-metrics.jsonl");
	session::Controller controller;
	controller.set_audience_data(audience_zh());
	controller.submit(session::UseLibrary{farm(), 0, nullptr});
	session::StartSession start;
	start.trainee = "小王";
	start.seed = 77;
	start.started_at = "2026-01-01T00:00:00Z";
	start.log_path = path;
	start.duration_seconds = 240;
	controller.submit(start);
	controller.tick(0);
	ASSERT_TRUE(controller.session_running());
	session::Autopilot pilot(session::Policy::Strong, 77);
	bool saw_live_metrics = false;
	while (controller.session_running()) {
		for (auto &command : pilot.act(*controller.snapshot()))
			controller.submit(std::move(command));
		controller.tick(100);
		const auto snap = controller.snapshot();
		if (snap->session_running && snap->metrics && snap->metrics->uv > 0)
			saw_live_metrics = true;
	}
	EXPECT_TRUE(saw_live_metrics);
	auto snap = controller.snapshot();
	EXPECT_EQ(snap->trainee, "小王");
	EXPECT_EQ(snap->seed, 77u);
	EXPECT_EQ(snap->last_log_path, path);
	EXPECT_EQ(snap->shelf.size(), farm()->products().size());
	ASSERT_EQ(snap->segment_elapsed_ms.size(), farm()->segments().size());
	int64_t in_segments = 0;
	for (const auto ms : snap->segment_elapsed_ms)
		in_segments += ms;
	EXPECT_GT(in_segments, 0);
	EXPECT_LE(in_segments, 240'000);
	for (int i = 0; i < 100 && !snap->log_finished; ++i) {
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
		controller.tick(0); // no time passes: the finished log alone must be published
		snap = controller.snapshot();
	}
	ASSERT_TRUE(snap->log_finished);
	ASSERT_TRUE(snap->metrics.has_value());
	EXPECT_EQ(snap->metrics->to_json().dump(), metrics_of(path).to_json().dump());
}
