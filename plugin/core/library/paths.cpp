// The names inside a library: ids, relative paths, hashes, and where documents and objects lie.
#include <cstdint>
#include <string>

#include "core/library/error.hpp"
#include "core/library/format.hpp"
#include "core/util/utf8.hpp"

namespace lcs::library {
namespace {

constexpr size_t kMaxPathBytes = 1024;

[[noreturn]] void unsafe(const std::string &where, std::string_view path, const std::string &why)
{
	std::string shown;
	for (const char c : path.substr(0, 200))
		shown += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? '?' : c;
	throw Error(ErrorKind::Integrity, where + ": unsafe path \"" + shown + "\": " + why);
}

} // namespace

bool is_valid_library_id(std::string_view id)
{
	if (id.empty() || id.size() > 64)
		return false;
	for (size_t i = 0; i < id.size(); ++i) {
		const char c = id[i];
		const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
			return false;
	}
	return true;
}

void check_relative_path(std::string_view path, const std::string &where)
{
	if (path.empty())
		unsafe(where, path, "it is empty");
	if (path.size() > kMaxPathBytes)
		unsafe(where, path, "longer than " + std::to_string(kMaxPathBytes) + " bytes");
	if (path.front() == '/')
		unsafe(where, path, "it is absolute");
	for (size_t i = 0; i < path.size();) {
		const auto c = static_cast<unsigned char>(path[i]);
		if (c == 0)
			unsafe(where, path, "it contains a NUL byte");
		if (c < 0x20 || c == 0x7F)
			unsafe(where, path, "it contains a control character");
		if (c == '\\')
			unsafe(where, path, "it contains a backslash (paths are '/'-separated)");
		if (c == ':')
			unsafe(where, path, i == 1 ? "it starts with a drive letter" : "it contains a colon (a drive letter or a Windows stream name)");
		const size_t n = util::utf8_sequence(path, i);
		if (n == 0)
			unsafe(where, path, "it is not valid UTF-8");
		i += n;
	}
	size_t start = 0;
	while (true) {
		const size_t end = path.find('/', start);
		const std::string_view segment = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
		if (segment.empty())
			unsafe(where, path, "it has an empty segment (\"//\" or a trailing '/')");
		if (segment == "..")
			unsafe(where, path, "it has a \"..\" segment");
		if (segment == ".")
			unsafe(where, path, "it has a \".\" segment");
		if (end == std::string_view::npos)
			break;
		start = end + 1;
	}
}

bool is_sha256_hex(std::string_view text)
{
	if (text.size() != 64)
		return false;
	for (const char c : text)
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return false;
	return true;
}

std::string snapshot_path(int64_t version)
{
	return "snapshots/" + std::to_string(version) + ".json";
}

std::string object_path(std::string_view sha256)
{
	return "objects/" + std::string(sha256.substr(0, 2)) + "/" + std::string(sha256);
}

std::string index_trusted_comment(const Index &index)
{
	return "library=" + index.library + " version=" + std::to_string(index.version) + " published_at=" + index.published_at;
}

} // namespace lcs::library
