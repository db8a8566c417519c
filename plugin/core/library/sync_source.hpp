#pragma once

#include <cstdint>
#include <string>

#include "core/library/format.hpp"
#include "core/library/minisign.hpp"
#include "core/library/transport.hpp"

// Reading a library's signed documents from a source, for sync and history: every check on what a
// host sends before it is believed. Errors throw library::Error naming the URL.
namespace lcs::library::source_reader {

/// "<location>/<path>" for messages, whatever describe() ends with.
std::string url_of(const Transport &source, const std::string &path);

/// One file that must be there: NotFound → Error(Integrity) "<url>: not found (<what>)".
std::string fetch_required(Transport &source, const FetchRequest &request, const std::string &what);

struct SignedIndex {
	std::string bytes;     // index.json exactly as read
	std::string signature; // index.json.minisig exactly as read
	std::string etag;
	Verified verified;
	Index index;
	bool not_modified = false; // the host answered 304 to `if_none_match`: nothing else is set
};

/// index.json (conditional on `if_none_match` when not empty) and its signature, verified against
/// `trusted` over the raw bytes before it is parsed. A signature that does not match while the
/// index changed between the two reads (a publish under way) is read again once.
SignedIndex fetch_signed_index(Transport &source, const std::vector<PublicKey> &trusted, const std::string &if_none_match);

/// Verifies and parses an index already read (from the cache, or from fetch_signed_index).
Index verify_index(const std::string &bytes, const std::string &signature, const std::vector<PublicKey> &trusted,
		   const std::string &where, Verified *verified = nullptr);

/// Refuses (Error(Integrity)) an index whose "expires" is at or before `now_utc_s`.
void check_not_expired(const Index &index, int64_t now_utc_s, const std::string &where);

/// The snapshot a reference names: exact size, SHA-256, then parsed; its library and version
/// must be `library` and `version`.
struct FetchedSnapshot {
	std::string bytes;
	Snapshot snapshot;
};
FetchedSnapshot fetch_snapshot(Transport &source, const FileRef &ref, const std::string &library, int64_t version);
/// snapshots/<version>.json whose SHA-256 a child snapshot names as its parent.
FetchedSnapshot fetch_parent_snapshot(Transport &source, const std::string &sha256, const std::string &library,
				      int64_t version);

/// Refuses a snapshot whose pack paths are unsafe (check_relative_path), reserved (".lcs/…"),
/// repeated, or a folder of another pack's path; or whose hashes or sizes are not valid.
void check_snapshot_packs(const Snapshot &snapshot, const std::string &where);

} // namespace lcs::library::source_reader
