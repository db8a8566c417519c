#pragma once

namespace lcs::cli {
class Application;

/// Adds every subcommand of lcs (one file per command in this folder).
void register_all_commands(Application &application, const char *argv0);

void register_practice_scene(Application &application);
void register_validate(Application &application);
void register_scenarios(Application &application);
void register_report(Application &application, const char *argv0);
void register_compare(Application &application, const char *argv0);
void register_simulate(Application &application, const char *argv0);
} // namespace lcs::cli
