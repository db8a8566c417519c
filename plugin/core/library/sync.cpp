#include "core/library/sync.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <system_error>

#include "core/crypto/sha256.hpp"
#include "core/library/cache.hpp"
#include "core/library/cache_store.hpp"
#include "core/library/error.hpp"
#include "core/library/sync_source.hpp"
#include "core/pack/pack_loader.hpp"

namespace lcs::library {
namespace fs = std::filesystem;
using source_reader::SignedIndex;
using source_reader::url_of;

namespace {

struct KeptVersion {
	std::string snapshot_bytes;
	Snapshot snapshot;
};

/// A kept version's snapshot, when it is there and readable.
std::optional<KeptVersion> read_kept(const fs::path &cache_dir, const std::string &library, int64_t version)
{
	const fs::path file =
		cache_store::meta_file(cache_store::version_dir(cache_dir, library, version), cache_store::kSnapshotFile);
	try {
		KeptVersion kept;
		kept.snapshot_bytes = cache_store::read_file(file, kMaxSnapshotBytes);
		kept.snapshot = parse_snapshot(kept.snapshot_bytes, pack::path_utf8(file));
		if (kept.snapshot.library != library || kept.snapshot.version != version)
			return std::nullopt;
		return kept;
	} catch (const Error &) {
		return std::nullopt;
	}
}

/// True when every pack of a kept version is still there with its hash.
bool kept_intact(const fs::path &cache_dir, const KeptVersion &kept)
{
	const fs::path dir = cache_store::version_dir(cache_dir, kept.snapshot.library, kept.snapshot.version);
	for (const auto &p : kept.snapshot.packs) {
		try {
			if (crypto::sha256_hex(cache_store::read_file(dir / fs::u8path(p.path), p.size)) != p.sha256)
				return false;
		} catch (const Error &) {
			return false;
		}
	}
	return true;
}

SyncResult result_of(const fs::path &cache_dir, const Snapshot &snapshot, bool changed)
{
	SyncResult r;
	r.library = snapshot.library;
	r.version = snapshot.version;
	r.changed = changed;
	r.publisher = snapshot.publisher;
	r.published_at = snapshot.published_at;
	r.message = snapshot.message;
	r.current_dir = cache_store::library_dir(cache_dir, snapshot.library) / "current";
	r.packs = snapshot.packs;
	return r;
}

/// The cached library last synced from this source (its ETag and versions make a sync cheaper).
std::optional<CacheState> state_for_source(const fs::path &cache_dir, const std::string &source)
{
	for (auto &state : list_cached_libraries(cache_dir))
		if (state.source == source)
			return state;
	return std::nullopt;
}

class Syncer {
public:
	Syncer(Transport &source, const SyncOptions &options)
		: source_(source), options_(options),
		  cache_dir_(options.cache_dir.empty() ? default_cache_dir() : options.cache_dir),
		  now_(options.now_utc_s.value_or(static_cast<int64_t>(std::time(nullptr)))),
		  requests_at_start_(source.request_count())
	{
		if (options.trusted.empty())
			throw Error(ErrorKind::Input, "no trusted public key given: pass the coaches' .pub files with --trust");
		if (options.version && *options.version < 1)
			throw Error(ErrorKind::Input, "--version " + std::to_string(*options.version) + ": versions start at 1");
	}

