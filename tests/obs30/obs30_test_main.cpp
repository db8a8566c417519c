// main() of the OBS >= 30 tests: an X display (Xvfb when none), a QGuiApplication of the Qt this
// build uses (the module rasterises text with Qt, as inside OBS), then, for the source tests,
// headless libobs with the module opened (tests/obs' harness); the loader tests start libobs
// themselves, since they load the module through libobs' own module loader.
#include <cstdlib>
#include <string>

#include <QGuiApplication>
#include <gtest/gtest.h>

#include "obs30_process.hpp"
#include "obs_harness.hpp"
#include "obs_session.hpp"
#include "xvfb.hpp"

int main(int argc, char **argv)
{
	::testing::InitGoogleTest(&argc, argv);
	lcs::test::XvfbDisplay display;
	setenv("QT_QPA_PLATFORM", "offscreen", 0);
	QGuiApplication app(argc, argv);
	lcs::test::install_log_tap(); // before libobs starts any thread that logs
	// One libobs per process: the loader tests start their own, the source tests the harness's.
	const bool loader = lcs::test::env_or_default("LCS_OBS30_MODE", "sources") == "loader";
	if (GTEST_FLAG_GET(filter) == "*")
		GTEST_FLAG_SET(filter, loader ? "Obs30Loader.*" : "Obs30Sources.*");
	if (!loader)
		::testing::AddGlobalTestEnvironment(
			new lcs::test::ObsHarness(lcs::test::env_or_default("LCS_TEST_LOCALE", "zh-CN")));
	return RUN_ALL_TESTS();
}
