#include "core/compliance/rule_reader.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "core/compliance/normalizer.hpp"

// One rule of a rule file (data/compliance/<language>/<category>.json) read and checked field by
// field; the file around it (schema, language, category, the rules array) is read in rule_set.cpp.
namespace lcs::compliance::detail {
namespace {

constexpr size_t kMaxTermChars = 60;
constexpr size_t kMaxTextChars = 2000;

const std::set<std::string> kNeeds = {"words", "price_claim", "urgency"};
const std::set<std::string> kAllow = {"quoted", "negated", "product_name"};
const std::set<std::string> kReasons = {"usage_tip", "sequence", "standard_grade", "composition", "self_comparison",
					"product_name", "quoted", "negated", "fact_with_source", "other"};

using pack::Need;
using pack::ObjectReader;
using pack::ReadContext;

class RuleFileReader {
public:
	explicit RuleFileReader(ReadContext &ctx) : ctx_(ctx) {}

	/// The strings of an array (each non-empty, at most max_chars); nullopt after an error.
	std::optional<std::vector<std::string>> strings(ObjectReader &o, const std::string &key, Need need,
							 size_t min_items, size_t max_chars)
	{
		const nlohmann::json *a = o.array(key, need, min_items);
		if (!a)
			return o.has(key) ? std::nullopt : std::optional<std::vector<std::string>>(std::vector<std::string>{});
		std::vector<std::string> out;
		bool ok = true;
		for (size_t i = 0; i < a->size(); ++i) {
			const std::string at = o.child(key) + "/" + std::to_string(i);
			const auto &v = (*a)[i];
			if (!v.is_string()) {
				ctx_.error(at, "'" + key + "' entries must be strings");
				ok = false;
			} else if (v.get_ref<const std::string &>().empty()) {
				ctx_.error(at, "'" + key + "' entries must not be empty");
				ok = false;
			} else if (pack::utf8_length(v.get_ref<const std::string &>()) > max_chars) {
				ctx_.error(at, "'" + key + "' entries may have at most " + std::to_string(max_chars) + " characters");
				ok = false;
			} else {
				out.push_back(v.get<std::string>());
			}
		}
		if (!ok)
			return std::nullopt;
		return out;
	}

	/// Strings that must still say something once normalised (not only symbols or spaces).
	bool matchable(ObjectReader &o, const std::string &key, const std::vector<std::string> &values)
	{
		bool ok = true;
		for (size_t i = 0; i < values.size(); ++i)
			if (Normalizer::instance().key(values[i]).empty()) {
				ctx_.error(o.child(key) + "/" + std::to_string(i),
					   "'" + values[i] + "' has no letter, digit or character left to match once spaces and symbols are dropped");
				ok = false;
			}
		return ok;
	}

	std::optional<Bilingual> bilingual(ObjectReader &parent, const std::string &key, Need need)
	{
		const nlohmann::json *v = parent.object(key, need);
		if (!v)
			return parent.has(key) ? std::nullopt : std::optional<Bilingual>(Bilingual{});
		ObjectReader o(ctx_, *v, parent.child(key), "'" + key + "'");
		Bilingual out;
		bool ok = true;
		for (const auto &lang : rule_languages()) {
			auto s = o.string(lang, Need::Required, kMaxTextChars);
			if (s)
				out.text[lang] = *s;
			else
				ok = false;
		}
		o.reject_unknown_keys();
		if (!ok)
			return std::nullopt;
		return out;
	}

