#pragma once

namespace lcs::obs {

// Links the practice session to OBS's own recording: recording start/stop become
// recording_start/recording_stop in the session log, and when a recording stops the plugin
// writes next to the video file (same base name) a WebVTT file with the session's cues,
// questions, orders and flags at video time (VLC and mpv load it with the video) and the
// segments as chapters in FFmpeg metadata format (<video>.chapters.txt). Files are written on a
// worker thread; OBS's UI thread never waits. Only inside the OBS application.
void start_recording_sync();
void stop_recording_sync();

} // namespace lcs::obs
