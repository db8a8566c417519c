#pragma once

#include <cstdio>

// The one place for platform calls the standard library lacks. Everything else in the project is
// portable C++ (std::filesystem with UTF-8 paths).
namespace lcs::platform {

/// Asks the OS to put a stdio file's written data on disk (fsync / FlushFileBuffers). The FILE
/// must have been fflush()ed. Returns false on failure, with errno saying why; a file that cannot
/// be synced at all (a pipe, a character device such as /dev/null) is not a failure.
bool sync_to_disk(std::FILE *file);

/// fopen() for a UTF-8 path (wide API on Windows).
std::FILE *open_utf8(const char *utf8_path, const char *mode);

} // namespace lcs::platform
