#include "commands/commands.hpp"

#include "app.hpp"

namespace lcs::cli {

void register_all_commands(Application & /*application*/)
{
	// Subcommands (validate, scenarios, simulate, report, compare) register here as they land.
}

} // namespace lcs::cli
