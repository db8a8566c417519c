// Paid traffic (投流) on the desk's Session tab, driven like a trainee would against a real core
// session on a pack whose first scenario has an ad budget: the group is there only with a budget,
// Buy sends BuyTraffic and the labels follow the controller's snapshot, a refused purchase says
// why, and the amount and bid are what the paid-traffic hotkey buys.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>

#include <nlohmann/json.hpp>

#include "core/util/money.hpp"
#include "desk_backend_fixture.hpp"
#include "dock/control-desk.hpp"
#include "dock/session-panel.hpp"
#include "studio/traffic-order.hpp"

namespace {
using namespace lcs;
using obs::dock::ControlDesk;

QString yuan(int64_t cents)
{
	return QString::fromStdString(util::format_yuan(cents));
}

/// The bundled farm pack of `language` with an ad budget of ¥300 on its first scenario (bids ¥20–¥80
/// per thousand impressions); its other scenarios have none.
std::string farm_with_budget(const std::string &dir, const std::string &language)
{
	std::ifstream in(std::string(LCS_SOURCE_DIR) + "/scripts-library/packs/farm-origin/farm-origin." + language + ".json");
	auto pack = nlohmann::json::parse(in);
	pack["scenarios"][0]["ads"] = {{"budget_cents", 30000}, {"min_bid_cpm_cents", 2000}, {"max_bid_cpm_cents", 8000}};
	EXPECT_GE(pack["scenarios"].size(), 2u);
	for (size_t i = 1; i < pack["scenarios"].size(); ++i)
		pack["scenarios"][i].erase("ads");
	const auto path = std::filesystem::path(dir) / ("farm-ads." + language + ".json");
	std::ofstream(path) << pack.dump();
	return path.string();
}

class TrafficDeskTest : public testing::TestWithParam<std::string> {
protected:
	void SetUp() override
	{
		const auto d = std::filesystem::path(testing::TempDir()) / ("traffic-desk-" + GetParam());
		std::filesystem::remove_all(d);
		std::filesystem::create_directories(d);
		dir = d.string();
		backend = std::make_unique<test::DeskTestBackend>(GetParam(), dir);
		desk = std::make_unique<ControlDesk>(*backend, nullptr);
		desk->resize(480, 900);
		desk->show();
	}
	void TearDown() override
	{
		desk.reset();
		backend.reset();
	}

	template<typename T> T *find(const QString &name) const
	{
		auto *w = desk->findChild<T *>(name);
		EXPECT_NE(w, nullptr) << "no widget " << name.toStdString();
		return w;
	}
	QString text(const char *key) const { return QString::fromUtf8(backend->text(key)); }
	std::shared_ptr<const session::Snapshot> snap() const { return backend->snapshot(); }
	void pass(int64_t ms)
	{
		for (int64_t done = 0; done < ms; done += 100) {
			backend->tick(std::min<int64_t>(100, ms - done));
			QCoreApplication::processEvents();
			desk->refresh();
		}
		backend->tick(0);
		QCoreApplication::processEvents();
		desk->refresh();
	}
	bool until(const std::function<bool()> &done)
	{
		return QTest::qWaitFor(
			[&] {
				backend->tick(0);
				desk->refresh();
				return done();
			},
			10000);
	}
	void load(const std::string &file)
	{
		const auto *before = snap()->library.get();
		desk->session_panel()->load_packs({file});
		ASSERT_TRUE(until([&] {
			return snap()->library && snap()->library.get() != before &&
			       find<QLabel>("lcs.session.status")->text() == "loaded";
		}));
	}
	void start_first_scenario()
	{
		auto *scenarios = find<QComboBox>("lcs.session.scenario");
		scenarios->setCurrentIndex(0);
		Q_EMIT scenarios->activated(0);
		QTest::mouseClick(find<QPushButton>("lcs.session.start"), Qt::LeftButton);
		ASSERT_TRUE(until([&] { return snap()->session_running; })) << snap()->last_refusal;
		pass(200);
	}
	bool shown() const { return !find<QGroupBox>("lcs.traffic")->isHidden(); }

