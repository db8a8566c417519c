#pragma once

#include <memory>
#include <string>

#include "core/compliance/checker.hpp"
#include "core/compliance/script_check.hpp"
#include "core/diag/diagnostic.hpp"
#include "exit_code.hpp"

namespace lcs::cli {

/// The compliance checker a command uses, loaded once: --rules DIR when given, else compliance/
/// in the module data (--data, LCS_DATA_DIR, the install, the source tree). Rules that cannot be
/// found, or a rule file that is broken (each problem at its file:line:col on stderr), are the
/// environment's fault: failure Environment (exit 3) and no checker.
struct ComplianceChoice {
	std::shared_ptr<const compliance::Checker> checker;
	ExitCode failure = ExitCode::Ok; // Ok when `checker` holds one
	std::string problem;             // why there is none, for commands that go on without it
};
ComplianceChoice choose_compliance(const std::string &command, const std::string &rules_option,
				   const std::string &data_option, bool report_on_stderr = true);

/// A pack finding as a warning of `lcs validate`: "file:line:col: warning: ban: [rule] message (legal ref)".
diag::Diagnostic as_warning(const compliance::PackFinding &finding);

} // namespace lcs::cli
