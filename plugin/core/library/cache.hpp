#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/library/format.hpp"

// The local cache of synced libraries (one folder per library id), what lets a trainee work
// offline:
//   <cache>/<library>/state.json        highest version ever trusted (rollback guard), the
//                                       source, the index's ETag, the version in use
//   <cache>/<library>/versions/<N>/     packs at their paths, plus .lcs/snapshot.json,
//                                       .lcs/index.json and .lcs/index.json.minisig as synced
//   <cache>/<library>/current           the version in use (a symlink, switched by rename;
//                                       a copied folder where symlinks are not allowed)
// A new version is staged in <cache>/<library>/.staging-*, verified, then renamed into
// versions/; the five newest versions are kept. Nothing in the cache changes unless a sync
// succeeds completely.
namespace lcs::library {

inline constexpr int kKeptVersions = 5;

struct CacheState {
	std::string library;
	int64_t highest_version = 0; // never goes down
	int64_t current_version = 0;
	std::string source;          // the location it was last synced from (no credentials)
	std::string index_etag;      // for If-None-Match
	std::vector<int64_t> kept;   // versions/ present, ascending
};

/// The default cache folder: $LCS_LIBRARY_CACHE, else $XDG_CACHE_HOME/live-commerce-studio/libraries,
/// else ~/.cache/live-commerce-studio/libraries (%LOCALAPPDATA% on Windows).
std::filesystem::path default_cache_dir();

/// The state of one library in the cache; nullopt when it was never synced. Throws
/// Error(Integrity) when state.json is damaged (the cache is then not touched by a sync).
std::optional<CacheState> read_cache_state(const std::filesystem::path &cache_dir, const std::string &library);

/// The libraries in the cache, by id.
std::vector<CacheState> list_cached_libraries(const std::filesystem::path &cache_dir);

/// Where a pack file came from, when it lies in a synced library's version (through current/ or
/// versions/<N>/): used for the session header's optional library fields.
struct Provenance {
	std::string library;
	int64_t version = 0;
};
/// With `sha256` (of the bytes that were loaded), the version named is one whose snapshot lists
/// the pack's path with exactly those bytes: when current/ moved on after the pack was loaded, the
/// newest kept version that has them, or none.
std::optional<Provenance> provenance_of(const std::filesystem::path &pack_file, std::string_view sha256 = {});

} // namespace lcs::library
