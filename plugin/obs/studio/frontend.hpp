#pragma once

#include <chrono>
#include <functional>

#include "studio/ui-call-queue.hpp"

namespace lcs::obs {

/// True inside the OBS application (a QApplication with the frontend API behind it); false in a
/// bare libobs host such as the integration tests, where frontend calls would only warn.
bool frontend_available();

/// Runs `work` on the UI thread and waits for it at most `timeout` (at once when called there).
/// For frontend calls from other threads (obs-websocket's requests): a request never hangs on a
/// UI thread that is closing OBS — once close_ui_calls() ran, waits end at once with
/// UiCall::Closing. `work` must own what it touches (it may run after a time-out).
UiCall run_on_ui_thread(std::function<void()> work, std::chrono::milliseconds timeout = std::chrono::seconds(20));

/// OBS is exiting (OBS_FRONTEND_EVENT_EXIT) or the module unloading: every waiting and later
/// run_on_ui_thread returns UiCall::Closing at once; calls not yet run never run.
void close_ui_calls();

} // namespace lcs::obs
