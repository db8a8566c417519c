#include "core/library/key_files.hpp"

#include <cerrno>
#include <cstring>
#include <random>
#include <string>
#include <system_error>

#if defined(_WIN32)
#include "core/platform/file_sync.hpp"
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "core/library/error.hpp"

namespace lcs::library {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void cannot_write(const fs::path &path, int err)
{
	throw Error(ErrorKind::Environment, path.string() + ": cannot be written: " + std::strerror(err));
}

// Creates `path`, which must not exist, with `mode`, and writes `text` to disk. Returns false when
// it already exists; throws Error(Environment) for any other failure (removing what it created).
bool create_exclusive(const fs::path &path, const std::string &text, int mode)
{
#if defined(_WIN32)
	(void)mode; // the user's profile ACLs protect it on Windows
	const std::u8string name = path.u8string();
	std::FILE *f = platform::open_utf8(reinterpret_cast<const char *>(name.c_str()), "wbx");
	if (!f) {
		if (errno == EEXIST || fs::exists(path))
			return false;
		cannot_write(path, errno);
	}
	const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 && platform::sync_to_disk(f);
	const int err = errno;
	if (std::fclose(f) != 0 || !ok) {
		std::error_code ec;
		fs::remove(path, ec);
		cannot_write(path, ok ? errno : err);
	}
	return true;
#else
	const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
	if (fd < 0) {
		if (errno == EEXIST)
			return false;
		cannot_write(path, errno);
	}
	// umask may have narrowed the mode, never widened it; make it exactly `mode`.
	bool ok = ::fchmod(fd, static_cast<mode_t>(mode)) == 0;
	size_t done = 0;
	while (ok && done < text.size()) {
		const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
		if (n < 0 && errno == EINTR)
			continue;
		ok = n > 0;
		if (ok)
			done += static_cast<size_t>(n);
	}
	ok = ok && ::fsync(fd) == 0;
	const int err = errno;
	if (::close(fd) != 0 || !ok) {
		::unlink(path.c_str());
		cannot_write(path, ok ? errno : err);
	}
	return true;
#endif
}

// Replaces `path` atomically: a temporary file beside it, then a rename.
void replace_file(const fs::path &path, const std::string &text, int mode)
{
	std::random_device rd;
	for (int attempt = 0; attempt < 10; ++attempt) {
		fs::path temp = path;
		temp += ".tmp-" + std::to_string(rd());
		if (!create_exclusive(temp, text, mode))
			continue;
		std::error_code ec;
		fs::rename(temp, path, ec);
		if (ec) {
			fs::remove(temp, ec);
			cannot_write(path, ec.value());
		}
		return;
	}
	throw Error(ErrorKind::Environment, path.string() + ": cannot make a temporary file beside it");
}

} // namespace

fs::path public_key_path_for(const fs::path &secret_key_path)
{
	fs::path pub = secret_key_path;
	pub += ".pub";
	return pub;
}

void write_key_pair(const SecretKey &key, const fs::path &secret_key_path, bool force)
{
	const fs::path pub_path = public_key_path_for(secret_key_path);
	const std::string secret_text = format_secret_key(key);
	const std::string public_text = format_public_key(key.public_part());
	if (force) {
		replace_file(secret_key_path, secret_text, 0600);
		replace_file(pub_path, public_text, 0644);
		return;
	}
	std::error_code ec;
	for (const fs::path &p : {secret_key_path, pub_path})
		if (fs::exists(fs::symlink_status(p, ec)))
			throw Error(ErrorKind::Input, p.string() + " already exists: keep it, or pass --force to replace it (a replaced secret key is gone for good)");
	if (!create_exclusive(secret_key_path, secret_text, 0600))
		throw Error(ErrorKind::Input, secret_key_path.string() + " already exists (created just now by someone else)");
	try {
		if (!create_exclusive(pub_path, public_text, 0644))
			throw Error(ErrorKind::Input, pub_path.string() + " already exists (created just now by someone else)");
	} catch (...) {
		fs::remove(secret_key_path, ec); // we made it a moment ago: no half pair left behind
		throw;
	}
}

} // namespace lcs::library
