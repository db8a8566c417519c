#include "commands/compliance_rules.hpp"

#include <filesystem>
#include <iostream>

#include "core/pack/pack_loader.hpp"
#include "data_dir.hpp"

namespace lcs::cli {

ComplianceChoice choose_compliance(const std::string &command, const std::string &rules_option,
				   const std::string &data_option, bool report_on_stderr)
{
	namespace fs = std::filesystem;
	ComplianceChoice choice;
	fs::path dir = fs::u8path(rules_option);
	std::error_code ec;
	if (rules_option.empty()) {
		const auto lookup = look_up_data_dir(data_option);
		dir = compliance_dir(lookup);
		if (dir.empty()) {
			choice.problem = missing_compliance_message(command, lookup);
			choice.failure = ExitCode::Environment;
		}
	} else if (!fs::is_directory(dir, ec)) {
		choice.problem = "lcs " + command + ": --rules " + rules_option + " is not a folder of compliance rules";
		choice.failure = ExitCode::Environment;
	}
	if (choice.failure == ExitCode::Ok) {
		auto load = compliance::load_checker(dir);
		if (diag::has_errors(load.diagnostics) || !load.checker) {
			if (report_on_stderr)
				for (const auto &d : load.diagnostics)
					std::cerr << d.to_string() << '\n';
			std::string first = "no rule could be read";
			for (const auto &d : load.diagnostics)
				if (d.severity == diag::Severity::Error) {
					first = d.to_string();
					break;
				}
			choice.problem = "lcs " + command + ": the compliance rules in " + pack::path_utf8(dir) +
					 " are broken (first problem: " + first + "); fix them or give others with --rules DIR";
			choice.failure = ExitCode::Environment;
		} else {
			choice.checker = std::move(load.checker);
		}
	}
	if (choice.failure != ExitCode::Ok && report_on_stderr)
		std::cerr << choice.problem << '\n';
	return choice;
}

diag::Diagnostic as_warning(const compliance::PackFinding &finding)
{
	const auto &f = finding.finding;
	std::string message = std::string(compliance::to_string(f.severity)) + ": [" + f.rule + "] " + f.message;
	if (!f.legal_ref.empty())
		message += " (" + f.legal_ref + ")";
	return {diag::Severity::Warning, finding.where, std::move(message)};
}

} // namespace lcs::cli
