#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <obs.h>

namespace lcs::test {

// An RGBA read-back of one rendered frame.
struct Frame {
	uint32_t width = 0;
	uint32_t height = 0;
	std::vector<uint8_t> rgba; // row-major, 4 bytes a pixel

	[[nodiscard]] const uint8_t *at(uint32_t x, uint32_t y) const { return &rgba[(y * width + x) * 4]; }
	/// Pixels in [x, x+w) × [y, y+h) whose alpha is above `min_alpha`.
	[[nodiscard]] int count_opaque(uint32_t x, uint32_t y, uint32_t w, uint32_t h, int min_alpha = 16) const;
	/// Pixels in the box that are bright (text-like) and opaque.
	[[nodiscard]] int count_bright(uint32_t x, uint32_t y, uint32_t w, uint32_t h, int min_luma = 160) const;
	/// Pixels in the box that differ from `other` by more than `tolerance` in any channel.
	[[nodiscard]] int count_different(const Frame &other, uint32_t x, uint32_t y, uint32_t w, uint32_t h,
					  int tolerance = 8) const;
	/// Writes the frame as a PNG named `name`.png into $LCS_TEST_ARTIFACTS (when set) or the
	/// working directory, for looking at what a test saw.
	void save_png(const std::string &name) const;
};

// Headless libobs for tests: X display (Xvfb started if needed), OpenGL video through Mesa, the
// freshly built module opened from the build tree (or from LCS_MODULE_BINARY / LCS_MODULE_DATA
// when set, e.g. to test an installed .deb), and a leak check on shutdown.
class ObsHarness : public ::testing::Environment {
public:
	explicit ObsHarness(std::string locale) : locale_(std::move(locale)) {}

	void SetUp() override;
	void TearDown() override;

	static ObsHarness &get();

	/// Renders a source into a width × height RGBA texture (inside the graphics context, as
	/// obs-websocket's screenshots do) and reads it back.
	static Frame render(obs_source_t *source, uint32_t width, uint32_t height);

	/// Waits until `done` holds or the timeout passes; the video thread keeps ticking meanwhile.
	static bool wait_until(const std::function<bool()> &done,
			       std::chrono::milliseconds timeout = std::chrono::seconds(5));

	/// Lets the video thread tick sources a few times.
	static void wait_frames(int frames);

	[[nodiscard]] const std::string &locale() const { return locale_; }
	/// Where modules keep their configuration in this run (obs_module_config_path roots here).
	[[nodiscard]] const std::string &module_config() const { return module_config_; }

	/// Runs `done` once libobs has shut down (its threads and our module are gone), before the leak
	/// check: for what the module may use until then (a stand-in obs-websocket).
	static void after_shutdown(std::function<void()> done);

	/// Opens and initialises one of the system's stock OBS modules (e.g. "obs-ffmpeg").
	static bool open_stock_module(const char *name);

	/// What SetUp does before it opens the module: obs_startup on `x_display` with the module
	/// config in `module_config`, OpenGL video (1280x720, libobs-opengl), stereo audio. Returns ""
	/// on success, else what failed (for tests that load modules themselves).
	static std::string start_headless_obs(const std::string &locale, const std::string &module_config,
					      void *x_display);

private:
	std::string locale_;
	std::string module_config_;
	obs_module_t *module_ = nullptr;
	void *x_display_ = nullptr;
	std::vector<std::function<void()>> after_shutdown_;
};

} // namespace lcs::test
