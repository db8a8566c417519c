#pragma once

#include <nlohmann/json.hpp>

#include "core/scene/practice_layout.hpp"

namespace lcs::scene {

/// The layout as an OBS 29 scene-collection file (what OBS keeps in basic/scenes/<name>.json):
/// sources, scenes whose items reference sources by name, scene order and current scene.
nlohmann::json to_obs_scene_collection(const PracticeLayout &layout);

} // namespace lcs::scene
