// The control desk's widgets driven like a trainee would (clicks, keys) against a real core
// session: real packs, real audience, a real session log, the real locale files, the real report.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <util/config-file.h>

#include "core/metrics/log_reader.hpp"
#include "core/util/money.hpp"
#include "desk_fixture.hpp"
#include "dock/control-desk.hpp"
#include "dock/desk-settings.hpp"
#include "dock/session-panel.hpp"

namespace {
using namespace lcs;
using obs::dock::ControlDesk;
using test::DeskTest;
using test::read_all;

TEST_P(DeskTest, EveryTextComesFromTheLocaleFiles)
{
	const auto tabs = find<QTabWidget>("lcs.desk.tabs");
	ASSERT_EQ(tabs->count(), 6);
	EXPECT_EQ(tabs->tabText(5), GetParam() == "zh-CN" ? QString::fromUtf8("话术库") : QString("Library"));
	EXPECT_EQ(tabs->tabText(1), text("Desk.TabScript"));
	EXPECT_EQ(tabs->tabText(1), GetParam() == "zh-CN" ? QString::fromUtf8("话术") : QString("Script"));
	// A key shown as is means it is missing from the ini files.
	QStringList shown;
	for (auto *label : desk->findChildren<QLabel *>())
		shown << label->text() << label->toolTip();
	for (auto *button : desk->findChildren<QAbstractButton *>())
		shown << button->text() << button->toolTip();
	for (auto *table : desk->findChildren<QTableWidget *>())
		for (int c = 0; c < table->columnCount(); ++c)
			if (table->horizontalHeaderItem(c))
				shown << table->horizontalHeaderItem(c)->text();
	for (auto *tree : desk->findChildren<QTreeWidget *>())
		for (int c = 0; c < tree->columnCount(); ++c)
			shown << tree->headerItem()->text(c);
	for (const auto &t : shown)
		EXPECT_FALSE(t.contains(QRegularExpression("(Desk|Hotkey)\\.[A-Z]"))) << t.toStdString();
}

// Seeds are 64-bit everywhere (issue 11 item 10): the largest seed `lcs simulate` takes can be typed
// into the desk and replays that room; one past it is refused with a word, never wrapped or dropped.
TEST_P(DeskTest, TheLargestSixtyFourBitSeedCanBeTypedAndOnePastItIsRefused)
{
	auto *pack_box = find<QComboBox>("lcs.session.pack");
	const int at = pack_index(std::string("farm-origin.") + GetParam() + ".json");
	ASSERT_GE(at, 0);
	pack_box->setCurrentIndex(at);
	Q_EMIT pack_box->activated(at);
	ASSERT_TRUE(until([&] {
		return snap()->library != nullptr && find<QLabel>("lcs.session.status")->text() == "loaded";
	}));
	QTest::mouseClick(find<QCheckBox>("lcs.session.random_seed"), Qt::LeftButton);
	auto *seed = find<QLineEdit>("lcs.session.seed");

	seed->clear();
	QTest::keyClicks(seed, "18446744073709551616");
	QTest::mouseClick(find<QPushButton>("lcs.session.start"), Qt::LeftButton);
	pass(500);
	EXPECT_FALSE(snap()->session_running);
	EXPECT_EQ(find<QLabel>("lcs.session.status")->text(), text("Desk.SeedTooLarge"));

	seed->clear();
	QTest::keyClicks(seed, "18446744073709551615");
	QTest::mouseClick(find<QPushButton>("lcs.session.start"), Qt::LeftButton);
	ASSERT_TRUE(until([&] { return snap()->session_running; }))
		<< find<QLabel>("lcs.session.status")->text().toStdString() << " / " << snap()->last_refusal;
	EXPECT_EQ(snap()->seed, 18446744073709551615u);
	backend->submit(session::StopSession{});
	pass(100);
	EXPECT_FALSE(snap()->session_running);
}

TEST_P(DeskTest, ARehearsalFromTheDeskAloneEndsInAReport)
{
	const bool zh = GetParam() == "zh-CN";
	const std::string pack = std::string("farm-origin.") + GetParam() + ".json";

	// Session tab: choose the pack, a scenario, a fixed seed, the trainee and a duration.
	auto *pack_box = find<QComboBox>("lcs.session.pack");
	const int at = pack_index(pack);
	ASSERT_GE(at, 0);
	pack_box->setCurrentIndex(at);
	Q_EMIT pack_box->activated(at);
	ASSERT_TRUE(until([&] {
		return snap()->library != nullptr && find<QLabel>("lcs.session.status")->text() == "loaded";
	}));
	const auto library = snap()->library;
	auto *scenario_box = find<QComboBox>("lcs.session.scenario");
	ASSERT_EQ(scenario_box->count(), static_cast<int>(library->scenarios().size()));
	scenario_box->setFocus();
	QTest::keyClick(scenario_box, Qt::Key_Down); // the keyboard picks the second scenario
	ASSERT_EQ(scenario_box->currentIndex(), 1);
	const std::string scenario_id = scenario_box->currentData().toString().toStdString();
	QTest::mouseClick(find<QCheckBox>("lcs.session.random_seed"), Qt::LeftButton);
	ASSERT_FALSE(find<QCheckBox>("lcs.session.random_seed")->isChecked());
	auto *seed = find<QLineEdit>("lcs.session.seed");
	seed->clear();
	QTest::keyClicks(seed, "4242");
	find<QLineEdit>("lcs.session.trainee")->setText(QString::fromUtf8("小王")); // QTest types ASCII only
	find<QSpinBox>("lcs.session.duration")->setValue(2);
	QTest::mouseClick(find<QPushButton>("lcs.session.start"), Qt::LeftButton);
	ASSERT_TRUE(until([&] { return snap()->session_running; }));
	EXPECT_EQ(snap()->seed, 4242u);
	EXPECT_EQ(snap()->scenario_id, scenario_id);
	EXPECT_EQ(snap()->trainee, "小王");
	EXPECT_EQ(snap()->duration_seconds, 120);
	pass(1000);
	EXPECT_EQ(find<QPushButton>("lcs.session.start")->text(), text("Desk.Stop"));
	EXPECT_TRUE(find<QLabel>("lcs.session.elapsed")->text().endsWith("/ 2:00"));

	// Script tab: the trainee's prompter follows the controller; buttons and Enter move it.
	auto *cue = find<QLabel>("lcs.script.cue");
	EXPECT_EQ(cue->text().toStdString(), snap()->cue.cue_text);
	const std::string first_cue = snap()->cue.cue_id;
	QTest::mouseClick(find<QPushButton>("lcs.script.next_cue"), Qt::LeftButton);
	pass(100);
	EXPECT_NE(snap()->cue.cue_id, first_cue);
	EXPECT_EQ(cue->text().toStdString(), snap()->cue.cue_text);
	auto *segments = find<QTreeWidget>("lcs.script.segments");
	ASSERT_EQ(segments->topLevelItemCount(), static_cast<int>(library->segments().size()));
	EXPECT_FALSE(segments->topLevelItem(0)->text(2).isEmpty()); // actual time of the first segment
	segments->setFocus();
	segments->setCurrentItem(segments->topLevelItem(2));
	QTest::keyClick(segments, Qt::Key_Return);
	pass(100);
	EXPECT_EQ(snap()->cue.segment_index, 2);
	EXPECT_TRUE(segments->topLevelItem(2)->font(0).bold());
	segments->setCurrentItem(segments->topLevelItem(1));
	QTest::mouseClick(find<QPushButton>("lcs.script.jump"), Qt::LeftButton);
	pass(100);
	EXPECT_EQ(snap()->cue.segment_index, 1);

	// Shelf tab: pin a product, launch and stop each promotion.
	const std::string sku = library->products().front()->sku;
	auto *pin = find<QPushButton>(QString::fromStdString("lcs.shelf.pin." + sku));
	QTest::mouseClick(pin, Qt::LeftButton);
	pass(100);
	EXPECT_EQ(snap()->pinned_sku, sku);
	EXPECT_EQ(pin->text(), text("Desk.Unpin"));
	auto *promotions = find<QTableWidget>("lcs.shelf.promotions");
	ASSERT_EQ(promotions->rowCount(), static_cast<int>(library->promotions().size()));
	int launched = 0;
	for (int row = 0; row < promotions->rowCount(); ++row) {
		const std::string id = library->promotions()[row]->id;
		auto *toggle = find<QPushButton>(QString::fromStdString("lcs.promo.toggle." + id));
		QTest::mouseClick(toggle, Qt::LeftButton);
		pass(200);
		const auto &running = snap()->running_promotions;
		if (std::find(running.begin(), running.end(), id) == running.end())
			continue; // refused now (e.g. its product is not pinned): the status line says why
		++launched;
		EXPECT_EQ(toggle->text(), text("Desk.StopPromotion"));
		EXPECT_NE(promotions->item(row, 2)->text(), QString("–")) << id;
		QTest::mouseClick(toggle, Qt::LeftButton);
		pass(200);
		EXPECT_EQ(toggle->text(), text("Desk.Launch")) << id;
	}
	EXPECT_GE(launched, 1);
	// The pinned product's tiered price runs, and the shelf shows the promotion's price and tier.
	for (const auto *p : library->promotions())
		if (p->sku() == sku && std::string(p->type_name()) == "tiered_price") {
			backend->submit(session::StartPromotion{p->id});
			pass(100);
			const auto *view = [&]() -> const promo::PriceView * {
				for (const auto &v : snap()->shelf)
					if (v.sku == sku)
						return &v;
				return nullptr;
			}();
			ASSERT_NE(view, nullptr);
			auto *products = find<QTableWidget>("lcs.shelf.products");
			EXPECT_TRUE(products->item(0, 1)->text().startsWith(QString::fromStdString(util::format_yuan(view->price_cents))));
			EXPECT_EQ(products->item(0, 2)->text(), QString::number(view->stock_left));
		}

	// Audience tab: a coach's question is answered with its button, another with Enter.
	backend->submit(session::InjectComment{zh ? "这个多少钱？" : "How much is it?", "question", "coach", "k-desk-1"});
	backend->submit(session::InjectComment{zh ? "有赠品吗？" : "Any free gift?", "question", "coach", "k-desk-2"});
	pass(100);
	auto *answer = find<QPushButton>("lcs.question.answer.k-desk-1");
	ASSERT_NE(answer, nullptr);
	QTest::mouseClick(answer, Qt::LeftButton);
	pass(100);
	auto *questions = find<QTableWidget>("lcs.audience.questions");
	int row2 = -1;
	for (int row = 0; row < static_cast<int>(snap()->open_questions.size()); ++row) {
		EXPECT_NE(snap()->open_questions[row].comment_id, "k-desk-1");
		if (snap()->open_questions[row].comment_id == "k-desk-2")
			row2 = row;
	}
	ASSERT_GE(row2, 0);
	EXPECT_EQ(questions->item(row2, 2)->text().toStdString(), snap()->open_questions[row2].text);
	questions->setFocus();
	questions->setCurrentCell(row2, 2);
	QTest::keyClick(questions, Qt::Key_Return);
	pass(100);
	for (const auto &q : snap()->open_questions)
		EXPECT_NE(q.comment_id, "k-desk-2");
	EXPECT_EQ(find<QLabel>("lcs.audience.viewers")->text(), QString::number(snap()->viewers));
	EXPECT_EQ(find<QLabel>("lcs.audience.orders")->text(), QString::number(snap()->orders));
	// 扣1: watching viewers answer in the chat within seconds.
	const auto interactions = [&] {
		return std::count_if(snap()->comments.begin(), snap()->comments.end(),
				     [](const session::FeedComment &c) { return c.kind == "interaction"; });
	};
	const auto before = interactions();
	QTest::mouseClick(find<QPushButton>("lcs.audience.call"), Qt::LeftButton);
	pass(8000);
	EXPECT_GT(interactions(), before);
	save_tabs("running");
	// Dead air shows on the microphone line.
	backend->submit(session::Voice{false});
	pass(3500);
	EXPECT_EQ(find<QLabel>("lcs.audience.voice")->text(), text("Desk.DeadAir").arg("0:03"));

	// The session runs out; the review tab comes up with the log's metrics and the report.
	pass(130'000, 500);
	ASSERT_FALSE(snap()->session_running);
	EXPECT_EQ(find<QTabWidget>("lcs.desk.tabs")->currentIndex(), 4);
	ASSERT_TRUE(until([&] { return snap()->log_finished; }));
	const std::string log = snap()->last_log_path;
	metrics::MetricsAccumulator from_log;
	metrics::read_session_log(log, {}, [&](const nlohmann::json &e) { from_log.add(e); });
	const auto m = from_log.finish();
	EXPECT_EQ(find<QLabel>("lcs.review.uv")->text(), QString::number(m.uv));
	EXPECT_EQ(find<QLabel>("lcs.review.orders")->text(), QString::number(m.orders));
	save_tabs("ended");
	auto *report = find<QPushButton>("lcs.review.open_report");
	ASSERT_TRUE(report->isEnabled());
	QTest::mouseClick(report, Qt::LeftButton);
	ASSERT_TRUE(until([&] { return !backend->opened.empty(); }));
	const std::string html = backend->opened.back();
	EXPECT_EQ(std::filesystem::path(html).extension(), ".html");
	const auto page = read_all(html);
	EXPECT_NE(page.find("<svg"), std::string::npos);
	EXPECT_NE(page.find("小王"), std::string::npos);
	EXPECT_TRUE(find<QLabel>("lcs.review.status")->text().contains(QString::fromStdString(html)));

	// The log says what the desk did.
	const auto text_of_log = read_all(log);
	EXPECT_NE(text_of_log.find("\"comment_answered\""), std::string::npos);
	EXPECT_NE(text_of_log.find("k-desk-1"), std::string::npos);
	EXPECT_NE(text_of_log.find("\"product_pin\""), std::string::npos);
	EXPECT_NE(text_of_log.find("\"promo_start\""), std::string::npos);
	EXPECT_NE(text_of_log.find("\"seed\":4242"), std::string::npos);

	// What the trainee chose is remembered in the OBS-style config file and comes back.
	desk.reset();
	config->reopen();
	const auto saved = obs::dock::load_desk_settings(config->config);
	ASSERT_EQ(saved.pack_files.size(), 1u);
	EXPECT_TRUE(saved.pack_files[0].ends_with(pack));
	EXPECT_EQ(saved.scenario_id, scenario_id);
	EXPECT_EQ(saved.trainee, "小王");
	EXPECT_EQ(saved.duration_minutes, 2);
	EXPECT_FALSE(saved.random_seed);
	EXPECT_EQ(saved.seed, 4242u);
	desk = std::make_unique<ControlDesk>(*backend, config->config);
	EXPECT_EQ(find<QLineEdit>("lcs.session.trainee")->text(), QString::fromUtf8("小王"));
	EXPECT_EQ(find<QLineEdit>("lcs.session.seed")->text(), "4242");
	EXPECT_FALSE(find<QCheckBox>("lcs.session.random_seed")->isChecked());
	EXPECT_EQ(find<QSpinBox>("lcs.session.duration")->value(), 2);
}

TEST_P(DeskTest, ARandomSeedIsShownBeforeTheSessionSoItCanBeReplayed)
{
	backend->use_packs({backend->bundled_packs().front().path});
	pass(10);
	QTest::mouseClick(find<QPushButton>("lcs.session.start"), Qt::LeftButton);
	ASSERT_TRUE(until([&] { return snap()->session_running && find<QPushButton>("lcs.session.start")->isEnabled(); }));
	const auto shown = find<QLineEdit>("lcs.session.seed")->text();
	ASSERT_FALSE(shown.isEmpty());
	EXPECT_EQ(shown.toULongLong(), snap()->seed);
	QTest::mouseClick(find<QPushButton>("lcs.session.start"), Qt::LeftButton); // now "stop"
	pass(100);
	EXPECT_FALSE(snap()->session_running);
	EXPECT_TRUE(snap()->session_ended);
}

// A room left unanswered for hours: the Audience tab lists the 50 questions that have waited
// longest (a row and a button each) and counts the rest, instead of a row for every one.
TEST_P(DeskTest, AFloodOfOpenQuestionsListsTheFiftyOldestAndCountsTheRest)
{
	backend->use_packs({backend->bundled_packs().front().path});
	pass(10);
	for (int i = 0; i < 70; ++i)
		backend->submit(session::InjectComment{"Q" + std::to_string(i), "question", "coach", "k-flood-" + std::to_string(i)});
	pass(100);
	const auto open = snap()->open_questions.size();
	ASSERT_GE(open, 70u);
	auto *questions = find<QTableWidget>("lcs.audience.questions");
	auto *more = find<QLabel>("lcs.audience.more_questions");
	EXPECT_EQ(questions->rowCount(), 50);
	EXPECT_EQ(questions->item(0, 2)->text().toStdString(), snap()->open_questions[0].text);
	EXPECT_FALSE(more->isHidden());
	EXPECT_EQ(more->text(), text("Desk.MoreQuestions").arg(static_cast<qulonglong>(open - 50)));
	EXPECT_TRUE(more->text().contains(QString::number(open - 50))) << more->text().toStdString();
	const auto button = [&](const std::string &id) {
		return desk->findChild<QPushButton *>(QString::fromStdString("lcs.question.answer." + id));
	};
	EXPECT_EQ(button(snap()->open_questions[50].comment_id), nullptr);
	// Answering the oldest brings the 51st into the list.
	const std::string fifty_first = snap()->open_questions[50].comment_id;
	ASSERT_NE(button(snap()->open_questions[0].comment_id), nullptr);
	QTest::mouseClick(button(snap()->open_questions[0].comment_id), Qt::LeftButton);
	pass(100);
	EXPECT_NE(button(fifty_first), nullptr);
	EXPECT_EQ(more->text(), text("Desk.MoreQuestions").arg(static_cast<qulonglong>(open - 51)));
}

INSTANTIATE_TEST_SUITE_P(Languages, DeskTest, testing::Values("zh-CN", "en-US"),
			 [](const testing::TestParamInfo<std::string> &param) {
				 return param.param == "zh-CN" ? std::string("zh_CN") : std::string("en_US");
			 });

// Both languages have every key: a missing zh-CN key would show English in a Chinese OBS.
TEST(DeskLocale, EveryEnglishKeyHasAChineseText)
{
	const auto keys = [](const std::string &file) {
		std::set<std::string> out;
		std::ifstream in(std::string(LCS_SOURCE_DIR) + "/data/locale/" + file);
		for (std::string line; std::getline(in, line);)
			if (const auto eq = line.find('='); eq != std::string::npos && !line.empty() && line[0] != '#' && line[0] != ';')
				out.insert(line.substr(0, eq));
		return out;
	};
	const auto en = keys("en-US.ini"), zh = keys("zh-CN.ini");
	for (const auto &k : en)
		EXPECT_TRUE(zh.count(k)) << k;
}

} // namespace

int main(int argc, char **argv)
{
	// No display needed: Qt draws the widgets offscreen.
	qputenv("QT_QPA_PLATFORM", "offscreen");
	QApplication app(argc, argv);
	testing::InitGoogleTest(&argc, argv);
	return RUN_ALL_TESTS();
}
