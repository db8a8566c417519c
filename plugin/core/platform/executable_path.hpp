#pragma once

#include <filesystem>

namespace lcs::platform {

/// The running executable's own file, symlinks resolved (/proc/self/exe on Linux,
/// _NSGetExecutablePath on macOS, GetModuleFileNameW on Windows). Empty when the OS cannot say.
/// Unlike argv[0] it does not depend on how the program was started (by PATH, a relative path
/// or a symlink) or on the current folder.
std::filesystem::path executable_path();

} // namespace lcs::platform
