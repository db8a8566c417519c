#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/audience/audience_data.hpp"
#include "core/diag/diagnostic.hpp"
#include "core/session/controller.hpp"

namespace lcs::obs {

// A script pack shipped in the module's data folder (packs/…).
struct BundledPack {
	std::string relative_path; // e.g. "farm-origin/farm-origin.zh-CN.json"
	std::string name;
	std::string language;
};

// Module-wide state inside OBS: the one session controller every source, hotkey, dock and
// websocket request talks to. The controller ticks once per video frame through a libobs tick
// callback; sources only read its snapshots.
class Studio {
public:
	static void create();
	static void destroy();
	/// The instance between create() and destroy(); null outside (e.g. after unload).
	static Studio *get();

	void submit(session::Command command) { controller_.submit(std::move(command)); }
	[[nodiscard]] std::shared_ptr<const session::Snapshot> snapshot() const { return controller_.snapshot(); }
	/// The session-log events of the last tick; video thread only (the websocket events use it).
	[[nodiscard]] const session::Events &last_events() const { return controller_.events(); }

	struct LoadOutcome {
		bool loaded = false;  // the library in use changed
		bool unchanged = false; // these files are already in use
		diag::Diagnostics diagnostics;
	};
	/// Loads pack files (UTF-8 paths) and, when they are all clean, makes them the script in use.
	/// On any error the script in use stays as it was. Any thread; blocks only on file reading.
	LoadOutcome use_packs(const std::vector<std::string> &files);

	/// The pack files of the script in use (empty: none), whoever chose them (a prompter, the desk).
	[[nodiscard]] std::vector<std::string> files_in_use();

	/// Starts a practice session on the script in use (its first scenario unless named), logging
	/// to the module's config folder sessions/<started_at>-<scenario>.jsonl.
	void start_session(const std::string &scenario_id, const std::string &trainee, std::optional<uint64_t> seed,
			   int duration_seconds = 0);
	/// Stops the running session, or starts one.
	void toggle_session();
	/// Ends a running session at once (OBS is exiting): its log gets session_end.
	void shutdown_session() { controller_.submit(session::StopSession{}); }
	/// The folder session logs go to (created when missing); empty when there is none.
	static std::string sessions_folder();

	[[nodiscard]] const std::vector<BundledPack> &bundled_packs() const { return bundled_; }
	/// Absolute path of a bundled pack, or empty when unknown.
	[[nodiscard]] std::string bundled_pack_path(const std::string &relative_path) const;

private:
	Studio();
	~Studio();
	static void on_tick(void *param, float seconds);
	void tick(float seconds);
	void scan_bundled_packs();
	session::StartSession prepare_start(const std::string &scenario_id, const std::string &trainee, std::optional<uint64_t> seed,
					    int duration_seconds);
	std::shared_ptr<const audience::AudienceData> audience_for(const std::string &language); // load_mutex_ held

	session::Controller controller_;
	double pending_ms_ = 0.0; // fractional milliseconds carried between frames (video thread)
	std::string last_refusal_; // video thread
	std::string logged_session_; // video thread
	std::string logged_log_error_; // video thread: the session log failure already logged
	std::filesystem::path packs_dir_;
	std::vector<BundledPack> bundled_;
	std::map<std::string, std::shared_ptr<const audience::AudienceData>> audiences_; // by language; load_mutex_

	std::mutex load_mutex_;
	std::vector<std::string> files_in_use_; // guarded by load_mutex_
	std::vector<std::filesystem::file_time_type> times_in_use_; // guarded by load_mutex_; edits reload
};

} // namespace lcs::obs
