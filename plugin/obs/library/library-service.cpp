#include "library/library-service.hpp"

#include <chrono>
#include <mutex>
#include <thread>

#include <obs-frontend-api.h>
#include <obs-module.h>

#include "core/log/log.hpp"
#include "studio/frontend-compat.hpp"
#include "studio/frontend.hpp"

namespace lcs::obs::library {
namespace {

std::mutex g_mutex;
std::shared_ptr<LibraryHub> g_hub; // guarded by g_mutex

std::filesystem::path cache_folder()
{
	char *dir = obs_module_config_path("libraries");
	std::filesystem::path path = dir ? std::filesystem::u8path(dir) : std::filesystem::path();
	bfree(dir);
	return path; // created by the first sync
}

} // namespace

void start_libraries()
{
	std::lock_guard lock(g_mutex);
	if (g_hub)
		return;
	config_t *config = frontend_available() ? user_settings_config() : nullptr;
	lcs::library::TransportOptions transport;
	// Inside OBS a sync must also end quickly when OBS closes: shorter waits than the CLI's.
	transport.connect_timeout_s = 5;
	transport.low_speed_time_s = 10;
	transport.total_timeout_s = 120;
	// OBS saves its user config (global.ini before OBS 31) on the UI thread: our writes are queued
	// there (never waited for; dropped once OBS is closing, when the next sync learns the same again).
	auto on_ui_thread = [](std::function<void()> work) { run_on_ui_thread(std::move(work), std::chrono::milliseconds(0)); };
	g_hub = std::make_shared<LibraryHub>(config, cache_folder(), transport, on_ui_thread);
	if (const auto n = g_hub->states().size())
		lcs::log::logger()->info("{} team script librar{} known; cache {}", n, n == 1 ? "y" : "ies",
					 g_hub->cache_dir().string());
}

void update_libraries_in_background()
{
	if (const auto hub = library_hub())
		hub->update_all();
}

void stop_libraries()
{
	if (const auto hub = library_hub())
		hub->stop();
}

void release_libraries()
{
	std::shared_ptr<LibraryHub> hub;
	{
		std::lock_guard lock(g_mutex);
		hub = std::move(g_hub);
	}
	if (!hub)
		return;
	hub->stop(); // waiters on dropped syncs wake now (obs-websocket's request threads)
	// Whoever still holds the hub (a request answering) lets go before the module's code goes away.
	while (hub.use_count() > 1)
		std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

std::shared_ptr<LibraryHub> library_hub()
{
	std::lock_guard lock(g_mutex);
	return g_hub;
}

} // namespace lcs::obs::library
