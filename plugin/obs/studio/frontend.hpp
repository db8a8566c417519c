#pragma once

#include <functional>

namespace lcs::obs {

/// True inside the OBS application (a QApplication with the frontend API behind it); false in a
/// bare libobs host such as the integration tests, where frontend calls would only warn.
bool frontend_available();

/// Runs `work` on the UI thread and waits for it (at once when called there); false without a
/// frontend. For frontend calls from other threads (obs-websocket's requests).
bool run_on_ui_thread(const std::function<void()> &work);

} // namespace lcs::obs
