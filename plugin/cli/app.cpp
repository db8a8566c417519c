#include "app.hpp"

#include <iostream>

#include <nlohmann/json.hpp>

#include "core/library/error.hpp"
#include "core/log/log.hpp"
#include "core/version.hpp"

namespace lcs::cli {

Application::Application()
	: app_("lcs — Live Commerce Studio command line: validate script packs, simulate and review sessions.\n"
	       "Exit codes: 0 success, 1 the input is wrong, 2 usage error, 3 environment or network.",
	       "lcs")
{
	app_.set_version_flag("--version", std::string(lcs::version_banner()));
	app_.require_subcommand(0, 1);
	app_.fallthrough(false);
}

CLI::App *Application::add_command(const std::string &name, const std::string &description,
				   std::function<ExitCode()> handler)
{
	CLI::App *sub = app_.add_subcommand(name, description);
	commands_.emplace_back(sub, std::move(handler));
	return sub;
}

int Application::run(int argc, const char *const *argv)
{
	try {
		app_.parse(argc, argv);
	} catch (const CLI::ParseError &e) {
		const int code = app_.exit(e);
		return code == 0 ? to_int(ExitCode::Ok) : to_int(ExitCode::UsageError);
	}

	for (auto &[sub, handler] : commands_) {
		if (sub->parsed()) {
			try {
				return to_int(handler());
			} catch (const nlohmann::json::exception &e) {
				// The JSON a command reads comes from its input files: a mistyped field is a wrong input.
				std::cerr << "lcs " << sub->get_name() << ": malformed input: " << e.what() << '\n';
				return to_int(ExitCode::InputError);
			} catch (const library::Error &e) {
				// A team library's errors say themselves whether the input or the environment failed.
				std::cerr << "lcs " << sub->get_name() << ": " << e.what() << '\n';
				const bool environment = e.kind() == library::ErrorKind::Unreachable || e.kind() == library::ErrorKind::Environment;
				return to_int(environment ? ExitCode::Environment : ExitCode::InputError);
			} catch (const std::exception &e) {
				std::cerr << "lcs " << sub->get_name() << ": " << e.what() << '\n';
				return to_int(ExitCode::Environment);
			}
		}
	}
	std::cerr << app_.help();
	return to_int(ExitCode::UsageError);
}

} // namespace lcs::cli
