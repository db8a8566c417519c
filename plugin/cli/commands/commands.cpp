#include "commands/commands.hpp"

#include "app.hpp"

namespace lcs::cli {

void register_all_commands(Application &application)
{
	register_validate(application);
	register_lint(application);
	register_scenarios(application);
	register_simulate(application);
	register_report(application);
	register_compare(application);
	register_practice_scene(application);
	register_keygen(application);
	register_library(application);
	register_publish(application);
	register_sync(application);
}

} // namespace lcs::cli
