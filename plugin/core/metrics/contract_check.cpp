#include "core/metrics/contract_check.hpp"

#include <map>
#include <set>
#include <vector>

#include "core/metrics/log_reader.hpp"

namespace lcs::metrics {
namespace {
enum class T { Str, Int, Arr, Obj };

struct Field {
	const char *name;
	T type;
};

const std::map<std::string, std::vector<Field>> &table()
{
	static const std::map<std::string, std::vector<Field>> fields = {
		{"viewer_join", {{"viewer", T::Str}}},
		{"viewer_leave", {{"viewer", T::Str}}},
		{"comment", {{"comment_id", T::Str}, {"viewer", T::Str}, {"text", T::Str}, {"kind", T::Str}}},
		{"comment_answered", {{"comment_id", T::Str}}},
		{"follow", {{"viewer", T::Str}}},
		{"product_pin", {{"sku", T::Str}}},
		{"product_unpin", {{"sku", T::Str}}},
		{"product_click", {{"viewer", T::Str}, {"sku", T::Str}}},
		{"order",
		 {{"order_id", T::Str},
		  {"viewer", T::Str},
		  {"sku", T::Str},
		  {"qty", T::Int},
		  {"unit_price_cents", T::Int},
		  {"discount_cents", T::Int},
		  {"amount_cents", T::Int}}},
		{"promo_start", {{"promo_id", T::Str}}},
		{"promo_end", {{"promo_id", T::Str}}},
		{"promo_tier", {{"promo_id", T::Str}, {"tier", T::Int}, {"price_cents", T::Int}}},
		{"coupon_claim", {{"viewer", T::Str}, {"coupon_id", T::Str}}},
		{"segment_start", {{"segment_id", T::Str}, {"planned_ms", T::Int}}},
		{"cue_shown", {{"cue_id", T::Str}, {"segment_id", T::Str}}},
		{"voice", {{"state", T::Str}}},
		{"compliance_flag", {{"rule", T::Str}, {"term", T::Str}, {"where", T::Str}}},
		{"incident", {{"incident_id", T::Str}, {"kind", T::Str}}},
		{"recording_start", {}},
		{"recording_stop", {}},
		{"session_end", {}},
	};
	return fields;
}

bool has(const nlohmann::json &j, const char *name, T type)
{
	const auto it = j.find(name);
	if (it == j.end())
		return false;
	switch (type) {
	case T::Str: return it->is_string();
	case T::Int: return it->is_number_integer();
	case T::Arr: return it->is_array();
	case T::Obj: return it->is_object();
	}
	return false;
}

std::string one_of(const nlohmann::json &j, const char *name, const std::set<std::string> &allowed)
{
	const auto it = j.find(name);
	if (it == j.end() || !it->is_string() || !allowed.count(it->get<std::string>()))
		return std::string("'") + name + "' has a value outside the contract";
	return {};
}
} // namespace

std::string check_event(const nlohmann::json &e)
{
	if (!e.is_object() || !has(e, "t", T::Int) || !has(e, "type", T::Str))
		return "an event needs integer 't' and string 'type'";
	if (e["t"].get<int64_t>() < 0)
		return "'t' is negative";
	const std::string type = e["type"].get<std::string>();
	const auto it = table().find(type);
	if (it == table().end())
		return {};
	for (const auto &f : it->second)
		if (!has(e, f.name, f.type))
			return type + ": missing or mistyped '" + f.name + "'";
	if (type == "comment")
		return one_of(e, "kind", {"question", "objection", "reaction", "interaction", "claim", "troll"});
	if (type == "voice")
		return one_of(e, "state", {"talk", "silence"});
	if (type == "compliance_flag")
		return one_of(e, "where", {"pack", "cue", "speech", "price"});
	if (type == "promo_end" && e.contains("reason"))
		return one_of(e, "reason", {"expired", "sold_out", "stopped"});
	if (type == "order") {
		const int64_t qty = e["qty"].get<int64_t>();
		if (qty < 1)
			return "order: qty must be at least 1";
		if (e["amount_cents"].get<int64_t>() != qty * e["unit_price_cents"].get<int64_t>() - e["discount_cents"].get<int64_t>())
			return "order: amount_cents != qty × unit_price_cents − discount_cents";
	}
	return {};
}

std::string check_header(const nlohmann::json &h)
{
	if (!h.is_object() || h.value("type", "") != "session" || h.value("schema", "") != kSessionSchema)
		return "not an lcs.session/1 header";
	for (const Field f : {Field{"session_id", T::Str}, Field{"started_at", T::Str}, Field{"trainee", T::Str},
			      Field{"scenario", T::Obj}, Field{"seed", T::Int}, Field{"packs", T::Arr}, Field{"products", T::Arr},
			      Field{"promotions", T::Arr}})
		if (!has(h, f.name, f.type))
			return std::string("header: missing or mistyped '") + f.name + "'";
	for (const auto &p : h["packs"])
		if (!has(p, "id", T::Str) || !has(p, "version", T::Str) || !has(p, "sha256", T::Str))
			return "header: a pack needs id, version, sha256";
	for (const auto &p : h["products"])
		if (!has(p, "sku", T::Str) || !has(p, "name", T::Str) || !has(p, "list_price_cents", T::Int) || !has(p, "stock", T::Int))
			return "header: a product needs sku, name, list_price_cents, stock";
	return {};
}

} // namespace lcs::metrics
