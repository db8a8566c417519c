#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/library/format.hpp"
#include "core/library/minisign.hpp"
#include "core/library/transport.hpp"

namespace lcs::library {

struct SyncOptions {
	std::filesystem::path cache_dir;     // default_cache_dir() when empty
	std::vector<PublicKey> trusted;      // at least one; a team has several coaches
	std::optional<int64_t> version;      // --version N: that kept (or still published) version
	std::optional<int64_t> now_utc_s;    // for expiry checks; the system clock when empty
	/// Called on the calling thread after each object is verified (done of total to download).
	std::function<void(size_t done, size_t total)> on_progress;
};

struct SyncResult {
	std::string library;
	int64_t version = 0;
	bool changed = false;   // false: the cache already had it (e.g. 304 on the index)
	bool offline = false;   // only from sync_or_use_cache: the source could not be reached
	std::string offline_reason;
	std::string publisher;  // key id
	std::string published_at;
	std::string message;
	std::filesystem::path current_dir; // <cache>/<library>/current
	std::vector<SnapshotPack> packs;
	uint64_t requests = 0;  // transport requests this sync made
	uint64_t bytes_downloaded = 0;
};

/// Brings the library's newest trusted version (or options.version) into the cache (cache.hpp):
/// index + signature, verified over the raw bytes against `trusted` before any JSON is read;
/// rollback and expiry checks; snapshot by its hash; objects downloaded in parallel, each checked
/// (size, SHA-256) in a staging folder; the version becomes current only when all are verified.
/// Throws Error (Integrity/Unreachable/Environment); the cache is then exactly as it was.
SyncResult sync_library(Transport &source, const SyncOptions &options);

/// For OBS start-up and the desk: sync_library, but when the source cannot be reached
/// (Unreachable) and a version is cached, returns that one with offline = true. Integrity errors
/// still throw.
SyncResult sync_or_use_cache(Transport &source, const std::string &library_hint, const SyncOptions &options);

} // namespace lcs::library
