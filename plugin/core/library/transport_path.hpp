#pragma once

#include <string>
#include <string_view>

// Small helpers every transport shares: the relative paths it accepts and URL text.
namespace lcs::library::detail {

/// Throws Error(Integrity) unless `path` stays inside the library root: not empty, relative,
/// '/'-separated, no "." or ".." part, no backslash, drive letter, NUL or control character.
/// (The sync checks names from a snapshot too; this is the transport's own fence.)
void check_transport_path(std::string_view path, const std::string &where);

/// "%41b%20c" → "Ab c". Throws Error(Input) naming `location` for a broken escape or a NUL.
std::string percent_decode(std::string_view text, const std::string &location);

/// Percent-encodes everything but RFC 3986's unreserved characters and '/' (SigV4's and a URL
/// path's form): "a b/ü" → "a%20b/%C3%BC".
std::string percent_encode_path(std::string_view path);

/// "Scheme" of "scheme://…", lowercased; empty when the text has none.
std::string url_scheme(std::string_view location);

} // namespace lcs::library::detail
