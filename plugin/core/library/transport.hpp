#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Where a library lives and how its files are read and written: a folder (or file:// URL), a web
// host over http(s) (GET for sync; WebDAV PUT/MKCOL/MOVE for publish) or an S3 prefix (SigV4).
// All network work goes through libcurl with caps and time-outs; errors throw library::Error:
// Unreachable (connect/time-out/5xx/DNS), Integrity (a body over its cap, shorter than its
// declared size, a redirect to another scheme or file://, an answer that makes no sense such as
// a 304 to an unconditional request), Environment (a local file cannot be written).
namespace lcs::library {

struct TransportOptions {
	std::string s3_endpoint;       // s3:// only: "http://127.0.0.1:4568" (path-style), "https://{bucket}.host" (virtual-hosted); empty = AWS's regional endpoint
	long connect_timeout_s = 10;
	long low_speed_time_s = 15;    // abort when under 1 KiB/s for this long (a stalled server)
	long total_timeout_s = 300;
	int parallel_transfers = 6;    // at most this many transfers at once (curl multi)
	std::string user_agent = "live-commerce-studio";
	/// Credentials: read from the environment (LCS_LIBRARY_TOKEN → bearer, LCS_LIBRARY_USER +
	/// LCS_LIBRARY_PASSWORD → basic; AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN/
	/// AWS_REGION for S3) or ~/.netrc (NETRC overrides its path); never from the command line.
	/// The desk passes those it keeps in OBS's config here instead (empty = environment).
	std::string bearer_token;
	std::string user;
	std::string password;
	/// When set and true, transfers under way stop within about a second with Error(Unreachable)
	/// "cancelled" (OBS closing while a host stalls); new ones stop at once.
	std::shared_ptr<const std::atomic<bool>> cancel;
};

struct FetchResult {
	enum class Status { Ok, NotModified, NotFound };
	Status status = Status::Ok;
	std::string body;
	std::string etag; // as the server sent it, quotes included; empty when none
};

struct FetchRequest {
	std::string path;      // relative to the library root
	uint64_t max_bytes = 0; // the body may not be longer (checked as it arrives, with or without a length); 0 = no cap
	std::optional<uint64_t> exact_size; // when known: a shorter body is "truncated", a longer one refused
};

class Transport {
public:
	virtual ~Transport() = default;

	/// The location for messages, without credentials ("https://host/lib/", "/srv/lib", "s3://b/p").
	[[nodiscard]] virtual std::string describe() const = 0;

	/// Reads one file. `if_none_match` (an ETag) makes it conditional where the host supports it;
	/// NotFound for 404 or a missing file.
	virtual FetchResult fetch(const FetchRequest &request, const std::string &if_none_match = {}) = 0;

	/// Reads many files, a few at a time in parallel; `on_done(i, result)` runs on the calling
	/// thread as each finishes (in any order) and may throw to stop the rest. The first failure
	/// is thrown after the transfers under way are cancelled.
	virtual void fetch_many(const std::vector<FetchRequest> &requests,
				const std::function<void(size_t, FetchResult &&)> &on_done) = 0;

	/// True when the file exists (HEAD, stat).
	virtual bool exists(const std::string &path) = 0;

	/// Writes a file that must not exist yet, atomically: false (and nothing changed) when it
	/// already exists. Folder: temp file + link(2)/O_EXCL; WebDAV: PUT to a temporary name then
	/// MOVE with "Overwrite: F"; S3: PUT with "If-None-Match: *". Creates parent folders (MKCOL).
	virtual bool create(const std::string &path, std::string_view bytes) = 0;

	/// Writes or replaces a file (the index and its signature), atomically where the host allows
	/// (folder: temp + rename; WebDAV: PUT temp + MOVE "Overwrite: T"; S3: PUT).
	virtual void replace(const std::string &path, std::string_view bytes) = 0;

	/// HTTP requests (or file operations) made so far: what the benchmark and the tests count.
	[[nodiscard]] virtual uint64_t request_count() const = 0;
};

/// Opens a location: a folder path or file:// URL, http(s)://… (a trailing '/' is implied),
/// s3://bucket/prefix. Throws Error(Input) for a location it cannot read (unknown scheme,
/// credentials in the URL, s3:// without a bucket).
std::unique_ptr<Transport> open_transport(const std::string &location, const TransportOptions &options = {});

} // namespace lcs::library
