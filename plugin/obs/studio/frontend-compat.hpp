#pragma once

#include <util/config-file.h>

class QWidget;

namespace lcs::obs {

/// The frontend calls that differ between OBS 29 and OBS 30–32 (docs/obs-versions.md). Chosen by
/// the SDK's LIBOBS_API_MAJOR_VER; a build against an older SDK than the OBS it runs in (the Qt6
/// variant built against Debian 12's OBS 29 SDK, loaded by OBS 30–32) looks the newer calls up in
/// the running OBS, so it neither warns on every settings read nor needs a call OBS 32 removed.
struct FrontendCalls {
	bool dock_by_id = false;  ///< obs_frontend_add_dock_by_id (OBS 30+), else obs_frontend_add_dock
	bool user_config = false; ///< obs_frontend_get_user_config (OBS 31+), else ..._get_global_config
};

/// Which of the calls above this build makes in the running OBS.
FrontendCalls frontend_calls();

/// The configuration OBS keeps the user's settings in: user.ini (obs_frontend_get_user_config)
/// from OBS 31, global.ini (obs_frontend_get_global_config) before. OBS 31 copies global.ini to
/// user.ini once when it first runs, so settings kept under OBS 29/30 carry over. Null when no
/// frontend is there.
config_t *user_settings_config();

/// Adds `widget` as a dock of OBS's main window under `id` (the key OBS saves its place under),
/// floating and hidden until View → Docks opens it; OBS owns it from then on. OBS 30+:
/// obs_frontend_add_dock_by_id (OBS makes the QDockWidget); OBS 29: a QDockWidget of ours given
/// to obs_frontend_add_dock. False when OBS refused (the id already used) or there is no main
/// window; the caller still owns `widget` then.
bool add_dock(const char *id, const char *title, QWidget *widget);

} // namespace lcs::obs
