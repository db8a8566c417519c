#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// The "Live Commerce Practice" scene collection as plain data: which scenes, which sources, where.
// The CLI writes it as an OBS scene-collection file; the plugin can build the same scenes live.
namespace lcs::scene {

struct Box {
	int x = 0, y = 0, w = 0, h = 0;
	[[nodiscard]] bool overlaps(const Box &o) const
	{
		return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
	}
};

struct SceneItem {
	std::string source_name;
	Box box;
	bool scale_to_box = false; // true: OBS bounds box (camera); false: drawn at native size
};

struct SourceSpec {
	std::string id;   // OBS source type id
	std::string name; // unique source name in the collection
	nlohmann::json settings = nlohmann::json::object();
};

struct SceneSpec {
	std::string name;
	std::vector<SceneItem> items; // bottom to top
	Box face_area;                // kept free of overlays
};

struct PracticeLayout {
	std::string collection_name;
	int canvas_width = 1280;
	int canvas_height = 720;
	std::vector<SourceSpec> sources;
	std::vector<SceneSpec> scenes;
};

struct PracticeLayoutOptions {
	std::string language = "en-US";  // zh-CN or en-US: names of scenes and sources
	std::string camera_device;       // a V4L2 device path; empty: a colour placeholder
	int canvas_width = 1280;
	int canvas_height = 720;
	/// Bundled pack the prompters open (relative to the module's packs folder); empty: the
	/// farm-produce pack in the chosen language.
	std::string pack;
};

inline constexpr const char *kPracticeCollectionName = "Live Commerce Practice";

/// Lays out the practice collection: a landscape live room and a phone-format (9:16) room, the
/// camera (or its placeholder) under every overlay this module registers, none over the face.
PracticeLayout make_practice_layout(const PracticeLayoutOptions &options);

} // namespace lcs::scene
