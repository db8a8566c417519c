#include "core/library/transport_path.hpp"

#include <cctype>

#include "core/library/error.hpp"

namespace lcs::library::detail {

void check_transport_path(std::string_view path, const std::string &where)
{
	auto refuse = [&](const char *why) {
		throw Error(ErrorKind::Integrity, where + ": unsafe path \"" + std::string(path) + "\" (" + why + ")");
	};
	if (path.empty())
		refuse("empty");
	if (path.front() == '/')
		refuse("absolute");
	if (path.size() >= 2 && path[1] == ':')
		refuse("a drive letter");
	for (const char c : path) {
		if (c == '\\')
			refuse("a backslash");
		if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
			refuse("a control character");
	}
	size_t start = 0;
	while (start <= path.size()) {
		const size_t end = std::min(path.find('/', start), path.size());
		const std::string_view part = path.substr(start, end - start);
		if (part.empty())
			refuse("an empty part");
		if (part == "." || part == "..")
			refuse("a . or .. part");
		start = end + 1;
	}
}

std::string percent_decode(std::string_view text, const std::string &location)
{
	auto hex = [](char c) -> int {
		if (c >= '0' && c <= '9')
			return c - '0';
		if (c >= 'a' && c <= 'f')
			return c - 'a' + 10;
		if (c >= 'A' && c <= 'F')
			return c - 'A' + 10;
		return -1;
	};
	std::string out;
	out.reserve(text.size());
	for (size_t i = 0; i < text.size(); ++i) {
		if (text[i] != '%') {
			out += text[i];
			continue;
		}
		const int hi = i + 2 < text.size() ? hex(text[i + 1]) : -1;
		const int lo = hi >= 0 ? hex(text[i + 2]) : -1;
		if (hi < 0 || lo < 0)
			throw Error(ErrorKind::Input, location + ": a broken %-escape at character " + std::to_string(i + 1));
		const char c = static_cast<char>(hi * 16 + lo);
		if (c == '\0')
			throw Error(ErrorKind::Input, location + ": %00 (a NUL character) in the path");
		out += c;
		i += 2;
	}
	return out;
}

std::string percent_encode_path(std::string_view path)
{
	static constexpr char kHex[] = "0123456789ABCDEF";
	std::string out;
	out.reserve(path.size());
	for (const char ch : path) {
		const auto c = static_cast<unsigned char>(ch);
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
			out += ch;
		} else {
			out += '%';
			out += kHex[c >> 4];
			out += kHex[c & 15];
		}
	}
	return out;
}

std::string url_scheme(std::string_view location)
{
	const size_t colon = location.find("://");
	if (colon == std::string_view::npos || colon == 0)
		return {};
	std::string scheme;
	for (const char c : location.substr(0, colon)) {
		const auto u = static_cast<unsigned char>(c);
		if (std::isalnum(u) == 0 && c != '+' && c != '-' && c != '.')
			return {};
		scheme += static_cast<char>(std::tolower(u));
	}
	return std::isalpha(static_cast<unsigned char>(scheme[0])) != 0 ? scheme : std::string{};
}

} // namespace lcs::library::detail
