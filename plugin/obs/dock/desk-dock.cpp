#include "dock/desk-dock.hpp"

#include <QPointer>

#include <obs-frontend-api.h>
#include <obs-module.h>

#include "core/log/log.hpp"
#include "dock/control-desk.hpp"
#include "dock/studio-backend.hpp"
#include "library/library-service.hpp"
#include "studio/frontend-compat.hpp"
#include "studio/frontend.hpp"

namespace lcs::obs::dock {
namespace {

StudioBackend g_backend; // stateless: asks the module's studio each time, so it outlives every desk
QPointer<ControlDesk> g_desk; // owned by OBS's main window (through the dock)
bool g_listening = false;

void on_frontend_event(enum obs_frontend_event event, void *)
{
	switch (event) {
	case OBS_FRONTEND_EVENT_FINISHED_LOADING:
		if (g_desk)
			g_desk->restore_packs(); // the last pack becomes the script in use, unless a scene set one
		library::update_libraries_in_background(); // OBS is up; the network is never waited for
		break;
	case OBS_FRONTEND_EVENT_EXIT:
		library::stop_libraries(); // queued syncs dropped, so the desk's wait below is short
		if (g_desk)
			g_desk->shutdown(); // settings saved, background work done before the module goes away
		break;
	default:
		break;
	}
}

} // namespace

void start_control_desk()
{
	if (!frontend_available() || g_desk)
		return;
	auto *desk = new ControlDesk(g_backend, user_settings_config());
	// The id is the key OBS saves the dock's place and visibility under (in its DockState).
	if (!add_dock("LiveCommerceStudioDock", obs_module_text("Desk.Title"), desk)) {
		lcs::log::logger()->warn("OBS refused the control desk's dock (id LiveCommerceStudioDock in use?)");
		delete desk;
		return;
	}
	g_desk = desk;
	obs_frontend_add_event_callback(on_frontend_event, nullptr);
	g_listening = true;
	const FrontendCalls calls = frontend_calls();
	lcs::log::logger()->info("control desk added (View → Docks; {}, settings in {})",
				 calls.dock_by_id ? "obs_frontend_add_dock_by_id" : "obs_frontend_add_dock",
				 calls.user_config ? "the user config" : "the global config");
}

void stop_control_desk()
{
	if (g_listening)
		obs_frontend_remove_event_callback(on_frontend_event, nullptr);
	g_listening = false;
	if (g_desk)
		g_desk->shutdown();
}

} // namespace lcs::obs::dock
