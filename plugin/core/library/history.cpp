// lcs library log: a library's versions, newest first, from its source or from a cache folder.
#include "core/library/history.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "core/crypto/sha256.hpp"
#include "core/library/error.hpp"
#include "core/library/format.hpp"
#include "core/library/minisign_text.hpp"

namespace lcs::library {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void integrity(const std::string &what)
{
	throw Error(ErrorKind::Integrity, what);
}

VersionEntry entry_of(const Snapshot &s)
{
	VersionEntry e;
	e.version = s.version;
	e.published_at = s.published_at;
	e.publisher = s.publisher;
	e.message = s.message;
	for (const auto &p : s.packs)
		e.packs.push_back(p.path);
	std::sort(e.packs.begin(), e.packs.end());
	return e;
}

// added/changed/removed of `newer` against `older` (nullptr: version 1, everything is added).
void diff(VersionEntry &e, const Snapshot &newer, const Snapshot *older)
{
	std::map<std::string, std::string> before;
	if (older)
		for (const auto &p : older->packs)
			before.emplace(p.path, p.sha256);
	for (const auto &p : newer.packs) {
		const auto it = before.find(p.path);
		if (it == before.end())
			e.added.push_back(p.path);
		else if (it->second != p.sha256)
			e.changed.push_back(p.path);
		if (it != before.end())
			before.erase(it);
	}
	for (const auto &[path, sha] : before)
		e.removed.push_back(path);
	std::sort(e.added.begin(), e.added.end());
	std::sort(e.changed.begin(), e.changed.end());
}

// Checks that `older` is the parent `newer` names: same library, the version before it.
void check_link(const Snapshot &newer, const Snapshot &older, const std::string &where)
{
	if (older.library != newer.library)
		integrity(where + ": belongs to library \"" + older.library + "\", not \"" + newer.library + "\"");
	if (older.version != newer.version - 1)
		integrity(where + ": is version " + std::to_string(older.version) + ", expected " + std::to_string(newer.version - 1));
}

FetchResult fetch_or_missing(Transport &source, const FetchRequest &request, const char *what)
{
	FetchResult r = source.fetch(request);
	if (r.status == FetchResult::Status::NotFound)
		integrity(source.describe() + request.path + ": not found (" + what + ")");
	if (r.status != FetchResult::Status::Ok)
		integrity(source.describe() + request.path + ": an answer without a body to an unconditional request");
	return r;
}

std::string read_file(const fs::path &path, size_t cap, const std::string &where)
{
	std::error_code ec;
	const auto size = fs::file_size(path, ec);
	if (ec)
		integrity(where + ": cannot be read (" + ec.message() + ")");
	if (size > cap)
		integrity(where + ": " + std::to_string(size) + " bytes, over the cap of " + std::to_string(cap));
	try {
		return minisign_text::read_small_file(path.string(), cap);
	} catch (const Error &e) {
		integrity(e.what());
	}
}

} // namespace