	SyncResult run()
	{
		const auto by_source = state_for_source(cache_dir_, source_.describe());
		// A rollback to a kept version needs no host.
		if (options_.version && by_source && by_source->current_version > 0) {
			if (auto r = use_kept(*by_source, *options_.version, nullptr))
				return finish(std::move(*r));
		}
		std::string etag;
		if (by_source && !options_.version && by_source->current_version == by_source->highest_version &&
		    std::count(by_source->kept.begin(), by_source->kept.end(), by_source->current_version) > 0)
			etag = by_source->index_etag;

		auto signed_index = source_reader::fetch_signed_index(source_, options_.trusted, etag);
		if (signed_index.not_modified)
			return finish(unchanged_since_304(*by_source));
		const Index &index = signed_index.index;
		const std::string where = url_of(source_, std::string(kIndexPath));
		const auto state = read_cache_state(cache_dir_, index.library);
		if (state && index.version < state->highest_version)
			throw Error(ErrorKind::Integrity,
				    "rollback refused: " + where + " is version " + std::to_string(index.version) +
					    " of library " + index.library + ", but version " +
					    std::to_string(state->highest_version) +
					    " was already trusted (a replayed or restored old index)");
		source_reader::check_not_expired(index, now_, where);
		const int64_t target = options_.version.value_or(index.version);
		if (target > index.version)
			throw Error(ErrorKind::Input, "version " + std::to_string(target) + " of library " + index.library +
							      " is not published at " + source_.describe() + " (the newest is " +
							      std::to_string(index.version) + ")");

		if (state && state->current_version == target && target == index.version)
			if (auto r = same_version(*state, signed_index))
				return finish(std::move(*r));
		if (state && state->current_version == target && target < index.version) {
			auto kept = read_kept(cache_dir_, index.library, target);
			if (kept && kept_intact(cache_dir_, *kept))
				return finish(result_of(cache_dir_, kept->snapshot, false));
		}
		if (state)
			if (auto r = use_kept(*state, target, &signed_index))
				return finish(std::move(*r));
		return finish(download(state, signed_index, target));
	}

private:
	SyncResult finish(SyncResult r)
	{
		r.requests = source_.request_count() - requests_at_start_;
		r.bytes_downloaded = bytes_downloaded_;
		return r;
	}

	CacheState next_state(const std::optional<CacheState> &state, const SignedIndex *signed_index,
			      const std::string &library, int64_t target) const
	{
		CacheState next = state.value_or(CacheState{});
		next.library = library;
		next.current_version = target;
		next.source = source_.describe();
		if (signed_index) {
			next.highest_version = std::max(next.highest_version, signed_index->index.version);
			// The ETag only stands for the version in use: after a roll back, ask again in full.
			next.index_etag = target == signed_index->index.version ? signed_index->etag : std::string{};
		} else {
			next.index_etag.clear();
		}
		next.highest_version = std::max(next.highest_version, target);
		return next;
	}

	/// 304: the cached index still stands, if our keys still trust it and it has not expired.
	SyncResult unchanged_since_304(const CacheState &state)
	{
		const fs::path dir = cache_store::version_dir(cache_dir_, state.library, state.current_version);
		const fs::path index_file = cache_store::meta_file(dir, cache_store::kIndexFile);
		const std::string where = pack::path_utf8(index_file) + " (cached from " + state.source + ")";
		const Index index =
			source_reader::verify_index(cache_store::read_file(index_file, kMaxIndexBytes),
						    cache_store::read_file(cache_store::meta_file(dir, cache_store::kSignatureFile),
									   kMaxSignatureBytes),
						    options_.trusted, where);
		if (index.library != state.library || index.version != state.current_version)
			throw Error(ErrorKind::Integrity, where + ": is version " + std::to_string(index.version) + " of \"" +
								  index.library + "\", but the cache says version " +
								  std::to_string(state.current_version) + " of \"" +
								  state.library + "\"");
		source_reader::check_not_expired(index, now_, url_of(source_, std::string(kIndexPath)));
		auto kept = read_kept(cache_dir_, state.library, state.current_version);
		if (!kept)
			throw Error(ErrorKind::Integrity, pack::path_utf8(dir) + ": the cached version is damaged; "
										 "remove it and sync again");
		return result_of(cache_dir_, kept->snapshot, false);
	}

