#include "studio/practice-options.hpp"

#include <filesystem>

#include "studio/practice-scene-builder.hpp"

namespace lcs::obs {
namespace {

/// A path to offer to v4l2_input, or empty. Only existence is checked: whether the node is a
/// capture device (not a metadata node) is for the user to correct in the source's properties.
std::string first_video_device()
{
	for (int i = 0; i <= 9; ++i) {
		const std::string path = "/dev/video" + std::to_string(i);
		std::error_code ec;
		if (std::filesystem::exists(path, ec))
			return path;
	}
	return {};
}

} // namespace

std::string practice_language_for_locale(const std::string &obs_locale)
{
	return obs_locale.rfind("zh", 0) == 0 ? "zh-CN" : "en-US";
}

scene::PracticeLayoutOptions practice_options_for_this_machine(const std::string &language, int canvas_w, int canvas_h)
{
	scene::PracticeLayoutOptions options;
	options.language = language;
	options.canvas_width = canvas_w;
	options.canvas_height = canvas_h;
	if (input_type_registered("v4l2_input"))
		options.camera_device = first_video_device();
	return options;
}

} // namespace lcs::obs
