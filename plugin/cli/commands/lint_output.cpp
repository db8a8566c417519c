#include "commands/lint_output.hpp"

#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "core/version.hpp"

namespace lcs::cli {
namespace {
using compliance::Severity;

std::string severity_name(Severity severity)
{
	return std::string(compliance::to_string(severity));
}

const char *sarif_level(Severity severity)
{
	switch (severity) {
	case Severity::ban:
		return "error";
	case Severity::caution:
		return "warning";
	case Severity::info:
		break;
	}
	return "note";
}

// A file name as a SARIF artifact URI: relative paths stay relative (resolved against the folder
// lint ran in), absolute ones become file:// URIs; bytes outside the unreserved set are escaped.
std::string file_uri(const std::string &file)
{
	std::string out = !file.empty() && file.front() == '/' ? "file://" : "";
	for (const char ch : file) {
		const auto c = static_cast<unsigned char>(ch);
		const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
				  c == '.' || c == '_' || c == '~' || c == '/';
		if (keep) {
			out += ch;
		} else {
			char buf[4];
			std::snprintf(buf, sizeof buf, "%%%02X", c);
			out += buf;
		}
	}
	return out;
}

nlohmann::json row_json(const LintRow &row)
{
	const auto &f = row.finding;
	nlohmann::json j = {{"file", row.file},
			    {"line", row.line},
			    {"col", row.col},
			    {"rule", f.rule},
			    {"category", f.category},
			    {"severity", severity_name(f.severity)},
			    {"term", f.term},
			    {"message", f.message},
			    {"legal_ref", f.legal_ref},
			    {"suggestion", f.suggestion},
			    {"confidence", std::string(compliance::to_string(f.confidence))},
			    {"field", row.field}};
	if (!f.exempt_reason.empty())
		j["exempt_reason"] = f.exempt_reason;
	if (!row.cue_id.empty())
		j["cue_id"] = row.cue_id;
	if (f.claimed_cents)
		j["claimed_cents"] = *f.claimed_cents;
	if (f.evidence_cents)
		j["evidence_cents"] = *f.evidence_cents;
	return j;
}

} // namespace

std::string lint_text(const std::vector<LintRow> &rows)
{
	std::string out;
	for (const auto &row : rows) {
		const auto &f = row.finding;
		out += row.file + ":" + std::to_string(row.line) + ":" + std::to_string(row.col) + ": " +
		       severity_name(f.severity) + ": [" + f.rule + "] " + f.message;
		if (!f.legal_ref.empty())
			out += " (" + f.legal_ref + ")";
		out += '\n';
		if (!f.exempt_reason.empty())
			out += "    exempt: " + f.exempt_reason + '\n';
		else if (!f.suggestion.empty())
			out += "    suggestion: " + f.suggestion + '\n';
	}
	return out;
}

std::string lint_json(const std::vector<LintRow> &rows)
{
	nlohmann::json findings = nlohmann::json::array();
	for (const auto &row : rows)
		findings.push_back(row_json(row));
	return nlohmann::json{{"findings", std::move(findings)}}.dump(2) + "\n";
}

std::string lint_sarif(const std::vector<LintRow> &rows)
{
	nlohmann::json rules = nlohmann::json::array();
	std::map<std::string, size_t> rule_index;
	nlohmann::json results = nlohmann::json::array();
	for (const auto &row : rows) {
		const auto &f = row.finding;
		auto [it, added] = rule_index.emplace(f.rule, rule_index.size());
		if (added) {
			nlohmann::json rule = {{"id", f.rule},
					       {"shortDescription", {{"text", f.message}}},
					       {"properties", {{"category", f.category}}}};
			if (!f.legal_ref.empty())
				rule["fullDescription"] = {{"text", f.message + " (" + f.legal_ref + ")"}};
			if (!f.suggestion.empty())
				rule["help"] = {{"text", f.suggestion}};
			rules.push_back(std::move(rule));
		}
		nlohmann::json region = {{"startLine", row.line}, {"startColumn", row.col}};
		nlohmann::json properties = {{"category", f.category},
					     {"severity", severity_name(f.severity)},
					     {"term", f.term},
					     {"confidence", std::string(compliance::to_string(f.confidence))},
					     {"field", row.field}};
		if (!f.legal_ref.empty())
			properties["legal_ref"] = f.legal_ref;
		if (!f.suggestion.empty())
			properties["suggestion"] = f.suggestion;
		if (!f.exempt_reason.empty())
			properties["exempt_reason"] = f.exempt_reason;
		if (!row.cue_id.empty())
			properties["cue_id"] = row.cue_id;
		nlohmann::json result = {
			{"ruleId", f.rule},
			{"ruleIndex", it->second},
			{"level", sarif_level(f.severity)},
			{"message", {{"text", f.message}}},
			{"locations",
			 {{{"physicalLocation", {{"artifactLocation", {{"uri", file_uri(row.file)}}}, {"region", region}}}}}},
			{"properties", std::move(properties)}};
		results.push_back(std::move(result));
	}
	nlohmann::json driver = {{"name", "lcs lint"},
				 {"fullName", std::string(kProjectName) + " compliance lint"},
				 {"version", kVersionString},
				 {"rules", std::move(rules)}};
	nlohmann::json run = {{"tool", {{"driver", std::move(driver)}}},
			      {"columnKind", "unicodeCodePoints"},
			      {"results", std::move(results)}};
	nlohmann::json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
				{"version", "2.1.0"},
				{"runs", nlohmann::json::array({std::move(run)})}};
	return sarif.dump(2) + "\n";
}

} // namespace lcs::cli
