#pragma once

#include <string>
#include <vector>

namespace lcs::test {

/// Real paths of the shared objects mapped into this process whose file name contains `needle`
/// ("libobs.so", "libQt5"): which libobs the module bound to at run time.
std::vector<std::string> loaded_objects(const std::string &needle);

/// The real path of `path` (symlinks resolved), or `path` itself when it cannot be resolved.
std::string real_path(const std::string &path);

/// The environment variable's value, or `fallback` when it is unset or empty.
std::string env_or_default(const char *name, const std::string &fallback);

} // namespace lcs::test
