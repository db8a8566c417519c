#include "core/metrics/contract_check.hpp"

#include <map>
#include <set>
#include <vector>

#include "core/metrics/checked_int.hpp"
#include "core/metrics/log_reader.hpp"

namespace lcs::metrics {
namespace {
enum class T { Str, Int, Arr, Obj, Bool };

struct Field {
	const char *name;
	T type;
	bool required = true;
};

constexpr bool kOptional = false;

const std::map<std::string, std::vector<Field>, std::less<>> &table()
{
	static const std::map<std::string, std::vector<Field>, std::less<>> fields = {
		{"viewer_join", {{"viewer", T::Str}, {"persona", T::Str, kOptional}, {"source", T::Str, kOptional}}},
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
		  {"amount_cents", T::Int},
		  {"promo_id", T::Str, kOptional},
		  {"coupon_id", T::Str, kOptional}}},
		{"promo_start", {{"promo_id", T::Str}}},
		{"promo_end",
		 {{"promo_id", T::Str}, {"reason", T::Str, kOptional}, {"entrants", T::Int, kOptional}, {"winners", T::Arr, kOptional}}},
		{"promo_tier", {{"promo_id", T::Str}, {"tier", T::Int}, {"price_cents", T::Int}}},
		{"coupon_claim", {{"viewer", T::Str}, {"coupon_id", T::Str}}},
		{"segment_start", {{"segment_id", T::Str}, {"planned_ms", T::Int}}},
		{"cue_shown", {{"cue_id", T::Str}, {"segment_id", T::Str}}},
		{"voice", {{"state", T::Str}}},
		{"compliance_flag",
		 {{"rule", T::Str},
		  {"term", T::Str},
		  {"where", T::Str},
		  {"text", T::Str, kOptional},
		  {"category", T::Str, kOptional},
		  {"severity", T::Str, kOptional}}},
		{"incident", {{"incident_id", T::Str}, {"kind", T::Str}}},
		{"recording_start", {{"path", T::Str, kOptional}}},
		{"recording_stop", {{"path", T::Str, kOptional}}},
		{"session_end", {{"reason", T::Str, kOptional}}},
		{"impressions", {{"count", T::Int}, {"source", T::Str, kOptional}}},
		{"ad_spend", {{"amount_cents", T::Int}, {"impressions", T::Int}, {"campaign", T::Str, kOptional}}},
		{"speech", {{"text", T::Str}, {"final", T::Bool, kOptional}}},
	};
	return fields;
}

bool is(const nlohmann::json &v, T type)
{
	switch (type) {
	case T::Str: return v.is_string();
	case T::Int: return v.is_number_integer();
	case T::Arr: return v.is_array();
	case T::Obj: return v.is_object();
	case T::Bool: return v.is_boolean();
	}
	return false;
}

const char *type_name(T type)
{
	switch (type) {
	case T::Str: return "a string";
	case T::Int: return "an integer";
	case T::Arr: return "an array";
	case T::Obj: return "an object";
	case T::Bool: return "true or false";
	}
	return "";
}

bool is(const LogField &v, T type)
{
	switch (type) {
	case T::Str: return v.kind == JsonKind::String;
	case T::Int: return v.is_integer();
	case T::Arr: return v.kind == JsonKind::Array;
	case T::Obj: return v.kind == JsonKind::Object;
	case T::Bool: return v.kind == JsonKind::Bool;
	}
	return false;
}

bool has(const nlohmann::json &j, const char *name, T type)
{
	const auto it = j.find(name);
	return it != j.end() && is(*it, type);
}

// "" when each of `fields` that `j` has is of its type, else "<where>'name' must be …".
std::string mistyped(const nlohmann::json &j, const std::vector<Field> &fields, const std::string &where)
{
	for (const auto &f : fields)
		if (const auto it = j.find(f.name); it != j.end() && !is(*it, f.type))
			return where + "'" + f.name + "' must be " + type_name(f.type);
	return {};
}

