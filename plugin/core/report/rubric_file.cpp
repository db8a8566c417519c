#include "core/report/rubric_file.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/pack/json_reader.hpp"
#include "core/pack/pack_loader.hpp"

namespace lcs::report {

namespace {

constexpr size_t kMaxRubricBytes = 1 << 20;
constexpr int kMaxRubricDepth = 16;

std::string type_of(const nlohmann::json &v)
{
	if (v.is_number())
		return "a number";
	if (v.is_string())
		return "a string (" + v.dump() + ")";
	if (v.is_boolean())
		return "true/false";
	if (v.is_null())
		return "null";
	if (v.is_array())
		return "an array";
	return "an object";
}

/// Type and range checks with messages that name the JSON path of the value.
class Checker {
public:
	explicit Checker(pack::ReadContext &ctx) : ctx_(ctx) {}

	[[nodiscard]] bool ok() const { return ok_; }

	void error(const std::string &pointer, const std::string &message)
	{
		ctx_.error(pointer, (pointer.empty() ? std::string("the rubric") : pointer) + " " + message);
		ok_ = false;
	}

	static std::string child(const std::string &pointer, const std::string &key)
	{
		return pointer + "/" + diag::JsonLocator::escape_token(key);
	}

	/// The value at key, or null when it is absent (an error when required).
	const nlohmann::json *field(const nlohmann::json &object, const std::string &pointer, const std::string &key, bool required)
	{
		const auto it = object.find(key);
		if (it != object.end())
			return &*it;
		if (required)
			error(pointer, "has no \"" + key + "\"");
		return nullptr;
	}

	bool is_object(const nlohmann::json &v, const std::string &pointer)
	{
		if (v.is_object())
			return true;
		error(pointer, "must be an object, got " + type_of(v));
		return false;
	}

	/// A number in [lo, hi] (lo excluded when lo_open); `fallback` when absent and not required.
	std::optional<double> number(const nlohmann::json &object, const std::string &pointer, const std::string &key,
				     std::optional<double> fallback, double lo, bool lo_open, double hi)
	{
		const nlohmann::json *v = field(object, pointer, key, !fallback);
		if (!v)
			return fallback;
		const std::string at = child(pointer, key);
		if (!v->is_number()) {
			error(at, "must be a number, got " + type_of(*v));
			return std::nullopt;
		}
		const double x = v->get<double>();
		if (!std::isfinite(x) || x < lo || (lo_open && x == lo) || x > hi) {
			std::ostringstream range;
			range << (lo_open ? "more than " : "at least ") << lo;
			if (hi < 1e300)
				range << " and at most " << hi;
			error(at, "must be " + range.str() + ", got " + v->dump());
			return std::nullopt;
		}
		return x;
	}

	std::optional<bool> boolean(const nlohmann::json &object, const std::string &pointer, const std::string &key, bool fallback)
	{
		const nlohmann::json *v = field(object, pointer, key, false);
		if (!v)
			return fallback;
		if (!v->is_boolean()) {
			error(child(pointer, key), "must be true or false, got " + type_of(*v));
			return std::nullopt;
		}
		return v->get<bool>();
	}

	std::optional<std::string> string(const nlohmann::json &object, const std::string &pointer, const std::string &key)
	{
		const nlohmann::json *v = field(object, pointer, key, true);
		if (!v)
			return std::nullopt;
		if (!v->is_string() || v->get_ref<const std::string &>().empty()) {
			error(child(pointer, key), "must be a non-empty string, got " + type_of(*v));
			return std::nullopt;
		}
		return v->get<std::string>();
	}

	/// A plain string or {"zh-CN": "…", "en-US": "…"}.
	LocalisedText localised(const nlohmann::json &object, const std::string &pointer, const std::string &key, bool required)
	{
		LocalisedText text;
		const nlohmann::json *v = field(object, pointer, key, required);
		if (!v)
			return text;
		const std::string at = child(pointer, key);
		if (v->is_string()) {
			text.by_language[""] = v->get<std::string>();
		} else if (v->is_object() && !v->empty()) {
			for (const auto &[language, name] : v->items()) {
				if (name.is_string())
					text.by_language[language] = name.get<std::string>();
				else
					error(child(at, language), "must be a string, got " + type_of(name));
			}
		} else {
			error(at, "must be a string or an object of names by language, got " + type_of(*v));
		}
		return text;
	}

	/// Entries of an array with at least min_items; null when it is not one.
	const nlohmann::json *array(const nlohmann::json &object, const std::string &pointer, const std::string &key, bool required,
				    size_t min_items)
	{
		const nlohmann::json *v = field(object, pointer, key, required);
		if (!v)
			return nullptr;
		if (!v->is_array() || v->size() < min_items) {
			error(child(pointer, key), v->is_array() ? "must have at least " + std::to_string(min_items) + " entry"
								 : "must be an array, got " + type_of(*v));
			return nullptr;
		}
		return v;
	}