	std::optional<Rule> rule(const nlohmann::json &value, const std::string &pointer, const std::string &category,
				 const std::string &language)
	{
		const size_t errors_before = errors();
		ObjectReader o(ctx_, value, pointer, "rule");
		if (!o.valid())
			return std::nullopt;
		Rule r;
		r.category = category;
		r.language = language;
		r.where = o.where();
		r.by_sound = language == "zh-CN";
		if (auto id = o.id("id", Need::Required))
			r.id = *id;
		if (auto s = o.string("severity", Need::Required)) {
			if (auto sev = severity_from(*s))
				r.severity = *sev;
			else
				ctx_.error(o.child("severity"), "unknown severity '" + *s + "': must be ban, caution or info");
		}
		if (auto terms = strings(o, "terms", Need::Required, 1, kMaxTermChars)) {
			r.terms = *terms;
			matchable(o, "terms", r.terms);
			std::set<std::u32string> seen;
			for (size_t i = 0; i < r.terms.size(); ++i)
				if (!seen.insert(Normalizer::instance().key(r.terms[i])).second)
					ctx_.warning(o.child("terms") + "/" + std::to_string(i),
						     "term '" + r.terms[i] + "' repeats another term of the rule once normalised (case, "
						     "width, spaces and symbols do not count): it can be removed");
		}
		if (auto b = o.boolean("by_sound", Need::Optional))
			r.by_sound = *b;
		if (o.has("allow")) {
			if (auto allow = strings(o, "allow", Need::Optional, 0, 40)) {
				r.allow = *allow;
				for (size_t i = 0; i < allow->size(); ++i)
					if (!kAllow.count((*allow)[i]))
						ctx_.error(o.child("allow") + "/" + std::to_string(i),
							   "unknown exemption '" + (*allow)[i] + "': must be one of " + join(kAllow));
			}
		}
		if (const nlohmann::json *ex = o.array("exceptions", Need::Optional, 0))
			for (size_t i = 0; i < ex->size(); ++i)
				if (auto e = exception((*ex)[i], o.child("exceptions") + "/" + std::to_string(i)))
					r.exceptions.push_back(std::move(*e));
		if (auto needs = o.string("needs", Need::Optional)) {
			if (*needs == "words")
				r.needs = Needs::words;
			else if (*needs == "price_claim")
				r.needs = Needs::price_claim;
			else if (*needs == "urgency")
				r.needs = Needs::urgency;
			else
				ctx_.error(o.child("needs"), "unknown need '" + *needs + "': must be one of " + join(kNeeds));
		}
		if (const nlohmann::json *lb = o.array("legal_basis", Need::Required, 1))
			for (size_t i = 0; i < lb->size(); ++i) {
				ObjectReader b(ctx_, (*lb)[i], o.child("legal_basis") + "/" + std::to_string(i), "legal basis");
				LegalBasis basis;
				basis.law = b.string("law", Need::Required).value_or("");
				basis.article = b.string("article", Need::Optional).value_or("");
				basis.as_of = b.string("as_of", Need::Required, 10).value_or("");
				if (!basis.as_of.empty() && !iso_date(basis.as_of))
					ctx_.error(b.child("as_of"), "'as_of' must be a date YYYY-MM-DD, got '" + basis.as_of + "'");
				b.reject_unknown_keys();
				r.legal_basis.push_back(std::move(basis));
			}
		if (auto m = bilingual(o, "message", Need::Required))
			r.message = *m;
		if (auto s = bilingual(o, "suggestion", Need::Required))
			r.suggestion = *s;
		if (const nlohmann::json *ex = o.object("examples", Need::Optional)) {
			ObjectReader e(ctx_, *ex, o.child("examples"), "examples");
			r.must_match = strings(e, "match", Need::Optional, 0, kMaxTextChars).value_or(std::vector<std::string>{});
			r.must_not_match = strings(e, "no_match", Need::Optional, 0, kMaxTextChars).value_or(std::vector<std::string>{});
			r.must_exempt = strings(e, "exempt", Need::Optional, 0, kMaxTextChars).value_or(std::vector<std::string>{});
			e.reject_unknown_keys();
		}
		o.reject_unknown_keys();
		if (errors() != errors_before)
			return std::nullopt;
		return r;
	}

	[[nodiscard]] size_t errors() const { return ctx_errors_ ? ctx_errors_() : 0; }
	std::function<size_t()> ctx_errors_;

private:
	static bool iso_date(const std::string &s)
	{
		if (s.size() != 10 || s[4] != '-' || s[7] != '-')
			return false;
		for (const size_t i : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{5}, size_t{6}, size_t{8}, size_t{9}})
			if (s[i] < '0' || s[i] > '9')
				return false;
		return true;
	}

	std::optional<RuleException> exception(const nlohmann::json &value, const std::string &pointer)
	{
		ObjectReader o(ctx_, value, pointer, "exception");
		if (!o.valid())
			return std::nullopt;
		RuleException e;
		bool ok = true;
		auto list = [&](const std::string &key, std::vector<std::string> &into) {
			if (!o.has(key)) {
				o.allow(key);
				return;
			}
			if (auto v = strings(o, key, Need::Optional, 1, kMaxTermChars)) {
				into = *v;
				ok = matchable(o, key, into) && ok;
			} else {
				ok = false;
			}
		};
		list("phrases", e.phrases);
		list("after", e.after);
		list("before", e.before);
		if (ok && e.phrases.empty() && e.after.empty() && e.before.empty()) {
			ctx_.error(pointer, "an exception needs 'phrases', 'after' or 'before'");
			ok = false;
		}
		if (auto reason = o.string("reason", Need::Required)) {
			if (kReasons.count(*reason))
				e.reason = *reason;
			else {
				ctx_.error(o.child("reason"), "unknown reason '" + *reason + "': must be one of " + join(kReasons));
				ok = false;
			}
		} else {
			ok = false;
		}
		if (auto note = bilingual(o, "note", Need::Optional))
			e.note = *note;
		else
			ok = false;
		o.reject_unknown_keys();
		if (!ok)
			return std::nullopt;
		return e;
	}

	ReadContext &ctx_;
};

} // namespace

const std::set<std::string> &rule_languages()
{
	static const std::set<std::string> languages = {"zh-CN", "en-US"};
	return languages;
}

std::string join(const std::set<std::string> &values)
{
	std::string out;
	for (const auto &v : values)
		out += (out.empty() ? "" : ", ") + v;
	return out;
}

std::optional<Rule> read_rule(pack::ReadContext &ctx, std::function<size_t()> error_count, const nlohmann::json &value,
			      const std::string &pointer, const std::string &category, const std::string &language)
{
	RuleFileReader reader(ctx);
	reader.ctx_errors_ = std::move(error_count);
	return reader.rule(value, pointer, category, language);
}

} // namespace lcs::compliance::detail
