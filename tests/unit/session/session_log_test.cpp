// A whole session through the controller, as OBS drives it: the log is complete and in time order
// whatever the tick length, the host's voice before Start counts, and a log that cannot be written
// is reported while the session goes on.
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <thread>

#include "core/metrics/log_reader.hpp"
#include "core/metrics/metrics.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/session/autopilot.hpp"
#include "core/session/controller.hpp"

namespace {
using namespace lcs;

std::shared_ptr<const pack::Library> bundled(const std::string &name)
{
	auto loaded = pack::Library::load({std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/scripts-library/packs/" +
								   name + "/" + name + ".zh-CN.json")});
	EXPECT_TRUE(loaded.library) << name;
	return loaded.library;
}

std::shared_ptr<const pack::Library> farm()
{
	static auto lib = bundled("farm-origin");
	return lib;
}

/// The farm pack with one more promotion: the kiwi's price rises every second for a minute
/// (basis time), so the engine logs a promo_tier at the launch's phase of every second.
std::shared_ptr<const pack::Library> farm_with_clock_tiers()
{
	std::ifstream in(std::string(LCS_SOURCE_DIR) + "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json");
	auto json = nlohmann::json::parse(in);
	nlohmann::json tiers = nlohmann::json::array();
	for (int second = 1; second <= 60; ++second)
		tiers.push_back({{"up_to", second}, {"price_cents", 5000 + second}});
	tiers.push_back({{"price_cents", 5100}});
	json["promotions"].push_back({{"id", "kiwi-clock"},
				      {"type", "tiered_price"},
				      {"name", "kiwi clock"},
				      {"sku", "FARM-KIWI-2500"},
				      {"basis", "time"},
				      {"tiers", tiers}});
	auto loaded = pack::load_pack_text(json.dump(), "farm-clock.json");
	EXPECT_TRUE(loaded.ok()) << (loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].to_string());
	diag::Diagnostics d;
	return std::make_shared<const pack::Library>(pack::Library::link({*loaded.pack}, d));
}

std::shared_ptr<const audience::AudienceData> audience_zh()
{
	static std::shared_ptr<const audience::AudienceData> data = [] {
		diag::Diagnostics d;
		auto loaded = audience::AudienceData::load(std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/audience"),
							   "zh-CN", d);
		EXPECT_TRUE(loaded.has_value());
		return std::make_shared<const audience::AudienceData>(std::move(*loaded));
	}();
	return data;
}

session::StartSession start_request(const std::string &log_path, int duration_seconds, uint64_t seed = 21)
{
	session::StartSession start;
	start.trainee = "tester";
	start.seed = seed;
	start.started_at = "2026-01-01T00:00:00Z";
	start.log_path = log_path;
	start.duration_seconds = duration_seconds;
	return start;
}

/// Runs the session the controller has just been asked to start to its end, with an autopilot
/// host, in ticks of `step_ms` (`coach`, when set, may add commands before each tick); then waits
/// for its log to be closed.
void run_to_end(session::Controller &controller, session::Policy policy, int64_t step_ms, uint64_t seed,
		const std::function<void(session::Controller &)> &coach = {})
{
	controller.tick(0);
	ASSERT_TRUE(controller.session_running()) << controller.snapshot()->last_refusal;
	session::Autopilot pilot(policy, seed);
	while (controller.session_running()) {
		for (auto &command : pilot.act(*controller.snapshot()))
			controller.submit(std::move(command));
		if (coach)
			coach(controller);
		controller.tick(step_ms);
	}
	controller.wait_for_logs();
}

metrics::Metrics metrics_of(const std::string &path, metrics::ReadReport *report = nullptr)
{
	metrics::MetricsAccumulator acc;
	auto r = metrics::read_session_log(path, {}, [&](const nlohmann::json &e) { acc.add(e); });
	if (report)
		*report = std::move(r);
	return acc.finish();
}

// OBS ticks every ~16.7 ms (60 fps) or 33 ms (30 fps); the CLI steps 100 ms. The audience lives in
// whole seconds, the promotions engine at tick time: their events must still reach the log in
// time order, or the reader skips lines ("'t' decreases").
class EventsInTimeOrder : public testing::TestWithParam<int64_t> {};

