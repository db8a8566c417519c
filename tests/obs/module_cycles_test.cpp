// 100 load/unload cycles of the module in headless libobs. libobs cannot unload one module, so a
// cycle is a whole libobs: obs_startup, video and audio, our module opened and initialised (and
// post-loaded, with a stand-in obs-websocket every other cycle), every overlay of the catalog in a
// scene on the output, a short session by its hotkey (a few video ticks), everything released,
// obs_shutdown. After each: no libobs allocation left (bnum_allocs), and from cycle 10 on (the
// first cycles settle: Mesa's, Qt's and glibc's lazily created threads and descriptors) neither
// the threads of the process nor its file descriptors grow.
//
// libobs never dlclose()s a module (obs-module.c: "there is no real reason to close the dynamic
// libraries"), so the .so stays mapped once and its statics live across cycles: what the module
// builds at load (the log sink, the studio and its worker thread, the websocket vendor, the
// compliance checker with its ICU/OpenCC tables) must be torn down at unload and built afresh at
// the next load. The test checks that the .so is mapped once, that every load logs "module
// loaded" and every unload "module unloaded", and that the vendor registers its requests again
// with each new obs-websocket and emits to it. A vendor kept from the previous cycle's (freed)
// obs-websocket would be called on the next cycle's video ticks: a use-after-free that the
// sanitizer pass (this test runs there too, label obs) reports.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <string>

#include <callback/calldata.h>
#include <obs.hpp>

#include "core/scene/overlay_catalog.hpp"
#include "fake_websocket.hpp"
#include "obs_harness.hpp"
#include "obs_session.hpp"

namespace {
using lcs::test::FakeWebsocket;
using lcs::test::LogWatch;
using lcs::test::ObsHarness;

size_t entries(const char *dir)
{
	size_t n = 0;
	if (DIR *d = opendir(dir)) {
		while (const dirent *e = readdir(d))
			n += e->d_name[0] != '.' ? 1 : 0;
		closedir(d);
	}
	return n;
}

/// Mappings of the module's .so with the executable bit: one per time it is loaded.
int module_text_mappings()
{
	std::ifstream maps("/proc/self/maps");
	int n = 0;
	for (std::string line; std::getline(maps, line);)
		if (line.find("live-commerce-studio.so") != std::string::npos && line.find(" r-xp ") != std::string::npos)
			++n;
	return n;
}

int cycles()
{
	const char *v = std::getenv("LCS_MODULE_CYCLES");
	return v && *v ? std::atoi(v) : 100;
}

// obs-websocket's "obs_websocket_api_get_ph" on this libobs's global proc handler (new each cycle).
void install_websocket(FakeWebsocket &fake)
{
	proc_handler_add(obs_get_proc_handler(), "void obs_websocket_api_get_ph(out ptr ph)",
			 [](void *param, calldata_t *cd) { calldata_set_ptr(cd, "ph", static_cast<FakeWebsocket *>(param)->procs); },
			 &fake);
}

struct Counts {
	size_t threads = 0;
	size_t fds = 0;
};

Counts counts()
{
	return {entries("/proc/self/task"), entries("/proc/self/fd")};
}

// One cycle; false when it could not go on (a fatal failure was recorded).
bool one_cycle(int cycle)
{
	const char *locale = std::getenv("LCS_TEST_LOCALE");
	ObsHarness obs(locale && *locale ? locale : "zh-CN");
	LogWatch log;
	obs.SetUp();
	if (::testing::Test::HasFatalFailure())
		return false;
	EXPECT_FALSE(log.wait_for("module loaded", std::chrono::seconds(5)).text.empty()) << "cycle " << cycle;

	// Every other cycle with obs-websocket (freed once libobs is down: its proc handler is a
	// libobs allocation), so a cycle without one follows one with one.
	FakeWebsocket *websocket = cycle % 2 == 0 ? new FakeWebsocket : nullptr;
	if (websocket) {
		install_websocket(*websocket);
		ObsHarness::after_shutdown([websocket] { delete websocket; });
	}
	obs_post_load_modules();
	if (websocket) {
		EXPECT_TRUE(websocket->has_request("GetStatus")) << "cycle " << cycle;
	}

	{
		OBSSceneAutoRelease scene = obs_scene_create("lcs cycle scene");
		OBSDataAutoRelease prompter_settings = obs_data_create();
		obs_data_set_string(prompter_settings, "pack", "farm-origin/farm-origin.zh-CN.json");
		for (const auto id : lcs::scene::kRegisteredOverlays) {
			const std::string source_id(id);
			OBSSourceAutoRelease source = obs_source_create(source_id.c_str(), source_id.c_str(),
									 source_id == lcs::scene::kCuePrompter ? prompter_settings.Get() : nullptr,
									 nullptr);
			EXPECT_NE(source.Get(), nullptr) << source_id << " in cycle " << cycle;
			if (source)
				obs_scene_add(scene, source);
		}
		obs_set_output_source(0, obs_scene_get_source(scene));

		const auto session = lcs::test::start_session_by_hotkey();
		EXPECT_FALSE(session.empty()) << "no session started in cycle " << cycle;
		ObsHarness::wait_frames(3);
		if (!session.empty()) {
			EXPECT_TRUE(lcs::test::stop_session_by_hotkey(session)) << "cycle " << cycle;
		}
		if (websocket) {
			EXPECT_GT(websocket->emitted.load(), 0) << "SessionStarted reaches this cycle's obs-websocket";
		}
		obs_set_output_source(0, nullptr);
	}

	obs.TearDown(); // obs_shutdown, then bnum_allocs() == 0
	EXPECT_FALSE(log.wait_for("module unloaded", std::chrono::seconds(1)).text.empty()) << "cycle " << cycle;
	return !::testing::Test::HasFatalFailure();
}

TEST(ModuleCycles, LoadAndUnloadAHundredTimesLeaksNoAllocationThreadOrDescriptor)
{
	const int n = cycles();
	ASSERT_GE(n, 10);
	const auto started = std::chrono::steady_clock::now();
	Counts at_ten;
	Counts last;
	for (int cycle = 1; cycle <= n; ++cycle) {
		if (!one_cycle(cycle))
			return;
		EXPECT_EQ(module_text_mappings(), 1) << "the module's .so is mapped once (libobs keeps it open)";
		last = counts();
		if (cycle == 1 || cycle == 10 || cycle % 25 == 0)
			std::printf("cycle %3d: %zu threads, %zu file descriptors\n", cycle, last.threads, last.fds);
		if (cycle == 10)
			at_ten = last;
		if (::testing::Test::HasFailure())
			break; // one failing cycle says enough
	}
	const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
	std::printf("%d cycles in %.1f s (%.0f ms a cycle)\n", n, seconds, 1000.0 * seconds / n);
	EXPECT_LE(last.threads, at_ten.threads) << "threads grew between cycle 10 and cycle " << n;
	EXPECT_LE(last.fds, at_ten.fds) << "file descriptors grew between cycle 10 and cycle " << n;
}

} // namespace
