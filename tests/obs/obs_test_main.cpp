// main() of the libobs integration tests: an X display (Xvfb when none), a QGuiApplication for
// Qt's font database (the module rasterises text with Qt, as inside OBS), then headless libobs.
#include <cstdlib>

#include <QGuiApplication>
#include <gtest/gtest.h>

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
	const char *locale = std::getenv("LCS_TEST_LOCALE");
	::testing::AddGlobalTestEnvironment(new lcs::test::ObsHarness(locale && *locale ? locale : "zh-CN"));
	return RUN_ALL_TESTS();
}
