#pragma once

namespace lcs::cli {
class Application;

/// Adds every subcommand of lcs (one file per command in this folder).
void register_all_commands(Application &application);

void register_practice_scene(Application &application);
void register_validate(Application &application);
void register_lint(Application &application);
void register_scenarios(Application &application);
void register_report(Application &application);
void register_compare(Application &application);
void register_simulate(Application &application);
void register_keygen(Application &application);
void register_library(Application &application);
void register_publish(Application &application);
void register_sync(Application &application);
} // namespace lcs::cli
