#pragma once

#include <chrono>
#include <cstdarg>
#include <mutex>
#include <thread>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <util/base.h>

namespace lcs::test {

/// Session logs the module wrote into this run's module config folder.
size_t session_log_count();
/// The most recently written session log (empty path when none).
std::filesystem::path newest_session_log();
/// Every event line of a session log (the header and events), parsed.
std::vector<nlohmann::json> session_lines(const std::filesystem::path &log);
/// The reason of the log's session_end, or "" while it has none.
std::string session_end_reason(const std::filesystem::path &log);

/// A 48 kHz stereo 16-bit WAV in the test temp folder: `talk_ms` of a 440 Hz tone (a voice to the
/// meter), then `silence_ms` of silence. `name` keeps files of different tests apart.
std::string write_voice_wav(const std::string &name, int talk_ms, int silence_ms);

/// Presses the session hotkey and waits for the new log file (a session started); its path, or empty.
std::filesystem::path start_session_by_hotkey();
/// Presses the session hotkey to stop the session of `log` and waits for its session_end.
bool stop_session_by_hotkey(const std::filesystem::path &log);

/// Installs the one libobs log handler the tests use, before obs_startup: libobs reads its handler
/// and parameter without a lock, so it is never swapped while threads log. Lines go on to the
/// handler that was there before, and to every live LogWatch.
void install_log_tap();

/// Lines the libobs log receives while it lives, each with the thread that logged it (the module
/// logs through blog on the thread doing the work). Needs install_log_tap().
class LogWatch {
public:
	LogWatch();
	~LogWatch();
	LogWatch(const LogWatch &) = delete;
	LogWatch &operator=(const LogWatch &) = delete;

	struct Line {
		std::thread::id thread;
		std::string text;
	};
	/// The first line containing `needle` (waits up to `timeout` for it); none: empty text.
	Line wait_for(const std::string &needle, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

	/// Called by the log tap for every line (any thread).
	void add(std::string text);

private:
	mutable std::mutex mutex_;
	std::vector<Line> lines_; // guarded by mutex_
};

/// The id of OBS's video thread (from a tick callback).
std::thread::id video_thread_id();

/// Text of a pack in the module's bundled data folder ("farm-origin/farm-origin.zh-CN.json").
std::string bundled_pack_text(const std::string &relative_path);

} // namespace lcs::test