	/// An array of strings, each one of `allowed`; empty when absent.
	std::vector<std::string> one_of_list(const nlohmann::json &object, const std::string &pointer, const std::string &key,
					     const std::vector<std::string> &allowed)
	{
		std::vector<std::string> out;
		const nlohmann::json *v = field(object, pointer, key, false);
		if (!v)
			return out;
		const std::string at = child(pointer, key);
		std::string names;
		for (const auto &a : allowed)
			names += (names.empty() ? "" : ", ") + a;
		if (!v->is_array() || v->empty()) {
			error(at, "must be a non-empty array of " + names + ", got " + type_of(*v));
			return out;
		}
		for (size_t i = 0; i < v->size(); ++i) {
			const auto &item = (*v)[i];
			if (!item.is_string() || std::find(allowed.begin(), allowed.end(), item.get<std::string>()) == allowed.end())
				error(at + "/" + std::to_string(i), "must be one of " + names + ", got " + type_of(item));
			else
				out.push_back(item.get<std::string>());
		}
		return out;
	}

	void only_keys(const nlohmann::json &object, const std::string &pointer, const std::set<std::string> &allowed)
	{
		for (const auto &[key, value] : object.items())
			if (!allowed.count(key))
				error(child(pointer, key), "is not a rubric field here (a typo?)");
	}

private:
	pack::ReadContext &ctx_;
	bool ok_ = true;
};

std::optional<RubricMetric> read_metric(Checker &c, const nlohmann::json &v, const std::string &at)
{
	if (!c.is_object(v, at))
		return std::nullopt;
	RubricMetric m;
	const auto key = c.string(v, at, "metric");
	const auto &known = rubric_metric_keys();
	if (key && std::find(known.begin(), known.end(), *key) == known.end())
		c.error(Checker::child(at, "metric"), "names no metric a rubric can score: \"" + *key + "\"");
	m.metric = key.value_or("");
	m.lower_is_better = c.boolean(v, at, "lower_is_better", false).value_or(false);
	// A higher-is-better target of 0 would give every session full points.
	m.target = c.number(v, at, "target", std::nullopt, 0, !m.lower_is_better, 1e308).value_or(1);
	m.tolerance = c.number(v, at, "tolerance", m.target > 0 ? m.target : 1.0, 0, true, 1e308).value_or(1);
	m.weight = c.number(v, at, "weight", 1.0, 0, true, 1e308).value_or(1);
	std::set<std::string> allowed = {"metric", "target", "lower_is_better", "tolerance", "weight", "pass_limit"};
	if (v.contains("pass_limit"))
		m.pass_limit = c.number(v, at, "pass_limit", std::nullopt, 0, false, 1e308);
	if (!m.lower_is_better) {
		// Below the floor a value earns nothing: the band's "weak" end, not a share of the target.
		allowed.insert("floor");
		m.floor = c.number(v, at, "floor", 0.0, 0, false, 1e308).value_or(0);
		if (m.floor >= m.target && m.target > 0)
			c.error(Checker::child(at, "floor"), "must be below the target (" + nlohmann::json(m.target).dump() + "), got " +
								     nlohmann::json(m.floor).dump());
	}
	if (m.metric == "response_score") {
		allowed.insert({"fast_s", "slow_s", "late_credit", "capacity_per_min"});
		const ResponseCredit defaults;
		m.response.fast_s = c.number(v, at, "fast_s", defaults.fast_s, 0, false, 1e308).value_or(defaults.fast_s);
		m.response.slow_s = c.number(v, at, "slow_s", std::max(defaults.slow_s, m.response.fast_s + 1), m.response.fast_s, true, 1e308)
					    .value_or(defaults.slow_s);
		m.response.late_credit = c.number(v, at, "late_credit", defaults.late_credit, 0, false, 1).value_or(defaults.late_credit);
		m.response.capacity_per_min =
			c.number(v, at, "capacity_per_min", defaults.capacity_per_min, 0, false, 1e308).value_or(defaults.capacity_per_min);
	}
	if (is_compliance_count(m.metric)) {
		allowed.insert({"where", "confidence"});
		m.compliance.where = c.one_of_list(v, at, "where", {"cue", "speech", "price", "pack"});
		m.compliance.confidence = c.one_of_list(v, at, "confidence", {"exact", "normalized", "pinyin"});
		if (m.metric == "compliance_penalty") {
			allowed.insert({"ban", "caution", "info"});
			const ComplianceCount defaults;
			m.compliance.ban = c.number(v, at, "ban", defaults.ban, 0, false, 1e308).value_or(defaults.ban);
			m.compliance.caution = c.number(v, at, "caution", defaults.caution, 0, false, 1e308).value_or(defaults.caution);
			m.compliance.info = c.number(v, at, "info", defaults.info, 0, false, 1e308).value_or(defaults.info);
		}
	}
	c.only_keys(v, at, allowed);
	return m;
}

std::optional<Rubric> read_document(Checker &c, const nlohmann::json &j)
{
	if (!c.is_object(j, ""))
		return std::nullopt;
	Rubric rubric;
	if (const auto format = c.string(j, "", "format"); format && *format != "lcs.rubric/1")
		c.error("/format", "must be \"lcs.rubric/1\", got \"" + *format + "\"");
	rubric.name = c.localised(j, "", "name", false);
	std::set<std::string> ids;
	if (const auto *dimensions = c.array(j, "", "dimensions", true, 1))
		for (size_t i = 0; i < dimensions->size(); ++i) {
			const std::string at = "/dimensions/" + std::to_string(i);
			const auto &d = (*dimensions)[i];
			if (!c.is_object(d, at))
				continue;
			RubricDimension dim;
			dim.id = c.string(d, at, "id").value_or("");
			if (!dim.id.empty() && !ids.insert(dim.id).second)
				c.error(Checker::child(at, "id"), "repeats the dimension id \"" + dim.id + "\"");
			dim.name = c.localised(d, at, "name", false);
			dim.weight = c.number(d, at, "weight", 1.0, 0, true, 1e308).value_or(1);
			if (const auto *metrics = c.array(d, at, "metrics", true, 1))
				for (size_t k = 0; k < metrics->size(); ++k)
					if (auto m = read_metric(c, (*metrics)[k], at + "/metrics/" + std::to_string(k)))
						dim.metrics.push_back(std::move(*m));
			c.only_keys(d, at, {"id", "name", "weight", "metrics"});
			rubric.dimensions.push_back(std::move(dim));
		}
	if (const auto *tiers = c.array(j, "", "tiers", false, 0))
		for (size_t i = 0; i < tiers->size(); ++i) {
			const std::string at = "/tiers/" + std::to_string(i);
			const auto &t = (*tiers)[i];
			if (!c.is_object(t, at))
				continue;
			RubricTier tier;
			tier.min = c.number(t, at, "min", std::nullopt, 0, false, 100).value_or(0);
			tier.name = c.localised(t, at, "name", true);
			c.only_keys(t, at, {"min", "name"});
			rubric.tiers.push_back(std::move(tier));
		}
	std::stable_sort(rubric.tiers.begin(), rubric.tiers.end(), [](const auto &a, const auto &b) { return a.min > b.min; });
	c.only_keys(j, "", {"$schema", "format", "name", "dimensions", "tiers"});
	if (!c.ok())
		return std::nullopt;
	return rubric;
}

struct TooDeep {
	size_t byte = 0;
};

} // namespace

std::optional<Rubric> read_rubric_text(std::string_view text, const std::string &name, diag::Diagnostics &problems)
{
	if (text.size() > kMaxRubricBytes) {
		problems.push_back({diag::Severity::Error, {name, 0, 0}, "a rubric may have at most " + std::to_string(kMaxRubricBytes) + " bytes"});
		return std::nullopt;
	}
	auto error_at = [&](size_t offset, std::string message) {
		const auto lc = diag::TextPositions(text).at(offset);
		problems.push_back({diag::Severity::Error, {name, lc.line, lc.column}, std::move(message)});
	};
	nlohmann::json j;
	try {
		// The parser itself is iterative; the depth cap keeps the document small to walk.
		j = nlohmann::json::parse(
			text.begin(), text.end(),
			[](int depth, nlohmann::json::parse_event_t, nlohmann::json &) {
				if (depth > kMaxRubricDepth)
					throw TooDeep{};
				return true;
			},
			true, true);
	} catch (const nlohmann::json::parse_error &e) {
		const std::string what = e.what();
		const auto colon = what.find(": ");
		error_at(e.byte > 0 ? e.byte - 1 : 0, "not a rubric: JSON syntax error: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
		return std::nullopt;
	} catch (const nlohmann::json::out_of_range &e) {
		error_at(pack::overflow_offset(text, e.what()), "not a rubric: a number too large for a double");
		return std::nullopt;
	} catch (const TooDeep &) {
		problems.push_back({diag::Severity::Error, {name, 0, 0}, "not a rubric: nested deeper than " + std::to_string(kMaxRubricDepth) + " levels"});
		return std::nullopt;
	}
	pack::ReadContext ctx(name, text, problems);
	Checker checker(ctx);
	return read_document(checker, j);
}

std::optional<Rubric> read_rubric_file(const std::filesystem::path &file, diag::Diagnostics &problems)
{
	const std::string name = pack::path_utf8(file);
	std::error_code ec;
	const auto size = std::filesystem::file_size(file, ec);
	if (ec) {
		problems.push_back({diag::Severity::Error, {name, 0, 0}, "cannot read the rubric: " + ec.message()});
		return std::nullopt;
	}
	if (size > kMaxRubricBytes) {
		problems.push_back({diag::Severity::Error, {name, 0, 0}, "a rubric may have at most " + std::to_string(kMaxRubricBytes) + " bytes"});
		return std::nullopt;
	}
	std::ifstream in(file, std::ios::binary);
	std::ostringstream text;
	text << in.rdbuf();
	if (!in) {
		problems.push_back({diag::Severity::Error, {name, 0, 0}, "cannot read the rubric"});
		return std::nullopt;
	}
	return read_rubric_text(text.str(), name, problems);
}

} // namespace lcs::report
