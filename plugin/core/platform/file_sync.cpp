#include "core/platform/file_sync.hpp"

#include <cerrno>

#if defined(_WIN32)
#include <io.h>
#include <string>
#include <windows.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace lcs::platform {

bool sync_to_disk(std::FILE *file)
{
	if (!file) {
		errno = EBADF;
		return false;
	}
#if defined(_WIN32)
	HANDLE handle = reinterpret_cast<HANDLE>(_get_osfhandle(_fileno(file)));
	if (handle == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return false;
	}
	if (FlushFileBuffers(handle) != 0)
		return true;
	switch (GetLastError()) {
	case ERROR_INVALID_FUNCTION: // a console or pipe
	case ERROR_INVALID_HANDLE:
		return true;
	case ERROR_DISK_FULL:
	case ERROR_HANDLE_DISK_FULL:
		errno = ENOSPC;
		return false;
	default:
		errno = EIO;
		return false;
	}
#else
	if (fsync(fileno(file)) == 0)
		return true;
	return errno == EINVAL || errno == EROFS; // not syncable (man 2 fsync): nothing to report
#endif
}

std::FILE *open_utf8(const char *utf8_path, const char *mode)
{
#if defined(_WIN32)
	auto widen = [](const char *s) {
		const int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, nullptr, 0);
		std::wstring w(static_cast<size_t>(n > 0 ? n - 1 : 0), L'\0');
		if (n > 1)
			MultiByteToWideChar(CP_UTF8, 0, s, -1, w.data(), n);
		return w;
	};
	return _wfopen(widen(utf8_path).c_str(), widen(mode).c_str());
#else
	return std::fopen(utf8_path, mode);
#endif
}

bool sync_file_system(const char *utf8_path)
{
#if defined(_WIN32)
	(void)utf8_path;
	return true;
#elif defined(__linux__)
	const int fd = ::open(utf8_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	const bool ok = ::syncfs(fd) == 0;
	::close(fd);
	return ok;
#else
	(void)utf8_path;
	::sync();
	return true;
#endif
}

} // namespace lcs::platform
