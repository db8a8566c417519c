#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/library/curl_handle.hpp"
#include "core/library/http_exchange.hpp"

namespace lcs::library {

/// The requests of one transport, on one thread: a shared connection pool (keep-alive across
/// requests), one request at a time (perform) or a few in parallel on a curl multi handle.
class HttpSession {
public:
	explicit HttpSession(CurlConfig config);

	/// Throws Error for a failed transfer (HttpExchange::result); any status is returned.
	HttpResponse perform(const HttpRequest &request);

	/// options.parallel_transfers at a time; on_done(i, response) on this thread as each ends.
	/// The first error (a transfer's or on_done's) cancels the transfers under way and is thrown.
	void perform_many(const std::vector<HttpRequest> &requests,
			  const std::function<void(size_t, HttpResponse &&)> &on_done);

	[[nodiscard]] uint64_t request_count() const { return requests_; }
	[[nodiscard]] const CurlConfig &config() const { return config_; }

private:
	CurlConfig config_;
	curl::Share share_;
	curl::Easy easy_;
	curl::Multi multi_;
	std::vector<curl::Easy> pool_; // easy handles for perform_many, kept for their connections
	uint64_t requests_ = 0;
};

} // namespace lcs::library
