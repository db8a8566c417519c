#pragma once

#include <functional>
#include <memory>

#include <CLI/CLI.hpp>

#include "exit_code.hpp"

namespace lcs::cli {

// The command line application: a CLI11 App with one subcommand per file in commands/. Each
// command registers itself with a handler that returns its exit code.
class Application {
public:
	Application();

	/// Parses argv, runs the chosen command and returns the process exit code.
	int run(int argc, const char *const *argv);

	CLI::App &app() { return app_; }

	/// Adds a subcommand; `handler` runs when the subcommand is chosen.
	CLI::App *add_command(const std::string &name, const std::string &description,
			      std::function<ExitCode()> handler);

private:
	CLI::App app_;
	std::vector<std::pair<CLI::App *, std::function<ExitCode()>>> commands_;
};

} // namespace lcs::cli
