#include "core/compliance/rule_set.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/compliance/rule_reader.hpp"
#include "core/diag/text_position.hpp"
#include "core/pack/json_reader.hpp"

namespace lcs::compliance {
namespace {

constexpr size_t kMaxRuleFileBytes = 4 * 1024 * 1024;

using detail::join;
using pack::Need;
using pack::ObjectReader;
using pack::ReadContext;

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
	} catch (const nlohmann::json::out_of_range &e) {
		diags.push_back(error_at(path, text, bom + pack::overflow_offset(body, e.what()), "a number too large for a double"));
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
	const auto language = top.one_of("language", Need::Required, detail::rule_languages());
	const std::set<std::string> cats(categories().begin(), categories().end());
	const auto category = top.one_of("category", Need::Required, cats);
	if (language && want_language && *language != *want_language)
		ctx.error("/language", "language '" + *language + "' does not match the folder '" + *want_language + "'");
	if (category && want_category && *category != *want_category)
		ctx.error("/category", "category '" + *category + "' does not match the file name '" + *want_category + ".json'");
	result.rules.version = top.string("version", Need::Required, 40).value_or("");
	const auto error_count = [&diags] {
		return static_cast<size_t>(std::count_if(diags.begin(), diags.end(),
							 [](const diag::Diagnostic &d) { return d.severity == diag::Severity::Error; }));
	};
	std::set<std::string> ids;
	if (const nlohmann::json *rules = top.array("rules", Need::Required, 1))
		for (size_t i = 0; i < rules->size(); ++i) {
			auto r = detail::read_rule(ctx, error_count, (*rules)[i], "/rules/" + std::to_string(i), category.value_or(""),
						   language.value_or(""));
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
		if (!detail::rule_languages().count(language)) {
			result.diagnostics.push_back({diag::Severity::Error, {path_utf8(lang_dir.path()), 0, 0},
						      "unknown language folder '" + language + "': must be one of " + join(detail::rule_languages())});
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
