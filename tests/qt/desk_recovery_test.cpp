// The control desk when something goes wrong and when OBS comes back: a full disk under a running
// session, a broken pack while another is in use, and the script in use restored after OBS
// restarts. Offscreen, against a real core session (desk_fixture.hpp), in both languages.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include <QLabel>
#include <QPushButton>
#include <QTest>

#include "desk_fixture.hpp"
#include "dock/desk-settings.hpp"
#include "dock/session-panel.hpp"

namespace {
using namespace lcs;
using obs::dock::ControlDesk;
using test::DeskTest;

// A full disk while practising: the desk says so at once, in the trainee's language, on the
// Session and the Review tab, and the session goes on.
TEST_P(DeskTest, AFailedLogWriteIsShownAtOnceAndTheSessionGoesOn)
{
	backend->log_path_override = "/dev/full"; // a real session whose every write fails: ENOSPC
	backend->use_packs({backend->bundled_packs().front().path});
	pass(10);
	auto *session_error = find<QLabel>("lcs.session.log_error");
	auto *review_error = find<QLabel>("lcs.review.log_error");
	EXPECT_TRUE(session_error->isHidden());
	QTest::mouseClick(find<QPushButton>("lcs.session.start"), Qt::LeftButton);
	ASSERT_TRUE(until([&] { return snap()->session_running && find<QPushButton>("lcs.session.start")->isEnabled(); }));
	ASSERT_TRUE(until([&] {
		pass(100);
		return !snap()->log_error.empty();
	}));
	const QString expected = text("Desk.LogWriteFailed").arg(QString::fromStdString(snap()->log_error));
	EXPECT_FALSE(expected.contains("Desk.")) << expected.toStdString();
	EXPECT_EQ(session_error->text(), expected);
	EXPECT_FALSE(session_error->isHidden());
	EXPECT_TRUE(session_error->text().contains("/dev/full")) << session_error->text().toStdString();
	EXPECT_EQ(review_error->text(), expected);
	EXPECT_FALSE(review_error->isHidden());
	if (GetParam() == "zh-CN") {
		EXPECT_TRUE(session_error->text().contains(QString::fromUtf8("日志"))) << session_error->text().toStdString();
	}
	// The session goes on; the warning stays with it.
	pass(3000);
	EXPECT_TRUE(snap()->session_running);
	EXPECT_GT(snap()->viewers, 0);
	EXPECT_EQ(session_error->text(), expected);
	save_tabs("log-error");
	QTest::mouseClick(find<QPushButton>("lcs.session.start"), Qt::LeftButton); // stop
	pass(100);
	EXPECT_TRUE(snap()->session_ended);
	EXPECT_FALSE(review_error->isHidden());

	// The next session writes its log: the warning goes.
	backend->log_path_override.clear();
	QTest::mouseClick(find<QPushButton>("lcs.session.start"), Qt::LeftButton);
	ASSERT_TRUE(until([&] { return snap()->session_running && find<QPushButton>("lcs.session.start")->isEnabled(); }));
	pass(100);
	EXPECT_TRUE(session_error->isHidden());
	EXPECT_TRUE(review_error->isHidden());
}

TEST_P(DeskTest, ABrokenPackSaysWhereAndTheScriptInUseStays)
{
	backend->use_packs({backend->bundled_packs().front().path});
	pass(10);
	const auto before = snap()->library;
	ASSERT_NE(before, nullptr);
	const std::string broken = dir + "/broken.json";
	std::ofstream(broken) << "{\n  \"format\": \"lcs.pack/1\",\n  \"meta\": { \"id\": 12 ,\n";
	desk->session_panel()->load_packs({broken});
	auto *status = find<QLabel>("lcs.session.status");
	ASSERT_TRUE(until([&] { return status->text() != text("Desk.Loading"); }));
	EXPECT_TRUE(status->text().contains("broken.json:")) << status->text().toStdString();
	EXPECT_EQ(snap()->library, before);
	// The practice scene button reaches the frontend (here: recorded) and shows its answer.
	QTest::mouseClick(find<QPushButton>("lcs.session.practice_scene"), Qt::LeftButton);
	EXPECT_EQ(backend->practice_scene_requests, 1);
	EXPECT_EQ(status->text(), text("Desk.PracticeCreated"));
}

TEST_P(DeskTest, TheScriptInUseWhenOBSClosesComesBackNextTime)
{
	// Chosen elsewhere (a prompter's properties), not in the desk: still what comes back.
	const std::string apparel = backend->bundled_packs()[2].path;
	ASSERT_TRUE(backend->use_packs({apparel}).ok);
	pass(10);
	desk->shutdown();
	config->reopen();
	EXPECT_EQ(obs::dock::load_desk_settings(config->config).pack_files, std::vector<std::string>{apparel});

	desk.reset();
	backend = std::make_unique<test::DeskTestBackend>(GetParam(), dir); // OBS started again
	desk = std::make_unique<ControlDesk>(*backend, config->config);
	ASSERT_EQ(snap()->library, nullptr);
	desk->restore_packs();
	ASSERT_TRUE(until([&] { return snap()->library != nullptr; }));
	EXPECT_EQ(snap()->library->packs().front().meta.id, "apparel-members-zh");
	EXPECT_EQ(find<QComboBox>("lcs.session.pack")->currentData().toStringList(), QStringList{QString::fromStdString(apparel)});
}

} // namespace
