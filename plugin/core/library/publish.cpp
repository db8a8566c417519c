#include "core/library/publish.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>
#include <system_error>

#include "core/crypto/sha256.hpp"
#include "core/library/cache_store.hpp"
#include "core/library/error.hpp"
#include "core/library/format.hpp"
#include "core/library/sync_source.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"

namespace lcs::library {
namespace fs = std::filesystem;
using source_reader::url_of;

namespace {

struct LocalPack {
	std::string path; // in the library
	std::string file; // on disk, for messages
	std::string bytes;
	SnapshotPack entry;
};

std::string generic_utf8(const fs::path &path)
{
	const auto u8 = path.generic_u8string();
	return std::string(u8.begin(), u8.end());
}

/// Reads and validates every pack; nothing is uploaded unless all of them load without an error.
std::vector<LocalPack> load_packs(const std::vector<fs::path> &inputs)
{
	if (inputs.empty())
		throw Error(ErrorKind::Input, "no pack given to publish");
	diag::Diagnostics problems;
	std::vector<LocalPack> packs;
	std::map<std::string, std::string> files_at; // library path → file
	for (const auto &input : inputs) {
		diag::Diagnostics expansion;
		const auto files = pack::expand_pack_paths({input}, expansion);
		problems.insert(problems.end(), expansion.begin(), expansion.end());
		std::error_code ec;
		const bool folder = fs::is_directory(input, ec);
		if (folder && files.empty())
			throw Error(ErrorKind::Input, pack::path_utf8(input) + ": no pack file (*.json, *.jsonc) in this folder");
		for (const auto &file : files) {
			LocalPack local;
			local.file = pack::path_utf8(file);
			local.path = generic_utf8(folder ? file.lexically_relative(input) : file.filename());
			try {
				local.bytes = cache_store::read_file(file, kMaxObjectBytes);
			} catch (const Error &e) {
				throw Error(ErrorKind::Input, e.what());
			}
			auto loaded = pack::load_pack_text(local.bytes, local.file);
			problems.insert(problems.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
			try {
				check_relative_path(local.path, local.file);
			} catch (const Error &e) {
				throw Error(ErrorKind::Input, std::string(e.what()) + ": rename the file");
			}
			const auto [it, fresh] = files_at.emplace(local.path, local.file);
			if (!fresh)
				throw Error(ErrorKind::Input, local.file + " and " + it->second + " would both be \"" + local.path +
								      "\" in the library: publish them from one folder, or rename one");
			local.entry.path = local.path;
			local.entry.sha256 = crypto::sha256_hex(local.bytes);
			local.entry.size = local.bytes.size();
			if (loaded.pack) {
				local.entry.id = loaded.pack->meta.id;
				local.entry.version = loaded.pack->meta.version;
			}
			packs.push_back(std::move(local));
		}
	}
	std::string errors;
	size_t count = 0;
	for (const auto &d : problems)
		if (d.severity == diag::Severity::Error) {
			errors += "\n  " + d.to_string();
			++count;
		}
	if (count > 0)
		throw Error(ErrorKind::Input, std::to_string(count) + " error(s) in the packs, nothing was published:" + errors);
	return packs;
}

struct Previous {
	std::string index_bytes;
	Index index;
	std::string snapshot_bytes;
	Snapshot snapshot;
};

/// The target's newest version, or nullopt for a new library. Its index must be signed by the
/// publisher's own key or a trusted coach's (the new snapshot names the old one as its parent,
/// so the publisher vouches for it).
std::optional<Previous> read_previous(Transport &target, const PublishOptions &options)
{
	const std::string where = url_of(target, std::string(kIndexPath));
	FetchResult result = target.fetch({std::string(kIndexPath), kMaxIndexBytes, std::nullopt});
	if (result.status == FetchResult::Status::NotFound)
		return std::nullopt;
	if (result.status != FetchResult::Status::Ok)
		throw Error(ErrorKind::Integrity, where + ": the host answered 304 Not Modified to a request without an ETag");
	const std::string signature = source_reader::fetch_required(
		target, {std::string(kIndexSignaturePath), kMaxSignatureBytes, std::nullopt}, "the index's signature");
	std::vector<PublicKey> keys = options.trusted;
	keys.push_back(options.key.public_part());
	Previous previous;
	try {
		previous.index = source_reader::verify_index(result.body, signature, keys, where);
	} catch (const Error &e) {
		throw Error(e.kind(), std::string(e.what()) +
					      "; nothing was published (another coach's key: pass their .pub with --trust)");
	}
	previous.index_bytes = std::move(result.body);
	auto fetched = source_reader::fetch_snapshot(target, previous.index.snapshot, previous.index.library,
						     previous.index.version);
	previous.snapshot_bytes = std::move(fetched.bytes);
	previous.snapshot = std::move(fetched.snapshot);
	return previous;
}

[[noreturn]] void conflict(Transport &target, int64_t version)
{
	const std::string path = snapshot_path(version);
	std::string by = "someone else", at = "an unknown time";
	try {
		FetchResult theirs = target.fetch({path, kMaxSnapshotBytes, std::nullopt});
		if (theirs.status == FetchResult::Status::Ok) {
			const Snapshot s = parse_snapshot(theirs.body, url_of(target, path));
			by = s.publisher;
			at = s.published_at;
		}
	} catch (const Error &) {
		// the conflict stands; who made it is only a courtesy
	}
	throw Error(ErrorKind::Conflict, "version " + std::to_string(version) + " was published by " + by + " at " + at +
						 "; sync, then publish again");
}

} // namespace

PublishResult publish_library(Transport &target, const PublishOptions &options)
{
	const uint64_t requests_at_start = target.request_count();
	if (!options.library.empty() && !is_valid_library_id(options.library))
		throw Error(ErrorKind::Input, "--library \"" + options.library +
						      "\": a library id is 1-64 of a-z, 0-9, '.', '_', '-', starting with a "
						      "letter or digit");
	std::vector<LocalPack> packs = load_packs(options.packs);
	const auto previous = read_previous(target, options);

	PublishResult result;
	if (!previous) {
		if (options.library.empty())
			throw Error(ErrorKind::Input, url_of(target, std::string(kIndexPath)) +
							      ": no library there yet; name the new one with --library ID");
		result.library = options.library;
	} else {
		if (!options.library.empty() && options.library != previous->index.library)
			throw Error(ErrorKind::Input, target.describe() + " holds library \"" + previous->index.library +
							      "\", not \"" + options.library + "\"");
		result.library = previous->index.library;
	}
	const int64_t version = previous ? previous->index.version + 1 : 1;

	std::map<std::string, const SnapshotPack *> before; // path → pack
	std::set<std::string> present;                      // objects the library has
	if (previous)
		for (const auto &p : previous->snapshot.packs) {
			before.emplace(p.path, &p);
			present.insert(p.sha256);
		}
	std::set<std::string> now_paths;
	for (const auto &p : packs) {
		now_paths.insert(p.path);
		const auto it = before.find(p.path);
		if (it == before.end())
			result.added.push_back(p.path);
		else if (it->second->sha256 != p.entry.sha256 || it->second->id != p.entry.id ||
			 it->second->version != p.entry.version)
			result.changed.push_back(p.path);
	}
	for (const auto &[path, p] : before)
		if (!now_paths.count(path))
			result.removed.push_back(path);
	result.publisher = options.key.id.hex();
	if (previous && result.added.empty() && result.changed.empty() && result.removed.empty()) {
		result.version = previous->index.version;
		result.published_at = previous->snapshot.published_at;
		result.unchanged = true;
		result.requests = target.request_count() - requests_at_start;
		return result;
	}

	// Objects first (create-only; one another coach uploaded meanwhile is the same bytes).
	std::set<std::string> uploaded;
	for (const auto &p : packs) {
		const std::string &sha = p.entry.sha256;
		if (present.count(sha) || uploaded.count(sha)) {
			continue;
		}
		const std::string path = object_path(sha);
		if (!target.exists(path) && target.create(path, p.bytes))
			++result.objects_uploaded;
		uploaded.insert(sha);
	}
	result.objects_present = packs.size() - result.objects_uploaded;

	const int64_t now = options.now_utc_s.value_or(static_cast<int64_t>(std::time(nullptr)));
	Snapshot snapshot;
	snapshot.library = result.library;
	snapshot.version = version;
	if (previous)
		snapshot.parent = crypto::sha256_hex(previous->snapshot_bytes);
	snapshot.published_at = format_utc_seconds(now);
	snapshot.publisher = result.publisher;
	snapshot.message = options.message;
	for (const auto &p : packs)
		snapshot.packs.push_back(p.entry);
	std::sort(snapshot.packs.begin(), snapshot.packs.end(),
		  [](const SnapshotPack &a, const SnapshotPack &b) { return a.path < b.path; });
	const std::string snapshot_bytes = write_snapshot(snapshot);
	if (!target.create(snapshot_path(version), snapshot_bytes))
		conflict(target, version);

	Index index;
	index.library = result.library;
	index.version = version;
	index.published_at = snapshot.published_at;
	if (options.expires_after_s)
		index.expires = format_utc_seconds(now + *options.expires_after_s);
	index.snapshot = {snapshot_path(version), crypto::sha256_hex(snapshot_bytes), snapshot_bytes.size()};
	std::string index_bytes = write_index(index);
	// Many web servers' ETags are the file's size and modification second (nginx, Apache): an
	// index of the same size written within the same second would look unchanged to a trainee's
	// If-None-Match. A different size always changes them (JSON allows the extra whitespace).
	if (previous && index_bytes.size() == previous->index_bytes.size())
		index_bytes += "\n";
	target.replace(std::string(kIndexSignaturePath), sign(index_bytes, options.key, index_trusted_comment(index)));
	target.replace(std::string(kIndexPath), index_bytes);

	result.version = version;
	result.published_at = snapshot.published_at;
	result.requests = target.request_count() - requests_at_start;
	return result;
}

} // namespace lcs::library
