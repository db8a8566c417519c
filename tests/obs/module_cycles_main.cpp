// main() of the module load/unload cycle test: like obs_test_main.cpp (an X display, a
// QGuiApplication for Qt's font database, the log tap) but without the harness as a global
// environment: the test starts and shuts down libobs itself, once per cycle.
#include <cstdlib>

#include <QGuiApplication>
#include <gtest/gtest.h>

#include "obs_session.hpp"
#include "xvfb.hpp"

int main(int argc, char **argv)
{
	::testing::InitGoogleTest(&argc, argv);
	lcs::test::XvfbDisplay display;
	setenv("QT_QPA_PLATFORM", "offscreen", 0);
	QGuiApplication app(argc, argv);
	lcs::test::install_log_tap(); // before libobs starts any thread that logs
	return RUN_ALL_TESTS();
}
