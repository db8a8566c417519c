#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The documents of a script library `lcs.library/1` (contract.md section 5): index.json and
// snapshots/<version>.json, their size caps, and the checks on names inside them. Parsers check
// the size cap before parsing and every field's type; errors throw Error(Integrity) with `where`.
namespace lcs::library {

inline constexpr std::string_view kIndexSchema = "lcs.library/1";
inline constexpr std::string_view kSnapshotSchema = "lcs.library-snapshot/1";
inline constexpr std::string_view kIndexPath = "index.json";
inline constexpr std::string_view kIndexSignaturePath = "index.json.minisig";

inline constexpr size_t kMaxIndexBytes = 64 * 1024;
inline constexpr size_t kMaxSignatureBytes = 4 * 1024;
inline constexpr size_t kMaxSnapshotBytes = 16 * 1024 * 1024;
inline constexpr size_t kMaxObjectBytes = 16 * 1024 * 1024; // = pack::kMaxPackBytes
inline constexpr size_t kMaxPacksPerSnapshot = 100000;

struct FileRef {
	std::string path; // relative to the library root
	std::string sha256;
	uint64_t size = 0;
};

struct Index {
	std::string library;
	int64_t version = 0;
	std::string published_at; // ISO-8601 UTC
	std::optional<std::string> expires;
	FileRef snapshot;
};

struct SnapshotPack {
	std::string path; // relative, '/'-separated: where the pack lands under current/
	std::string sha256;
	uint64_t size = 0;
	std::string id;      // the pack's id and version, from the pack itself
	std::string version;
};

struct Snapshot {
	std::string library;
	int64_t version = 0;
	std::optional<std::string> parent; // sha256 of the previous version's snapshot file
	std::string published_at;
	std::string publisher; // key id, KeyId::hex()
	std::string message;
	std::vector<SnapshotPack> packs;
};

/// Unknown fields are ignored (a later minor revision may add some); `expires` may be absent or null.
Index parse_index(std::string_view bytes, const std::string &where);
std::string write_index(const Index &index);
/// Also refused: a duplicate pack path, a path that is another's folder, a parent on version 1 or
/// none on a later one, a publisher that is not a key id, a message over 4 KiB.
Snapshot parse_snapshot(std::string_view bytes, const std::string &where);
/// Packs are written sorted by path, so the same snapshot always gives the same bytes.
std::string write_snapshot(const Snapshot &snapshot);

/// The trusted comment the index's signature carries: "library=<id> version=<N> published_at=<time>"
/// (signed with it, so `minisign -V` shows which version it is; sync relies on the JSON, not on it).
std::string index_trusted_comment(const Index &index);

/// "snapshots/<version>.json"
std::string snapshot_path(int64_t version);
/// "objects/<first 2 hex>/<sha256>"
std::string object_path(std::string_view sha256);

/// A library id: 1–64 of [a-z0-9._-], starting with a letter or digit.
bool is_valid_library_id(std::string_view id);
/// Throws Error(Integrity) unless `path` is a safe relative '/'-separated path: not empty, not
/// absolute, no "..", "." or empty segment, no backslash, no drive letter ("C:"), no control
/// character or NUL, valid UTF-8, at most 1024 bytes.
void check_relative_path(std::string_view path, const std::string &where);
/// 64 lowercase hex digits.
bool is_sha256_hex(std::string_view text);

/// Seconds since 1970 of an ISO-8601 UTC time "YYYY-MM-DDTHH:MM:SSZ" (fraction allowed);
/// nullopt when it is not one.
std::optional<int64_t> parse_utc_seconds(std::string_view iso);
std::string format_utc_seconds(int64_t seconds);

} // namespace lcs::library
