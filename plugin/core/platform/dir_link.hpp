#pragma once

#include <filesystem>

// Folder links for the library cache (core/library/cache*.cpp): the `current` entry that names the
// version in use, and files shared between versions. The only place that knows symlinks are not
// always allowed (Windows without developer mode).
namespace lcs::platform {

/// Makes `link` name the folder `target` (a path relative to link's parent), replacing what
/// `link` was in one rename: a new symlink with a temporary name renamed over `link`. Where
/// symlinks cannot be made, `link` becomes a copy of the folder (copied under a temporary name,
/// then swapped in). Throws std::filesystem::filesystem_error on failure; `link` is then as it was.
void point_link_at(const std::filesystem::path &link, const std::filesystem::path &target);

/// Where `link` points (relative, as made by point_link_at); empty when it is not a symlink.
std::filesystem::path link_target(const std::filesystem::path &link);

/// Puts a file at `to` with the bytes of `from`: a hard link where the file system allows, else
/// a copy. Throws std::filesystem::filesystem_error on failure.
void link_or_copy_file(const std::filesystem::path &from, const std::filesystem::path &to);

} // namespace lcs::platform
