// OBS >= 30's module loader (obs_load_all_modules2, what OBS itself calls at start) applied to this
// build's module: a Qt5 build must be refused with libobs' own message (has_qt5_dependency), a Qt6
// build must load and bind to that libobs (not Debian's 29). Then libobs shuts down leak-free.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

#include <X11/Xlib.h>
#include <obs-module.h>
#include <obs.h>

#include "obs30_process.hpp"
#include "obs_harness.hpp"
#include "obs_session.hpp"

namespace {
namespace fs = std::filesystem;
using lcs::test::env_or_default;
using lcs::test::LogWatch;
using lcs::test::ObsHarness;

constexpr const char *kModule = "live-commerce-studio";

bool listed(const obs_module_failure_info &mfi, const std::string &name)
{
	for (size_t i = 0; mfi.failed_modules && mfi.failed_modules[i]; ++i)
		if (name == mfi.failed_modules[i])
			return true;
	return false;
}

TEST(Obs30Loader, TakesTheQt6ModuleAndRefusesTheQt5OneAsOBSDoes)
{
	const std::string expect = env_or_default("LCS_OBS30_EXPECT", "");
	ASSERT_TRUE(expect == "loaded" || expect == "refused") << "LCS_OBS30_EXPECT must be loaded or refused";
	const std::string binary = env_or_default("LCS_MODULE_BINARY", LCS_DEFAULT_MODULE_BINARY);
	const std::string data = env_or_default("LCS_MODULE_DATA", LCS_DEFAULT_MODULE_DATA);
	ASSERT_TRUE(fs::exists(binary)) << "no module at " << binary;

	// A plugin folder holding only our module, as OBS's plugin folders hold theirs.
	const fs::path dir = fs::path(testing::TempDir()) / ("lcs-obs30-plugins-" + std::to_string(getpid()));
	fs::remove_all(dir);
	fs::create_directories(dir);
	const fs::path bin = dir / (std::string(kModule) + ".so");
	fs::create_symlink(binary, bin);
	const std::string data_pattern = fs::path(data).parent_path().string() + "/%module%";

	Display *x = XOpenDisplay(nullptr);
	ASSERT_NE(x, nullptr) << "cannot open X display";
	const std::string config = testing::TempDir() + "lcs-obs30-loader-config-" + std::to_string(getpid());
	LogWatch log;
	ASSERT_EQ(ObsHarness::start_headless_obs("en-US", config, x), "");

	// The libobs in this process is the OBS >= 30 one, and only it.
	EXPECT_GE(obs_get_version() >> 24, 30u) << "libobs " << obs_get_version_string();
	const std::string libdir = lcs::test::real_path(LCS_OBS30_LIBDIR);
	const auto libobs = lcs::test::loaded_objects("libobs.so");
	ASSERT_EQ(libobs.size(), 1u);
	EXPECT_EQ(fs::path(libobs[0]).parent_path().string(), libdir) << libobs[0];
	std::cout << "libobs " << obs_get_version_string() << " from " << libobs[0] << "\n";

	obs_add_module_path(dir.c_str(), data_pattern.c_str());
	// Only ours: libobs also searches its own plugin folder (where a frontend build installs
	// frontend-tools); the safe-module list makes the loader skip every other module, before its
	// Qt5 check.
	obs_add_safe_module(kModule);
	obs_module_failure_info mfi = {};
	obs_load_all_modules2(&mfi);
	obs_post_load_modules();
	obs_module_t *module = obs_get_module(kModule);
	const std::string refusal = "Skipping module '" + bin.string() + "' due to possible import conflicts";

	if (expect == "refused") {
		EXPECT_EQ(module, nullptr) << "OBS >= 30 loaded a module that links Qt5";
		EXPECT_TRUE(listed(mfi, kModule)) << "the loader does not report the module as failed";
		const auto line = log.wait_for(refusal, std::chrono::seconds(2));
		EXPECT_NE(line.text.find(refusal), std::string::npos) << "no libobs message: " << refusal;
		std::cout << "libobs said: " << line.text << "\n";
	} else {
		ASSERT_NE(module, nullptr) << "OBS >= 30's loader did not load the module";
		EXPECT_FALSE(listed(mfi, kModule));
		EXPECT_EQ(log.wait_for(refusal, std::chrono::milliseconds(200)).text, "");
		EXPECT_STREQ(obs_get_module_file_name(module), "live-commerce-studio.so");
		EXPECT_NE(obs_source_get_display_name("lcs_cue_prompter"), nullptr);
		EXPECT_TRUE(lcs::test::loaded_objects("libQt5").empty()) << "a Qt5 library is mapped";
		const auto frontend = lcs::test::loaded_objects("libobs-frontend-api.so");
		ASSERT_EQ(frontend.size(), 1u);
		EXPECT_EQ(fs::path(frontend[0]).parent_path().string(), libdir) << frontend[0];
		std::cout << "module loaded; obs-frontend-api from " << frontend[0] << "\n";
	}
	obs_module_failure_info_free(&mfi);
	obs_shutdown();
	EXPECT_EQ(bnum_allocs(), 0) << "libobs allocations leaked after obs_shutdown";
	XCloseDisplay(x);
	fs::remove_all(dir);
}

} // namespace
