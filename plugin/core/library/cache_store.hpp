#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/library/cache.hpp"

// How sync writes the cache (cache.hpp): a version is staged in <cache>/<library>/.staging-*,
// then committed (renamed into versions/<N>, `current` switched, state.json rewritten, old
// versions pruned). Any failure before commit() ends leaves the cache as it was. Errors throw
// Error(Environment) naming the file.
namespace lcs::library::cache_store {

inline constexpr std::string_view kStateFile = "state.json";
inline constexpr std::string_view kMetaDir = ".lcs"; // inside a version: snapshot and index as synced
inline constexpr std::string_view kSnapshotFile = "snapshot.json";
inline constexpr std::string_view kIndexFile = "index.json";
inline constexpr std::string_view kSignatureFile = "index.json.minisig";

std::filesystem::path library_dir(const std::filesystem::path &cache_dir, const std::string &library);
std::filesystem::path version_dir(const std::filesystem::path &cache_dir, const std::string &library, int64_t version);
std::filesystem::path meta_file(const std::filesystem::path &version_dir, std::string_view name);

/// The whole file, refused (Error(Integrity)) when over `cap` bytes; Error(Environment) when it
/// cannot be read.
std::string read_file(const std::filesystem::path &path, size_t cap);
/// Writes `bytes` to a temporary file next to `path`, then renames it over `path`.
void write_file_atomic(const std::filesystem::path &path, std::string_view bytes);

/// state.json of a library (kept from the folder listing, not from the file).
void write_state(const std::filesystem::path &cache_dir, const CacheState &state);

/// Points current at versions/<version> and writes `state` (whose current_version is `version`);
/// on failure both are as they were. Then removes versions beyond the kKeptVersions newest (never
/// the current one).
void switch_current(const std::filesystem::path &cache_dir, const CacheState &state);

class StagedVersion {
public:
	StagedVersion(std::filesystem::path cache_dir, std::string library);
	~StagedVersion();
	StagedVersion(const StagedVersion &) = delete;
	StagedVersion &operator=(const StagedVersion &) = delete;

	/// Writes a file at a checked relative path (check_relative_path) of the version.
	void write(const std::string &relative, std::string_view bytes);
	/// Puts the file at `relative` from an earlier version's copy when that still has `sha256`
	/// and `size` (hard link or copy); false when it does not (then download it).
	bool reuse(const std::string &relative, const std::filesystem::path &from, std::string_view sha256, uint64_t size);
	/// Renames the staging folder into versions/<state.current_version>, then switch_current().
	void commit(const CacheState &state);

private:
	void remove_created();

	std::filesystem::path cache_dir_;
	std::string library_;
	std::filesystem::path staging_;
	std::vector<std::filesystem::path> created_; // folders this stage made, innermost last
	bool committed_ = false;
};

} // namespace lcs::library::cache_store
