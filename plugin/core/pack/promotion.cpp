#include "core/pack/promotion.hpp"

namespace lcs::promo {

const char *Promotion::type_name() const
{
	struct Visitor {
		const char *operator()(const TieredPrice &) const { return "tiered_price"; }
		const char *operator()(const QuantityDeal &) const { return "quantity_deal"; }
		const char *operator()(const FlashSale &) const { return "flash_sale"; }
		const char *operator()(const Coupon &) const { return "coupon"; }
		const char *operator()(const LuckyBag &) const { return "lucky_bag"; }
	};
	return std::visit(Visitor{}, rule);
}

std::optional<std::string> Promotion::sku() const
{
	struct Visitor {
		std::optional<std::string> operator()(const TieredPrice &p) const { return p.sku; }
		std::optional<std::string> operator()(const QuantityDeal &p) const { return p.sku; }
		std::optional<std::string> operator()(const FlashSale &p) const { return p.sku; }
		std::optional<std::string> operator()(const Coupon &p) const { return p.sku; }
		std::optional<std::string> operator()(const LuckyBag &) const { return std::nullopt; }
	};
	return std::visit(Visitor{}, rule);
}

} // namespace lcs::promo
