// Module entry points of live-commerce-studio: what OBS calls when it loads and unloads us.
#include <obs-module.h>

#include "core/log/log.hpp"
#include "core/version.hpp"
#include "dock/desk-dock.hpp"
#include "log/obs-log-sink.hpp"
#include "filters/voice-meter-filter.hpp"
#include "library/library-service.hpp"
#include "sources/comment-feed/comment-feed-source.hpp"
#include "sources/cue-prompter/cue-prompter-source.hpp"
#include "sources/room-stats/room-stats-source.hpp"
#include "sources/order-ticker/order-ticker-source.hpp"
#include "sources/price-card/price-card-source.hpp"
#include "studio/frontend.hpp"
#include "studio/hotkeys.hpp"
#include "studio/recording-sync.hpp"
#include "studio/studio.hpp"
#include "websocket/api.hpp"

OBS_DECLARE_MODULE()
OBS_MODULE_USE_DEFAULT_LOCALE("live-commerce-studio", "en-US")

MODULE_EXPORT const char *obs_module_name(void)
{
	return obs_module_text("Module.Name");
}

MODULE_EXPORT const char *obs_module_description(void)
{
	return obs_module_text("Module.Description");
}

bool obs_module_load(void)
{
	lcs::obs::route_core_log_to_obs();
	lcs::obs::Studio::create();
	lcs::obs::register_cue_prompter_source();
	lcs::obs::register_price_card_source();
	lcs::obs::register_order_ticker_source();
	lcs::obs::register_comment_feed_source();
	lcs::obs::register_room_stats_source();
	lcs::obs::register_voice_meter_filter();
	lcs::obs::register_script_hotkeys();
	lcs::obs::start_recording_sync();
	lcs::obs::library::start_libraries(); // the list and the cache only: no network before OBS is up
	lcs::obs::dock::start_control_desk();
	lcs::log::logger()->info("module loaded: version {}", lcs::kVersionString);
	return true;
}

void obs_module_post_load(void)
{
	lcs::obs::start_websocket_api(); // obs-websocket is loaded by now, when present
}

void obs_module_unload(void)
{
	lcs::obs::close_ui_calls(); // no request may wait on a UI loop that is ending
	lcs::obs::stop_websocket_api(); // the video thread has stopped: no emit is running
	lcs::obs::dock::stop_control_desk();
	lcs::obs::library::release_libraries();
	lcs::obs::stop_recording_sync();
	lcs::obs::unregister_script_hotkeys();
	lcs::obs::Studio::destroy();
	lcs::log::logger()->info("module unloaded");
	lcs::obs::detach_core_log_from_obs();
}
