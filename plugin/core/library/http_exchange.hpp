#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/library/body_sink.hpp"
#include "core/library/curl_handle.hpp"
#include "core/library/transport.hpp"

namespace lcs::library {

/// One HTTP request as a transport means it.
struct HttpRequest {
	std::string method = "GET";        // GET HEAD PUT DELETE MKCOL MOVE
	std::string url;                   // percent-encoded
	std::vector<std::string> headers;  // "Name: value"
	std::string_view upload;           // PUT's body (must outlive the request)
	FetchRequest limits;               // caps on a 2xx response body (limits.path unused)
	bool follow_redirects = true;
	bool no_expect = true;             // PUT without "Expect: 100-continue" (S3 keeps it: libcurl 7.88 would sign the empty header)
};

struct HttpResponse {
	long status = 0;
	std::string body;     // a 2xx body (capped); for other statuses the first 4 KiB, for messages
	std::string etag;
	std::string location; // a redirect's Location, when not followed
	uint64_t requests = 1; // HTTP requests it took (redirects followed count)
};

/// How every request of one transport is made: time-outs, protocols, proxies, credentials.
struct CurlConfig {
	TransportOptions options;
	std::string redirect_protocols = "http,https"; // "https" when the library is on https
	/// Adds credentials to each handle (basic auth, netrc, SigV4); headers go in the request.
	std::function<void(CURL *)> authorize;
};

/// The state of one request on an easy handle: set up, run (by curl_easy_perform or a multi
/// handle), then result() interprets curl's outcome. Bodies go through a BodySink, so caps hold
/// in the write callback whatever the server declares.
class HttpExchange {
public:
	HttpExchange(CURL *easy, CURLSH *share, const CurlConfig &config, const HttpRequest &request);
	~HttpExchange();
	HttpExchange(const HttpExchange &) = delete;
	HttpExchange &operator=(const HttpExchange &) = delete;

	/// Throws Error for a failed transfer: Unreachable (connect, DNS, time-outs), Integrity (a cap,
	/// a truncated body, a redirect to another scheme/file:// or too many); else the response
	/// with whatever status it had.
	HttpResponse result(CURLcode code);

	[[nodiscard]] std::string where() const; // "GET http://host/lib/index.json"

private:
	static size_t on_header(char *data, size_t size, size_t count, void *self);
	static size_t on_write(char *data, size_t size, size_t count, void *self);
	static size_t on_read(char *data, size_t size, size_t count, void *self);
	static int on_progress(void *self, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

	CURL *easy_;
	const CurlConfig &config_;
	const HttpRequest &request_;
	curl::HeaderList headers_;
	BodySink sink_;
	std::string error_body_;
	long status_ = 0;
	std::string etag_;
	std::string location_;
	std::optional<uint64_t> content_length_;
	size_t uploaded_ = 0;
	char error_[CURL_ERROR_SIZE] = {};
};

} // namespace lcs::library