	/// The index names the version in use: nothing to download, unless that version was rewritten.
	std::optional<SyncResult> same_version(const CacheState &state, const SignedIndex &signed_index)
	{
		const fs::path dir = cache_store::version_dir(cache_dir_, state.library, state.current_version);
		auto kept = read_kept(cache_dir_, state.library, state.current_version);
		if (!kept || !kept_intact(cache_dir_, *kept))
			return std::nullopt; // damaged in the cache: download it again
		const std::string got = crypto::sha256_hex(kept->snapshot_bytes);
		if (got != signed_index.index.snapshot.sha256)
			throw Error(ErrorKind::Integrity,
				    url_of(source_, std::string(kIndexPath)) + ": version " +
					    std::to_string(signed_index.index.version) + " now names snapshot " +
					    signed_index.index.snapshot.sha256 + ", but the version synced before had " + got +
					    " (a published version may not change)");
		const fs::path index_file = cache_store::meta_file(dir, cache_store::kIndexFile);
		if (cache_store::read_file(index_file, kMaxIndexBytes) != signed_index.bytes) { // e.g. a new "expires"
			cache_store::write_file_atomic(cache_store::meta_file(dir, cache_store::kSignatureFile),
						       signed_index.signature);
			cache_store::write_file_atomic(index_file, signed_index.bytes);
		}
		const CacheState next = next_state(state, &signed_index, state.library, state.current_version);
		if (next.index_etag != state.index_etag || next.source != state.source ||
		    next.highest_version != state.highest_version)
			cache_store::write_state(cache_dir_, next);
		return result_of(cache_dir_, kept->snapshot, false);
	}

	/// Switches current to a kept, intact version; nullopt when it is not kept.
	std::optional<SyncResult> use_kept(const CacheState &state, int64_t target, const SignedIndex *signed_index)
	{
		auto kept = read_kept(cache_dir_, state.library, target);
		if (!kept || !kept_intact(cache_dir_, *kept))
			return std::nullopt;
		if (signed_index && target == signed_index->index.version &&
		    crypto::sha256_hex(kept->snapshot_bytes) != signed_index->index.snapshot.sha256)
			return std::nullopt;
		// A kept version was verified when it was synced; its index must still be signed by a key we trust.
		const fs::path dir = cache_store::version_dir(cache_dir_, state.library, target);
		source_reader::verify_index(
			cache_store::read_file(cache_store::meta_file(dir, cache_store::kIndexFile), kMaxIndexBytes),
			cache_store::read_file(cache_store::meta_file(dir, cache_store::kSignatureFile), kMaxSignatureBytes),
			options_.trusted, pack::path_utf8(cache_store::meta_file(dir, cache_store::kIndexFile)));
		if (target == state.current_version)
			return result_of(cache_dir_, kept->snapshot, false);
		cache_store::switch_current(cache_dir_, next_state(state, signed_index, state.library, target));
		return result_of(cache_dir_, kept->snapshot, true);
	}

