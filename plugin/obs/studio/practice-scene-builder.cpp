#include "studio/practice-scene-builder.hpp"

#include <map>
#include <set>

#include <graphics/vec2.h>

#include "core/log/log.hpp"

namespace lcs::obs {
namespace {

void report(PracticeBuildResult &result, std::string problem)
{
	lcs::log::logger()->warn("practice scene: {}", problem);
	result.problems.push_back(std::move(problem));
}

std::string id_of(obs_source_t *source)
{
	const char *id = obs_source_get_id(source);
	return id ? id : "";
}

/// An existing source counts as the same type when its id matches, or when it is an older
/// version of the same type (a collection saved by an earlier OBS keeps e.g. color_source_v2).
bool same_type(obs_source_t *source, const std::string &id)
{
	if (id_of(source) == id)
		return true;
	const char *unversioned = obs_source_get_unversioned_id(source);
	const char *latest = unversioned ? obs_get_latest_input_type_id(unversioned) : nullptr;
	return latest && id == latest;
}

OBSDataAutoRelease to_obs_data(const nlohmann::json &settings)
{
	// replace, not throw: a stray invalid UTF-8 byte in a setting must not abort the whole build.
	const std::string text = settings.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
	return obs_data_create_from_json(text.c_str());
}

/// The source the spec names: the existing one when its type matches (the user's own settings,
/// e.g. another script pack, are kept), else a new one. Null when it is left out.
OBSSource make_source(const scene::SourceSpec &spec, PracticeBuildResult &result)
{
	if (OBSSourceAutoRelease existing = obs_get_source_by_name(spec.name.c_str())) {
		if (!same_type(existing, spec.id)) {
			report(result, "source '" + spec.name + "' left out: the name is taken by a source of type '" +
					       id_of(existing) + "'");
			return {};
		}
		++result.sources_reused;
		return OBSSource(existing.Get());
	}
	// Checked first because obs_source_create does not fail for an unknown id: it returns a
	// disabled source that draws nothing and would be saved into the collection as missing.
	if (!input_type_registered(spec.id)) {
		report(result, "source '" + spec.name + "' left out: input type '" + spec.id +
				       "' is not available (its OBS plugin is not loaded)");
		return {};
	}
	OBSDataAutoRelease settings = to_obs_data(spec.settings);
	if (!settings) {
		report(result, "source '" + spec.name + "' left out: its settings are not valid for OBS");
		return {};
	}
	OBSSourceAutoRelease created = obs_source_create(spec.id.c_str(), spec.name.c_str(), settings, nullptr);
	if (!created) {
		report(result, "source '" + spec.name + "' (" + spec.id + ") could not be created");
		return {};
	}
	++result.sources_created;
	return OBSSource(created.Get());
}

OBSScene make_scene(const std::string &name, PracticeBuildResult &result)
{
	if (OBSSourceAutoRelease existing = obs_get_source_by_name(name.c_str())) {
		obs_scene_t *scene = obs_scene_from_source(existing); // null for groups and inputs
		if (!scene) {
			report(result, "scene '" + name + "' left out: the name is taken by a source of type '" +
					       id_of(existing) + "'");
			return {};
		}
		++result.scenes_reused;
		return OBSScene(scene);
	}
	OBSSceneAutoRelease created = obs_scene_create(name.c_str());
	if (!created) {
		report(result, "scene '" + name + "' could not be created");
		return {};
	}
	++result.scenes_created;
	return OBSScene(created.Get());
}

void remove_all_items(obs_scene_t *scene)
{
	// Collected first, with a reference each: removing while the scene walks its list would
	// skip items.
	std::vector<OBSSceneItem> items;
	obs_scene_enum_items(
		scene,
		[](obs_scene_t *, obs_sceneitem_t *item, void *param) {
			static_cast<std::vector<OBSSceneItem> *>(param)->emplace_back(item);
			return true;
		},
		&items);
	for (const auto &item : items)
		obs_sceneitem_remove(item);
}

void place(obs_sceneitem_t *item, const scene::SceneItem &spec)
{
	vec2 pos;
	vec2_set(&pos, static_cast<float>(spec.box.x), static_cast<float>(spec.box.y));
	obs_sceneitem_set_alignment(item, OBS_ALIGN_LEFT | OBS_ALIGN_TOP);
	obs_sceneitem_set_pos(item, &pos);
	if (!spec.scale_to_box)
		return; // overlays are sized by their own width/height settings: drawn 1:1, text stays sharp
	// Inner, not outer: OBS 29 cannot crop to the bounds, so an outer fit would spill a 16:9
	// camera out of the 9:16 phone frame over the whole canvas. Same choice as the CLI's file.
	vec2 bounds;
	vec2_set(&bounds, static_cast<float>(spec.box.w), static_cast<float>(spec.box.h));
	obs_sceneitem_set_bounds_type(item, OBS_BOUNDS_SCALE_INNER);
	obs_sceneitem_set_bounds_alignment(item, OBS_ALIGN_CENTER);
	obs_sceneitem_set_bounds(item, &bounds);
}

struct Placement {
	const scene::SceneItem *spec;
	OBSSource source;
};

/// The scene's items with their sources, looked up before the scene is locked.
std::vector<Placement> resolve_items(const scene::SceneSpec &scene, const std::map<std::string, OBSSource> &sources,
				     const std::set<std::string> &left_out, PracticeBuildResult &result)
{
	std::vector<Placement> placements;
	for (const auto &spec : scene.items) {
		OBSSource source;
		if (const auto it = sources.find(spec.source_name); it != sources.end()) {
			source = it->second;
		} else if (left_out.count(spec.source_name) != 0) {
			continue; // already reported
		} else {
			// Not in the layout: a source the collection already has may be placed by name.
			OBSSourceAutoRelease named = obs_get_source_by_name(spec.source_name.c_str());
			source = named.Get();
		}
		if (!source) {
			report(result, "scene '" + scene.name + "': no source named '" + spec.source_name + "'");
			continue;
		}
		placements.push_back({&spec, source});
	}
	return placements;
}

struct SceneFill {
	const std::string &scene_name;
	const std::vector<Placement> &placements; // bottom to top
	PracticeBuildResult &result;
};

/// Runs under obs_scene_atomic_update: the video thread never renders a half-filled scene.
void fill_scene(void *param, obs_scene_t *scene)
{
	auto &fill = *static_cast<SceneFill *>(param);
	remove_all_items(scene);
	for (const auto &p : fill.placements) {
		obs_sceneitem_t *item = obs_scene_add(scene, p.source); // owned by the scene
		if (!item) {
			report(fill.result, "scene '" + fill.scene_name + "': '" + p.spec->source_name +
						    "' cannot be added (a scene cannot contain itself)");
			continue;
		}
		place(item, *p.spec);
		++fill.result.items_added;
	}
}

} // namespace

bool input_type_registered(const std::string &id)
{
	const char *type = nullptr;
	for (size_t i = 0; obs_enum_input_types(i, &type); ++i)
		if (type && id == type)
			return true;
	return false;
}

PracticeBuildResult build_practice_scenes(const scene::PracticeLayout &layout)
{
	PracticeBuildResult result;
	std::map<std::string, OBSSource> sources;
	std::set<std::string> left_out;
	for (const auto &spec : layout.sources) {
		if (OBSSource source = make_source(spec, result))
			sources[spec.name] = source;
		else
			left_out.insert(spec.name);
	}
	// Every scene exists before any is filled, so a scene may be placed in another.
	for (const auto &spec : layout.scenes) {
		result.scenes.push_back(make_scene(spec.name, result));
		if (obs_scene_t *scene = result.scenes.back())
			sources[spec.name] = OBSSource(obs_scene_get_source(scene));
		else
			left_out.insert(spec.name);
	}
	for (size_t i = 0; i < layout.scenes.size(); ++i) {
		if (!result.scenes[i])
			continue;
		const auto placements = resolve_items(layout.scenes[i], sources, left_out, result);
		SceneFill fill{layout.scenes[i].name, placements, result};
		obs_scene_atomic_update(result.scenes[i], fill_scene, &fill);
	}
	lcs::log::logger()->info("practice scenes built: {} source(s) created, {} reused; {} scene(s) created, {} "
				 "reused; {} item(s); {} problem(s)",
				 result.sources_created, result.sources_reused, result.scenes_created, result.scenes_reused,
				 result.items_added, result.problems.size());
	return result;
}

} // namespace lcs::obs