	std::string dir;
	std::unique_ptr<test::DeskTestBackend> backend;
	std::unique_ptr<ControlDesk> desk;
};

TEST_P(TrafficDeskTest, TheGroupIsThereOnlyWhenTheScenarioHasABudget)
{
	load(std::string(LCS_SOURCE_DIR) + "/scripts-library/packs/farm-origin/farm-origin." + GetParam() + ".json");
	pass(100);
	EXPECT_FALSE(shown()) << "the bundled farm pack has no ad budget";

	load(farm_with_budget(dir, GetParam()));
	pass(100);
	auto *scenarios = find<QComboBox>("lcs.session.scenario");
	ASSERT_EQ(scenarios->currentIndex(), 0);
	ASSERT_TRUE(shown());
	EXPECT_EQ(find<QGroupBox>("lcs.traffic")->title(), text("Desk.PaidTraffic"));
	EXPECT_EQ(find<QLabel>("lcs.traffic.left")->text(), text("Desk.TrafficLeftOf").arg(yuan(30000), yuan(30000)));
	EXPECT_FALSE(find<QPushButton>("lcs.traffic.buy")->isEnabled()) << "no session runs";
	auto *bid = find<QDoubleSpinBox>("lcs.traffic.bid");
	EXPECT_DOUBLE_EQ(bid->minimum(), 20.0);
	EXPECT_DOUBLE_EQ(bid->maximum(), 80.0);
	EXPECT_DOUBLE_EQ(bid->value(), 20.0) << "the lowest bid by default";
	EXPECT_DOUBLE_EQ(find<QDoubleSpinBox>("lcs.traffic.amount")->value(), 50.0);
	EXPECT_EQ(backend->traffic_order().amount_cents, 5000) << "what the hotkey buys";
	EXPECT_EQ(backend->traffic_order().bid_cpm_cents, 0) << "an untouched bid: the lowest";

	// Another scenario chosen (without a budget) hides it; back to the first shows it again.
	scenarios->setFocus();
	QTest::keyClick(scenarios, Qt::Key_Down);
	ASSERT_EQ(scenarios->currentIndex(), 1);
	EXPECT_FALSE(shown());
	QTest::keyClick(scenarios, Qt::Key_Up);
	EXPECT_TRUE(shown());
}

TEST_P(TrafficDeskTest, BuyBuysWhatTheFormSaysAndTheLabelsFollowTheSnapshot)
{
	load(farm_with_budget(dir, GetParam()));
	start_first_scenario();
	ASSERT_EQ(snap()->ad_budget_cents, 30000);
	auto *buy = find<QPushButton>("lcs.traffic.buy");
	auto *amount = find<QDoubleSpinBox>("lcs.traffic.amount");
	auto *bid = find<QDoubleSpinBox>("lcs.traffic.bid");
	EXPECT_TRUE(buy->isEnabled());
	EXPECT_TRUE(buy->toolTip().contains(text("Hotkey.BuyTraffic")));

	// The defaults: ¥50 at the lowest bid (¥20 per thousand) buy 2 500 impressions.
	QTest::mouseClick(buy, Qt::LeftButton);
	pass(200);
	EXPECT_EQ(snap()->ad_spent_cents, 5000);
	EXPECT_EQ(snap()->paid_impressions, 2500);
	EXPECT_EQ(find<QLabel>("lcs.traffic.left")->text(), text("Desk.TrafficLeftOf").arg(yuan(25000), yuan(30000)));
	EXPECT_EQ(find<QLabel>("lcs.traffic.spent")->text(), text("Desk.TrafficSpent").arg(yuan(5000)).arg(2500));
	if (const QString folder = qEnvironmentVariable("LCS_TEST_ARTIFACTS"); !folder.isEmpty()) // to look at
		desk->grab().save(QStringLiteral("%1/desk-traffic-%2.png").arg(folder, QString::fromStdString(GetParam())));

	// The trainee asks for ¥300 at ¥40: the amount stops at what is left (¥250); the hotkey
	// would buy the same.
	amount->setFocus();
	amount->setValue(300.0);
	bid->setValue(40.0);
	EXPECT_DOUBLE_EQ(amount->value(), 250.0);
	EXPECT_EQ(backend->traffic_order().amount_cents, 25000);
	EXPECT_EQ(backend->traffic_order().bid_cpm_cents, 4000);
	QTest::mouseClick(buy, Qt::LeftButton);
	pass(200);
	EXPECT_EQ(snap()->ad_spent_cents, 30000);
	EXPECT_EQ(snap()->paid_impressions, 2500 + 6250);
	EXPECT_EQ(find<QLabel>("lcs.traffic.left")->text(), text("Desk.TrafficLeftOf").arg(yuan(0), yuan(30000)));
	EXPECT_FALSE(buy->isEnabled()) << "nothing is left";
	EXPECT_FALSE(amount->isEnabled());
	EXPECT_TRUE(find<QLabel>("lcs.traffic.refusal")->isHidden());

	// The spend is in the session log as the contract's ad_spend events.
	backend->submit(session::StopSession{});
	pass(100);
	ASSERT_TRUE(until([&] { return snap()->log_finished; }));
	int spends = 0;
	std::ifstream in(snap()->last_log_path);
	for (std::string line; std::getline(in, line);)
		if (line.find("\"ad_spend\"") != std::string::npos)
			++spends;
	EXPECT_EQ(spends, 2);
}

TEST_P(TrafficDeskTest, ARefusedPurchaseSaysWhyUntilOneGoesThrough)
{
	load(farm_with_budget(dir, GetParam()));
	start_first_scenario();
	auto *refusal = find<QLabel>("lcs.traffic.refusal");
	EXPECT_TRUE(refusal->isHidden());
	// More than the budget (as a remote or a hotkey racing the desk may ask): refused, not spent.
	backend->submit(session::BuyTraffic{40000, 0, {}});
	pass(200);
	EXPECT_EQ(snap()->ad_spent_cents, 0);
	ASSERT_FALSE(refusal->isHidden());
	EXPECT_TRUE(refusal->text().startsWith(text("Desk.TrafficRefused").arg(QString()))) << refusal->text().toStdString();
	EXPECT_TRUE(refusal->text().contains(yuan(40000) + " is more than the budget left (" + yuan(30000) + ")"))
		<< refusal->text().toStdString();
	EXPECT_EQ(find<QLabel>("lcs.traffic.left")->text(), text("Desk.TrafficLeftOf").arg(yuan(30000), yuan(30000)));

	QTest::mouseClick(find<QPushButton>("lcs.traffic.buy"), Qt::LeftButton);
	pass(200);
	EXPECT_EQ(snap()->ad_spent_cents, 5000);
	EXPECT_TRUE(refusal->isHidden()) << "a purchase went through since";
}

INSTANTIATE_TEST_SUITE_P(Languages, TrafficDeskTest, testing::Values("zh-CN", "en-US"),
			 [](const testing::TestParamInfo<std::string> &param) {
				 return param.param == "zh-CN" ? std::string("zh_CN") : std::string("en_US");
			 });

// What one press of the hotkey buys: the order, or what is left of the running budget when less.
TEST(TrafficOrder, OnePressBuysTheOrderOrWhatIsLeftOfTheBudget)
{
	obs::TrafficOrder order;
	session::Snapshot room;
	EXPECT_EQ(order.command_for(room).amount_cents, obs::TrafficOrder::kDefaultAmountCents);
	EXPECT_EQ(order.command_for(room).bid_cpm_cents, 0) << "the scenario's lowest bid";
	room.session_running = true;
	room.ad_budget_cents = 30000;
	room.ad_spent_cents = 27000;
	EXPECT_EQ(order.command_for(room).amount_cents, 3000);
	order.set(2000, 4500);
	EXPECT_EQ(order.command_for(room).amount_cents, 2000);
	EXPECT_EQ(order.command_for(room).bid_cpm_cents, 4500);
	room.ad_spent_cents = 30000; // nothing left: the order goes as it is, the controller says why
	EXPECT_EQ(order.command_for(room).amount_cents, 2000);
	room.session_running = false;
	room.ad_spent_cents = 29000;
	EXPECT_EQ(order.command_for(room).amount_cents, 2000);
}

} // namespace
