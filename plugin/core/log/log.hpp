#pragma once

#include <memory>
#include <vector>

#include <spdlog/spdlog.h>

// The project's one logger. Core code logs through lcs::log::logger(); whoever hosts the core
// decides where lines go: the OBS module installs a sink that writes into the OBS log, the CLI a
// sink on stderr.
namespace lcs::log {

/// The shared logger named "lcs". Never null; thread-safe.
std::shared_ptr<spdlog::logger> logger();

/// Replaces the logger's sinks (e.g. with the OBS log sink). An empty list silences the logger.
void set_sinks(std::vector<spdlog::sink_ptr> sinks);

} // namespace lcs::log
