// The practice scenes built live inside libobs from the core layout: every item where the layout
// puts it, the overlays drawn around a clear face, a second build reusing what the first made,
// and a layout naming an input type OBS does not have reported instead of half-created.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include <obs.hpp>

#include "core/scene/overlay_catalog.hpp"
#include "core/scene/practice_layout.hpp"
#include "obs_harness.hpp"
#include "studio/practice-collection.hpp"
#include "studio/practice-options.hpp"
#include "studio/practice-scene-builder.hpp"

namespace {
using lcs::obs::build_practice_scenes;
using lcs::obs::PracticeBuildResult;
using lcs::scene::Box;
using lcs::test::Frame;
using lcs::test::ObsHarness;

constexpr int kW = 1280;
constexpr int kH = 720;

/// The placeholder is OBS's stock colour source (image-source module), which the harness does
/// not load by itself.
void ensure_colour_source()
{
	if (!lcs::obs::input_type_registered("color_source_v3")) {
		ASSERT_TRUE(ObsHarness::open_stock_module("image-source")) << "cannot open the stock image-source module";
	}
}

lcs::scene::PracticeLayout harness_layout()
{
	lcs::scene::PracticeLayoutOptions options;
	options.language = lcs::obs::practice_language_for_locale(ObsHarness::get().locale());
	options.canvas_width = kW;
	options.canvas_height = kH;
	return lcs::scene::make_practice_layout(options); // no camera: the colour placeholder
}

std::string joined(const std::vector<std::string> &lines)
{
	std::string all;
	for (const auto &l : lines)
		all += l + "\n";
	return all;
}

/// The scene's items bottom to top; the scene holds them.
std::vector<obs_sceneitem_t *> items_of(obs_scene_t *scene)
{
	std::vector<obs_sceneitem_t *> items;
	obs_scene_enum_items(
		scene,
		[](obs_scene_t *, obs_sceneitem_t *item, void *param) {
			static_cast<std::vector<obs_sceneitem_t *> *>(param)->push_back(item);
			return true;
		},
		&items);
	return items;
}

int sources_named(const std::string &name)
{
	struct Count {
		const std::string &name;
		int n = 0;
	} count{name};
	obs_enum_sources(
		[](void *param, obs_source_t *source) {
			auto &c = *static_cast<Count *>(param);
			const char *n = obs_source_get_name(source);
			c.n += n && c.name == n ? 1 : 0;
			return true;
		},
		&count);
	return count.n;
}

const lcs::scene::SourceSpec *spec_named(const lcs::scene::PracticeLayout &layout, const std::string &name)
{
	for (const auto &s : layout.sources)
		if (s.name == name)
			return &s;
	return nullptr;
}

/// Pixels in the box whose colour is within `tolerance` of the OBS colour 0xAABBGGRR.
int count_colour(const Frame &f, const Box &box, uint32_t abgr, int tolerance = 4)
{
	const int want[3] = {static_cast<int>(abgr & 0xFF), static_cast<int>((abgr >> 8) & 0xFF),
			     static_cast<int>((abgr >> 16) & 0xFF)};
	int n = 0;
	for (int y = box.y; y < box.y + box.h; ++y)
		for (int x = box.x; x < box.x + box.w; ++x) {
			const uint8_t *p = f.at(static_cast<uint32_t>(x), static_cast<uint32_t>(y));
			n += (std::abs(p[0] - want[0]) <= tolerance && std::abs(p[1] - want[1]) <= tolerance &&
			      std::abs(p[2] - want[2]) <= tolerance && p[3] == 255)
				     ? 1
				     : 0;
		}
	return n;
}

TEST(PracticeOptions, NoCameraWithoutTheV4l2Plugin)
{
	ASSERT_FALSE(lcs::obs::input_type_registered("v4l2_input")) << "the harness does not load linux-v4l2";
	const auto options = lcs::obs::practice_options_for_this_machine("zh-CN", kW, kH);
	EXPECT_TRUE(options.camera_device.empty());
	EXPECT_EQ(options.canvas_width, kW);
	EXPECT_EQ(options.canvas_height, kH);
	EXPECT_EQ(lcs::obs::practice_language_for_locale("zh-TW"), "zh-CN");
	EXPECT_EQ(lcs::obs::practice_language_for_locale("de-DE"), "en-US");
}

TEST(PracticeScene, BuildsBothScenesWithEveryItemAtItsBoxAndNoOverlayOverTheFace)
{
	ASSERT_NO_FATAL_FAILURE(ensure_colour_source());
	const auto layout = harness_layout();
	const PracticeBuildResult built = build_practice_scenes(layout);
	EXPECT_TRUE(built.ok()) << joined(built.problems);
	EXPECT_EQ(built.sources_created, static_cast<int>(layout.sources.size()));
	EXPECT_EQ(built.scenes_created, 2);
	ASSERT_EQ(built.scenes.size(), layout.scenes.size());

	for (size_t i = 0; i < layout.scenes.size(); ++i) {
		const auto &spec = layout.scenes[i];
		OBSSceneAutoRelease by_name = obs_get_scene_by_name(spec.name.c_str());
		ASSERT_NE(by_name.Get(), nullptr) << spec.name;
		EXPECT_EQ(by_name.Get(), built.scenes[i].Get());
		const auto items = items_of(by_name);
		ASSERT_EQ(items.size(), spec.items.size()) << spec.name;
		for (size_t j = 0; j < items.size(); ++j) {
			const auto &want = spec.items[j];
			obs_source_t *source = obs_sceneitem_get_source(items[j]);
			EXPECT_STREQ(obs_source_get_name(source), want.source_name.c_str()) << spec.name << " item " << j;
			vec2 pos;
			obs_sceneitem_get_pos(items[j], &pos);
			EXPECT_EQ(pos.x, static_cast<float>(want.box.x)) << want.source_name;
			EXPECT_EQ(pos.y, static_cast<float>(want.box.y)) << want.source_name;
			if (want.scale_to_box) {
				vec2 bounds;
				obs_sceneitem_get_bounds(items[j], &bounds);
				EXPECT_EQ(obs_sceneitem_get_bounds_type(items[j]), OBS_BOUNDS_SCALE_INNER);
				EXPECT_EQ(bounds.x, static_cast<float>(want.box.w));
				EXPECT_EQ(bounds.y, static_cast<float>(want.box.h));
				continue;
			}
			// An overlay is drawn 1:1 at its configured size: that is what must stay off the face.
			EXPECT_EQ(obs_sceneitem_get_bounds_type(items[j]), OBS_BOUNDS_NONE);
			const Box drawn{want.box.x, want.box.y, static_cast<int>(obs_source_get_width(source)),
					static_cast<int>(obs_source_get_height(source))};
			EXPECT_EQ(drawn.w, want.box.w) << want.source_name;
			EXPECT_EQ(drawn.h, want.box.h) << want.source_name;
			EXPECT_FALSE(drawn.overlaps(spec.face_area)) << want.source_name << " covers the face in " << spec.name;
		}
	}

	// Every overlay the module registers is in the landscape room, each created as its own type.
	int overlays = 0;
	for (const auto &s : layout.sources) {
		OBSSourceAutoRelease source = obs_get_source_by_name(s.name.c_str());
		ASSERT_NE(source.Get(), nullptr) << s.name;
		EXPECT_STREQ(obs_source_get_id(source), s.id.c_str()) << s.name;
		overlays += s.id.rfind("lcs_", 0) == 0 ? 1 : 0;
	}
	EXPECT_EQ(overlays, static_cast<int>(2 * lcs::scene::kRegisteredOverlays.size()));
}

TEST(PracticeScene, LandscapeRoomRendersThePrompterAndLeavesTheFaceToTheCamera)
{
	ASSERT_NO_FATAL_FAILURE(ensure_colour_source());
	const auto layout = harness_layout();
	const PracticeBuildResult built = build_practice_scenes(layout);
	ASSERT_TRUE(built.ok()) << joined(built.problems);
	const auto &room = layout.scenes.front();
	const auto &camera = room.items.front(); // bottom: the placeholder over the whole canvas
	const auto *placeholder = spec_named(layout, camera.source_name);
	ASSERT_NE(placeholder, nullptr);
	const auto colour = placeholder->settings.at("color").get<uint32_t>();
	Box prompter;
	for (const auto &item : room.items)
		if (const auto *s = spec_named(layout, item.source_name); s && s->id == lcs::scene::kCuePrompter)
			prompter = item.box;
	ASSERT_GT(prompter.w, 0);

	obs_source_t *scene = obs_scene_get_source(built.scenes.front());
	const int prompter_area = prompter.w * prompter.h;
	Frame frame;
	// The prompter paints on the painter thread and shows its panel before the cue text can be
	// there: wait until its box is no longer bare placeholder and carries text.
	const auto text_pixels = [&] {
		return frame.count_bright(static_cast<uint32_t>(prompter.x), static_cast<uint32_t>(prompter.y),
					  static_cast<uint32_t>(prompter.w), static_cast<uint32_t>(prompter.h));
	};
	const bool drawn = ObsHarness::wait_until([&] {
		frame = ObsHarness::render(scene, kW, kH);
		return prompter_area - count_colour(frame, prompter, colour) > prompter_area / 2 && text_pixels() > 500;
	}, std::chrono::seconds(8));
	if (!drawn || HasFailure() || std::getenv("LCS_TEST_ARTIFACTS"))
		frame.save_png("practice_landscape_" + ObsHarness::get().locale());
	EXPECT_TRUE(drawn) << "the prompter box shows only the placeholder";
	// The whole canvas is opaque (the placeholder is under everything): text is what proves the overlay.
	EXPECT_GT(text_pixels(), 500) << "no cue text in the prompter box";
	const Box &face = room.face_area;
	EXPECT_EQ(count_colour(frame, face, colour), face.w * face.h) << "something is drawn over the face area";
}

TEST(PracticeScene, BuildingAgainReusesSourcesAndScenesAndKeepsTheirSettings)
{
	ASSERT_NO_FATAL_FAILURE(ensure_colour_source());
	const auto layout = harness_layout();
	const PracticeBuildResult first = build_practice_scenes(layout);
	ASSERT_TRUE(first.ok()) << joined(first.problems);

	// The trainee changes a prompter; rebuilding must not undo it.
	const auto spec = std::find_if(layout.sources.begin(), layout.sources.end(),
				       [](const lcs::scene::SourceSpec &s) { return s.id == lcs::scene::kCuePrompter; });
	ASSERT_NE(spec, layout.sources.end());
	OBSSourceAutoRelease prompter = obs_get_source_by_name(spec->name.c_str());
	ASSERT_NE(prompter.Get(), nullptr) << spec->name;
	OBSDataAutoRelease change = obs_data_create();
	obs_data_set_int(change, "background_opacity", 17);
	obs_source_update(prompter, change);

	const PracticeBuildResult second = build_practice_scenes(layout);
	EXPECT_TRUE(second.ok()) << joined(second.problems);
	EXPECT_EQ(second.sources_created, 0);
	EXPECT_EQ(second.sources_reused, static_cast<int>(layout.sources.size()));
	EXPECT_EQ(second.scenes_created, 0);
	EXPECT_EQ(second.scenes_reused, 2);
	ASSERT_EQ(second.scenes.size(), first.scenes.size());
	for (size_t i = 0; i < layout.scenes.size(); ++i) {
		EXPECT_EQ(second.scenes[i].Get(), first.scenes[i].Get());
		EXPECT_EQ(items_of(second.scenes[i]).size(), layout.scenes[i].items.size()) << layout.scenes[i].name;
	}
	for (const auto &s : layout.sources)
		EXPECT_EQ(sources_named(s.name), 1) << s.name;
	OBSDataAutoRelease kept = obs_source_get_settings(prompter);
	EXPECT_EQ(obs_data_get_int(kept, "background_opacity"), 17);
}

TEST(PracticeScene, UnknownInputTypeAndTakenNamesAreReportedAndTheRestIsBuilt)
{
	lcs::scene::PracticeLayout layout;
	layout.sources = {{"lcs_no_such_overlay", "practice test ghost", {{"width", 100}}},
			  {std::string(lcs::scene::kPriceCard), "practice test card", {{"width", 200}, {"height", 100}}}};
	layout.scenes = {{"practice test scene",
			  {{"practice test ghost", {0, 0, 100, 100}, false},
			   {"practice test card", {10, 20, 200, 100}, false},
			   {"practice test nowhere", {0, 0, 10, 10}, false}},
			  {}},
			 {"practice test card", {}, {}}}; // a scene named like an input
	const PracticeBuildResult built = build_practice_scenes(layout);
	EXPECT_EQ(built.sources_created, 1);
	EXPECT_EQ(built.scenes_created, 1);
	EXPECT_EQ(built.items_added, 1);
	ASSERT_EQ(built.problems.size(), 3u) << joined(built.problems);
	EXPECT_NE(built.problems[0].find("lcs_no_such_overlay"), std::string::npos) << built.problems[0];
	EXPECT_NE(built.problems[1].find("practice test card"), std::string::npos) << built.problems[1];
	EXPECT_NE(built.problems[2].find("practice test nowhere"), std::string::npos) << built.problems[2];

	OBSSourceAutoRelease ghost = obs_get_source_by_name("practice test ghost");
	EXPECT_EQ(ghost.Get(), nullptr) << "no disabled placeholder source may be left behind";
	ASSERT_EQ(built.scenes.size(), 2u);
	ASSERT_NE(built.scenes[0].Get(), nullptr);
	EXPECT_EQ(built.scenes[1].Get(), nullptr);
	const auto items = items_of(built.scenes[0]);
	ASSERT_EQ(items.size(), 1u);
	EXPECT_STREQ(obs_source_get_name(obs_sceneitem_get_source(items[0])), "practice test card");
}

// Outside the OBS application (here: a bare libobs host) there is no collection to switch to; it
// must say so rather than call the frontend API.
TEST(PracticeCollection, FailsCleanlyWithoutTheFrontend)
{
	const auto outcome = lcs::obs::create_practice_collection(false);
	EXPECT_EQ(outcome.status, lcs::obs::PracticeCollectionStatus::Failed);
	EXPECT_EQ(outcome.collection, lcs::scene::kPracticeCollectionName);
	EXPECT_EQ(outcome.problems.size(), 1u);
}

} // namespace
