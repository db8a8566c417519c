// The controller and the log writer under the threads they have inside OBS (label tsan runs these
// under ThreadSanitizer): producers pushing commands as hotkeys, the dock and obs-websocket do,
// the video thread's tick draining them, overlays reading snapshots; many threads queueing log
// lines while others drain and ask for health; the core log's sinks replaced (module load and
// unload) while threads log. They are correctness tests too: every command is
// applied exactly once, snapshots never go back, every line reaches the file whole and in order.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/sinks/base_sink.h>

#include "core/log/log.hpp"
#include "core/pack/library.hpp"
#include "core/session/controller.hpp"
#include "core/session/log_writer.hpp"

namespace {
using namespace lcs::session;

std::shared_ptr<const lcs::pack::Library> farm()
{
	static auto lib = lcs::pack::Library::load({std::filesystem::u8path(
						   std::string(LCS_SOURCE_DIR) + "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json")})
				  .library;
	return lib;
}

TEST(ControllerThreads, CommandsFromManyThreadsAreAppliedOnceWhileTicksDrainAndObserversRead)
{
	ASSERT_NE(farm(), nullptr);
	Controller c;
	c.submit(UseLibrary{farm(), 7, nullptr});
	c.tick(0);

	constexpr int kOrdersPerProducer = 150; // 2 × 150 orders, below either product's stock
	constexpr int kComments = 100;
	std::atomic<int> producers_left{3};
	std::atomic<bool> ticking{true};
	std::atomic<bool> observers_ok{true};

	std::thread hotkeys([&] { // cue navigation and the timer, as hotkeys press them
		for (int i = 0; i < 200; ++i) {
			c.submit(i % 2 == 0 ? Command{NextCue{}} : Command{PreviousCue{}});
			if (i % 50 == 0)
				c.submit(ToggleSegmentTimer{});
		}
		--producers_left;
	});
	std::thread dock([&] { // orders placed from the dock
		for (int i = 0; i < kOrdersPerProducer; ++i)
			c.submit(PlaceOrder{"dock-" + std::to_string(i), "FARM-HONEY-500", 1, {}});
		--producers_left;
	});
	std::thread websocket([&] { // obs-websocket's request threads: orders and injected comments
		for (int i = 0; i < kOrdersPerProducer; ++i) {
			c.submit(PlaceOrder{"ws-" + std::to_string(i), "FARM-KIWI-2500", 1, {}});
			if (i < kComments)
				c.submit(InjectComment{"第" + std::to_string(i) + "个问题", "question", "coach", ""});
		}
		--producers_left;
	});
	auto observe = [&] { // an overlay's video_tick / the dock's timer
		uint64_t version = 0;
		int64_t orders = 0, now = 0;
		while (ticking.load()) {
			const auto s = c.snapshot();
			if (s->version < version || s->orders < orders || s->now_ms < now ||
			    s->recent_orders.size() > Snapshot::kRecentOrders || s->orders > 2 * kOrdersPerProducer) {
				observers_ok = false;
				return;
			}
			version = s->version;
			orders = s->orders;
			now = s->now_ms;
			std::this_thread::yield();
		}
	};
	std::thread overlay1(observe), overlay2(observe);

	// The video thread: ticks until every producer is done, then once more for what they queued last.
	int64_t ticks = 0;
	while (producers_left.load() > 0) {
		c.tick(33);
		++ticks;
	}
	c.tick(33);
	ticking = false;
	hotkeys.join();
	dock.join();
	websocket.join();
	overlay1.join();
	overlay2.join();

	EXPECT_TRUE(observers_ok.load()) << "a snapshot went back or was inconsistent";
	const auto s = c.snapshot();
	EXPECT_EQ(s->orders, 2 * kOrdersPerProducer);
	EXPECT_EQ(s->units, 2 * kOrdersPerProducer);
	// Published at the last tick with news: the final one, or the one before when the producers'
	// last commands were drained already (a tick with nothing new publishes nothing).
	EXPECT_GE(s->now_ms, 33 * ticks);
	EXPECT_LE(s->now_ms, 33 * (ticks + 1));
	ASSERT_EQ(s->recent_orders.size(), Snapshot::kRecentOrders);
	EXPECT_EQ(s->open_questions.size(), static_cast<size_t>(kComments)) << "every injected question, once";
	std::map<std::string, int64_t> stock;
	for (const auto &p : s->shelf)
		stock[p.sku] = p.stock_left;
	EXPECT_EQ(stock["FARM-HONEY-500"], 600 - kOrdersPerProducer);
	EXPECT_EQ(stock["FARM-KIWI-2500"], 500 - kOrdersPerProducer);
}

TEST(ControllerThreads, ACheckerSetFromALoaderThreadWhileTicking)
{
	Controller c;
	c.submit(UseLibrary{farm(), 7, nullptr});
	std::atomic<bool> done{false};
	std::thread loader([&] { // Studio's worker loads the rules while the video thread ticks
		for (int i = 0; i < 200; ++i)
			c.set_compliance(nullptr);
		done = true;
	});
	while (!done.load())
		c.tick(10);
	loader.join();
	c.tick(10);
	EXPECT_EQ(c.snapshot()->script_findings, nullptr);
}

TEST(LogWriterThreads, LinesFromManyThreadsAllReachTheFileWholeAndInOrderPerThread)
{
	const std::string path = testing::TempDir() + "lcs-log-writer-threads.jsonl";
	constexpr int kThreads = 4;
	constexpr int kLines = 2000;
	{
		LogWriter writer(path);
		std::vector<std::thread> writers;
		for (int t = 0; t < kThreads; ++t)
			writers.emplace_back([&writer, t] {
				for (int i = 0; i < kLines; ++i)
					writer.write_line("{\"thread\":" + std::to_string(t) + ",\"n\":" + std::to_string(i) + "}");
			});
		std::atomic<bool> writing{true};
		std::thread checker([&] { // the controller asks for health every tick; the CLI drains
			while (writing.load()) {
				EXPECT_TRUE(writer.healthy());
				writer.drain();
			}
		});
		for (auto &w : writers)
			w.join();
		writing = false;
		checker.join();
		writer.finish(); // closes in the background; the destructor waits
	}
	std::ifstream in(path);
	std::vector<int> next(kThreads, 0);
	int lines = 0;
	for (std::string line; std::getline(in, line); ++lines) {
		int t = -1, n = -1;
		ASSERT_EQ(std::sscanf(line.c_str(), "{\"thread\":%d,\"n\":%d}", &t, &n), 2) << line;
		ASSERT_TRUE(t >= 0 && t < kThreads) << line;
		EXPECT_EQ(n, next[t]) << "thread " << t << "'s lines out of order";
		next[t] = n + 1;
	}
	EXPECT_EQ(lines, kThreads * kLines);
}

class CountingSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
	std::atomic<int> lines{0};

protected:
	void sink_it_(const spdlog::details::log_msg &) override { ++lines; }
	void flush_() override {}
};

TEST(CoreLogThreads, SinksReplacedWhileThreadsLogLoseNoLine)
{
	auto sink = std::make_shared<CountingSink>();
	lcs::log::set_sinks({sink});
	lcs::log::logger()->set_level(spdlog::level::info); // kept by every set_sinks below
	constexpr int kThreads = 3;
	constexpr int kLines = 500;
	std::vector<std::thread> loggers;
	for (int t = 0; t < kThreads; ++t)
		loggers.emplace_back([t] {
			for (int i = 0; i < kLines; ++i)
				lcs::log::logger()->info("thread {} line {}", t, i);
		});
	for (int i = 0; i < 200; ++i) // route_core_log_to_obs / detach, as module loads do
		lcs::log::set_sinks({sink});
	for (auto &l : loggers)
		l.join();
	EXPECT_EQ(sink->lines.load(), kThreads * kLines);
	lcs::log::set_sinks({});
}

} // namespace
