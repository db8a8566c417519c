#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/compliance/finding.hpp"

// What `lcs lint` prints (shared/design/contract.md section 3): text, JSON or SARIF 2.1.0.
namespace lcs::cli {

struct LintRow {
	std::string file; // as given on the command line (UTF-8)
	int line = 0;
	int col = 0;
	compliance::Finding finding;
	std::string field;  // "cue.text", "product.name", …, "line" for a .txt file
	std::string cue_id; // for cue texts
};

/// `file:line:col: severity: [rule] message (legal reference)`, one a finding; the suggestion (or,
/// for an exempted hit, why it is exempt) on the next line, indented by four spaces.
std::string lint_text(const std::vector<LintRow> &rows);

/// {"findings":[{file, line, col, rule, category, severity, term, message, legal_ref, suggestion,
/// confidence, exempt_reason?, field, cue_id?, claimed_cents?, evidence_cents?}]}
std::string lint_json(const std::vector<LintRow> &rows);

/// SARIF 2.1.0: one run, the rules that were hit (described, no helpUri), one result a finding
/// (level error · warning · note for ban · caution · info; columns in Unicode code points).
std::string lint_sarif(const std::vector<LintRow> &rows);

} // namespace lcs::cli