// Each element of the array `j[name]` (when there is one) is an object whose `fields` are typed.
std::string mistyped_items(const nlohmann::json &j, const char *name, const std::vector<Field> &fields, const std::string &where)
{
	const auto list = j.find(name);
	if (list == j.end() || !list->is_array())
		return {};
	for (size_t i = 0; i < list->size(); ++i) {
		const auto &item = (*list)[i];
		const std::string at = where + name + "[" + std::to_string(i) + "]";
		if (!item.is_object())
			return at + " must be an object";
		if (std::string why = mistyped(item, fields, at + "."); !why.empty())
			return why;
	}
	return {};
}

std::string one_of(const nlohmann::json &j, const char *name, const std::set<std::string> &allowed)
{
	const auto it = j.find(name);
	if (it == j.end() || !it->is_string() || !allowed.count(it->get<std::string>()))
		return std::string("'") + name + "' has a value outside the contract";
	return {};
}
} // namespace

std::string check_event_types(const nlohmann::json &e)
{
	const auto it = table().find(e.value("type", std::string()));
	return it == table().end() ? std::string() : mistyped(e, it->second, it->first + ": ");
}

std::string check_event_types(const LogEvent &e)
{
	const auto it = table().find(field_view(e, "type"));
	if (it == table().end())
		return {};
	for (const auto &f : it->second)
		if (const LogField *v = e.find(f.name); v && !is(*v, f.type))
			return it->first + ": '" + f.name + "' must be " + type_name(f.type);
	return {};
}

std::string check_header_types(const nlohmann::json &h)
{
	static const std::vector<Field> top = {
		{"session_id", T::Str}, {"started_at", T::Str}, {"trainee", T::Str}, {"scenario", T::Obj},
		{"seed", T::Int},       {"packs", T::Arr},      {"products", T::Arr}, {"promotions", T::Arr},
		{"segments", T::Arr},   {"market", T::Str},     {"currency", T::Str},
	};
	static const std::vector<Field> scenario = {{"id", T::Str}, {"name", T::Str}, {"duration_seconds", T::Int}, {"language", T::Str}};
	static const std::vector<Field> pack = {{"id", T::Str}, {"version", T::Str}, {"sha256", T::Str}};
	static const std::vector<Field> product = {{"sku", T::Str}, {"name", T::Str}, {"list_price_cents", T::Int}, {"stock", T::Int}};
	static const std::vector<Field> segment = {
		{"segment_id", T::Str}, {"name", T::Str}, {"kind", T::Str}, {"planned_ms", T::Int}, {"cues", T::Arr}};
	static const std::vector<Field> cue = {{"cue_id", T::Str}, {"text", T::Str}};
	static const std::vector<Field> none;
	if (std::string why = mistyped(h, top, "header: "); !why.empty())
		return why;
	if (const auto sc = h.find("scenario"); sc != h.end())
		if (std::string why = mistyped(*sc, scenario, "header: scenario."); !why.empty())
			return why;
	for (const auto &[name, fields] : {std::pair{"packs", &pack}, std::pair{"products", &product},
					   std::pair{"promotions", &none}, std::pair{"segments", &segment}})
		if (std::string why = mistyped_items(h, name, *fields, "header: "); !why.empty())
			return why;
	if (const auto segments = h.find("segments"); segments != h.end())
		for (size_t i = 0; i < segments->size(); ++i)
			if (std::string why = mistyped_items((*segments)[i], "cues", cue, "header: segments[" + std::to_string(i) + "].");
			    !why.empty())
				return why;
	return {};
}

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
		if (f.required && !has(e, f.name, f.type))
			return type + ": missing or mistyped '" + f.name + "'";
	if (std::string why = mistyped(e, it->second, type + ": "); !why.empty())
		return why;
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
		const auto gross = checked_mul(qty, e["unit_price_cents"].get<int64_t>());
		const auto amount = gross ? checked_sub(*gross, e["discount_cents"].get<int64_t>()) : std::nullopt;
		if (!amount)
			return "order: qty × unit_price_cents − discount_cents overflows 64 bits";
		if (e["amount_cents"].get<int64_t>() != *amount)
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
	return check_header_types(h);
}

} // namespace lcs::metrics
