#pragma once

#include <string>
#include <vector>

#include <obs.hpp>

#include "core/scene/practice_layout.hpp"

// Builds the practice layout (plain data from lcs_core) as live libobs sources and scenes, in
// whatever scene collection is loaded. Pure libobs: no frontend call, so headless tests run it
// exactly as OBS does; switching collections is practice-collection's job.
namespace lcs::obs {

struct PracticeBuildResult {
	int sources_created = 0;
	int sources_reused = 0; // a source of that name and type was already there: kept as it is
	int scenes_created = 0;
	int scenes_reused = 0; // a scene of that name was already there: emptied and refilled
	int items_added = 0;
	/// The layout's scenes in layout order (null where one could not be built). The reference
	/// keeps them alive in a bare libobs host; inside OBS the frontend holds its own.
	std::vector<OBSScene> scenes;
	/// One line per thing left out (an input type whose plugin is not loaded, a name taken by
	/// another kind of source, …); the rest is still built.
	std::vector<std::string> problems;

	[[nodiscard]] bool ok() const { return problems.empty(); }
};

/// Creates every source of the layout (reusing one of the same name and type), then every scene
/// (reusing and emptying one of the same name), adding its items bottom to top at their boxes.
/// Never throws for a problem in the layout or the running OBS; it reports it and goes on.
/// Any thread that may call libobs; inside OBS call it on the UI thread, where the frontend
/// picks the new scenes up at once.
PracticeBuildResult build_practice_scenes(const scene::PracticeLayout &layout);

/// True when an input type with this (versioned) id is registered, i.e. its plugin is loaded.
/// obs_source_create would otherwise return a disabled placeholder source.
bool input_type_registered(const std::string &id);

} // namespace lcs::obs
