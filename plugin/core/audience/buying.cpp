// Buying: the pinned product's funnel. A present viewer is exposed to the pinned product; the
// explanation, a live promotion and trust make a click likely; after the click, value for money
// (willingness to pay against the price now), urgency and trust decide the order.
#include "core/audience/simulator.hpp"

#include <algorithm>

#include "core/audience/logistic.hpp"

namespace lcs::audience {

void Simulator::shop(int v, int64_t t, const RoomMoment &m, promo::Engine &engine, session::Events &out)
{
	const auto vi = static_cast<size_t>(v);
	const Persona &p = *mix_personas_[persona_[vi]];
	const auto &view = m.view;
	if (!view || p.troll)
		return;
	if (!clicked_[vi]) {
		const double p_click = 0.004 * p.click_propensity * (1.0 + std::min(m.explained_s, 60.0) / 30.0) *
				       (m.promo_live ? 1.5 : 1.0) * (0.5 + trust_[vi]);
		if (rng_.chance(p_click)) {
			clicked_[vi] = 1;
			session::Event e{t, "product_click", {}};
			e.fields["viewer"] = viewer_id(v);
			e.fields["sku"] = view->sku;
			out.push_back(std::move(e));
			if (m.coupons && rng_.chance(0.6))
				for (const auto &id : engine.running())
					if (const auto *def = library_->promotion(id); def && std::holds_alternative<promo::Coupon>(def->rule)) {
						auto claim = engine.claim_coupon(viewer_id(v), id, t);
						out.insert(out.end(), claim.events.begin(), claim.events.end());
					}
		}
	} else if (bought_[vi] < 2 && view->stock_left > 0) {
		const double list = static_cast<double>(view->list_price_cents);
		const double value_ok = logistic((wtp_[vi] * list - static_cast<double>(view->price_cents)) / list * 12.0);
		const double urgency = 1.0 + (m.urgent ? 0.8 : 0.0);
		// Trust decides: a viewer whose question went unanswered, in a room with dead air, rarely buys.
		const double confidence = (0.15 + trust_[vi]) * (0.15 + trust_[vi]);
		const double p_buy = 0.012 * p.buy_propensity * value_ok * urgency * confidence * (bought_[vi] ? 0.3 : 1.0) *
				     (m.silence_s >= 3 ? 0.5 : 1.0);
		if (rng_.chance(p_buy)) {
			const int qty = rng_.chance(0.2) ? 2 : 1;
			auto placed = engine.place({viewer_id(v), view->sku, qty, {}}, t);
			if (placed.ok()) {
				++bought_[vi];
				trust_[vi] = std::min(1.0, trust_[vi] + 0.05);
				++recent_orders_.back();
				out.insert(out.end(), placed.events.begin(), placed.events.end());
				if (rng_.chance(0.3 * m.damping))
					comment(v, "reaction", pick_text(reactions("bought"), view->sku, engine, t), t, out);
			}
		}
	}
}

} // namespace lcs::audience
