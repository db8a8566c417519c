#pragma once

#include <cstdint>
#include <variant>

#include "core/event/event.hpp"
#include "core/pack/promotion.hpp"
#include "core/promo/order.hpp"

// Helpers the promotions engine's source files share (not for callers of the engine).
namespace lcs::promo::detail {

template<typename T> inline Outcome<T> refused(Refusal r)
{
	Outcome<T> o;
	o.refusal = r;
	return o;
}

inline session::Event event(int64_t t, const char *type)
{
	session::Event e;
	e.t = t;
	e.type = type;
	return e;
}

inline bool is_price_promotion(const Promotion &p)
{
	return std::holds_alternative<TieredPrice>(p.rule) || std::holds_alternative<FlashSale>(p.rule);
}

} // namespace lcs::promo::detail
