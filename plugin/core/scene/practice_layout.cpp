#include "core/scene/practice_layout.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/scene/overlay_catalog.hpp"

namespace lcs::scene {
namespace {

struct Names {
	const char *camera;
	const char *placeholder;
	const char *landscape;
	const char *portrait;
	const char *cue_prompter;
	const char *price_card;
	const char *order_ticker;
	const char *comment_feed;
	const char *room_stats;
};

Names names_for(const std::string &language)
{
	if (language.rfind("zh", 0) == 0)
		return {"摄像头", "摄像头占位", "直播间（横屏）", "直播间（竖屏 9:16）", "话术提词器", "价格卡", "订单播报", "评论区", "直播间数据"};
	return {"Camera", "Camera placeholder", "Live room (landscape)", "Live room (phone 9:16)", "Cue prompter",
		"Price card", "Order ticker", "Comment feed", "Room stats"};
}

Box scaled(const Box &frame, double fx, double fy, double fw, double fh)
{
	return {frame.x + static_cast<int>(frame.w * fx), frame.y + static_cast<int>(frame.h * fy),
		static_cast<int>(frame.w * fw), static_cast<int>(frame.h * fh)};
}

nlohmann::json overlay_settings(const Box &box)
{
	return {{"width", box.w}, {"height", box.h}};
}

/// The prompter's text sizes follow its box so a small prompter stays readable.
nlohmann::json prompter_settings(const Box &box, const std::string &pack)
{
	nlohmann::json s = overlay_settings(box);
	s["pack"] = pack;
	s["font"] = {{"size", std::max(12, box.h / 5)}};
	s["next_size"] = std::max(8, box.h / 10);
	s["label_size"] = std::max(8, box.h / 11);
	return s;
}

} // namespace

PracticeLayout make_practice_layout(const PracticeLayoutOptions &options)
{
	if (options.canvas_width < 320 || options.canvas_height < 240)
		throw std::invalid_argument("canvas must be at least 320x240");
	const Names n = names_for(options.language);
	const std::string pack = !options.pack.empty() ? options.pack
						       : "farm-origin/farm-origin." +
								 std::string(options.language.rfind("zh", 0) == 0 ? "zh-CN" : "en-US") + ".json";
	PracticeLayout layout;
	layout.collection_name = kPracticeCollectionName;
	layout.canvas_width = options.canvas_width;
	layout.canvas_height = options.canvas_height;

	const Box canvas{0, 0, options.canvas_width, options.canvas_height};
	std::string camera_name;
	if (!options.camera_device.empty()) {
		camera_name = n.camera;
		layout.sources.push_back({"v4l2_input", camera_name, {{"device_id", options.camera_device}}});
	} else {
		camera_name = n.placeholder;
		layout.sources.push_back({"color_source_v3",
					  camera_name,
					  {{"color", 0xFF3A3430u}, {"width", canvas.w}, {"height", canvas.h}}});
	}

	// Landscape live room: the face in the middle, overlays in the side columns and the bottom band.
	SceneSpec landscape{n.landscape, {{camera_name, canvas, true}}, scaled(canvas, 0.30, 0.0, 0.40, 0.66)};
	// Phone room: a 9:16 frame centred on the canvas, the face in its upper middle.
	const int phone_h = canvas.h;
	const int phone_w = std::min(canvas.w, phone_h * 9 / 16);
	const Box phone{(canvas.w - phone_w) / 2, 0, phone_w, phone_h};
	SceneSpec portrait{n.portrait, {{camera_name, phone, true}}, scaled(phone, 0.15, 0.10, 0.70, 0.30)};
	auto add = [&](std::string_view id, const std::string &name, const Box &land, const Box &port, nlohmann::json land_settings,
		       nlohmann::json port_settings) {
		const std::string port_name = name + " 9:16";
		layout.sources.push_back({std::string(id), name, std::move(land_settings)});
		layout.sources.push_back({std::string(id), port_name, std::move(port_settings)});
		landscape.items.push_back({name, land, false});
		portrait.items.push_back({port_name, port, false});
	};

	for (const auto id : kRegisteredOverlays) {
		if (id == kCuePrompter) {
			const Box land = scaled(canvas, 0.30, 0.70, 0.40, 0.27);
			const Box port = scaled(phone, 0.04, 0.52, 0.54, 0.19);
			add(id, n.cue_prompter, land, port, prompter_settings(land, pack), prompter_settings(port, pack));
		} else if (id == kPriceCard) {
			const Box land = scaled(canvas, 0.72, 0.04, 0.26, 0.42);
			const Box port = scaled(phone, 0.04, 0.72, 0.54, 0.25);
			add(id, n.price_card, land, port, overlay_settings(land), overlay_settings(port));
		} else if (id == kOrderTicker) {
			const Box land = scaled(canvas, 0.72, 0.50, 0.26, 0.30);
			const Box port = scaled(phone, 0.04, 0.41, 0.54, 0.10);
			nlohmann::json port_settings = overlay_settings(port);
			port_settings["max_lines"] = 2;
			add(id, n.order_ticker, land, port, overlay_settings(land), port_settings);
		} else if (id == kCommentFeed) {
			const Box land = scaled(canvas, 0.02, 0.17, 0.26, 0.80);
			const Box port = scaled(phone, 0.62, 0.41, 0.34, 0.56);
			nlohmann::json port_settings = overlay_settings(port);
			port_settings["font"] = {{"size", 14}};
			add(id, n.comment_feed, land, port, overlay_settings(land), port_settings);
		} else if (id == kRoomStats) {
			const Box land = scaled(canvas, 0.02, 0.03, 0.26, 0.12);
			const Box port = scaled(phone, 0.04, 0.01, 0.92, 0.08);
			add(id, n.room_stats, land, port, overlay_settings(land), overlay_settings(port));
		}
	}
	layout.scenes.push_back(std::move(landscape));
	layout.scenes.push_back(std::move(portrait));
	return layout;
}

} // namespace lcs::scene
