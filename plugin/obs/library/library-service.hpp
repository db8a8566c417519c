#pragma once

#include <memory>

#include "library/library-hub.hpp"

// The module's one library hub: created at module load (its list from OBS's user config when
// the frontend is there, its cache in obs_module_config_path("libraries")), every library
// updated once in the background when the frontend finished loading (OBS start never waits for
// the network), stopped when OBS exits and released at unload.
namespace lcs::obs::library {

void start_libraries();
/// Queues one background update of every library (OBS_FRONTEND_EVENT_FINISHED_LOADING).
void update_libraries_in_background();
/// Stops the hub's worker (the sync running finishes; queued ones are dropped). Idempotent.
void stop_libraries();
/// Releases the hub (module unload, after the desk is gone).
void release_libraries();
/// The hub, or null before start / after release. Holding the pointer keeps it alive.
std::shared_ptr<LibraryHub> library_hub();

} // namespace lcs::obs::library
