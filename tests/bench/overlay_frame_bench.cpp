// What one frame costs OBS's video thread with our five overlays during a busy practice session,
// against five stock text_ft2_source_v2 showing the same amount of text (same CJK face, similar
// sizes) and changing as often. One headless libobs run (Xvfb, OpenGL through Mesa), 30 fps:
//   1. an empty scene (the frame's fixed cost: compositing and the output texture);
//   2. the five overlays on a busy room (a farm-origin scenario with 10 000 viewers, 3 000 arrivals
//      a minute, traffic ×3: ~2 comments, ~1 order and ~300 joins a second), 10 s;
//   3. the five text sources, each updated (obs_source_update with new text, on this thread, as a
//      script or dock would) as often as the matching overlay changed in 2, 10 s.
// Measured for each: CPU time of libobs's graphics thread (/proc/self/task/<tid>/stat) per frame,
// libobs's obs_get_average_frame_time_ns (tick + render + output of a frame), the CPU of our
// painter thread and of the thread that updated the text sources. Judged on the graphics thread's
// CPU per frame: ratio overlays / text sources ≤ 1.0.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <pthread.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <QGuiApplication>
#include <nlohmann/json.hpp>
#include <obs.hpp>

#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"
#include "obs_session.hpp"
#include "thread_cpu.hpp"
#include "xvfb.hpp"

