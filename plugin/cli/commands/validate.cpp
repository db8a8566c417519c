// lcs validate PATH…: checks script packs, reporting each problem as file:line:col on stderr; the
// compliance findings of ban and caution (lcs lint) as warnings, which never change the exit code.
#include <iostream>
#include <map>

#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/compliance_rules.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"

namespace lcs::cli {
namespace {

struct Options {
	std::vector<std::string> paths;
	bool quiet = false;
	bool no_lint = false;
	std::string rules;
	std::string data;
};

ExitCode run_validate(const Options &options)
{
	namespace fs = std::filesystem;
	diag::Diagnostics diagnostics;
	std::vector<fs::path> inputs;
	for (const auto &p : options.paths)
		inputs.emplace_back(fs::u8path(p));
	const auto files = pack::expand_pack_paths(inputs, diagnostics);

	// Each file on its own, then the packs of one language together, as they would be loaded.
	std::map<std::string, std::vector<pack::Pack>> by_language;
	size_t loaded = 0;
	// Compliance (lcs lint) of every pack that loads: ban and caution findings as warnings. Without
	// rule data the check is skipped with a note; it never fails validation.
	ComplianceChoice compliance;
	if (!options.no_lint && !files.empty()) {
		compliance = choose_compliance("validate", options.rules, options.data, false);
		if (!compliance.checker)
			std::cerr << compliance.problem << " (compliance findings skipped)\n";
	}
	for (const auto &file : files) {
		auto result = pack::load_pack_file(file);
		diagnostics.insert(diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
		loaded += result.ok() ? 1 : 0;
		if (result.ok() && compliance.checker)
			for (const auto &finding : compliance::lint_pack(*result.pack, *compliance.checker))
				if (finding.finding.severity != compliance::Severity::info)
					diagnostics.push_back(as_warning(finding));
		if (result.pack) { // read, even with errors: its references are still worth checking
			by_language[result.pack->meta.language].push_back(std::move(*result.pack));
		}
	}
	for (auto &[language, packs] : by_language)
		pack::Library::link(std::move(packs), diagnostics);

	size_t errors = 0;
	size_t warnings = 0;
	for (const auto &d : diagnostics) {
		std::cerr << d.to_string() << '\n';
		(d.severity == diag::Severity::Error ? errors : warnings) += 1;
	}
	if (!options.quiet)
		std::cout << files.size() << " file(s) checked, " << loaded << " pack(s) without errors: " << errors
			  << " error(s), " << warnings << " warning(s)\n";
	return errors > 0 || files.empty() ? ExitCode::InputError : ExitCode::Ok;
}

} // namespace

void register_validate(Application &application)
{
	auto options = std::make_shared<Options>();
	CLI::App *cmd = application.add_command(
		"validate", "Check script packs (files or folders); problems as file:line:col: message on stderr",
		[options]() { return run_validate(*options); });
	cmd->add_option("paths", options->paths, "Pack files or folders")->required();
	cmd->add_flag("-q,--quiet", options->quiet, "Print only the problems");
	cmd->add_flag("--no-lint", options->no_lint, "Skip the compliance findings (lcs lint) shown as warnings");
	cmd->add_option("--rules", options->rules, "Compliance rule folder (default: compliance/ in the module data)");
	cmd->add_option("--data", options->data, "Module data folder");
}

} // namespace lcs::cli
