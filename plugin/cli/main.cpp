// lcs: the headless command line for coaches, teams and CI.
#include "app.hpp"
#include "commands/commands.hpp"

int main(int argc, char **argv)
{
	lcs::cli::Application application;
	lcs::cli::register_all_commands(application);
	return application.run(argc, argv);
}
