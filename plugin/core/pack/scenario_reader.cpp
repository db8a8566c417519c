#include "core/pack/scenario_reader.hpp"

#include <limits>
#include <set>

namespace lcs::pack {

const std::vector<std::string> &persona_ids()
{
	static const std::vector<std::string> ids = {"bargain_hunter", "loyal_fan", "newcomer", "sceptic", "troll"};
	return ids;
}

const std::vector<std::string> &traffic_source_ids()
{
	static const std::vector<std::string> ids = {"recommend", "follow", "search", "short_video", "paid", "other"};
	return ids;
}

std::optional<audience::Scenario> read_scenario(ReadContext &ctx, const nlohmann::json &value, const std::string &pointer)
{
	ObjectReader r(ctx, value, pointer, "scenario");
	if (!r.valid())
		return std::nullopt;
	audience::Scenario s;
	s.where = r.where();
	auto id = r.id("id", Need::Required);
	s.name = r.string("name", Need::Required).value_or("");
	s.duration_seconds = static_cast<int>(r.integer("duration_seconds", Need::Required, 60, 4 * 3600).value_or(1500));
	s.seed = static_cast<uint64_t>(r.integer("seed", Need::Optional, 0, std::numeric_limits<int64_t>::max()).value_or(1));
	bool ok = id.has_value();

	if (const auto *audience = r.object("audience", Need::Required)) {
		ObjectReader a(ctx, *audience, r.child("audience"), "audience");
		s.arrivals_per_minute = static_cast<double>(a.integer("arrivals_per_minute", Need::Required, 1, 100000).value_or(60));
		s.initial_viewers = static_cast<int>(a.integer("initial_viewers", Need::Optional, 0, 200000).value_or(20));
		if (const auto *mix = a.object("personas", Need::Required)) {
			const std::set<std::string> known(persona_ids().begin(), persona_ids().end());
			double total = 0;
			for (const auto &[persona, share] : mix->items()) {
				const std::string at = a.child("personas") + "/" + diag::JsonLocator::escape_token(persona);
				if (!known.count(persona)) {
					ctx.error(at, "unknown persona '" + persona + "'");
					ok = false;
				} else if (!share.is_number() || share.get<double>() < 0) {
					ctx.error(at, "persona share must be a number ≥ 0");
					ok = false;
				} else {
					s.personas[persona] = share.get<double>();
					total += share.get<double>();
				}
			}
			if (total <= 0) {
				ctx.error(a.child("personas"), "persona shares must add up to more than 0");
				ok = false;
			}
		}
		a.reject_unknown_keys();
	} else {
		ok = false;
	}

	if (const auto *traffic = r.array("traffic", Need::Optional, 0)) {
		int previous = -1;
		for (size_t i = 0; i < traffic->size(); ++i) {
			ObjectReader p(ctx, (*traffic)[i], r.child("traffic") + "/" + std::to_string(i), "traffic point");
			auto at = p.integer("at_seconds", Need::Required, 0, 4 * 3600);
			p.allow("multiplier");
			const auto *m = p.has("multiplier") ? &(*traffic)[i]["multiplier"] : nullptr;
			if (!m || !m->is_number() || m->get<double>() < 0 || m->get<double>() > 100) {
				ctx.error(p.has("multiplier") ? p.child("multiplier") : p.pointer(), "'multiplier' must be a number from 0 to 100");
				ok = false;
			}
			p.reject_unknown_keys();
			if (at && *at <= previous) {
				ctx.error(p.child("at_seconds"), "traffic points must be in increasing time");
				ok = false;
			}
			if (at && m && m->is_number()) {
				s.traffic.push_back({static_cast<int>(*at), m->get<double>()});
				previous = static_cast<int>(*at);
			}
		}
	}

	if (const auto *mix = r.object("sources", Need::Optional)) {
		const std::set<std::string> known(traffic_source_ids().begin(), traffic_source_ids().end());
		double total = 0;
		for (const auto &[source, share] : mix->items()) {
			const std::string at = r.child("sources") + "/" + diag::JsonLocator::escape_token(source);
			if (!known.count(source) || source == "paid") {
				ctx.error(at, source == "paid" ? "'paid' traffic is bought during the session (\"ads\"), not part of the organic mix"
								: "unknown traffic source '" + source + "'");
				ok = false;
			} else if (!share.is_number() || share.get<double>() < 0) {
				ctx.error(at, "traffic source share must be a number ≥ 0");
				ok = false;
			} else {
				s.sources[source] = share.get<double>();
				total += share.get<double>();
			}
		}
		if (total <= 0) {
			ctx.error(r.child("sources"), "traffic source shares must add up to more than 0");
			ok = false;
		}
	}

	if (const auto *ads = r.object("ads", Need::Optional)) {
		ObjectReader a(ctx, *ads, r.child("ads"), "ads");
		s.ads.budget_cents = a.integer("budget_cents", Need::Required, 1, 1'000'000'000'00).value_or(0);
		s.ads.min_bid_cpm_cents = a.integer("min_bid_cpm_cents", Need::Optional, 1, 1'000'000'00).value_or(2000);
		s.ads.max_bid_cpm_cents = a.integer("max_bid_cpm_cents", Need::Optional, 1, 1'000'000'00).value_or(20000);
		if (s.ads.min_bid_cpm_cents > s.ads.max_bid_cpm_cents) {
			ctx.error(a.child("min_bid_cpm_cents"), "'min_bid_cpm_cents' must not be above 'max_bid_cpm_cents'");
			ok = false;
		}
		a.reject_unknown_keys();
		ok = ok && s.ads.budget_cents > 0;
	}

	if (const auto *incidents = r.array("incidents", Need::Optional, 0)) {
		for (size_t i = 0; i < incidents->size(); ++i) {
			ObjectReader p(ctx, (*incidents)[i], r.child("incidents") + "/" + std::to_string(i), "incident");
			audience::Incident inc;
			inc.id = p.id("id", Need::Required).value_or("");
			const auto kind = p.one_of("kind", Need::Required, {"objection_wave", "stock_out", "troll", "traffic_spike"});
			inc.kind = kind.value_or("");
			inc.at_seconds = static_cast<int>(p.integer("at_seconds", Need::Required, 0, 4 * 3600).value_or(0));
			inc.count = static_cast<int>(p.integer("count", kind == "objection_wave" || kind == "troll" ? Need::Required : Need::Optional, 1, 1000).value_or(0));
			inc.duration_seconds = static_cast<int>(p.integer("duration_seconds", kind == "traffic_spike" ? Need::Required : Need::Optional, 1, 3600).value_or(0));
			inc.sku = p.id("sku", kind == "stock_out" ? Need::Required : Need::Optional).value_or("");
			p.allow("multiplier");
			if (kind == "traffic_spike") {
				const auto &m = (*incidents)[i].contains("multiplier") ? (*incidents)[i]["multiplier"] : nlohmann::json();
				if (!m.is_number() || m.get<double>() <= 0 || m.get<double>() > 100) {
					ctx.error(p.pointer(), "a traffic_spike needs 'multiplier' (a number above 0, at most 100)");
					ok = false;
				} else {
					inc.multiplier = m.get<double>();
				}
			}
			p.reject_unknown_keys();
			ok = ok && kind.has_value() && !inc.id.empty();
			s.incidents.push_back(std::move(inc));
		}
	}
	r.reject_unknown_keys();
	if (!ok)
		return std::nullopt;
	s.id = *id;
	return s;
}

} // namespace lcs::pack
