#include "core/session/header.hpp"

#include "core/crypto/sha256.hpp"
#include "core/library/cache.hpp"
#include "core/metrics/log_reader.hpp"
#include "core/pack/promotion_json.hpp"

namespace lcs::session {

std::string make_session_id(const audience::Scenario &scenario, const SessionInfo &info)
{
	return "s-" + crypto::sha256_hex(scenario.id + "\n" + std::to_string(info.seed) + "\n" + info.started_at + "\n" +
					 info.trainee)
				  .substr(0, 16);
}

nlohmann::ordered_json make_header(const pack::Library &library, const audience::Scenario &scenario, const SessionInfo &info)
{
	nlohmann::ordered_json h;
	h["type"] = "session";
	h["schema"] = metrics::kSessionSchema;
	h["session_id"] = make_session_id(scenario, info);
	h["started_at"] = info.started_at;
	h["trainee"] = info.trainee;
	nlohmann::ordered_json sc;
	sc["id"] = scenario.id;
	sc["name"] = scenario.name;
	sc["duration_seconds"] = info.duration_seconds;
	sc["language"] = library.language();
	if (scenario.ads.budget_cents > 0)
		sc["ad_budget_cents"] = scenario.ads.budget_cents;
	h["scenario"] = sc;
	h["seed"] = info.seed;
	auto packs = nlohmann::ordered_json::array();
	for (const auto &p : library.packs()) {
		nlohmann::ordered_json entry{{"id", p.meta.id}, {"version", p.meta.version}, {"sha256", p.sha256}};
		// A pack synced from a team library names it (optional fields; absent for other packs).
		if (!p.path.empty())
			if (const auto from = library::provenance_of(std::filesystem::u8path(p.path), p.sha256)) {
				entry["library"] = from->library;
				entry["library_version"] = from->version;
			}
		packs.push_back(std::move(entry));
	}
	h["packs"] = packs;
	auto products = nlohmann::ordered_json::array();
	for (const auto *p : library.products())
		products.push_back({{"sku", p->sku}, {"name", p->name}, {"list_price_cents", p->list_price_cents}, {"stock", p->stock}});
	h["products"] = products;
	auto promotions = nlohmann::ordered_json::array();
	for (const auto *p : library.promotions())
		promotions.push_back(promo::to_json(*p));
	h["promotions"] = promotions;
	auto segments = nlohmann::ordered_json::array();
	for (const auto *s : library.segments()) {
		auto cues = nlohmann::ordered_json::array();
		for (const auto &c : s->cues)
			cues.push_back({{"cue_id", c.id}, {"text", c.text}});
		segments.push_back({{"segment_id", s->id},
				    {"name", s->name},
				    {"kind", s->kind},
				    {"planned_ms", static_cast<int64_t>(s->planned_seconds) * 1000},
				    {"cues", cues}});
	}
	h["segments"] = segments; // an extension: readers may ignore it
	// What the session checks live for compliance (docs/contract-notes.md): promotion prices
	// against the pack's list prices, always; with a compliance checker, the cues shown and what
	// the host says. The rubric measures compliance only over checks that ran.
	auto checks = nlohmann::ordered_json::array({"price"});
	if (info.checks_words) {
		checks.push_back("cue");
		checks.push_back("speech");
	}
	h["compliance_checks"] = checks;
	return h;
}

} // namespace lcs::session
