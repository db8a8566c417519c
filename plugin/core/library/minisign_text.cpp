#include "core/library/minisign_text.hpp"
#include "core/util/utf8.hpp"

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
	for (size_t i = 0; i < text.size();) {
		uint32_t cp = 0;
		const size_t length = util::utf8_sequence(text, i, &cp);
		// Not UTF-8, or a control character (C0 but tab, DEL, C1): a comment is shown to people.
		if (length == 0 || (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F))
			return false;
		i += length;
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