	SyncResult download(const std::optional<CacheState> &state, const SignedIndex &signed_index, int64_t target)
	{
		const Index &index = signed_index.index;
		auto fetched = source_reader::fetch_snapshot(source_, index.snapshot, index.library, index.version);
		// --version N: walk back through the parents, each checked by the hash its child names.
		while (fetched.snapshot.version > target) {
			if (!fetched.snapshot.parent)
				throw Error(ErrorKind::Integrity, url_of(source_, snapshot_path(fetched.snapshot.version)) +
									  ": has no parent, so version " + std::to_string(target) +
									  " cannot be reached from it");
			fetched = source_reader::fetch_parent_snapshot(source_, *fetched.snapshot.parent, index.library,
								       fetched.snapshot.version - 1);
		}
		const Snapshot &snapshot = fetched.snapshot;

		// Packs an earlier version already has (same hash) are linked from it, not downloaded.
		std::map<std::string, fs::path> local; // sha256 → a kept file
		if (state)
			for (int64_t v : state->kept)
				if (auto kept = read_kept(cache_dir_, index.library, v))
					for (const auto &p : kept->snapshot.packs)
						local.emplace(p.sha256, cache_store::version_dir(cache_dir_, index.library, v) /
										fs::u8path(p.path));

		cache_store::StagedVersion staged(cache_dir_, index.library);
		std::map<std::string, std::vector<const SnapshotPack *>> wanted; // sha256 → packs with it
		for (const auto &p : snapshot.packs) {
			const auto it = local.find(p.sha256);
			if (it != local.end() && staged.reuse(p.path, it->second, p.sha256, p.size))
				continue;
			wanted[p.sha256].push_back(&p);
		}
		std::vector<FetchRequest> requests;
		std::vector<const std::vector<const SnapshotPack *> *> request_packs;
		for (const auto &[sha, packs] : wanted) {
			requests.push_back({object_path(sha), packs.front()->size, packs.front()->size});
			request_packs.push_back(&packs);
		}
		size_t done = 0;
		source_.fetch_many(requests, [&](size_t i, FetchResult &&result) {
			const SnapshotPack &p = *request_packs[i]->front();
			const std::string where = url_of(source_, requests[i].path) + " (pack " + p.path + ")";
			if (result.status != FetchResult::Status::Ok)
				throw Error(ErrorKind::Integrity, where + ": not found, though version " +
									  std::to_string(snapshot.version) + " lists it");
			if (result.body.size() != p.size)
				throw Error(ErrorKind::Integrity, where + ": " + std::to_string(result.body.size()) +
									  " bytes, expected " + std::to_string(p.size) +
									  (result.body.size() < p.size ? " (truncated)" : ""));
			const std::string got = crypto::sha256_hex(result.body);
			if (got != p.sha256)
				throw Error(ErrorKind::Integrity,
					    where + ": SHA-256 is " + got + ", expected " + p.sha256 + " (altered or corrupted)");
			bytes_downloaded_ += result.body.size();
			for (const SnapshotPack *same : *request_packs[i])
				staged.write(same->path, result.body);
			if (options_.on_progress)
				options_.on_progress(++done, requests.size());
		});
		staged.write(std::string(cache_store::kMetaDir) + "/" + std::string(cache_store::kSnapshotFile), fetched.bytes);
		staged.write(std::string(cache_store::kMetaDir) + "/" + std::string(cache_store::kSignatureFile),
			     signed_index.signature);
		staged.write(std::string(cache_store::kMetaDir) + "/" + std::string(cache_store::kIndexFile), signed_index.bytes);
		staged.commit(next_state(state, &signed_index, index.library, target));
		return result_of(cache_dir_, snapshot, true);
	}

	Transport &source_;
	const SyncOptions &options_;
	fs::path cache_dir_;
	int64_t now_;
	uint64_t requests_at_start_;
	uint64_t bytes_downloaded_ = 0;
};

} // namespace

SyncResult sync_library(Transport &source, const SyncOptions &options)
{
	return Syncer(source, options).run();
}

SyncResult sync_or_use_cache(Transport &source, const std::string &library_hint, const SyncOptions &options)
{
	try {
		return sync_library(source, options);
	} catch (const Error &e) {
		if (e.kind() != ErrorKind::Unreachable)
			throw;
		const fs::path cache_dir = options.cache_dir.empty() ? default_cache_dir() : options.cache_dir;
		std::optional<CacheState> state;
		if (!library_hint.empty())
			state = read_cache_state(cache_dir, library_hint);
		else
			state = state_for_source(cache_dir, source.describe());
		if (!state || state->current_version == 0)
			throw;
		auto kept = read_kept(cache_dir, state->library, state->current_version);
		if (!kept)
			throw;
		SyncResult r = result_of(cache_dir, kept->snapshot, false);
		r.offline = true;
		r.offline_reason = e.what();
		return r;
	}
}

} // namespace lcs::library
