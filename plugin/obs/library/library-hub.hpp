#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <util/config-file.h>

#include "core/library/format.hpp"
#include "core/library/transport.hpp"
#include "library/library-settings.hpp"

namespace lcs::obs {
class StudioWorker;
}

// The team libraries inside OBS (issue 12): the list kept in OBS's config, what the cache holds of
// each, and the syncs. Every sync runs on the hub's own worker thread, one after another (the
// cache of a library is never written by two syncs at once), never on OBS's UI, video or hotkey
// thread; callers see the results through states() (cheap, any thread) or wait for one sync from
// a thread that may wait (the desk's pool, obs-websocket's request threads).
namespace lcs::obs::library {

struct LibraryState {
	LibraryEntry entry;
	bool has_credentials = false; // never the credentials themselves
	bool busy = false;            // a sync of it is queued or running
	bool cached = false;          // a version is in the cache (usable offline)
	int64_t version = 0;          // the version in use (current/)
	std::string publisher;        // key id
	std::string published_at;
	std::string message;
	std::vector<lcs::library::SnapshotPack> packs; // of the version in use
	std::string current_dir;      // <cache>/<id>/current, UTF-8
	std::vector<int64_t> kept;    // versions kept in the cache, ascending (roll back to these)
	bool offline = false;         // the last sync could not reach the source: the cached version is shown
	std::string offline_reason;
	std::string error;            // the last sync failed (integrity, input): the cached version stays
	bool synced_this_run = false; // a sync of it finished since OBS started

	/// The file of one of its packs, through current/ (UTF-8).
	[[nodiscard]] std::string pack_file(const lcs::library::SnapshotPack &pack) const;
};

class LibraryHub {
public:
	/// Where writes of the config run: OBS's global config is saved by OBS on its UI thread, so
	/// inside OBS ours go there too (queued, never waited for); empty: at once, on the caller's thread.
	using ConfigWriter = std::function<void(std::function<void()>)>;

	/// `config` (may be null: nothing persists) holds the list; `cache_dir` the synced versions
	/// (created on first use). `transport` is the base of every sync's options (time-outs).
	LibraryHub(config_t *config, std::filesystem::path cache_dir, lcs::library::TransportOptions transport = {},
		   ConfigWriter config_writer = {});
	~LibraryHub(); // stop()
	LibraryHub(const LibraryHub &) = delete;
	LibraryHub &operator=(const LibraryHub &) = delete;

	/// The sync running finishes, queued ones are dropped (their waiters get nullopt), the worker
	/// thread is joined. Idempotent; later syncs are refused.
	void stop();

	[[nodiscard]] std::vector<LibraryState> states() const;
	[[nodiscard]] std::optional<LibraryState> state(const std::string &source) const;
	/// Moves whenever any state changed (for redrawing only then).
	[[nodiscard]] uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
	[[nodiscard]] const std::filesystem::path &cache_dir() const { return cache_dir_; }

	/// Adds a library, or for a known source replaces its trusted keys (and the credentials when
	/// given). Each key is parsed first: a bad one is refused with its number and why, nothing
	/// saved. Returns the problem, empty when added. Saves the list (and credentials) to the config.
	std::string add(const std::string &source, const std::vector<std::string> &trust, const LibraryCredentials &credentials);
	/// Forgets a library (and its credentials); its cache folder stays (another OBS profile may use it).
	bool remove(const std::string &source);

	using Done = std::function<void(const LibraryState &)>;
	/// Queues a sync (the newest version, or `version` from the cache or the source: roll back);
	/// `done` runs on the worker. A version given stays chosen (OBS's start-up update keeps it)
	/// until an update without one. False when the source is unknown or the hub stopped.
	bool update(const std::string &source, std::optional<int64_t> version = std::nullopt, Done done = {});
	/// Queues a sync of every library (of its rolled-back version, when one was chosen): OBS
	/// start, in the background.
	void update_all();
	/// Syncs and waits for the outcome: nullopt when the hub stopped before it ran (OBS closing)
	/// or the source is unknown. Not for OBS's UI, video or hotkey thread.
	std::optional<LibraryState> update_and_wait(const std::string &source, std::optional<int64_t> version = std::nullopt);

private:
	struct Item {
		LibraryEntry entry;
		LibraryCredentials credentials;
		LibraryState state;
	};
	void run_sync(const std::string &source, std::optional<int64_t> version, const Done &done); // worker
	void read_cached(LibraryState &state) const; // what the cache holds of state.entry.id
	void save_entries_locked();
	void write_config(std::function<void()> work) const;
	void changed() { generation_.fetch_add(1, std::memory_order_acq_rel); }

	config_t *config_;
	std::filesystem::path cache_dir_;
	lcs::library::TransportOptions transport_;
	std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false); // set by stop()
	ConfigWriter config_writer_;
	mutable std::mutex mutex_; // guards items_; never held across a sync or a disk read of the cache
	std::vector<Item> items_;
	std::atomic<uint64_t> generation_{1};
	std::mutex worker_mutex_; // guards worker_ (posting, and stop() taking it away)
	std::unique_ptr<StudioWorker> worker_; // last: stopped first
};

} // namespace lcs::obs::library
