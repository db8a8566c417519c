#include "commands/commands.hpp"

#include "app.hpp"

namespace lcs::cli {

void register_all_commands(Application &application, const char *argv0)
{
	register_validate(application);
	register_scenarios(application);
	register_simulate(application, argv0);
	register_report(application, argv0);
	register_compare(application, argv0);
	register_practice_scene(application);
}

} // namespace lcs::cli
