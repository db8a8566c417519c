#pragma once

// Routes the core's spdlog logger into the OBS log, each line prefixed "[live-commerce-studio]".
namespace lcs::obs {

/// Replaces the sinks of lcs::log::logger() with one that writes through blog().
void route_core_log_to_obs();

/// Detaches the OBS sink (called on module unload so nothing logs through a closing module).
void detach_core_log_from_obs();

} // namespace lcs::obs
