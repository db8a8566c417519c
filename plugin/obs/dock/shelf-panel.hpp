#pragma once

#include <QWidget>

#include "dock/desk-backend.hpp"

class QTableWidget;

// The product shelf (小黄车) with a pin button per product, and the pack's promotions with
// launch / stop and their live state: tier, price, stock, countdown, coupon claims, lucky-bag
// entrants.
namespace lcs::obs::dock {

class ShelfPanel : public QWidget {
public:
	explicit ShelfPanel(DeskBackend &backend, QWidget *parent = nullptr);
	void show_snapshot(const session::Snapshot &snapshot);

private:
	void fill(const pack::Library *library);
	void show_products(const session::Snapshot &s);
	void show_promotions(const session::Snapshot &s);
	[[nodiscard]] QString promotion_state(const session::Snapshot &s, const promo::Promotion &p, bool running) const;

	DeskBackend &backend_;
	QTableWidget *products_ = nullptr;
	QTableWidget *promotions_ = nullptr;
	const pack::Library *shown_library_ = nullptr;
	std::string pinned_sku_;  // what the pin buttons act on (from the last snapshot)
	std::vector<std::string> running_;
};

} // namespace lcs::obs::dock
