#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/library/minisign.hpp"
#include "core/library/transport.hpp"

namespace lcs::library {

struct VersionEntry {
	int64_t version = 0;
	std::string published_at;
	std::string publisher; // key id
	std::string message;
	std::vector<std::string> packs, added, changed, removed; // paths; diff against the previous version
	/// False when the previous version was not at hand (a cache keeps the last five), so
	/// added/changed/removed are empty for want of it. Version 1 has it (all its packs are added).
	bool diff_known = true;
};

/// At most this many versions are listed (newest first): a log stops there.
inline constexpr size_t kMaxLogVersions = 10000;

/// The versions of a library, newest first, walking snapshots back through their parent hashes
/// (each snapshot checked against the hash its child names). From a source (reads index.json and
/// snapshots/) or from a cache folder of one library (<cache>/<library>). `trusted` empty: the
/// index signature is not checked (a log is informative), else it is. Throws Error(Integrity)
/// for a snapshot whose sha256 or size is not the one its child (or the index) names, a missing
/// snapshot, a version or library that does not follow; Unreachable when the source cannot be read.
/// From a cache: the versions kept there, each chain link between two kept neighbours checked.
std::vector<VersionEntry> library_log(Transport &source, const std::vector<PublicKey> &trusted);
std::vector<VersionEntry> library_log_from_cache(const std::string &cache_library_dir);

} // namespace lcs::library
