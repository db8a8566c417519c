#pragma once

#include <cstdint>
#include <string>

#include <QGroupBox>

#include "dock/desk-backend.hpp"

class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace lcs::audience {
struct Scenario;
}

// The Session tab's paid traffic (投流): shown only when the running scenario (or, with no session
// running, the selected one) has an ad budget. What is left of the budget, the amount and the bid
// (CPM: per thousand impressions, within the scenario's range, the lowest by default) of the next
// purchase, Buy (a BuyTraffic command, as the hotkey sends), the spend so far with the
// impressions bought, and why a purchase was refused. The amount and bid are also what the
// paid-traffic hotkey buys (DeskBackend::set_traffic_order).
namespace lcs::obs::dock {

class TrafficGroup : public QGroupBox {
public:
	explicit TrafficGroup(DeskBackend &backend, QWidget *parent = nullptr);

	/// `selected`: the scenario chosen on the tab (used while no session runs; may be null).
	void show_snapshot(const session::Snapshot &snapshot, const audience::Scenario *selected);

private:
	void buy();
	void order_edited();
	[[nodiscard]] int64_t amount_cents() const;
	[[nodiscard]] int64_t bid_cpm_cents() const;

	DeskBackend &backend_;
	QLabel *left_ = nullptr;
	QDoubleSpinBox *amount_ = nullptr;
	QDoubleSpinBox *bid_ = nullptr;
	QPushButton *buy_ = nullptr;
	QLabel *spent_ = nullptr;
	QLabel *refusal_ = nullptr; // the last purchase refused (hidden when none or one went through since)

	int64_t wanted_amount_cents_ = 0; // what the trainee asked for; shown as at most what is left
	int64_t shown_min_bid_ = -1;
	int64_t shown_max_bid_ = -1;
	int64_t shown_spent_ = 0;
	std::string shown_session_;
	std::string shown_refusal_;
	bool bid_chosen_ = false; // the trainee set the bid (else the order says "the lowest")
	bool updating_ = false; // the snapshot is being shown: spin box changes are not the trainee's
};

} // namespace lcs::obs::dock
