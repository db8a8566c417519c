#include "core/library/folder_transport.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <system_error>

#include "core/library/body_sink.hpp"
#include "core/library/error.hpp"
#include "core/library/transport_path.hpp"
#include "core/platform/file_link.hpp"
#include "core/platform/file_sync.hpp"

namespace lcs::library {

namespace fs = std::filesystem;

namespace {

std::string utf8(const fs::path &path)
{
	const auto u8 = path.u8string();
	return {reinterpret_cast<const char *>(u8.data()), u8.size()};
}

fs::path from_utf8(std::string_view text)
{
	return fs::path(std::u8string(reinterpret_cast<const char8_t *>(text.data()), text.size()));
}

struct FileCloser {
	void operator()(std::FILE *file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string random_suffix()
{
	static thread_local std::mt19937_64 engine{std::random_device{}()};
	static constexpr char kHex[] = "0123456789abcdef";
	std::string out;
	uint64_t bits = engine();
	for (int i = 0; i < 16; ++i, bits >>= 4)
		out += kHex[bits & 15];
	return out;
}

// The file's identity for If-None-Match: size and modification time (nanoseconds where the file
// system keeps them). A replaced file (new inode, new mtime) gets a new one.
std::string folder_etag(const fs::path &path, uint64_t size)
{
	std::error_code ec;
	const auto time = fs::last_write_time(path, ec);
	if (ec)
		return {};
	char text[64];
	std::snprintf(text, sizeof text, "\"%llx-%llx\"", static_cast<unsigned long long>(size),
		      static_cast<unsigned long long>(time.time_since_epoch().count()));
	return text;
}

bool is_missing(int error)
{
	return error == ENOENT || error == ENOTDIR;
}

void write_all(std::FILE *file, std::string_view bytes, const std::string &where)
{
	if (std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size() || std::fflush(file) != 0 ||
	    !platform::sync_to_disk(file))
		throw Error(ErrorKind::Environment, where + ": cannot write: " + std::strerror(errno));
}

} // namespace

FolderTransport::FolderTransport(fs::path root) : root_(std::move(root)) {}

std::string FolderTransport::describe() const
{
	return utf8(root_);
}

fs::path FolderTransport::full_path(const std::string &path) const
{
	detail::check_transport_path(path, describe());
	return root_ / from_utf8(path);
}

std::string FolderTransport::where(const std::string &path) const
{
	return utf8(root_ / from_utf8(path));
}

FetchResult FolderTransport::fetch(const FetchRequest &request, const std::string &if_none_match)
{
	const fs::path file_path = full_path(request.path);
	const std::string at = where(request.path);
	++requests_;
	File file(platform::open_utf8(utf8(file_path).c_str(), "rb"));
	if (!file) {
		if (is_missing(errno))
			return {FetchResult::Status::NotFound, {}, {}};
		throw Error(ErrorKind::Unreachable, at + ": cannot read: " + std::strerror(errno));
	}
	std::error_code ec;
	if (fs::is_directory(file_path, ec))
		return {FetchResult::Status::NotFound, {}, {}};
	const uintmax_t size = fs::file_size(file_path, ec);
	BodySink sink(request, at);
	if (!ec)
		sink.check_declared(size); // over the cap: refused before reading any of it
	FetchResult result;
	result.etag = ec ? std::string{} : folder_etag(file_path, size);
	if (!if_none_match.empty() && result.etag == if_none_match) {
		result.status = FetchResult::Status::NotModified;
		return result;
	}
	char buffer[64 * 1024];
	for (;;) {
		const size_t got = std::fread(buffer, 1, sizeof buffer, file.get());
		if (got > 0 && !sink.append(buffer, got))
			break; // the file grew past its cap while we read it
		if (got < sizeof buffer) {
			if (std::ferror(file.get()) != 0)
				throw Error(ErrorKind::Unreachable, at + ": cannot read: " + std::strerror(errno));
			break;
		}
	}
	sink.finish();
	result.body = sink.take();
	return result;
}

void FolderTransport::fetch_many(const std::vector<FetchRequest> &requests,
				 const std::function<void(size_t, FetchResult &&)> &on_done)
{
	for (size_t i = 0; i < requests.size(); ++i)
		on_done(i, fetch(requests[i]));
}

bool FolderTransport::exists(const std::string &path)
{
	const fs::path file_path = full_path(path);
	++requests_;
	std::error_code ec;
	const auto status = fs::status(file_path, ec);
	if (ec && !is_missing(ec.value()))
		throw Error(ErrorKind::Unreachable, where(path) + ": cannot read: " + ec.message());
	return fs::is_regular_file(status);
}

fs::path FolderTransport::write_temp(const fs::path &final_path, std::string_view bytes, const std::string &path) const
{
	const std::string at = where(path);
	std::error_code ec;
	fs::create_directories(final_path.parent_path(), ec);
	if (ec)
		throw Error(ErrorKind::Environment, at + ": cannot create its folder: " + ec.message());
	const fs::path temp = final_path.parent_path() /
			      from_utf8("." + utf8(final_path.filename()) + ".tmp-" + random_suffix());
	File file(platform::open_utf8(utf8(temp).c_str(), "wbx"));
	if (!file)
		throw Error(ErrorKind::Environment, utf8(temp) + ": cannot create: " + std::strerror(errno));
	try {
		write_all(file.get(), bytes, utf8(temp));
		if (std::fclose(file.release()) != 0)
			throw Error(ErrorKind::Environment, utf8(temp) + ": cannot write: " + std::strerror(errno));
	} catch (...) {
		file.reset();
		fs::remove(temp, ec);
		throw;
	}
	return temp;
}

bool FolderTransport::create(const std::string &path, std::string_view bytes)
{
	const fs::path final_path = full_path(path);
	const std::string at = where(path);
	++requests_;
	const fs::path temp = write_temp(final_path, bytes, path);
	std::error_code ec;
	const auto linked = platform::link_no_replace(utf8(temp).c_str(), utf8(final_path).c_str());
	const int link_errno = errno;
	fs::remove(temp, ec);
	switch (linked) {
	case platform::LinkResult::Linked:
		break;
	case platform::LinkResult::Exists:
		return false;
	case platform::LinkResult::Unsupported: {
		// No hard links here: O_EXCL still makes the name create-only (a reader may see the file
		// before it is complete, and then fails its hash check and retries).
		File file(platform::open_utf8(utf8(final_path).c_str(), "wbx"));
		if (!file) {
			if (errno == EEXIST)
				return false;
			throw Error(ErrorKind::Environment, at + ": cannot create: " + std::strerror(errno));
		}
		try {
			write_all(file.get(), bytes, at);
		} catch (...) {
			file.reset();
			fs::remove(final_path, ec);
			throw;
		}
		break;
	}
	case platform::LinkResult::Failed:
		throw Error(ErrorKind::Environment, at + ": cannot create: " + std::strerror(link_errno));
	}
	platform::sync_directory(utf8(final_path.parent_path()).c_str());
	return true;
}

void FolderTransport::replace(const std::string &path, std::string_view bytes)
{
	const fs::path final_path = full_path(path);
	++requests_;
	const fs::path temp = write_temp(final_path, bytes, path);
	std::error_code ec;
	fs::rename(temp, final_path, ec);
	if (ec) {
		std::error_code ignored;
		fs::remove(temp, ignored);
		throw Error(ErrorKind::Environment, where(path) + ": cannot replace: " + ec.message());
	}
	platform::sync_directory(utf8(final_path.parent_path()).c_str());
}

std::unique_ptr<Transport> open_folder_transport(const std::string &location)
{
	std::string path = location;
	if (detail::url_scheme(location) == "file") {
		std::string rest = location.substr(7); // after "file://"
		if (rest.rfind("localhost/", 0) == 0)
			rest = rest.substr(9);
		if (rest.empty() || rest.front() != '/')
			throw Error(ErrorKind::Input, location + ": a file:// URL names a folder on this computer: "
								 "file:///path/to/library (or use the path itself)");
		if (rest.find_first_of("?#") != std::string::npos)
			throw Error(ErrorKind::Input, location + ": a file:// URL cannot have a ?query or #fragment");
		path = detail::percent_decode(rest, location);
#if defined(_WIN32)
		if (path.size() >= 3 && path[0] == '/' && path[2] == ':')
			path = path.substr(1); // file:///C:/lib
#endif
	}
	if (path.empty())
		throw Error(ErrorKind::Input, "an empty library location");
	while (path.size() > 1 && path.back() == '/')
		path.pop_back();
	return std::make_unique<FolderTransport>(from_utf8(path));
}

} // namespace lcs::library
