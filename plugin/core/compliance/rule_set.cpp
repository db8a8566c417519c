#include "core/compliance/rule_set.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/compliance/normalizer.hpp"
#include "core/diag/text_position.hpp"
#include "core/pack/json_reader.hpp"

namespace lcs::compliance {
namespace {

constexpr size_t kMaxRuleFileBytes = 4 * 1024 * 1024;
constexpr size_t kMaxTermChars = 60;
constexpr size_t kMaxTextChars = 2000;

const std::set<std::string> kLanguages = {"zh-CN", "en-US"};
const std::set<std::string> kNeeds = {"words", "price_claim", "urgency"};
const std::set<std::string> kAllow = {"quoted", "negated", "product_name"};
const std::set<std::string> kReasons = {"usage_tip", "sequence", "standard_grade", "composition", "self_comparison",
					"product_name", "quoted", "negated", "fact_with_source", "other"};

using pack::Need;
using pack::ObjectReader;
using pack::ReadContext;

std::string join(const std::set<std::string> &values)
{
	std::string out;
	for (const auto &v : values)
		out += (out.empty() ? "" : ", ") + v;
	return out;
}

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
		for (const auto &lang : kLanguages) {
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

diag::Diagnostic error_at(const std::string &name, std::string_view text, size_t offset, std::string message)
{
	const auto lc = diag::TextPositions(text).at(offset);
	return {diag::Severity::Error, {name, lc.line, lc.column}, std::move(message)};
}

std::string path_utf8(const std::filesystem::path &path)
{
	const auto u8 = path.u8string();
	return std::string(u8.begin(), u8.end());
}

/// The file's rules, or none when anything in it is wrong (its diagnostics say what).
RuleSetLoad read_file(const std::string &text, const std::string &path, const std::string *want_language,
		      const std::string *want_category)
{
	RuleSetLoad result;
	auto &diags = result.diagnostics;
	if (text.size() > kMaxRuleFileBytes) {
		diags.push_back({diag::Severity::Error, {path, 0, 0},
				 "file is " + std::to_string(text.size()) + " bytes; a rule file may have at most " +
					 std::to_string(kMaxRuleFileBytes) + " bytes"});
		return result;
	}
	if (const size_t bad = diag::first_invalid_utf8(text); bad != std::string_view::npos) {
		diags.push_back(error_at(path, text, bad, "invalid UTF-8: rule files must be UTF-8 text"));
		return result;
	}
	const size_t bom = std::string_view(text).substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
	const std::string_view body = std::string_view(text).substr(bom);
	nlohmann::json doc;
	try {
		doc = nlohmann::json::parse(body.begin(), body.end(), nullptr, true, true);
	} catch (const nlohmann::json::parse_error &e) {
		const std::string what = e.what();
		const auto colon = what.find(": ");
		diags.push_back(error_at(path, text, bom + (e.byte > 0 ? e.byte - 1 : 0),
					 "JSON syntax error: " + (colon == std::string::npos ? what : what.substr(colon + 2))));
		return result;
	}
	ReadContext ctx(path, body, diags);
	if (ctx.locator().too_deep_offset() != std::string_view::npos) {
		diags.push_back(error_at(path, body, ctx.locator().too_deep_offset(), "nested too deeply"));
		return result;
	}
	ObjectReader top(ctx, doc, "", "rule file");
	if (!top.valid())
		return result;
	if (auto schema = top.string("schema", Need::Required); schema && *schema != kRuleSchema)
		ctx.error("/schema", "schema must be '" + std::string(kRuleSchema) + "', got '" + *schema + "'");
	const auto language = top.one_of("language", Need::Required, kLanguages);
	const std::set<std::string> cats(categories().begin(), categories().end());
	const auto category = top.one_of("category", Need::Required, cats);
	if (language && want_language && *language != *want_language)
		ctx.error("/language", "language '" + *language + "' does not match the folder '" + *want_language + "'");
	if (category && want_category && *category != *want_category)
		ctx.error("/category", "category '" + *category + "' does not match the file name '" + *want_category + ".json'");
	result.rules.version = top.string("version", Need::Required, 40).value_or("");
	RuleFileReader reader(ctx);
	reader.ctx_errors_ = [&diags] {
		return static_cast<size_t>(std::count_if(diags.begin(), diags.end(),
							 [](const diag::Diagnostic &d) { return d.severity == diag::Severity::Error; }));
	};
	std::set<std::string> ids;
	if (const nlohmann::json *rules = top.array("rules", Need::Required, 1))
		for (size_t i = 0; i < rules->size(); ++i) {
			auto r = reader.rule((*rules)[i], "/rules/" + std::to_string(i), category.value_or(""), language.value_or(""));
			if (!r)
				continue;
			if (!ids.insert(r->id).second) {
				ctx.error("/rules/" + std::to_string(i) + "/id", "duplicate rule id '" + r->id + "'");
				continue;
			}
			result.rules.rules.push_back(std::move(*r));
		}
	top.reject_unknown_keys();
	if (diag::has_errors(diags))
		result.rules.rules.clear();
	return result;
}

} // namespace

const std::string &Bilingual::in(const std::string &language) const
{
	static const std::string kEmpty;
	if (const auto it = text.find(language); it != text.end() && !it->second.empty())
		return it->second;
	for (const auto &lang : {"en-US", "zh-CN"})
		if (const auto it = text.find(lang); it != text.end() && !it->second.empty())
			return it->second;
	return text.empty() ? kEmpty : text.begin()->second;
}

std::string LegalBasis::to_string() const
{
	// 《广告法》第九条 reads as one; "FTC Act" and "§5(a)" need a space between them.
	const auto latin = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
	const bool spaced = !law.empty() && !article.empty() && (latin(law.back()) || latin(article.front()));
	std::string out = law + (spaced ? " " : "") + article;
	if (!as_of.empty())
		out += " (" + as_of + ")";
	return out;
}

std::vector<const Rule *> RuleSet::of_language(const std::string &language) const
{
	std::vector<const Rule *> out;
	for (const auto &r : rules)
		if (r.language == language)
			out.push_back(&r);
	return out;
}

const Rule *RuleSet::find(const std::string &id) const
{
	for (const auto &r : rules)
		if (r.id == id)
			return &r;
	return nullptr;
}

RuleSetLoad read_rule_file(const std::string &text, const std::string &path)
{
	return read_file(text, path, nullptr, nullptr);
}

RuleSetLoad load_rule_set(const std::filesystem::path &dir)
{
	RuleSetLoad result;
	std::error_code ec;
	if (!std::filesystem::is_directory(dir, ec)) {
		result.diagnostics.push_back({diag::Severity::Error, {path_utf8(dir), 0, 0}, "no compliance rule folder here"});
		return result;
	}
	std::vector<std::filesystem::path> files;
	for (const auto &lang_dir : std::filesystem::directory_iterator(dir, ec)) {
		if (!lang_dir.is_directory())
			continue;
		const std::string language = path_utf8(lang_dir.path().filename());
		if (!kLanguages.count(language)) {
			result.diagnostics.push_back({diag::Severity::Error, {path_utf8(lang_dir.path()), 0, 0},
						      "unknown language folder '" + language + "': must be one of " + join(kLanguages)});
			continue;
		}
		for (const auto &file : std::filesystem::directory_iterator(lang_dir.path(), ec))
			if (file.is_regular_file() && file.path().extension() == ".json")
				files.push_back(file.path());
	}
	std::sort(files.begin(), files.end());
	std::set<std::string> ids;
	std::string version_file;
	for (const auto &file : files) {
		const std::string name = path_utf8(file);
		std::ifstream in(file, std::ios::binary);
		std::ostringstream buffer;
		buffer << in.rdbuf();
		if (!in) {
			result.diagnostics.push_back({diag::Severity::Error, {name, 0, 0}, "cannot read the file"});
			continue;
		}
		const std::string text = buffer.str();
		const std::string language = path_utf8(file.parent_path().filename());
		const std::string category = path_utf8(file.stem());
		RuleSetLoad one = read_file(text, name, &language, &category);
		// Ids are unique over the whole set, and every file carries the set's version.
		if (!diag::has_errors(one.diagnostics)) {
			const diag::TextPositions positions(text);
			const diag::JsonLocator locator(text);
			auto at = [&](const std::string &pointer) {
				const auto lc = positions.at(locator.offset_of(pointer));
				return diag::Location{name, lc.line, lc.column};
			};
			if (!result.rules.version.empty() && one.rules.version != result.rules.version)
				one.diagnostics.push_back({diag::Severity::Error, at("/version"),
							   "version '" + one.rules.version + "' differs from '" + result.rules.version +
								   "' of " + version_file + ": every file of the set carries the same version"});
			for (size_t i = 0; i < one.rules.rules.size(); ++i)
				if (ids.count(one.rules.rules[i].id))
					one.diagnostics.push_back({diag::Severity::Error, one.rules.rules[i].where,
								   "duplicate rule id '" + one.rules.rules[i].id + "' (defined in another file)"});
		}
		result.diagnostics.insert(result.diagnostics.end(), one.diagnostics.begin(), one.diagnostics.end());
		if (diag::has_errors(one.diagnostics))
			continue;
		if (result.rules.version.empty()) {
			result.rules.version = one.rules.version;
			version_file = name;
		}
		for (auto &r : one.rules.rules) {
			ids.insert(r.id);
			result.rules.rules.push_back(std::move(r));
		}
	}
	if (files.empty())
		result.diagnostics.push_back({diag::Severity::Error, {path_utf8(dir), 0, 0},
					      "no rule files (<language>/<category>.json) in this folder"});
	return result;
}

} // namespace lcs::compliance
