#pragma once

#include <cstdio>

// The one place for platform calls the standard library lacks. Everything else in the project is
// portable C++ (std::filesystem with UTF-8 paths).
namespace lcs::platform {

/// Asks the OS to put a stdio file's written data on disk (fsync / FlushFileBuffers). The FILE
/// must have been fflush()ed. Returns false on failure, with errno saying why; a file that cannot
/// be synced at all (a pipe, a character device such as /dev/null) is not a failure.
bool sync_to_disk(std::FILE *file);

/// Puts everything written to the file system that holds `utf8_path` on disk at once (syncfs on
/// Linux, sync elsewhere on POSIX; nothing on Windows, where NTFS journals): what the library cache
/// does once before a staged version of many files is renamed in, instead of one fsync per file.
/// False with errno on failure.
bool sync_file_system(const char *utf8_path);

/// fopen() for a UTF-8 path (wide API on Windows).
std::FILE *open_utf8(const char *utf8_path, const char *mode);

} // namespace lcs::platform
