// lcs practice-scene: writes the "Live Commerce Practice" OBS scene collection file.
#include <fstream>
#include <iostream>

#include "app.hpp"
#include "commands/commands.hpp"
#include "core/scene/practice_layout.hpp"
#include "core/scene/scene_collection_json.hpp"

namespace lcs::cli {
namespace {
struct Options {
	std::string output;
	scene::PracticeLayoutOptions layout;
};
} // namespace

void register_practice_scene(Application &application)
{
	auto options = std::make_shared<Options>();
	CLI::App *cmd = application.add_command(
		"practice-scene",
		"Write the 'Live Commerce Practice' scene collection for OBS (put it in obs-studio/basic/scenes/)",
		[options]() {
			const auto layout = scene::make_practice_layout(options->layout);
			const std::string text = scene::to_obs_scene_collection(layout).dump(1) + "\n";
			if (options->output == "-") {
				std::cout << text;
				return ExitCode::Ok;
			}
			std::ofstream out(options->output, std::ios::binary);
			out << text;
			out.close();
			if (!out) {
				std::cerr << "lcs practice-scene: cannot write " << options->output << '\n';
				return ExitCode::Environment;
			}
			return ExitCode::Ok;
		});
	cmd->add_option("-o,--output", options->output, "Output file ('-' for stdout)")->required();
	cmd->add_option("--lang", options->layout.language, "Language of scene and source names")
		->check(CLI::IsMember({"zh-CN", "en-US"}))
		->capture_default_str();
	cmd->add_option("--camera", options->layout.camera_device,
			"V4L2 camera device (e.g. /dev/video0); without it a colour placeholder");
	cmd->add_option("--pack", options->layout.pack,
			"Bundled pack the prompters open (default: farm-origin/farm-origin.<lang>.json)");
	cmd->add_option("--width", options->layout.canvas_width, "Canvas width")->capture_default_str()->check(CLI::Range(320, 7680));
	cmd->add_option("--height", options->layout.canvas_height, "Canvas height")->capture_default_str()->check(CLI::Range(240, 4320));
}

} // namespace lcs::cli