namespace {
using lcs::test::ObsHarness;
using Clock = std::chrono::steady_clock;
constexpr auto kPhase = std::chrono::seconds(10);

// The graphics thread's CPU clock (exact, unlike /proc's ticks), taken in a tick callback.
std::atomic<clockid_t> g_graphics_clock{0};
std::atomic<bool> g_have_graphics_clock{false};

void on_tick(void *, float)
{
	if (g_have_graphics_clock.load())
		return;
	clockid_t id{};
	if (pthread_getcpuclockid(pthread_self(), &id) == 0) {
		g_graphics_clock = id;
		g_have_graphics_clock = true;
	}
}

double graphics_cpu_ms()
{
	timespec ts{};
	clock_gettime(g_graphics_clock.load(), &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Cost {
	double graphics_ms = 0;   // graphics thread CPU, per frame
	double painter_ms = 0;    // our painter thread CPU, per frame
	double updater_ms = 0;    // this thread's obs_source_update CPU, per frame
	double process_ms = 0;    // every thread of the process (Mesa's llvmpipe threads rasterise), per frame
	double frame_time_ms = 0; // obs_get_average_frame_time_ns, sampled
	std::map<std::string, double> threads; // every thread's CPU per frame, by name
	uint32_t frames = 0;
};

/// Runs `work` (called about every 5 ms) for `length` and measures the threads meanwhile.
Cost measure(std::chrono::milliseconds length, const std::function<void()> &work = {})
{
	timespec mono0{};
	clock_gettime(CLOCK_MONOTONIC, &mono0);
	const lcs::test::ThreadCpu before;
	const double graphics0 = graphics_cpu_ms();
	const uint32_t frames0 = obs_get_total_frames();
	double frame_ns = 0;
	int samples = 0;
	const auto end = Clock::now() + length;
	auto next_sample = Clock::now() + std::chrono::milliseconds(200);
	while (Clock::now() < end) {
		if (work)
			work();
		if (Clock::now() >= next_sample) {
			frame_ns += static_cast<double>(obs_get_average_frame_time_ns());
			++samples;
			next_sample += std::chrono::milliseconds(200);
		}
		std::this_thread::sleep_for(std::chrono::milliseconds(5));
	}
	const double graphics1 = graphics_cpu_ms();
	const lcs::test::ThreadCpu after;
	timespec mono1{};
	clock_gettime(CLOCK_MONOTONIC, &mono1);
	std::printf("phase window (CLOCK_MONOTONIC, for perf report --time): %ld.%06ld,%ld.%06ld\n", static_cast<long>(mono0.tv_sec),
		    mono0.tv_nsec / 1000, static_cast<long>(mono1.tv_sec), mono1.tv_nsec / 1000);
	Cost c;
	c.frames = obs_get_total_frames() - frames0;
	const double n = c.frames ? c.frames : 1;
	c.graphics_ms = (graphics1 - graphics0) / n;
	c.painter_ms = (after.ms("lcs-painter") - before.ms("lcs-painter")) / n;
	c.process_ms = (after.total_ms() - before.total_ms()) / n;
	for (const auto &[name, ms] : after.by_name())
		c.threads[name] = (ms - before.ms(name)) / n;
	c.frame_time_ms = samples ? frame_ns / samples / 1e6 : 0;
	return c;
}

void print(const char *name, const Cost &c)
{
	std::printf("%-22s frames %4u  graphics thread %.3f ms/frame  painter %.3f ms/frame  updater %.3f ms/frame"
		    "  process %.3f ms/frame  libobs frame time %.3f ms\n",
		    name, c.frames, c.graphics_ms, c.painter_ms, c.updater_ms, c.process_ms, c.frame_time_ms);
	std::printf("  threads (ms/frame):");
	for (const auto &[thread, ms] : c.threads)
		if (ms >= 0.05)
			std::printf("  %s %.2f", thread.c_str(), ms);
	std::printf("\n");
}

int64_t repaints(obs_source_t *source)
{
	calldata_t cd = {};
	int64_t n = 0;
	if (proc_handler_call(obs_source_get_proc_handler(source), "lcs_render_stats", &cd))
		n = calldata_int(&cd, "changes") ? calldata_int(&cd, "changes") : calldata_int(&cd, "repaints");
	calldata_free(&cd);
	return n;
}

/// The busy room: farm-origin's first scenario with a crowd.
std::filesystem::path write_busy_pack()
{
	auto pack = nlohmann::json::parse(lcs::test::bundled_pack_text("farm-origin/farm-origin.zh-CN.json"));
	auto &s = pack["scenarios"][0];
	s["audience"]["arrivals_per_minute"] = 3000;
	s["audience"]["initial_viewers"] = 10000;
	s["traffic"] = nlohmann::json::array({{{"at_seconds", 0}, {"multiplier", 3.0}}});
	s["incidents"] = nlohmann::json::array();
	const auto path = std::filesystem::path(testing::TempDir()) / ("lcs-busy-room-" + std::to_string(getpid()) + ".json");
	std::ofstream(path) << pack.dump();
	return path;
}

OBSSourceAutoRelease make_source(const char *id, const char *name, obs_data_t *settings)
{
	return obs_source_create(id, name, settings, nullptr);
}

/// A text_ft2_source_v2 with the overlays' CJK face at `size` px, wrapping at `width`.
OBSSourceAutoRelease make_text(const char *name, int size, int width, const std::string &text)
{
	OBSDataAutoRelease font = obs_data_create();
	obs_data_set_string(font, "face", "WenQuanYi Micro Hei");
	obs_data_set_string(font, "style", "Regular");
	obs_data_set_int(font, "size", size);
	OBSDataAutoRelease s = obs_data_create();
	obs_data_set_obj(s, "font", font);
	obs_data_set_string(s, "text", text.c_str());
	obs_data_set_bool(s, "word_wrap", true);
	obs_data_set_int(s, "custom_width", width);
	obs_data_set_bool(s, "outline", false);
	obs_data_set_bool(s, "drop_shadow", false);
	return make_source("text_ft2_source_v2", name, s);
}

void set_text(obs_source_t *source, const std::string &text)
{
	OBSDataAutoRelease s = obs_data_create();
	obs_data_set_string(s, "text", text.c_str());
	obs_source_update(source, s);
}

double thread_cpu_ms()
{
	timespec ts{};
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// What the room produced, for texts of the same kind and length in the text sources.
struct RoomText {
	std::vector<std::string> comments; // "viewer：text"
	std::vector<std::string> orders;   // "viewer 买了 sku ×qty"
	int64_t joins = 0;
};

RoomText read_room(const std::filesystem::path &log, size_t from)
{
	RoomText r;
	const auto lines = lcs::test::session_lines(log);
	for (size_t i = from; i < lines.size(); ++i) {
		const auto &e = lines[i];
		const std::string type = e.value("type", "");
		r.joins += type == "viewer_join";
		if (type == "comment")
			r.comments.push_back(e.value("viewer", "") + "：" + e.value("text", ""));
		else if (type == "order")
			r.orders.push_back(e.value("viewer", "") + " 刚刚下单 " + e.value("sku", "") + " ×" +
					   std::to_string(e.value("qty", 1)));
	}
	if (r.comments.empty())
		r.comments.push_back("观众：这个蜂蜜是今年的新蜜吗");
	if (r.orders.empty())
		r.orders.push_back("观众 刚刚下单 FARM-HONEY-500 ×1");
	return r;
}

std::string window(const std::vector<std::string> &lines, size_t end, size_t count)
{
	std::string out;
	for (size_t i = 0; i < count; ++i) {
		if (!out.empty())
			out += '\n';
		out += lines[(end + i) % lines.size()];
	}
	return out;
}

TEST(OverlayFrameBench, FiveOverlaysCostTheVideoThreadNoMoreThanFiveFreetypeTexts)
{
	ASSERT_TRUE(ObsHarness::open_stock_module("text-freetype2"));
	obs_add_tick_callback(on_tick, nullptr);
	ASSERT_TRUE(ObsHarness::wait_until([] { return g_have_graphics_clock.load(); }));
	OBSSceneAutoRelease scene = obs_scene_create("overlay bench");
	obs_set_output_source(0, obs_scene_get_source(scene));

	// The busy room runs through every phase (the controller ticks on the video thread too).
	OBSDataAutoRelease prompter_settings = obs_data_create();
	obs_data_set_string(prompter_settings, "pack", "custom");
	obs_data_set_string(prompter_settings, "pack_file", write_busy_pack().c_str());
	const char *ids[] = {"lcs_cue_prompter", "lcs_comment_feed", "lcs_order_ticker", "lcs_price_card", "lcs_room_stats"};
	std::vector<OBSSourceAutoRelease> ours;
	ours.push_back(make_source(ids[0], ids[0], prompter_settings));
	ObsHarness::wait_frames(60); // the prompter loads the busy pack on the file worker
	const auto log = lcs::test::start_session_by_hotkey();
	ASSERT_FALSE(log.empty());
	ObsHarness::wait_frames(30);
	ASSERT_TRUE(lcs::test::press_hotkey("lcs.pin_next_product"));
	ASSERT_TRUE(lcs::test::press_hotkey("lcs.toggle_segment_promotion")); // a running sale counts down
	std::this_thread::sleep_for(std::chrono::seconds(2)); // the room fills
	// 1. The frame without overlays: compositing, the output and the session's own tick.
	const Cost empty = measure(std::chrono::seconds(4));

	// 2. Our five overlays.
	for (size_t i = 1; i < std::size(ids); ++i)
		ours.push_back(make_source(ids[i], ids[i], nullptr));
	for (size_t i = 0; i < ours.size(); ++i)
		ASSERT_NE(ours[i].Get(), nullptr) << ids[i];
	for (auto &s : ours)
		obs_scene_add(scene, s);
	std::this_thread::sleep_for(std::chrono::seconds(2)); // the feed has rows
	std::vector<int64_t> changes0;
	for (auto &s : ours)
		changes0.push_back(repaints(s));
	const size_t events0 = lcs::test::session_lines(log).size();
	const Cost overlays = measure(kPhase);
	std::vector<double> rate; // changes a second of each overlay (the prompter: its timer, 1/s)
	for (size_t i = 0; i < ours.size(); ++i)
		rate.push_back(i == 0 ? 1.0 : static_cast<double>(repaints(ours[i]) - changes0[i]) / kPhase.count());
	const RoomText room = read_room(log, events0);
	const double comment_rate = static_cast<double>(room.comments.size()) / kPhase.count();
	const double order_rate = static_cast<double>(room.orders.size()) / kPhase.count();
	const double join_rate = static_cast<double>(room.joins) / kPhase.count();
	obs_scene_enum_items(scene, [](obs_scene_t *, obs_sceneitem_t *item, void *) {
		obs_sceneitem_remove(item);
		return true;
	}, nullptr);
	ours.clear(); // gone: not even ticked while the text sources are measured

	// 3. Five text sources, the same texts' kind and length, changing as often.
	const std::string cue = "各位家人们晚上好，今天给大家带来的是我们自家果园的土蜂蜜，纯天然无添加，\n剩余时间 01:23";
	const std::string stats = "在线 1.2万   点赞 3456   关注 +128   订单 70   成交 ¥4,130.00   00:01:23";
	const std::string card = "农家土蜂蜜 500g\n到手价 ¥49.00  原价 ¥59.00\n第二件 8 折\n库存 128 件\n距结束 00:12:34";
	std::vector<OBSSourceAutoRelease> texts;
	texts.push_back(make_text("ft2 prompter", 36, 1200, cue));
	texts.push_back(make_text("ft2 feed", 22, 440, window(room.comments, 0, 10)));
	texts.push_back(make_text("ft2 ticker", 24, 440, window(room.orders, 0, 5)));
	texts.push_back(make_text("ft2 card", 28, 440, card));
	texts.push_back(make_text("ft2 stats", 24, 900, stats));
	for (auto &t : texts) {
		ASSERT_NE(t.Get(), nullptr);
		obs_scene_add(scene, t);
	}
	ObsHarness::wait_frames(30);
	std::vector<Clock::time_point> next(texts.size(), Clock::now());
	std::vector<size_t> step(texts.size(), 0);
	double updater_ms = 0;
	const Cost freetype = [&] {
		Cost c = measure(kPhase, [&] {
			for (size_t i = 0; i < texts.size(); ++i) {
				if (rate[i] <= 0 || Clock::now() < next[i])
					continue;
				next[i] += std::chrono::microseconds(static_cast<int64_t>(1e6 / rate[i]));
				const size_t k = ++step[i];
				std::string text;
				switch (i) {
				case 0: text = cue + std::to_string(k % 10); break;
				case 1: text = window(room.comments, k, 10); break;
				case 2: text = window(room.orders, k, 5); break;
				case 3: text = card + std::to_string(k % 10); break;
				default: text = stats + std::to_string(k % 10); break;
				}
				const double t0 = thread_cpu_ms();
				set_text(texts[i], text);
				updater_ms += thread_cpu_ms() - t0;
			}
		});
		c.updater_ms = updater_ms / (c.frames ? c.frames : 1);
		return c;
	}();
	EXPECT_TRUE(lcs::test::stop_session_by_hotkey(log));
	obs_remove_tick_callback(on_tick, nullptr);
	obs_set_output_source(0, nullptr);
	texts.clear();

	std::printf("busy room: %.1f comments/s, %.1f orders/s, %.0f joins/s; overlay changes/s: prompter %.1f feed %.1f ticker %.1f"
		    " card %.1f stats %.1f\n",
		    comment_rate, order_rate, join_rate, rate[0], rate[1], rate[2], rate[3], rate[4]);
	print("empty scene", empty);
	print("our five overlays", overlays);
	print("five text_ft2 sources", freetype);
	const double ratio = overlays.graphics_ms / freetype.graphics_ms;
	const double above_empty = (overlays.graphics_ms - empty.graphics_ms) / (freetype.graphics_ms - empty.graphics_ms);
	const double total = (overlays.graphics_ms + overlays.painter_ms) / (freetype.graphics_ms + freetype.updater_ms);
	std::printf("ratio (graphics thread CPU per frame, overlays / text_ft2): %.2f\n", ratio);
	std::printf("ratio above the empty scene: %.2f; all threads' CPU (graphics + painter / graphics + updater): %.2f;"
		    " libobs frame time: %.2f\n",
		    above_empty, total, overlays.frame_time_ms / freetype.frame_time_ms);
	EXPECT_GT(overlays.frames, 250u);
	EXPECT_GT(freetype.frames, 250u);
	EXPECT_LE(ratio, 1.0) << "our overlays cost the video thread more than five text_ft2 sources";
}

} // namespace

int main(int argc, char **argv)
{
	::testing::InitGoogleTest(&argc, argv);
	lcs::test::XvfbDisplay display;
	setenv("QT_QPA_PLATFORM", "offscreen", 0);
	QGuiApplication app(argc, argv);
	lcs::test::install_log_tap();
	::testing::AddGlobalTestEnvironment(new lcs::test::ObsHarness("zh-CN"));
	return RUN_ALL_TESTS();
}
