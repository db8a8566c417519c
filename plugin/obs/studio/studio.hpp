#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/audience/audience_data.hpp"
#include "core/diag/diagnostic.hpp"
#include "core/session/controller.hpp"
#include "studio/studio-worker.hpp"
#include "studio/traffic-order.hpp"
#include "studio/transcript-source.hpp"

namespace lcs::obs {

// A script pack shipped in the module's data folder (packs/…).
struct BundledPack {
	std::string relative_path; // e.g. "farm-origin/farm-origin.zh-CN.json"
	std::string name;
	std::string language;
};

// Module-wide state inside OBS: the one session controller every source, hotkey, dock and
// websocket request talks to. The controller ticks once per video frame through a libobs tick
// callback; sources only read its snapshots. File work (pack loads, preparing a session's start)
// runs on the studio's own worker thread, never on OBS's video or hotkey thread.
class Studio {
public:
	static void create();
	/// Waits for every lease to end, then stops the worker (dropping queued loads) and the session.
	static void destroy();
	/// The instance between create() and destroy(); null outside (e.g. after unload). For code that
	/// OBS stops before it unloads the module: sources, filters, hotkeys and the tick (libobs stops
	/// its video and hotkey threads before it unloads modules), and the desk (stopped first).
	static Studio *get();

	/// The studio held for a scope: destroy() waits until every lease has ended. For threads OBS
	/// does not stop before unloading us (obs-websocket's requests). Keep it short: never across a
	/// wait for the UI thread (the UI thread is the one that unloads).
	class Lease {
	public:
		Lease(Lease &&other) noexcept : studio_(std::exchange(other.studio_, nullptr)) {}
		Lease(const Lease &) = delete;
		Lease &operator=(const Lease &) = delete;
		Lease &operator=(Lease &&) = delete;
		~Lease();
		explicit operator bool() const { return studio_ != nullptr; }
		Studio *operator->() const { return studio_; }

	private:
		friend class Studio;
		explicit Lease(Studio *studio) : studio_(studio) {}
		Studio *studio_;
	};
	static Lease lease();

	void submit(session::Command command) { controller_.submit(std::move(command)); }
	/// A command from a hotkey: queued behind whatever the worker still prepares for an earlier
	/// hotkey (a start that loads a pack), so "Start, then Pin" pressed at once keeps its order.
	/// Never waits; any thread.
	void submit_in_order(session::Command command);
	[[nodiscard]] std::shared_ptr<const session::Snapshot> snapshot() const { return controller_.snapshot(); }
	/// The session-log events of the last tick; video thread only (the websocket events use it).
	[[nodiscard]] const session::Events &last_events() const { return controller_.events(); }

	struct LoadOutcome {
		bool loaded = false;    // the library in use changed
		bool unchanged = false; // these files are already in use (and not edited since)
		bool kept = false;      // Choice::IfNoneInUse while another script was in use: nothing done
		diag::Diagnostics diagnostics;
	};
	enum class Choice {
		Replace,     // someone chose this script (the desk, a prompter's properties): it is used
		IfNoneInUse, // a default (a prompter being created with a collection): only when none is in use
	};
	using LoadDone = std::function<void(const LoadOutcome &)>;

	/// Queues loading pack files (UTF-8 paths) on the worker and returns at once; any thread (a
	/// prompter's update runs on the video thread). When they are all clean they become the script
	/// in use; on any error the script in use stays as it was. `done` runs on the worker.
	void request_packs(std::vector<std::string> files, Choice choice, LoadDone done = {});
	/// The same, waiting for the outcome: for threads that may wait for a disk (the desk's worker,
	/// obs-websocket's requests), never OBS's video, hotkey or UI thread.
	LoadOutcome use_packs(const std::vector<std::string> &files);

	/// The pack files of the script in use (empty: none), whoever chose them (a prompter, the desk).
	[[nodiscard]] std::vector<std::string> files_in_use() const;

	/// Starts a practice session on the script in use (its first scenario unless named), logging
	/// to the module's config folder sessions/<started_at>-<scenario>.jsonl. Prepared on the
	/// worker; waits until the start is submitted (a command sent next applies after it), so, like
	/// use_packs, not for the video, hotkey or UI thread.
	void start_session(const std::string &scenario_id, const std::string &trainee, std::optional<uint64_t> seed,
			   int duration_seconds = 0);
	/// Stops the running session, or starts one; returns at once (the hotkey thread). Decided and
	/// prepared on the worker, in order with the other hotkeys' commands (submit_in_order).
	void toggle_session();
	/// What one press buys of paid traffic (the desk sets it; any thread).
	[[nodiscard]] TrafficOrder &traffic_order() { return traffic_order_; }
	/// Buys the traffic order (the hotkey; returns at once): on the worker, in order with the other
	/// hotkeys, so a start pressed just before is submitted first.
	void buy_traffic_order();
	/// The OBS text source followed as the host's transcript (the desk chooses it; any thread).
	[[nodiscard]] TranscriptSource &transcript() { return *transcript_; }
	/// Ends a running session at once (OBS is exiting): its log gets session_end.
	void shutdown_session() { controller_.submit(session::StopSession{.shutdown = true}); }
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
	LoadOutcome load_now(const std::vector<std::string> &files, Choice choice); // worker
	session::StartSession prepare_start(const std::string &scenario_id, const std::string &trainee, std::optional<uint64_t> seed,
					    int duration_seconds); // worker
	std::shared_ptr<const audience::AudienceData> audience_for(const std::string &language); // worker
	/// Reads the compliance rules (the module's data/compliance) and hands the checker to the
	/// controller; problems go to the OBS log. Worker: the first job, so every script used after
	/// it is checked.
	void load_compliance(); // worker
	/// Runs `work` on the worker and waits for it (directly when already there); false when the
	/// studio is stopping and it did not run.
	bool run_on_worker(const std::function<void()> &work);

	session::Controller controller_;
	double pending_ms_ = 0.0; // fractional milliseconds carried between frames (video thread)
	std::string last_refusal_; // video thread
	std::string logged_session_; // video thread
	std::string logged_log_error_; // video thread: the session log failure already logged
	std::filesystem::path packs_dir_; // set in the constructor, then read-only
	std::vector<BundledPack> bundled_; // set in the constructor, then read-only
	std::map<std::string, std::shared_ptr<const audience::AudienceData>> audiences_; // by language; worker
	std::shared_ptr<const compliance::Checker> compliance_; // worker

	mutable std::mutex in_use_mutex_; // held only to copy or replace files_in_use_, never across I/O
	std::vector<std::string> files_in_use_; // written on the worker under in_use_mutex_
	std::vector<std::filesystem::file_time_type> times_in_use_; // worker; an edited file loads again

	TrafficOrder traffic_order_;
	std::unique_ptr<TranscriptSource> transcript_; // submits to controller_

	std::unique_ptr<StudioWorker> worker_; // stopped first in ~Studio, before what its jobs use
};

} // namespace lcs::obs
