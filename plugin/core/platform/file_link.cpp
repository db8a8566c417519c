#include "core/platform/file_link.hpp"

#include <cerrno>

#if defined(_WIN32)
#include <string>
#include <windows.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace lcs::platform {

#if defined(_WIN32)
namespace {
std::wstring widen(const char *s)
{
	const int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, nullptr, 0);
	std::wstring w(static_cast<size_t>(n > 0 ? n - 1 : 0), L'\0');
	if (n > 1)
		MultiByteToWideChar(CP_UTF8, 0, s, -1, w.data(), n);
	return w;
}
} // namespace

LinkResult link_no_replace(const char *existing, const char *new_path)
{
	if (CreateHardLinkW(widen(new_path).c_str(), widen(existing).c_str(), nullptr) != 0)
		return LinkResult::Linked;
	switch (GetLastError()) {
	case ERROR_ALREADY_EXISTS:
	case ERROR_FILE_EXISTS:
		errno = EEXIST;
		return LinkResult::Exists;
	case ERROR_INVALID_FUNCTION:
	case ERROR_NOT_SUPPORTED:
		errno = ENOTSUP;
		return LinkResult::Unsupported;
	default:
		errno = EIO;
		return LinkResult::Failed;
	}
}

bool sync_directory(const char *)
{
	return true;
}
#else
LinkResult link_no_replace(const char *existing, const char *new_path)
{
	if (::link(existing, new_path) == 0)
		return LinkResult::Linked;
	switch (errno) {
	case EEXIST:
		return LinkResult::Exists;
	case EPERM: // "the file system does not support hard links" (man 2 link)
	case ENOTSUP:
	case EOPNOTSUPP == ENOTSUP ? -1 : EOPNOTSUPP:
		return LinkResult::Unsupported;
	default:
		return LinkResult::Failed;
	}
}

bool sync_directory(const char *utf8_path)
{
	const int fd = ::open(utf8_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return false;
	const bool ok = ::fsync(fd) == 0 || errno == EINVAL || errno == EROFS;
	const int saved = errno;
	::close(fd);
	errno = saved;
	return ok;
}
#endif

} // namespace lcs::platform
