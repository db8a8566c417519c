#include "dock/traffic-group.hpp"

#include <algorithm>

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/pack/scenario.hpp"
#include "dock/desk-format.hpp"

namespace lcs::obs::dock {
namespace {

// How the controller's refusals of BuyTraffic begin (session::Controller::buy_traffic).
constexpr std::string_view kRefusalPrefix = "buy traffic: ";

QDoubleSpinBox *money_box(QWidget *parent, const char *name, double step)
{
	auto *box = new QDoubleSpinBox(parent);
	box->setObjectName(name);
	box->setPrefix(QStringLiteral("¥"));
	box->setDecimals(2);
	box->setSingleStep(step);
	return box;
}

double yuan_value(int64_t cents)
{
	return static_cast<double>(cents) / 100.0;
}

/// Sets a range and a value only when they change, so the timer's redraws never disturb typing.
void show_range(QDoubleSpinBox &box, double minimum, double maximum, double value)
{
	if (box.minimum() != minimum || box.maximum() != maximum)
		box.setRange(minimum, maximum);
	if (box.value() != value)
		box.setValue(value);
}

} // namespace

TrafficGroup::TrafficGroup(DeskBackend &backend, QWidget *parent)
	: QGroupBox(tr_text(backend, "Desk.PaidTraffic"), parent), backend_(backend)
{
	setObjectName("lcs.traffic");
	wanted_amount_cents_ = backend_.traffic_order().amount_cents;

	left_ = new QLabel(this);
	left_->setObjectName("lcs.traffic.left");
	QFont bold = left_->font();
	bold.setBold(true);
	left_->setFont(bold);

	amount_ = money_box(this, "lcs.traffic.amount", 10.0);
	amount_->setRange(0.01, yuan_value(wanted_amount_cents_));
	amount_->setValue(yuan_value(wanted_amount_cents_));
	bid_ = money_box(this, "lcs.traffic.bid", 1.0);
	bid_->setToolTip(tr_text(backend_, "Desk.TrafficBidTip"));
	connect(amount_, QOverload<double>::of(&QDoubleSpinBox::valueChanged), this, [this] {
		if (!updating_)
			wanted_amount_cents_ = amount_cents();
		order_edited();
	});
	connect(bid_, QOverload<double>::of(&QDoubleSpinBox::valueChanged), this, [this] {
		if (!updating_)
			bid_chosen_ = true;
		order_edited();
	});

	buy_ = new QPushButton(tr_text(backend_, "Desk.BuyTraffic"), this);
	buy_->setObjectName("lcs.traffic.buy");
	buy_->setToolTip(hotkey_tip(backend_, "Hotkey.BuyTraffic"));
	connect(buy_, &QPushButton::clicked, this, &TrafficGroup::buy);

	spent_ = new QLabel(this);
	spent_->setObjectName("lcs.traffic.spent");

	refusal_ = new QLabel(this);
	refusal_->setObjectName("lcs.traffic.refusal");
	refusal_->setWordWrap(true);
	refusal_->setTextInteractionFlags(Qt::TextSelectableByMouse);
	refusal_->setStyleSheet(QStringLiteral("color: #d9534f;"));
	refusal_->hide();

	auto *form = new QFormLayout;
	form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
	form->addRow(tr_text(backend_, "Desk.TrafficLeft"), left_);
	form->addRow(tr_text(backend_, "Desk.TrafficAmount"), amount_);
	form->addRow(tr_text(backend_, "Desk.TrafficBid"), bid_);
	auto *layout = new QVBoxLayout(this);
	layout->addLayout(form);
	layout->addWidget(buy_);
	layout->addWidget(spent_);
	layout->addWidget(refusal_);
	hide(); // until a scenario with a budget shows up
}

int64_t TrafficGroup::amount_cents() const
{
	return qRound64(amount_->value() * 100.0);
}

int64_t TrafficGroup::bid_cpm_cents() const
{
	return qRound64(bid_->value() * 100.0);
}

void TrafficGroup::order_edited()
{
	if (updating_)
		return;
	// An untouched bid stays "the lowest" (0), whichever scenario the hotkey's session runs.
	backend_.set_traffic_order(wanted_amount_cents_, bid_chosen_ ? bid_cpm_cents() : 0);
}

void TrafficGroup::buy()
{
	backend_.submit(session::BuyTraffic{amount_cents(), bid_cpm_cents(), {}});
}

void TrafficGroup::show_snapshot(const session::Snapshot &s, const audience::Scenario *selected)
{
	// A purchase went through, or a new session began: the last refusal no longer stands.
	const int64_t spent = s.session_running ? s.ad_spent_cents : 0;
	if (s.session_id != shown_session_ || spent > shown_spent_)
		refusal_->hide();
	shown_session_ = s.session_id;
	shown_spent_ = spent;
	if (s.last_refusal != shown_refusal_) {
		shown_refusal_ = s.last_refusal;
		if (shown_refusal_.rfind(kRefusalPrefix, 0) == 0) {
			refusal_->setText(tr_text(backend_, "Desk.TrafficRefused").arg(utf8(shown_refusal_.substr(kRefusalPrefix.size()))));
			refusal_->show();
		}
	}

	audience::AdBudget ads;
	if (s.session_running)
		ads = {s.ad_budget_cents, s.min_bid_cpm_cents, s.max_bid_cpm_cents};
	else if (selected)
		ads = selected->ads;
	if (ads.budget_cents <= 0) {
		hide();
		return;
	}
	const int64_t left = std::max<int64_t>(0, ads.budget_cents - spent);
	updating_ = true;
	bool bid_reset = false;
	if (ads.min_bid_cpm_cents != shown_min_bid_ || ads.max_bid_cpm_cents != shown_max_bid_) {
		// Another scenario's bids: start again from its lowest.
		shown_min_bid_ = ads.min_bid_cpm_cents;
		shown_max_bid_ = ads.max_bid_cpm_cents;
		show_range(*bid_, yuan_value(shown_min_bid_), yuan_value(shown_max_bid_), yuan_value(shown_min_bid_));
		bid_chosen_ = false;
		bid_reset = true;
	}
	const int64_t most = std::max<int64_t>(left, 1);
	show_range(*amount_, 0.01, yuan_value(most), yuan_value(std::min(wanted_amount_cents_, most)));
	updating_ = false;
	if (bid_reset)
		order_edited();

	left_->setText(tr_text(backend_, "Desk.TrafficLeftOf").arg(yuan(left), yuan(ads.budget_cents)));
	spent_->setText(tr_text(backend_, "Desk.TrafficSpent").arg(yuan(spent)).arg(s.session_running ? s.paid_impressions : 0));
	amount_->setEnabled(left > 0);
	bid_->setEnabled(left > 0);
	buy_->setEnabled(s.session_running && left > 0);
	show();
}

} // namespace lcs::obs::dock