TEST_P(EventsInTimeOrder, WholeSessionLogNeverGoesBackInTime)
{
	const int64_t step = GetParam();
	// The farm pack with a price rising every second (promo_tier on the engine's clock, launched
	// just after a whole second), and the beauty pack, whose lucky bag (launched at ~15 min, 5 min
	// long) ends on the engine's clock (promo_end).
	for (const std::string name : {"farm-clock", "beauty-demo"}) {
		SCOPED_TRACE(name);
		const int duration = name == "beauty-demo" ? 1260 : 300;
		const std::string path = testing::TempDir() + "order-" + name + "-" + std::to_string(step) + ".jsonl";
		session::Controller controller;
		controller.set_audience_data(audience_zh());
		controller.submit(session::UseLibrary{name == "farm-clock" ? farm_with_clock_tiers() : bundled(name), 0, nullptr});
		controller.submit(start_request(path, duration, 5));
		bool launched = false;
		run_to_end(controller, session::Policy::Strong, step, 5, [&](session::Controller &c) {
			if (name == "farm-clock" && !launched && c.now_ms() > 20'000 && c.now_ms() % 1000 < step) {
				c.submit(session::StartPromotion{"kiwi-clock"});
				launched = true;
			}
		});
		EXPECT_EQ(launched, name == "farm-clock");

		int64_t last_t = 0;
		size_t events = 0, backwards = 0, on_engine_clock = 0;
		std::string first_backwards;
		const auto report = metrics::read_session_log(path, {}, [&](const nlohmann::json &e) {
			++events;
			const int64_t t = e["t"].get<int64_t>();
			if (t < last_t && backwards++ == 0)
				first_backwards = e.dump() + " after t=" + std::to_string(last_t);
			last_t = std::max(last_t, t);
			if ((e["type"] == "promo_end" && e.value("reason", "") == "expired") ||
			    (e["type"] == "promo_tier" && e.value("promo_id", "") == "kiwi-clock"))
				++on_engine_clock;
		});
		EXPECT_GT(events, 500u);
		EXPECT_GT(on_engine_clock, 0u) << "no event on the engine's clock: the test would prove nothing";
		EXPECT_EQ(backwards, 0u) << "first: " << first_backwards;
		EXPECT_TRUE(report.problems.empty())
			<< report.problems.size() << " problems, first: " << report.problems.front().to_string();
		EXPECT_GE(last_t, duration * 1000);
		// The room still behaves: people came, bought, and the session ran its full length.
		const auto m = metrics_of(path);
		EXPECT_GT(m.uv, 50);
		EXPECT_GT(m.orders, 0);
		EXPECT_GE(m.duration_s, duration);
	}
}

INSTANTIATE_TEST_SUITE_P(TickLengths, EventsInTimeOrder, testing::Values(17, 33, 100),
			 [](const testing::TestParamInfo<int64_t> &tick) { return std::to_string(tick.param) + "ms"; });

// A strong host still clearly beats a weak one when the session runs at OBS's tick length.
TEST(EventsInTimeOrderAtObsTicks, StrongStillBeatsWeak)
{
	auto gmv = [](session::Policy policy, const std::string &name) {
		const std::string path = testing::TempDir() + name;
		session::Controller controller;
		controller.set_audience_data(audience_zh());
		controller.submit(session::UseLibrary{farm(), 0, nullptr});
		controller.submit(start_request(path, 900, 3));
		run_to_end(controller, policy, 17, 3);
		return metrics_of(path);
	};
	const auto strong = gmv(session::Policy::Strong, "strong-17.jsonl");
	const auto weak = gmv(session::Policy::Weak, "weak-17.jsonl");
	EXPECT_GE(static_cast<double>(strong.gmv_cents), 1.5 * static_cast<double>(std::max<int64_t>(1, weak.gmv_cents)));
	EXPECT_GE(*strong.avg_watch_s, 1.3 * *weak.avg_watch_s);
}

