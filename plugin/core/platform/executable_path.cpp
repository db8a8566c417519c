#include "core/platform/executable_path.hpp"

#include <string>
#include <system_error>
#include <vector>

#if defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <cstdint>
#include <mach-o/dyld.h>
#endif

namespace lcs::platform {

std::filesystem::path executable_path()
{
	namespace fs = std::filesystem;
#if defined(_WIN32)
	std::wstring buffer(MAX_PATH, L'\0');
	for (;;) {
		const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
		if (n == 0)
			return {};
		if (n < buffer.size()) {
			buffer.resize(n);
			break;
		}
		buffer.resize(buffer.size() * 2); // truncated: try a larger buffer
	}
	std::error_code ec;
	const fs::path exe = fs::canonical(fs::path(buffer), ec);
	return ec ? fs::path(buffer) : exe;
#elif defined(__APPLE__)
	uint32_t size = 0;
	_NSGetExecutablePath(nullptr, &size); // asks for the size
	std::vector<char> buffer(size + 1, '\0');
	if (_NSGetExecutablePath(buffer.data(), &size) != 0)
		return {};
	std::error_code ec;
	const fs::path exe = fs::canonical(fs::u8path(buffer.data()), ec); // may name a symlink
	return ec ? fs::path() : exe;
#elif defined(__linux__)
	std::error_code ec;
	const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
	return ec ? fs::path() : exe;
#else
	return {};
#endif
}

} // namespace lcs::platform
