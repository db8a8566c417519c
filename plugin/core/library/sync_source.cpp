#include "core/library/sync_source.hpp"

#include <set>

#include "core/crypto/sha256.hpp"
#include "core/library/error.hpp"

namespace lcs::library::source_reader {

namespace {

[[noreturn]] void integrity(const std::string &message)
{
	throw Error(ErrorKind::Integrity, message);
}

void check_hash(const std::string &bytes, const std::string &expected, const std::string &where)
{
	const std::string got = crypto::sha256_hex(bytes);
	if (got != expected)
		integrity(where + ": SHA-256 is " + got + ", expected " + expected + " (the file was altered or replaced)");
}

FetchedSnapshot parse_checked(std::string bytes, const std::string &where, const std::string &library, int64_t version)
{
	FetchedSnapshot fetched{std::move(bytes), {}};
	fetched.snapshot = parse_snapshot(fetched.bytes, where);
	if (fetched.snapshot.library != library)
		integrity(where + ": names library \"" + fetched.snapshot.library + "\", expected \"" + library + "\"");
	if (fetched.snapshot.version != version)
		integrity(where + ": is version " + std::to_string(fetched.snapshot.version) + ", expected version " +
			  std::to_string(version));
	check_snapshot_packs(fetched.snapshot, where);
	return fetched;
}

} // namespace

std::string url_of(const Transport &source, const std::string &path)
{
	std::string base = source.describe();
	if (!base.empty() && base.back() != '/')
		base += '/';
	return base + path;
}

std::string fetch_required(Transport &source, const FetchRequest &request, const std::string &what)
{
	FetchResult result = source.fetch(request);
	if (result.status == FetchResult::Status::NotFound)
		integrity(url_of(source, request.path) + ": not found (" + what + ")");
	if (result.status == FetchResult::Status::NotModified)
		integrity(url_of(source, request.path) + ": the host answered 304 Not Modified to a request without an ETag");
	return std::move(result.body);
}

Index verify_index(const std::string &bytes, const std::string &signature, const std::vector<PublicKey> &trusted,
		   const std::string &where, Verified *verified)
{
	Verified v = verify(bytes, signature, trusted, where);
	if (verified)
		*verified = std::move(v);
	Index index = parse_index(bytes, where); // only now: the bytes are genuine
	if (!is_valid_library_id(index.library))
		integrity(where + ": \"" + index.library + "\" is not a valid library id");
	return index;
}

SignedIndex fetch_signed_index(Transport &source, const std::vector<PublicKey> &trusted, const std::string &if_none_match)
{
	const std::string index_path(kIndexPath);
	const std::string signature_path(kIndexSignaturePath);
	const std::string where = url_of(source, index_path);
	SignedIndex signed_index;
	FetchResult first = source.fetch({index_path, kMaxIndexBytes, std::nullopt}, if_none_match);
	if (first.status == FetchResult::Status::NotModified) {
		if (if_none_match.empty())
			integrity(where + ": the host answered 304 Not Modified to a request without an ETag");
		signed_index.not_modified = true;
		return signed_index;
	}
	if (first.status == FetchResult::Status::NotFound)
		integrity(where + ": not found (no script library at " + source.describe() + ")");
	signed_index.bytes = std::move(first.body);
	signed_index.etag = std::move(first.etag);
	signed_index.signature =
		fetch_required(source, {signature_path, kMaxSignatureBytes, std::nullopt}, "the index's signature");
	try {
		signed_index.index = verify_index(signed_index.bytes, signed_index.signature, trusted, where, &signed_index.verified);
		return signed_index;
	} catch (const Error &first_error) {
		if (first_error.kind() != ErrorKind::Integrity)
			throw;
		// A publish may have replaced the signature between our two reads: read both again, once.
		FetchResult again = source.fetch({index_path, kMaxIndexBytes, std::nullopt});
		if (again.status != FetchResult::Status::Ok || again.body == signed_index.bytes)
			throw;
		signed_index.bytes = std::move(again.body);
		signed_index.etag = std::move(again.etag);
		signed_index.signature = fetch_required(source, {signature_path, kMaxSignatureBytes, std::nullopt},
							"the index's signature");
	}
	signed_index.index = verify_index(signed_index.bytes, signed_index.signature, trusted, where, &signed_index.verified);
	return signed_index;
}

void check_not_expired(const Index &index, int64_t now_utc_s, const std::string &where)
{
	if (!index.expires)
		return;
	const auto expires = parse_utc_seconds(*index.expires);
	if (!expires)
		integrity(where + ": \"expires\" is not an ISO-8601 UTC time: " + *index.expires);
	if (*expires <= now_utc_s)
		integrity(where + ": version " + std::to_string(index.version) + " expired at " + *index.expires +
			  " (now " + format_utc_seconds(now_utc_s) + "); the publisher must publish again");
}

FetchedSnapshot fetch_snapshot(Transport &source, const FileRef &ref, const std::string &library, int64_t version)
{
	check_relative_path(ref.path, url_of(source, std::string(kIndexPath)) + ": snapshot path");
	const std::string where = url_of(source, ref.path);
	if (ref.size > kMaxSnapshotBytes)
		integrity(where + ": the index gives it " + std::to_string(ref.size) + " bytes, over the cap of " +
			  std::to_string(kMaxSnapshotBytes));
	std::string bytes = fetch_required(source, {ref.path, kMaxSnapshotBytes, ref.size}, "the snapshot the index names");
	if (bytes.size() != ref.size)
		integrity(where + ": " + std::to_string(bytes.size()) + " bytes, expected " + std::to_string(ref.size));
	check_hash(bytes, ref.sha256, where);
	return parse_checked(std::move(bytes), where, library, version);
}

FetchedSnapshot fetch_parent_snapshot(Transport &source, const std::string &sha256, const std::string &library,
				      int64_t version)
{
	const std::string path = snapshot_path(version);
	const std::string where = url_of(source, path);
	std::string bytes = fetch_required(source, {path, kMaxSnapshotBytes, std::nullopt},
					   "version " + std::to_string(version) + " of library " + library);
	check_hash(bytes, sha256, where);
	return parse_checked(std::move(bytes), where, library, version);
}

void check_snapshot_packs(const Snapshot &snapshot, const std::string &where)
{
	if (snapshot.packs.size() > kMaxPacksPerSnapshot)
		integrity(where + ": " + std::to_string(snapshot.packs.size()) + " packs, over the cap of " +
			  std::to_string(kMaxPacksPerSnapshot));
	std::set<std::string> paths;
	for (const auto &p : snapshot.packs) {
		const std::string at = where + ": pack \"" + p.path + "\"";
		check_relative_path(p.path, at);
		if (p.path == ".lcs" || p.path.rfind(".lcs/", 0) == 0)
			integrity(at + ": the folder .lcs is reserved for the cache's own files");
		if (!is_sha256_hex(p.sha256))
			integrity(at + ": \"" + p.sha256 + "\" is not a SHA-256 (64 lowercase hex digits)");
		if (p.size > kMaxObjectBytes)
			integrity(at + ": " + std::to_string(p.size) + " bytes, over the cap of " + std::to_string(kMaxObjectBytes));
		if (!paths.insert(p.path).second)
			integrity(at + ": listed twice");
	}
	// "a" and "a/b" cannot both be files.
	for (const auto &p : paths) {
		const std::string folder = p + "/";
		const auto next = paths.lower_bound(folder);
		if (next != paths.end() && next->compare(0, folder.size(), folder) == 0)
			integrity(where + ": pack \"" + p + "\" is also the folder of \"" + *next + "\"");
	}
}

} // namespace lcs::library::source_reader