// The host is already talking when Start is pressed (the voice meter reports changes only).
TEST(SessionVoice, TalkTimeBeforeStartCarriesIntoTheSession)
{
	const std::string path = testing::TempDir() + "talk-before-start.jsonl";
	session::Controller controller;
	controller.set_audience_data(audience_zh());
	controller.submit(session::UseLibrary{farm(), 0, nullptr});
	controller.submit(session::Voice{true});
	controller.tick(500);
	controller.submit(start_request(path, 60));
	controller.tick(0);
	ASSERT_TRUE(controller.session_running());
	ASSERT_TRUE(controller.snapshot()->talking.has_value());
	EXPECT_TRUE(*controller.snapshot()->talking);
	for (int i = 0; i < 300; ++i)
		controller.tick(100); // 30 s of talk, then the host pauses
	controller.submit(session::Voice{false});
	while (controller.session_running())
		controller.tick(100);
	controller.wait_for_logs();

	const auto snap = controller.snapshot();
	ASSERT_TRUE(snap->metrics.has_value());
	ASSERT_TRUE(snap->metrics->talk_ratio.has_value());
	EXPECT_NEAR(*snap->metrics->talk_ratio, 0.5, 0.01);
	metrics::ReadReport report;
	const auto m = metrics_of(path, &report);
	EXPECT_TRUE(report.problems.empty());
	ASSERT_TRUE(m.talk_ratio.has_value());
	EXPECT_NEAR(*m.talk_ratio, 0.5, 0.01);
}

// A silent host before Start: the session knows it from t = 0 (dead air counts from the start).
TEST(SessionVoice, SilenceBeforeStartCarriesIntoTheSession)
{
	const std::string path = testing::TempDir() + "silence-before-start.jsonl";
	session::Controller controller;
	controller.set_audience_data(audience_zh());
	controller.submit(session::UseLibrary{farm(), 0, nullptr});
	controller.submit(session::Voice{true});
	controller.submit(session::Voice{false});
	controller.tick(100);
	controller.submit(start_request(path, 30));
	controller.tick(0);
	ASSERT_TRUE(controller.session_running());
	while (controller.session_running())
		controller.tick(100);
	controller.wait_for_logs();
	const auto m = metrics_of(path);
	ASSERT_TRUE(m.talk_ratio.has_value());
	EXPECT_DOUBLE_EQ(*m.talk_ratio, 0.0);
	EXPECT_GT(m.dead_air_s, 25.0);
}

// A full disk while practising: the desk and the OBS log learn it from the snapshot at once, the
// session goes on (metrics from memory), and the error stays with that session.
TEST(SessionLog, FailedWriteIsReportedAndTheSessionGoesOn)
{
	session::Controller controller;
	controller.set_audience_data(audience_zh());
	controller.submit(session::UseLibrary{farm(), 0, nullptr});
	controller.submit(start_request("/dev/full", 120));
	controller.tick(0);
	ASSERT_TRUE(controller.session_running()) << controller.snapshot()->last_refusal;
	// The writer thread meets the error; the next tick publishes it.
	const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
	while (controller.snapshot()->log_error.empty() && std::chrono::steady_clock::now() < deadline) {
		std::this_thread::sleep_for(std::chrono::milliseconds(5));
		controller.tick(100);
	}
	auto snap = controller.snapshot();
	EXPECT_NE(snap->log_error.find("/dev/full"), std::string::npos) << snap->log_error;
	EXPECT_NE(snap->log_error.find(std::strerror(ENOSPC)), std::string::npos) << snap->log_error;
	EXPECT_TRUE(snap->session_running);
	const std::string error = snap->log_error;

	session::Autopilot pilot(session::Policy::Strong, 21);
	while (controller.session_running()) {
		for (auto &command : pilot.act(*controller.snapshot()))
			controller.submit(std::move(command));
		controller.tick(100);
		EXPECT_EQ(controller.snapshot()->log_error, error);
	}
	controller.wait_for_logs();
	snap = controller.snapshot();
	EXPECT_TRUE(snap->session_ended);
	EXPECT_EQ(snap->log_error, error); // the last session's log stays marked
	ASSERT_TRUE(snap->metrics.has_value());
	EXPECT_GT(snap->metrics->uv, 0);
	EXPECT_GE(snap->metrics->duration_s, 120.0);

	// A new session with a good log starts clean.
	const std::string good = testing::TempDir() + "after-full.jsonl";
	controller.submit(start_request(good, 10));
	run_to_end(controller, session::Policy::Strong, 100, 21);
	EXPECT_EQ(controller.snapshot()->log_error, "");
	metrics::ReadReport report;
	metrics_of(good, &report);
	EXPECT_TRUE(report.problems.empty());
}

} // namespace
