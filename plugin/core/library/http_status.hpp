#pragma once

#include <string>

#include "core/library/error.hpp"
#include "core/library/http_exchange.hpp"

namespace lcs::library {

/// The error for an HTTP status the operation did not expect, naming the request:
/// 401/403 → Input (credentials), 408/429/5xx → Unreachable, anything else → Integrity.
/// `hint` is added to the message ("check the bucket's region", …).
Error http_status_error(const HttpResponse &response, const std::string &where, const std::string &hint = {});

/// A GET's answer as a FetchResult: 200 → Ok, 304 → NotModified (Integrity when the request had
/// no If-None-Match: "answered 304 Not Modified with nothing cached"), 404/410 → NotFound.
FetchResult http_fetch_result(HttpResponse &&response, const std::string &where, const std::string &if_none_match);

} // namespace lcs::library
