#pragma once

#include <chrono>
#include <functional>

namespace lcs::obs {

/// True inside the OBS application (a QApplication with the frontend API behind it); false in a
/// bare libobs host such as the integration tests, where frontend calls would only warn.
bool frontend_available();

enum class UiCall {
	Done,        // `work` ran
	NoFrontend,  // no OBS main window in this process
	TimedOut,    // the UI thread did not get to it in time (OBS busy or closing); it may still run
};

/// Runs `work` on the UI thread and waits for it at most `timeout` (at once when called there).
/// For frontend calls from other threads (obs-websocket's requests): a request never hangs on a
/// UI thread that is closing OBS. `work` must own what it touches (it may run after a time-out).
UiCall run_on_ui_thread(std::function<void()> work, std::chrono::milliseconds timeout = std::chrono::seconds(20));

} // namespace lcs::obs
