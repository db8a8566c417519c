#pragma once

// The control desk as an OBS dock (View → Docks → Live Commerce Studio). Only with OBS's
// frontend (a QApplication); headless libobs has no docks.
namespace lcs::obs::dock {

/// Adds the dock to OBS's main window; module load, UI thread.
void start_control_desk();
/// Module unload: stops listening to frontend events (the main window owns the widget).
void stop_control_desk();

} // namespace lcs::obs::dock