std::vector<VersionEntry> library_log(Transport &source, const std::vector<PublicKey> &trusted)
{
	const std::string root = source.describe();
	const FetchResult index_bytes = fetch_or_missing(source, {std::string(kIndexPath), kMaxIndexBytes, std::nullopt}, "not a library?");
	if (!trusted.empty()) {
		const FetchResult sig = fetch_or_missing(source, {std::string(kIndexSignaturePath), kMaxSignatureBytes, std::nullopt},
							 "the index is not signed");
		verify(index_bytes.body, sig.body, trusted, root + std::string(kIndexSignaturePath));
	}
	const Index index = parse_index(index_bytes.body, root + std::string(kIndexPath));

	std::vector<VersionEntry> out;
	std::optional<Snapshot> newer;
	std::string expected_sha = index.snapshot.sha256;
	std::optional<uint64_t> expected_size = index.snapshot.size;
	std::string path = index.snapshot.path;
	std::string named_by = root + std::string(kIndexPath);
	while (out.size() < kMaxLogVersions) {
		const std::string where = root + path;
		const FetchResult body = fetch_or_missing(source, {path, kMaxSnapshotBytes, expected_size}, newer ? "a parent snapshot" : "the index's snapshot");
		if (expected_size && body.body.size() != *expected_size)
			integrity(where + ": " + std::to_string(body.body.size()) + " bytes, " + named_by + " names " + std::to_string(*expected_size));
		const std::string sha = crypto::sha256_hex(body.body);
		if (sha != expected_sha)
			integrity(where + ": sha256 " + sha + ", but " + named_by + " names " + expected_sha);
		Snapshot snap = parse_snapshot(body.body, where);
		if (newer) {
			check_link(*newer, snap, where);
			diff(out.back(), *newer, &snap);
		} else if (snap.library != index.library || snap.version != index.version) {
			integrity(where + ": is " + snap.library + " version " + std::to_string(snap.version) + ", the index names " + index.library +
				  " version " + std::to_string(index.version));
		}
		out.push_back(entry_of(snap));
		if (!snap.parent) {
			diff(out.back(), snap, nullptr);
			break;
		}
		expected_sha = *snap.parent;
		expected_size.reset(); // a parent is named by its hash only
		named_by = where;
		path = snapshot_path(snap.version - 1);
		newer = std::move(snap);
	}
	if (out.size() == kMaxLogVersions && newer && out.back().version != 1)
		out.back().diff_known = false;
	return out;
}

std::vector<VersionEntry> library_log_from_cache(const std::string &cache_library_dir)
{
	const fs::path dir = fs::path(cache_library_dir) / "versions";
	std::error_code ec;
	if (!fs::is_directory(dir, ec))
		throw Error(ErrorKind::Input, cache_library_dir + ": not a cached library (no versions/ folder)");
	// versions/<N>/.lcs/snapshot.json for every N kept, with the bytes' sha256.
	std::map<int64_t, std::pair<Snapshot, std::string>, std::greater<>> kept;
	for (const auto &entry : fs::directory_iterator(dir, ec)) {
		const std::string name = entry.path().filename().string();
		if (name.empty() || name.size() > 18 || !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
			continue; // not a version folder (a staging leftover, a file of the user's)
		const int64_t n = std::stoll(name);
		const fs::path file = entry.path() / ".lcs" / "snapshot.json";
		const std::string where = file.string();
		const std::string bytes = read_file(file, kMaxSnapshotBytes, where);
		Snapshot snap = parse_snapshot(bytes, where);
		if (snap.version != n)
			integrity(where + ": is version " + std::to_string(snap.version) + ", in the folder of version " + name);
		// The index synced with it, when it is that version's, names this snapshot's hash.
		const fs::path index_file = entry.path() / ".lcs" / std::string(kIndexPath);
		if (fs::exists(index_file, ec)) {
			const Index index = parse_index(read_file(index_file, kMaxIndexBytes, index_file.string()), index_file.string());
			if (index.version == n && index.snapshot.sha256 != crypto::sha256_hex(bytes))
				integrity(where + ": not the snapshot " + index_file.string() + " names (sha256 differs)");
		}
		kept.emplace(n, std::make_pair(std::move(snap), crypto::sha256_hex(bytes)));
	}
	if (ec)
		throw Error(ErrorKind::Input, dir.string() + ": cannot be listed (" + ec.message() + ")");

	std::vector<VersionEntry> out;
	for (auto it = kept.begin(); it != kept.end() && out.size() < kMaxLogVersions; ++it) {
		const Snapshot &snap = it->second.first;
		VersionEntry e = entry_of(snap);
		const auto older = std::next(it);
		if (!snap.parent) {
			diff(e, snap, nullptr);
		} else if (older != kept.end() && older->first == snap.version - 1) {
			const std::string where = (dir / std::to_string(older->first) / ".lcs" / "snapshot.json").string();
			check_link(snap, older->second.first, where);
			if (older->second.second != *snap.parent)
				integrity(where + ": sha256 " + older->second.second + ", but version " + std::to_string(snap.version) + " names " + *snap.parent);
			diff(e, snap, &older->second.first);
		} else {
			e.diff_known = false;
		}
		out.push_back(std::move(e));
	}
	return out;
}

} // namespace lcs::library
