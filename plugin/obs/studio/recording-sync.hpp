#pragma once

namespace lcs::obs {

// Links the practice session to OBS's own recording: recording start/stop become
// recording_start/recording_stop in the session log, and when a recording stops the plugin
// writes next to the video file (same base name) a WebVTT file with the session's cues,
// questions, orders and flags at video time (VLC and mpv load it with the video) and the
// segments as chapters in FFmpeg metadata format (<video>.chapters.txt). Files are written on one
// worker thread (SidecarWriter); OBS's UI thread never waits, and unloading waits only for the
// files still to write. When OBS exits, the running session ends with reason "shutdown" and
// requests waiting on the UI thread are answered at once (close_ui_calls). Only inside the OBS
// application.
void start_recording_sync();
void stop_recording_sync();

} // namespace lcs::obs
