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
};

/// The versions of a library, newest first, walking snapshots back through their parent hashes
/// (each snapshot checked against the hash its child names). From a source (reads index.json and
/// snapshots/) or from a cache folder of one library (<cache>/<library>). `trusted` empty: the
/// index signature is not checked (a log is informative), else it is.
std::vector<VersionEntry> library_log(Transport &source, const std::vector<PublicKey> &trusted);
std::vector<VersionEntry> library_log_from_cache(const std::string &cache_library_dir);

} // namespace lcs::library
