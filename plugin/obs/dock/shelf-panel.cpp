#include "dock/shelf-panel.hpp"

#include <algorithm>

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "dock/desk-format.hpp"
#include "dock/desk-table.hpp"

namespace lcs::obs::dock {
namespace {

enum ProductColumn { kProduct, kPrice, kStock, kPin };
enum PromotionColumn { kPromotion, kType, kState, kToggle };

const promo::PriceView *view_for(const session::Snapshot &s, const std::string &promo_id)
{
	for (const auto &v : s.shelf)
		if (v.promo_id == promo_id)
			return &v;
	return nullptr;
}

} // namespace

ShelfPanel::ShelfPanel(DeskBackend &backend, QWidget *parent) : QWidget(parent), backend_(backend)
{
	products_ = make_table(this, "lcs.shelf.products",
			       {tr_text(backend_, "Desk.Product"), tr_text(backend_, "Desk.Price"),
				tr_text(backend_, "Desk.Stock"), QString()});
	promotions_ = make_table(this, "lcs.shelf.promotions",
				 {tr_text(backend_, "Desk.Promotion"), tr_text(backend_, "Desk.PromotionType"),
				  tr_text(backend_, "Desk.PromotionState"), QString()});
	promotions_->horizontalHeader()->setSectionResizeMode(kState, QHeaderView::Stretch);
	activate_row_button(products_, kPin);
	activate_row_button(promotions_, kToggle);

	auto *layout = new QVBoxLayout(this);
	layout->addWidget(new QLabel(tr_text(backend_, "Desk.Shelf"), this));
	layout->addWidget(products_, 1);
	layout->addWidget(new QLabel(tr_text(backend_, "Desk.Promotions"), this));
	layout->addWidget(promotions_, 1);
}

void ShelfPanel::fill(const pack::Library *library)
{
	products_->setRowCount(0);
	promotions_->setRowCount(0);
	if (!library)
		return;
	const auto products = library->products();
	products_->setRowCount(static_cast<int>(products.size()));
	for (int row = 0; row < static_cast<int>(products.size()); ++row) {
		const std::string sku = products[row]->sku;
		products_->setItem(row, kProduct, read_only_cell(utf8(products[row]->name)));
		products_->item(row, kProduct)->setData(Qt::UserRole, utf8(sku));
		products_->setItem(row, kPrice, read_only_cell(yuan(products[row]->list_price_cents)));
		products_->setItem(row, kStock, read_only_cell(QString::number(products[row]->stock)));
		auto *pin = new QPushButton(tr_text(backend_, "Desk.Pin"), products_);
		pin->setObjectName(QString::fromStdString("lcs.shelf.pin." + sku));
		connect(pin, &QPushButton::clicked, this, [this, sku] {
			if (pinned_sku_ == sku)
				backend_.submit(session::UnpinProduct{});
			else
				backend_.submit(session::PinProduct{sku});
		});
		products_->setCellWidget(row, kPin, pin);
	}
	const auto promotions = library->promotions();
	promotions_->setRowCount(static_cast<int>(promotions.size()));
	for (int row = 0; row < static_cast<int>(promotions.size()); ++row) {
		const std::string id = promotions[row]->id;
		promotions_->setItem(row, kPromotion, read_only_cell(utf8(promotions[row]->name)));
		const std::string type_key = std::string("Desk.PromoType.") + promotions[row]->type_name();
		promotions_->setItem(row, kType, read_only_cell(tr_text(backend_, type_key.c_str())));
		promotions_->setItem(row, kState, read_only_cell(QString()));
		auto *toggle = new QPushButton(tr_text(backend_, "Desk.Launch"), promotions_);
		toggle->setObjectName(QString::fromStdString("lcs.promo.toggle." + id));
		connect(toggle, &QPushButton::clicked, this, [this, id] {
			if (std::find(running_.begin(), running_.end(), id) != running_.end())
				backend_.submit(session::StopPromotion{id});
			else
				backend_.submit(session::StartPromotion{id});
		});
		promotions_->setCellWidget(row, kToggle, toggle);
	}
}

void ShelfPanel::show_snapshot(const session::Snapshot &s)
{
	if (s.library.get() != shown_library_) {
		shown_library_ = s.library.get();
		fill(shown_library_);
	}
	pinned_sku_ = s.pinned_sku;
	running_ = s.running_promotions;
	show_products(s);
	show_promotions(s);
}

void ShelfPanel::show_products(const session::Snapshot &s)
{
	for (int row = 0; row < products_->rowCount(); ++row) {
		const std::string sku = products_->item(row, kProduct)->data(Qt::UserRole).toString().toStdString();
		const bool pinned = sku == s.pinned_sku;
		for (const auto &v : s.shelf) {
			if (v.sku != sku)
				continue;
			QString price = yuan(v.price_cents);
			if (v.price_cents != v.list_price_cents)
				price += QStringLiteral(" (%1)").arg(yuan(v.list_price_cents));
			products_->item(row, kPrice)->setText(price);
			products_->item(row, kStock)->setText(QString::number(v.stock_left));
		}
		QFont f = products_->item(row, kProduct)->font();
		f.setBold(pinned);
		products_->item(row, kProduct)->setFont(f);
		if (auto *b = qobject_cast<QPushButton *>(products_->cellWidget(row, kPin)))
			b->setText(tr_text(backend_, pinned ? "Desk.Unpin" : "Desk.Pin"));
	}
}

void ShelfPanel::show_promotions(const session::Snapshot &s)
{
	if (!shown_library_)
		return;
	const auto promotions = shown_library_->promotions();
	for (int row = 0; row < promotions_->rowCount() && row < static_cast<int>(promotions.size()); ++row) {
		const auto &p = *promotions[row];
		const bool running = std::find(s.running_promotions.begin(), s.running_promotions.end(), p.id) !=
				     s.running_promotions.end();
		const QString state = promotion_state(s, p, running);
		promotions_->item(row, kState)->setText(state);
		promotions_->item(row, kState)->setToolTip(state); // the whole line when the column is narrow
		QFont f = promotions_->item(row, kPromotion)->font();
		f.setBold(running);
		promotions_->item(row, kPromotion)->setFont(f);
		if (auto *b = qobject_cast<QPushButton *>(promotions_->cellWidget(row, kToggle)))
			b->setText(tr_text(backend_, running ? "Desk.StopPromotion" : "Desk.Launch"));
	}
}

QString ShelfPanel::promotion_state(const session::Snapshot &s, const promo::Promotion &p, bool running) const
{
	QStringList parts;
	if (const auto claimed = s.coupons_claimed.find(p.id); claimed != s.coupons_claimed.end())
		parts << tr_text(backend_, "Desk.CouponClaimed").arg(claimed->second);
	if (!running)
		return parts.isEmpty() ? QStringLiteral("–") : parts.join(QStringLiteral(" · "));
	for (const auto &bag : s.lucky_bags)
		if (bag.promo_id == p.id)
			parts << tr_text(backend_, "Desk.LuckyBagState")
					 .arg(utf8(bag.keyword))
					 .arg(bag.entrants)
					 .arg(clock(bag.ends_in_ms));
	if (const auto *v = view_for(s, p.id)) {
		if (v->countdown_ms)
			parts << tr_text(backend_, "Desk.OpensIn").arg(clock(*v->countdown_ms));
		if (v->tier_count > 1)
			parts << tr_text(backend_, "Desk.Tier").arg(v->tier + 1).arg(v->tier_count);
		parts << yuan(v->price_cents);
		if (v->next_tier_price_cents)
			parts << tr_text(backend_, "Desk.NextTierPrice").arg(yuan(*v->next_tier_price_cents));
		parts << tr_text(backend_, "Desk.Left").arg(v->sale_stock_left.value_or(v->stock_left));
		if (v->ends_in_ms)
			parts << tr_text(backend_, "Desk.EndsIn").arg(clock(*v->ends_in_ms));
	}
	if (parts.isEmpty())
		parts << tr_text(backend_, "Desk.Running");
	return parts.join(QStringLiteral(" · "));
}

} // namespace lcs::obs::dock
