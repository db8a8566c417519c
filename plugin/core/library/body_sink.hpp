#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/library/error.hpp"
#include "core/library/transport.hpp"

namespace lcs::library {

// Collects one response body and enforces its caps AS IT ARRIVES (from curl's write callback or a
// file read loop), so a server that sends no length, or lies about it, cannot make us hold more
// than the cap: FetchRequest::max_bytes (0 = no cap) and exact_size (a longer body is refused at
// once, a shorter one is "truncated" at finish()).
class BodySink {
public:
	BodySink(const FetchRequest &request, std::string where);

	/// Appends; false (and the error kept for error()) once the body goes over its limit.
	bool append(const char *data, size_t size);

	/// The body is complete: throws the kept error, or Integrity "truncated" when shorter than
	/// exact_size.
	void finish() const;

	/// Throws when the body's declared length (Content-Length, a file's size) is already over
	/// the limit: refused before any of it is read.
	void check_declared(uint64_t declared) const;
	/// The same, for a callback that cannot throw: false, and the error kept for error().
	bool accept_declared(uint64_t declared);

	[[nodiscard]] const std::optional<Error> &error() const { return error_; }
	[[nodiscard]] uint64_t received() const { return received_; }
	std::string take() { return std::move(body_); }
	void reset(); // a redirect or a retry: drop what came so far

private:
	[[nodiscard]] Error over_limit(uint64_t size, bool declared) const;

	std::string where_;
	uint64_t max_bytes_ = 0;
	std::optional<uint64_t> exact_size_;
	uint64_t limit_ = UINT64_MAX;
	uint64_t received_ = 0;
	std::string body_;
	std::optional<Error> error_;
};

} // namespace lcs::library
