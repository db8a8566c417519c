#include <gtest/gtest.h>

#include <set>

#include "core/scene/overlay_catalog.hpp"
#include "core/scene/practice_layout.hpp"
#include "core/scene/scene_collection_json.hpp"

namespace {
using namespace lcs::scene;

TEST(PracticeLayout, HasALandscapeAndAPhoneRoomWithEveryOverlay)
{
	const auto layout = make_practice_layout({});
	ASSERT_EQ(layout.scenes.size(), 2u);
	for (const auto &scene : layout.scenes) {
		std::set<std::string> ids;
		for (const auto &item : scene.items)
			for (const auto &s : layout.sources)
				if (s.name == item.source_name)
					ids.insert(s.id);
		for (const auto id : kRegisteredOverlays)
			EXPECT_TRUE(ids.count(std::string(id))) << scene.name << " lacks " << id;
		EXPECT_TRUE(ids.count("color_source_v3")) << "camera placeholder missing";
	}
}

TEST(PracticeLayout, NoOverlayCoversTheFaceAndAllStayOnCanvas)
{
	for (const auto &lang : {"zh-CN", "en-US"}) {
		PracticeLayoutOptions options;
		options.language = lang;
		const auto layout = make_practice_layout(options);
		const Box canvas{0, 0, layout.canvas_width, layout.canvas_height};
		for (const auto &scene : layout.scenes) {
			for (size_t i = 1; i < scene.items.size(); ++i) { // item 0 is the camera
				const auto &box = scene.items[i].box;
				EXPECT_FALSE(box.overlaps(scene.face_area)) << scene.items[i].source_name;
				EXPECT_GE(box.x, canvas.x);
				EXPECT_GE(box.y, canvas.y);
				EXPECT_LE(box.x + box.w, canvas.w);
				EXPECT_LE(box.y + box.h, canvas.h);
				EXPECT_GT(box.w, 0);
				EXPECT_GT(box.h, 0);
			}
		}
	}
}

TEST(PracticeLayout, PhoneRoomIsNineBySixteen)
{
	const auto layout = make_practice_layout({});
	const Box phone = layout.scenes[1].items[0].box;
	EXPECT_NEAR(static_cast<double>(phone.w) / phone.h, 9.0 / 16.0, 0.01);
}

TEST(PracticeLayout, UsesTheCameraWhenOneIsGiven)
{
	PracticeLayoutOptions options;
	options.camera_device = "/dev/video0";
	const auto layout = make_practice_layout(options);
	EXPECT_EQ(layout.sources.front().id, "v4l2_input");
	EXPECT_EQ(layout.sources.front().settings["device_id"], "/dev/video0");
}

TEST(PracticeLayout, LocalisesNames)
{
	PracticeLayoutOptions zh;
	zh.language = "zh-CN";
	EXPECT_EQ(make_practice_layout(zh).scenes[0].name, "直播间（横屏）");
	EXPECT_EQ(make_practice_layout({}).scenes[0].name, "Live room (landscape)");
}

TEST(PracticeLayout, PromptersOpenTheBundledPackOfTheLanguage)
{
	PracticeLayoutOptions zh;
	zh.language = "zh-CN";
	for (const auto &s : make_practice_layout(zh).sources) {
		if (s.id == "lcs_cue_prompter") {
			EXPECT_EQ(s.settings["pack"], "farm-origin/farm-origin.zh-CN.json");
		}
	}
	PracticeLayoutOptions chosen;
	chosen.pack = "beauty-demo/beauty-demo.en-US.json";
	for (const auto &s : make_practice_layout(chosen).sources) {
		if (s.id == "lcs_cue_prompter") {
			EXPECT_EQ(s.settings["pack"], "beauty-demo/beauty-demo.en-US.json");
		}
	}
}

TEST(PracticeLayout, RejectsATinyCanvas)
{
	PracticeLayoutOptions options;
	options.canvas_width = 100;
	EXPECT_THROW(make_practice_layout(options), std::invalid_argument);
}

TEST(SceneCollectionJson, ItemsReferenceExistingSourcesAndSizesMatchBoxes)
{
	const auto layout = make_practice_layout({});
	const auto j = to_obs_scene_collection(layout);
	EXPECT_EQ(j["name"], "Live Commerce Practice");
	EXPECT_EQ(j["current_scene"], layout.scenes[0].name);
	std::set<std::string> names;
	for (const auto &s : j["sources"])
		names.insert(s["name"].get<std::string>());
	ASSERT_EQ(j["scene_order"].size(), 2u);
	for (const auto &s : j["sources"]) {
		if (s["id"] != "scene")
			continue;
		EXPECT_TRUE(names.count(s["name"].get<std::string>()));
		for (const auto &item : s["settings"]["items"])
			EXPECT_TRUE(names.count(item["name"].get<std::string>())) << item["name"];
	}
	for (const auto &s : j["sources"])
		if (s["id"] == "lcs_cue_prompter") {
			EXPECT_GT(s["settings"]["width"].get<int>(), 0);
			EXPECT_GT(s["settings"]["height"].get<int>(), 0);
		}
}

} // namespace
