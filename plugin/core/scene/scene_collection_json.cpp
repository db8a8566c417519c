#include "core/scene/scene_collection_json.hpp"

namespace lcs::scene {
namespace {

constexpr int kAlignTopLeft = 5;  // OBS_ALIGN_LEFT | OBS_ALIGN_TOP
constexpr int kBoundsScaleInner = 2; // OBS_BOUNDS_SCALE_INNER
constexpr int kAlignCenter = 0;

nlohmann::json source_json(const std::string &id, const std::string &name, nlohmann::json settings)
{
	return {{"id", id},          {"versioned_id", id}, {"name", name},     {"settings", std::move(settings)},
		{"enabled", true},   {"flags", 0},         {"mixers", 0},      {"volume", 1.0},
		{"muted", false},    {"sync", 0},          {"balance", 0.5},   {"monitoring_type", 0},
		{"private_settings", nlohmann::json::object()}, {"hotkeys", nlohmann::json::object()}};
}

nlohmann::json item_json(const SceneItem &item, int id)
{
	nlohmann::json j = {{"name", item.source_name},
			    {"id", id},
			    {"visible", true},
			    {"locked", false},
			    {"rot", 0.0},
			    {"pos", {{"x", item.box.x}, {"y", item.box.y}}},
			    {"scale", {{"x", 1.0}, {"y", 1.0}}},
			    {"align", kAlignTopLeft},
			    {"bounds_type", 0},
			    {"bounds_align", kAlignCenter},
			    {"bounds", {{"x", 0.0}, {"y", 0.0}}},
			    {"crop_left", 0},
			    {"crop_top", 0},
			    {"crop_right", 0},
			    {"crop_bottom", 0},
			    {"group_item_backup", false},
			    {"private_settings", nlohmann::json::object()}};
	if (item.scale_to_box) {
		j["bounds_type"] = kBoundsScaleInner;
		j["bounds"] = {{"x", item.box.w}, {"y", item.box.h}};
	}
	return j;
}

} // namespace

nlohmann::json to_obs_scene_collection(const PracticeLayout &layout)
{
	nlohmann::json sources = nlohmann::json::array();
	for (const auto &s : layout.sources)
		sources.push_back(source_json(s.id, s.name, s.settings));

	nlohmann::json order = nlohmann::json::array();
	for (const auto &scene : layout.scenes) {
		nlohmann::json items = nlohmann::json::array();
		int next_id = 1;
		for (const auto &item : scene.items)
			items.push_back(item_json(item, next_id++));
		sources.push_back(source_json("scene", scene.name,
					      {{"custom_size", false}, {"id_counter", next_id - 1}, {"items", items}}));
		order.push_back({{"name", scene.name}});
	}

	const std::string current = layout.scenes.empty() ? std::string() : layout.scenes.front().name;
	return {{"name", layout.collection_name},
		{"current_scene", current},
		{"current_program_scene", current},
		{"scene_order", order},
		{"sources", sources},
		{"groups", nlohmann::json::array()},
		{"transitions", nlohmann::json::array()},
		{"current_transition", "Fade"},
		{"transition_duration", 300},
		{"quick_transitions", nlohmann::json::array()},
		{"saved_projectors", nlohmann::json::array()},
		{"preview_locked", false},
		{"scaling_enabled", false},
		{"modules", nlohmann::json::object()}};
}

} // namespace lcs::scene
