// The OBS-version gates of plugin/obs/studio/frontend-compat (docs/obs-versions.md) as OBS 30–32
// presents itself to a module built against an older SDK: this executable exports
// obs_frontend_add_dock_by_id and obs_frontend_get_user_config (OBS 29's frontend API, linked
// too, has neither), so the module's calls must reach these — the newer calls, not the
// deprecated obs_frontend_add_dock / obs_frontend_get_global_config. Built against an OBS 30+ SDK
// the same calls are made directly (and reach these functions the same way).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <QLabel>

#include <util/config-file.h>

#include "studio/frontend-compat.hpp"

namespace {
struct FakeFrontend {
	int dock_calls = 0;
	std::string dock_id;
	std::string dock_title;
	void *dock_widget = nullptr;
	bool accept_dock = true;
	config_t *user_config = nullptr;
};
FakeFrontend g_fake;
} // namespace

extern "C" {
// What OBS 30+ exports (obs-frontend-api.h); found by the module in the running process.
__attribute__((visibility("default"))) bool obs_frontend_add_dock_by_id(const char *id, const char *title,
									 void *widget)
{
	++g_fake.dock_calls;
	g_fake.dock_id = id ? id : "";
	g_fake.dock_title = title ? title : "";
	g_fake.dock_widget = widget;
	return g_fake.accept_dock;
}

__attribute__((visibility("default"))) config_t *obs_frontend_get_user_config(void)
{
	return g_fake.user_config;
}
}

namespace {

TEST(FrontendCompat, UsesTheNewerCallsTheRunningObsOffers)
{
	const lcs::obs::FrontendCalls calls = lcs::obs::frontend_calls();
	EXPECT_TRUE(calls.dock_by_id);
	EXPECT_TRUE(calls.user_config);
}

TEST(FrontendCompat, SettingsComeFromTheUserConfig)
{
	const auto path = std::filesystem::temp_directory_path() / "lcs-frontend-compat-user.ini";
	config_t *config = nullptr;
	ASSERT_EQ(config_open(&config, path.string().c_str(), CONFIG_OPEN_ALWAYS), CONFIG_SUCCESS);
	g_fake.user_config = config;
	EXPECT_EQ(lcs::obs::user_settings_config(), config);
	g_fake.user_config = nullptr;
	EXPECT_EQ(lcs::obs::user_settings_config(), nullptr);
	config_close(config);
	std::filesystem::remove(path);
}

TEST(FrontendCompat, DockAddedByIdWithTheWidgetItself)
{
	g_fake = FakeFrontend{};
	QLabel widget("desk");
	EXPECT_TRUE(lcs::obs::add_dock("LiveCommerceStudioDock", "直播带货练习台", &widget));
	EXPECT_EQ(g_fake.dock_calls, 1);
	EXPECT_EQ(g_fake.dock_id, "LiveCommerceStudioDock");
	EXPECT_EQ(g_fake.dock_title, "直播带货练习台");
	EXPECT_EQ(g_fake.dock_widget, &widget);

	g_fake.accept_dock = false; // OBS refuses an id already used
	EXPECT_FALSE(lcs::obs::add_dock("LiveCommerceStudioDock", "again", &widget));
	EXPECT_EQ(g_fake.dock_calls, 2);
}

} // namespace
