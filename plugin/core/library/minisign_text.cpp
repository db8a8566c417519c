#include "core/library/minisign_text.hpp"

#include <cctype>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "core/library/error.hpp"

namespace lcs::library::minisign_text {

std::vector<std::string_view> lines(std::string_view text)
{
	std::vector<std::string_view> out;
	if (text.substr(0, 3) == "\xEF\xBB\xBF")
		text.remove_prefix(3);
	while (!text.empty()) {
		const size_t end = text.find('\n');
		std::string_view line = text.substr(0, end);
		if (!line.empty() && line.back() == '\r')
			line.remove_suffix(1);
		out.push_back(line);
		if (end == std::string_view::npos)
			break;
		text.remove_prefix(end + 1);
	}
	return out;
}

namespace {
bool starts_with_ci(std::string_view text, std::string_view prefix)
{
	if (text.size() < prefix.size())
		return false;
	for (size_t i = 0; i < prefix.size(); ++i)
		if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
			return false;
	return true;
}
} // namespace

std::string describe_unexpected(std::string_view text)
{
	if (text.substr(0, 3) == "\xEF\xBB\xBF")
		text.remove_prefix(3);
	while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
		text.remove_prefix(1);
	if (text.empty())
		return "is empty";
	if (text.front() == '<') {
		if (starts_with_ci(text, "<!doctype html") || starts_with_ci(text, "<html") || text.find("<body") != std::string_view::npos ||
		    text.find("<BODY") != std::string_view::npos || text.find("<head") != std::string_view::npos)
			return "looks like an HTML page, not a minisign file (a captive portal, a login or an error page?)";
		return "looks like XML or HTML, not a minisign file";
	}
	if (text.front() == '{' || text.front() == '[')
		return "looks like a JSON document, not a minisign file";
	for (const char c : text.substr(0, 256))
		if (c == '\0' || (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t'))
			return "is binary data, not a minisign file";
	return "does not start with \"untrusted comment: \" (not a minisign file)";
}

bool is_printable_comment(std::string_view text)
{
	size_t i = 0;
	while (i < text.size()) {
		const auto c = static_cast<unsigned char>(text[i]);
		if (c == '\t' || (c >= 0x20 && c <= 0x7E)) {
			++i;
			continue;
		}
		size_t need = 0;
		uint32_t cp = 0;
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1FU;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0FU;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07U;
		} else {
			return false; // a control character, DEL, or not a UTF-8 lead byte
		}
		if (i + need >= text.size())
			return false; // cut off
		for (size_t k = 1; k <= need; ++k) {
			const auto cc = static_cast<unsigned char>(text[i + k]);
			if ((cc & 0xC0U) != 0x80U)
				return false;
			cp = (cp << 6) | (cc & 0x3FU);
		}
		const uint32_t min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x80 && cp <= 0x9F))
			return false;
		i += need + 1;
	}
	return true;
}

std::string read_small_file(const std::string &path, size_t max_bytes)
{
	std::ifstream in(path, std::ios::binary);
	if (!in)
		throw Error(ErrorKind::Input, path + ": cannot be read (no such file, or no permission)");
	std::string text;
	char buffer[4096];
	while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
		text.append(buffer, static_cast<size_t>(in.gcount()));
		if (text.size() > max_bytes)
			throw Error(ErrorKind::Input, path + ": over " + std::to_string(max_bytes) + " bytes, not a minisign key");
	}
	if (in.bad())
		throw Error(ErrorKind::Input, path + ": cannot be read");
	return text;
}

} // namespace lcs::library::minisign_text
