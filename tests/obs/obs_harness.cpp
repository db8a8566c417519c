#include "obs_harness.hpp"

#include <cstdlib>
#include <thread>
#include <unistd.h>

#include <QImage>
#include <QString>
#include <X11/Xlib.h>
#include <obs-nix-platform.h>

namespace lcs::test {
namespace {
ObsHarness *g_harness = nullptr;

std::string env_or(const char *name, const char *fallback)
{
	const char *v = std::getenv(name);
	return v && *v ? v : fallback;
}

// Under ThreadSanitizer every memory access and lock of ours is checked: painting, ticks and
// renders take several times longer, so a wait gives the video and painter threads that much more
// time (a wait that should see nothing happen only takes longer; none passes because of this).
#if defined(__SANITIZE_THREAD__)
constexpr int kWaitScale = 6;
#else
constexpr int kWaitScale = 1;
#endif

int luma(const uint8_t *p)
{
	return (p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000;
}
} // namespace

int Frame::count_opaque(uint32_t x, uint32_t y, uint32_t w, uint32_t h, int min_alpha) const
{
	int n = 0;
	for (uint32_t j = y; j < y + h && j < height; ++j)
		for (uint32_t i = x; i < x + w && i < width; ++i)
			n += at(i, j)[3] > min_alpha ? 1 : 0;
	return n;
}

int Frame::count_bright(uint32_t x, uint32_t y, uint32_t w, uint32_t h, int min_luma) const
{
	int n = 0;
	for (uint32_t j = y; j < y + h && j < height; ++j)
		for (uint32_t i = x; i < x + w && i < width; ++i) {
			const uint8_t *p = at(i, j);
			n += (p[3] > 128 && luma(p) >= min_luma) ? 1 : 0;
		}
	return n;
}

int Frame::count_different(const Frame &other, uint32_t x, uint32_t y, uint32_t w, uint32_t h, int tolerance) const
{
	int n = 0;
	for (uint32_t j = y; j < y + h && j < height && j < other.height; ++j)
		for (uint32_t i = x; i < x + w && i < width && i < other.width; ++i) {
			const uint8_t *a = at(i, j);
			const uint8_t *b = other.at(i, j);
			for (int c = 0; c < 4; ++c)
				if (std::abs(a[c] - b[c]) > tolerance) {
					++n;
					break;
				}
		}
	return n;
}

void Frame::save_png(const std::string &name) const
{
	const std::string dir = env_or("LCS_TEST_ARTIFACTS", ".");
	const QImage image(rgba.data(), static_cast<int>(width), static_cast<int>(height),
			   static_cast<int>(width * 4), QImage::Format_RGBA8888);
	image.save(QString::fromStdString(dir + "/" + name + ".png"));
}

bool ObsHarness::open_stock_module(const char *name)
{
	const std::string binary = std::string("/usr/lib/x86_64-linux-gnu/obs-plugins/") + name + ".so";
	const std::string data = std::string("/usr/share/obs/obs-plugins/") + name;
	obs_module_t *module = nullptr;
	if (obs_open_module(&module, binary.c_str(), data.c_str()) != MODULE_SUCCESS)
		return false;
	return obs_init_module(module);
}

ObsHarness &ObsHarness::get()
{
	return *g_harness;
}

std::string ObsHarness::start_headless_obs(const std::string &locale, const std::string &module_config,
					     void *x_display)
{
	obs_set_nix_platform(OBS_NIX_PLATFORM_X11_EGL);
	obs_set_nix_platform_display(x_display);
	if (!obs_startup(locale.c_str(), module_config.c_str(), nullptr))
		return "obs_startup failed";

	obs_video_info ovi = {};
	ovi.graphics_module = "libobs-opengl";
	ovi.fps_num = 30;
	ovi.fps_den = 1;
	ovi.base_width = 1280;
	ovi.base_height = 720;
	ovi.output_width = 1280;
	ovi.output_height = 720;
	ovi.output_format = VIDEO_FORMAT_NV12;
	ovi.colorspace = VIDEO_CS_709;
	ovi.range = VIDEO_RANGE_PARTIAL;
	ovi.adapter = 0;
	ovi.gpu_conversion = true;
	ovi.scale_type = OBS_SCALE_BICUBIC;
	if (const int rc = obs_reset_video(&ovi); rc != OBS_VIDEO_SUCCESS)
		return "obs_reset_video failed (Mesa/EGL missing?): " + std::to_string(rc);

	obs_audio_info oai = {};
	oai.samples_per_sec = 48000;
	oai.speakers = SPEAKERS_STEREO;
	if (!obs_reset_audio(&oai))
		return "obs_reset_audio failed";
	return {};
}

void ObsHarness::SetUp()
{
	g_harness = this;
	x_display_ = XOpenDisplay(nullptr);
	ASSERT_NE(x_display_, nullptr) << "cannot open X display " << env_or("DISPLAY", "(unset)");

	module_config_ = testing::TempDir() + "lcs-obs-module-config-" + std::to_string(getpid());
	const std::string started = start_headless_obs(locale_, module_config_, x_display_);
	ASSERT_EQ(started, "");

	const std::string binary = env_or("LCS_MODULE_BINARY", LCS_DEFAULT_MODULE_BINARY);
	const std::string data = env_or("LCS_MODULE_DATA", LCS_DEFAULT_MODULE_DATA);
	const int opened = obs_open_module(&module_, binary.c_str(), data.c_str());
	ASSERT_EQ(opened, MODULE_SUCCESS) << "obs_open_module(" << binary << ") returned " << opened;
	ASSERT_TRUE(obs_init_module(module_)) << "obs_init_module failed";
}

void ObsHarness::after_shutdown(std::function<void()> done)
{
	get().after_shutdown_.push_back(std::move(done));
}

void ObsHarness::TearDown()
{
	obs_shutdown();
	for (auto &done : after_shutdown_)
		done();
	after_shutdown_.clear();
	EXPECT_EQ(bnum_allocs(), 0) << "libobs allocations leaked after obs_shutdown";
	if (x_display_)
		XCloseDisplay(static_cast<Display *>(x_display_));
	x_display_ = nullptr;
	g_harness = nullptr;
}

Frame ObsHarness::render(obs_source_t *source, uint32_t width, uint32_t height)
{
	Frame frame;
	frame.width = width;
	frame.height = height;
	frame.rgba.assign(static_cast<size_t>(width) * height * 4, 0);

	obs_enter_graphics();
	gs_texrender_t *texrender = gs_texrender_create(GS_RGBA, GS_ZS_NONE);
	gs_stagesurf_t *stage = gs_stagesurface_create(width, height, GS_RGBA);
	if (gs_texrender_begin(texrender, width, height)) {
		vec4 clear;
		vec4_zero(&clear);
		gs_clear(GS_CLEAR_COLOR, &clear, 0.0f, 0);
		gs_ortho(0.0f, static_cast<float>(width), 0.0f, static_cast<float>(height), -100.0f, 100.0f);
		gs_blend_state_push();
		gs_blend_function_separate(GS_BLEND_SRCALPHA, GS_BLEND_INVSRCALPHA, GS_BLEND_ONE, GS_BLEND_INVSRCALPHA);
		obs_source_video_render(source);
		gs_blend_state_pop();
		gs_texrender_end(texrender);

		gs_stage_texture(stage, gs_texrender_get_texture(texrender));
		uint8_t *data = nullptr;
		uint32_t linesize = 0;
		if (gs_stagesurface_map(stage, &data, &linesize)) {
			for (uint32_t y = 0; y < height; ++y)
				std::copy_n(data + static_cast<size_t>(y) * linesize, width * 4,
					    frame.rgba.data() + static_cast<size_t>(y) * width * 4);
			gs_stagesurface_unmap(stage);
		}
	}
	gs_stagesurface_destroy(stage);
	gs_texrender_destroy(texrender);
	obs_leave_graphics();
	return frame;
}

bool ObsHarness::wait_until(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
	const auto deadline = std::chrono::steady_clock::now() + timeout * kWaitScale;
	while (std::chrono::steady_clock::now() < deadline) {
		if (done())
			return true;
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
	}
	return done();
}

void ObsHarness::wait_frames(int frames)
{
	const uint64_t interval = obs_get_frame_interval_ns();
	const uint64_t start = obs_get_video_frame_time();
	wait_until([&] { return obs_get_video_frame_time() >= start + interval * static_cast<uint64_t>(frames); });
}

} // namespace lcs::test
