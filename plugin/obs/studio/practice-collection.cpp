#include "studio/practice-collection.hpp"

#include <algorithm>
#include <exception>

#include <obs-frontend-api.h>
#include <obs.hpp>

#include "core/log/log.hpp"
#include "studio/frontend.hpp"
#include "core/scene/overlay_catalog.hpp"
#include "studio/practice-options.hpp"
#include "studio/practice-scene-builder.hpp"

namespace lcs::obs {
namespace {

bool collection_exists(const std::string &name)
{
	char **list = obs_frontend_get_scene_collections(); // one block: a single bfree
	bool found = false;
	for (char **it = list; it && *it && !found; ++it)
		found = name == *it;
	bfree(list);
	return found;
}

std::string current_collection()
{
	char *name = obs_frontend_get_current_scene_collection();
	std::string current = name ? name : "";
	bfree(name);
	return current;
}

scene::PracticeLayout layout_for_this_obs(bool keep_script_in_use)
{
	const char *locale = obs_get_locale();
	obs_video_info ovi = {};
	// Without video (not expected in OBS) the layout's own default canvas still gives a usable set.
	const bool have_video = obs_get_video_info(&ovi);
	const int width = have_video ? static_cast<int>(ovi.base_width) : 1280;
	const int height = have_video ? static_cast<int>(ovi.base_height) : 720;
	auto layout = scene::make_practice_layout(
		practice_options_for_this_machine(practice_language_for_locale(locale ? locale : ""), width, height));
	// A script already in use (chosen in the desk, say) stays: the prompters keep it instead of
	// loading the layout's default pack over it.
	if (keep_script_in_use)
		for (auto &source : layout.sources)
			if (source.id == scene::kCuePrompter)
				source.settings["pack"] = "";
	return layout;
}

size_t item_count(obs_scene_t *scene)
{
	size_t n = 0;
	obs_scene_enum_items(
		scene,
		[](obs_scene_t *, obs_sceneitem_t *, void *param) {
			++*static_cast<size_t *>(param);
			return true;
		},
		&n);
	return n;
}

/// A new collection starts with OBS's default "Scene"; once ours is current it is only clutter,
/// unless the user (or a script reacting to the collection change) already put something in it.
void remove_default_scene(obs_source_t *scene_source, const scene::PracticeLayout &layout)
{
	obs_scene_t *scene = obs_scene_from_source(scene_source);
	const char *name = obs_source_get_name(scene_source);
	const bool ours = name && std::any_of(layout.scenes.begin(), layout.scenes.end(),
					      [&](const scene::SceneSpec &s) { return s.name == name; });
	if (!scene || ours || item_count(scene) != 0)
		return;
	obs_source_remove(scene_source); // the frontend drops it from the scene list on this signal
}

PracticeCollectionOutcome failed(PracticeCollectionOutcome outcome, std::string why)
{
	lcs::log::logger()->error("practice collection: {}", why);
	outcome.status = PracticeCollectionStatus::Failed;
	outcome.problems.push_back(std::move(why));
	return outcome;
}

} // namespace

PracticeCollectionOutcome create_practice_collection(bool keep_script_in_use)
{
	const std::string name = scene::kPracticeCollectionName; // a copy: outcome is moved into failed()
	PracticeCollectionOutcome outcome;
	outcome.collection = name;
	if (!frontend_available())
		return failed(std::move(outcome), "no OBS frontend to create a scene collection in");

	if (current_collection() == name) {
		outcome.status = PracticeCollectionStatus::AlreadyOpen;
		lcs::log::logger()->info("practice collection '{}' is already open", name);
		return outcome;
	}
	if (collection_exists(name)) {
		// Never rebuilt here: the user may have arranged it since it was made.
		obs_frontend_set_current_scene_collection(name.c_str());
		if (current_collection() != name)
			return failed(std::move(outcome), "OBS did not switch to the scene collection '" + name + "'");
		outcome.status = PracticeCollectionStatus::Switched;
		lcs::log::logger()->info("switched to the practice collection '{}'", name);
		return outcome;
	}

	// Laid out before anything changes in OBS, so a canvas the layout refuses leaves no empty
	// collection behind.
	scene::PracticeLayout layout;
	try {
		layout = layout_for_this_obs(keep_script_in_use);
	} catch (const std::exception &e) {
		return failed(std::move(outcome), std::string("cannot lay out the practice scenes: ") + e.what());
	}
	if (!obs_frontend_add_scene_collection(name.c_str()))
		return failed(std::move(outcome), "OBS did not create the scene collection '" + name + "'");

	OBSSourceAutoRelease default_scene = obs_frontend_get_current_scene();
	PracticeBuildResult built = build_practice_scenes(layout);
	outcome.sources_created = built.sources_created;
	outcome.scenes_created = built.scenes_created;
	outcome.problems = std::move(built.problems);
	// The landscape room first in the layout; when only the phone room was built, that one.
	const auto first = std::find_if(built.scenes.begin(), built.scenes.end(),
					[](const OBSScene &s) { return s.Get() != nullptr; });
	if (first == built.scenes.end()) // the default scene stays, so the collection is still usable
		return failed(std::move(outcome), "no practice scene could be built");

	obs_frontend_set_current_scene(obs_scene_get_source(*first));
	if (default_scene)
		remove_default_scene(default_scene, layout);
	obs_frontend_save(); // now rather than at the next autosave or exit
	outcome.status = PracticeCollectionStatus::Created;
	lcs::log::logger()->info("created the practice collection '{}': {} source(s), {} scene(s), {} problem(s)", name,
				 outcome.sources_created, outcome.scenes_created, outcome.problems.size());
	return outcome;
}

} // namespace lcs::obs
