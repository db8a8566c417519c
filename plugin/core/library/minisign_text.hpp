#pragma once

#include <string>
#include <string_view>
#include <vector>

// Small text helpers shared by minisign's key and signature readers (not part of the interface).
namespace lcs::library::minisign_text {

inline constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
inline constexpr std::string_view kTrustedPrefix = "trusted comment: ";

/// The lines of `text` ("\n" or "\r\n"); a final newline does not start another line. A leading
/// UTF-8 byte order mark (a key file saved by Windows Notepad) is skipped.
std::vector<std::string_view> lines(std::string_view text);

/// What a text that is not the expected minisign file seems to be, for a message: "is empty",
/// "looks like an HTML page (a captive portal or an error page?)", "looks like a JSON document",
/// "is binary data", else "does not start with \"untrusted comment: \"".
std::string describe_unexpected(std::string_view text);

/// minisign's rule for comments: printable UTF-8 (tabs allowed), no control character.
bool is_printable_comment(std::string_view text);

/// Reads a small file whole; Error(Input) naming it when it cannot be read or is over `max_bytes`.
std::string read_small_file(const std::string &path, size_t max_bytes);

} // namespace lcs::library::minisign_text
