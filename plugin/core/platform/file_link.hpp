#pragma once

// Create-only and durable file operations the standard library lacks (the folder transport's
// link(2) publish). UTF-8 paths.
namespace lcs::platform {

enum class LinkResult { Linked, Exists, Unsupported, Failed };

/// Gives the file at `existing` a second name `new_path` without ever replacing a file there
/// (link(2); CreateHardLinkW on Windows). Exists: `new_path` was already taken. Unsupported: the
/// file system has no hard links (FAT, some SMB shares); the caller falls back to O_EXCL.
/// Failed: anything else, with errno saying why.
LinkResult link_no_replace(const char *existing, const char *new_path);

/// Puts a folder's entries (a new or renamed file's name) on disk: fsync of the directory on
/// POSIX, nothing on Windows (NTFS journals names). False with errno on failure.
bool sync_directory(const char *utf8_path);

} // namespace lcs::platform
