// Buying: the pinned product's funnel. A present viewer is exposed to the pinned product; the
// explanation, a live promotion and trust make a click likely; in the 20 s after the click (the
// product page), value for money (willingness to pay against the price now), urgency and trust
// decide the order. A viewer who leaves the page without ordering may click again later.
#include "core/audience/simulator.hpp"

#include <algorithm>

#include "core/audience/logistic.hpp"

namespace lcs::audience {
namespace {
// Per second, for a typical viewer: clicking the pinned product and, in the decision window
// after the click, ordering.
constexpr double kClickPerSecond = 0.0012;
constexpr double kOrderPerSecond = 0.02;
constexpr int64_t kDecisionSeconds = 20;
// A viewer who clicked before and did not order clicks again less readily.
constexpr double kClickAgainFactor = 0.5;
// How sharply value for money (willingness to pay against the price, as a share of the list
// price) decides: 6: a price 10 % of list above what the viewer would pay lowers the odds by e^0.6 ≈ 1.8×.
constexpr double kValueSlope = 6.0;
// Viewers who stay came for this kind of product: at a price just at their willingness to pay,
// most of them are still willing (logistic(0.8) ≈ 0.69).
constexpr double kValueBias = 0.8;
// A buyer orders again (the second order a viewer may place) far less often.
constexpr double kRepeatOrderFactor = 0.1;
} // namespace

void Simulator::shop(int v, int64_t t, const RoomMoment &m, promo::Engine &engine, session::Events &out)
{
	const auto vi = static_cast<size_t>(v);
	const Persona &p = *mix_personas_[persona_[vi]];
	const auto &view = m.view;
	if (!view || p.troll)
		return;
	const bool deciding = click_t_[vi] >= 0 && t - click_t_[vi] <= kDecisionSeconds * 1000;
	if (!deciding) {
		// Exposed to the pinned product: a click, likelier the longer it has been explained,
		// with a live offer and with trust. A viewer who clicked and did not order may come back.
		const double p_click = kClickPerSecond * p.click_propensity * (1.0 + std::min(m.explained_s, 60.0) / 30.0) *
				       (m.promo_live ? 1.5 : 1.0) * (0.5 + trust_[vi]) * (clicked_[vi] ? kClickAgainFactor : 1.0);
		if (rng_.chance(p_click)) {
			click_t_[vi] = t;
			session::Event e{t, "product_click", {}};
			e.fields["viewer"] = viewer_id(v);
			e.fields["sku"] = view->sku;
			out.push_back(std::move(e));
			if (!clicked_[vi] && m.coupons && rng_.chance(0.6))
				for (const auto &id : engine.running())
					if (const auto *def = library_->promotion(id); def && std::holds_alternative<promo::Coupon>(def->rule)) {
						auto claim = engine.claim_coupon(viewer_id(v), id, t);
						out.insert(out.end(), claim.events.begin(), claim.events.end());
					}
			clicked_[vi] = 1;
		}
	} else if (bought_[vi] < 2 && view->stock_left > 0) {
		// On the product page: what the order would cost now (tiers, deals, the viewer's coupon)
		// against what the viewer would pay, urgency and trust decide within the window.
		const int qty = rng_.chance(0.2) ? 2 : 1;
		const auto quoted = engine.quote({viewer_id(v), view->sku, qty, {}}, t);
		if (!quoted.ok())
			return;
		const double list = static_cast<double>(view->list_price_cents);
		const double unit_cost = static_cast<double>(quoted.value->amount_cents) / qty;
		const double value_ok = logistic((wtp_[vi] * list - unit_cost) / list * kValueSlope + kValueBias);
		const double urgency = 1.0 + (m.urgent ? 0.8 : 0.0);
		// Trust decides: a viewer whose question went unanswered, in a room with dead air, buys less.
		const double confidence = 0.3 + trust_[vi];
		const double p_buy = kOrderPerSecond * p.buy_propensity * value_ok * urgency * confidence *
				     (bought_[vi] ? kRepeatOrderFactor : 1.0) * (m.silence_s >= 3 ? 0.5 : 1.0);
		if (rng_.chance(p_buy)) {
			auto placed = engine.place({viewer_id(v), view->sku, qty, {}}, t);
			if (placed.ok()) {
				++bought_[vi];
				click_t_[vi] = -1;
				trust_[vi] = std::min(1.0, trust_[vi] + 0.05);
				++recent_orders_.back();
				++window_.orders;
				out.insert(out.end(), placed.events.begin(), placed.events.end());
				if (rng_.chance(0.3 * m.damping))
					comment(v, "reaction", pick_text(reactions("bought"), view->sku, engine, t), t, out);
			}
		}
	}
}

} // namespace lcs::audience
