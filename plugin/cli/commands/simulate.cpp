// lcs simulate: a whole session headless, fast-forward, with an autopilot host.
#include <iostream>
#include <unistd.h>

#include "app.hpp"
#include "commands/commands.hpp"
#include "core/compliance/checker.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/session/host_speech.hpp"
#include "core/session/headless_run.hpp"
#include "data_dir.hpp"

namespace lcs::cli {
namespace {

struct Options {
	std::vector<std::string> packs;
	std::string scenario;
	uint64_t seed = 0;
	int duration = 0;
	std::string policy = "strong";
	std::string output;
	std::string trainee = "autopilot";
	std::string started_at = "2026-01-01T00:00:00Z";
	std::string data;
};

std::shared_ptr<const pack::Library> load_library(const std::vector<std::string> &paths, bool &failed)
{
	diag::Diagnostics diagnostics;
	std::vector<std::filesystem::path> inputs;
	for (const auto &p : paths)
		inputs.emplace_back(std::filesystem::u8path(p));
	const auto files = pack::expand_pack_paths(inputs, diagnostics);
	auto loaded = pack::Library::load(files);
	diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
	for (const auto &d : diagnostics)
		if (d.severity == diag::Severity::Error)
			std::cerr << d.to_string() << '\n';
	failed = !loaded.library || diag::has_errors(diagnostics); // e.g. a --pack that does not exist
	return loaded.library;
}

} // namespace

void register_simulate(Application &application)
{
	auto o = std::make_shared<Options>();
	CLI::App *cmd = application.add_command(
		"simulate", "Run a whole practice session headless (fast-forward) with an autopilot host; writes the session log",
		[o]() {
			bool failed = false;
			auto library = load_library(o->packs, failed);
			if (failed)
				return ExitCode::InputError;
			const auto lookup = look_up_data_dir(o->data);
			diag::Diagnostics problems;
			auto data = lookup.dir.empty() ? std::nullopt
						       : audience::AudienceData::load(lookup.dir / "audience", library->language(), problems);
			if (!data) {
				std::cerr << "lcs simulate: audience data not found (looked in " << describe_looked_in(lookup)
					  << "; use --data or LCS_DATA_DIR)\n";
				for (const auto &d : problems)
					std::cerr << d.to_string() << '\n';
				return ExitCode::Environment;
			}
			// The compliance rules (data/compliance): cues shown and what the host says are
			// checked as in OBS. A data folder without them (an older install) checks prices only.
			std::shared_ptr<const compliance::Checker> checker;
			if (const auto rules = lookup.dir / "compliance"; std::filesystem::is_directory(rules)) {
				auto load = compliance::load_checker(rules);
				if (!load.checker || diag::has_errors(load.diagnostics)) {
					for (const auto &d : load.diagnostics)
						std::cerr << d.to_string() << '\n';
					std::cerr << "lcs simulate: the compliance rules in " << pack::path_utf8(rules)
						  << " cannot be used (fix them, or use --data)\n";
					return ExitCode::Environment;
				}
				checker = std::move(load.checker);
			} else {
				std::cerr << "lcs simulate: no compliance rules in " << pack::path_utf8(lookup.dir)
					  << " (checking promotion prices only)\n";
			}
			// What the weak host ad-libs; a data folder without it: the host only reads its cues.
			std::vector<std::string> ad_libs;
			if (std::filesystem::exists(lookup.dir / "audience" / std::filesystem::u8path("host." + library->language() + ".json"))) {
				diag::Diagnostics host_problems;
				ad_libs = session::load_ad_libs(lookup.dir / "audience", library->language(), host_problems);
				for (const auto &d : host_problems)
					std::cerr << "lcs simulate: warning: " << d.to_string() << '\n';
			}
			session::HeadlessOptions options;
			options.compliance = std::move(checker);
			options.ad_libs = std::move(ad_libs);
			options.scenario_id = o->scenario;
			options.seed = o->seed;
			options.duration_seconds = o->duration;
			session::parse_policy(o->policy, options.policy);
			options.trainee = o->trainee;
			options.started_at = o->started_at;
			options.log_path = o->output;
			const bool tty = isatty(STDERR_FILENO) != 0;
			const auto result = session::run_headless(
				library, std::make_shared<const audience::AudienceData>(std::move(*data)), options,
				[tty](int64_t ms) {
					if (tty)
						std::cerr << "\r  simulated " << ms / 60000 << " min" << std::flush;
				});
			if (tty)
				std::cerr << '\n';
			if (!result.log_error.empty()) {
				std::cerr << "lcs simulate: " << result.log_error << " (the log is incomplete)\n";
				return ExitCode::Environment;
			}
			if (!result.ok) {
				std::cerr << "lcs simulate: " << result.error << '\n';
				return result.error.find("cannot open") != std::string::npos ? ExitCode::Environment : ExitCode::InputError;
			}
			std::cout << "wrote " << o->output << ": " << result.events << " events, " << result.duration_ms / 1000
				  << " s simulated\n";
			return ExitCode::Ok;
		});
	cmd->add_option("--pack", o->packs, "Pack file or folder (repeatable)")->required();
	cmd->add_option("--scenario", o->scenario, "Scenario id (default: the pack's first)");
	cmd->add_option("--seed", o->seed, "Random seed (0 … 18446744073709551615; the report shows it to replay the session)")
		->required()
		->check(CLI::NonNegativeNumber);
	cmd->add_option("--duration", o->duration, "Seconds to simulate (default: the scenario's)")->required()->check(CLI::Range(1, 4 * 3600));
	cmd->add_option("--policy", o->policy, "Autopilot host")->check(CLI::IsMember({"strong", "weak", "idle"}))->required();
	cmd->add_option("-o,--output", o->output, "Session log to write (JSONL)")->required();
	cmd->add_option("--trainee", o->trainee, "Trainee name in the log header")->capture_default_str();
	cmd->add_option("--started-at", o->started_at, "started_at of the log header (ISO-8601 UTC)")->capture_default_str();
	cmd->add_option("--data", o->data, "Module data folder (with audience/ and compliance/)");
}

} // namespace lcs::cli
