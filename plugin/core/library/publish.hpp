#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/library/minisign.hpp"
#include "core/library/transport.hpp"

namespace lcs::library {

struct PublishOptions {
	std::vector<std::filesystem::path> packs; // files and folders (pack::expand_pack_paths)
	SecretKey key;
	/// The other coaches who publish to this library (--trust): the index already there must be
	/// signed by `key` or one of these, so a host cannot make a coach sign onto a forged history.
	std::vector<PublicKey> trusted;
	std::string library;                      // --library: names a new library; else the target's
	std::string message;
	std::optional<int64_t> now_utc_s;         // published_at; the system clock when empty
	std::optional<int64_t> expires_after_s;   // index "expires" = now + this, when given
};

struct PublishResult {
	std::string library;
	int64_t version = 0;
	size_t objects_uploaded = 0;
	size_t objects_present = 0;
	std::vector<std::string> added, changed, removed; // pack paths against the previous version
	uint64_t requests = 0;
	std::string publisher;    // key id
	std::string published_at;
	/// True when the packs are exactly those of the newest version: nothing was written and
	/// `version` is that version (a publish that changes nothing makes no new version).
	bool unchanged = false;
};

/// Publishes the packs as the library's next version (contract.md section 5): every pack is
/// validated first (errors → Error(Input) with each file:line:col, nothing uploaded); objects the
/// library lacks are uploaded (create-only); snapshots/<N+1>.json is created create-only; then
/// index.json.minisig and, last, index.json are replaced (a reader that catches the two files
/// between those writes sees a signature that does not match and retries once).
/// Pack paths in the snapshot: relative to the folder given, or the file name of a file given
/// alone; two packs at one path are refused (Error(Input)).
/// When snapshots/<N+1>.json already exists, throws Error(Conflict) "version N+1 was published by
/// <key id> at <time>; sync, then publish again".
PublishResult publish_library(Transport &target, const PublishOptions &options);

} // namespace lcs::library
