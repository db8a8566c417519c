#pragma once

#include <filesystem>

#include "core/library/minisign.hpp"

// Writing a key pair to disk the way `minisign -G -W` does: the secret key readable by its owner
// only (0600), created exclusively; KEY.pub next to it.
namespace lcs::library {

/// "<key>.pub"
std::filesystem::path public_key_path_for(const std::filesystem::path &secret_key_path);

/// Writes `key` to `secret_key_path` (mode 0600) and its public key to public_key_path_for(...).
/// Without `force`, an existing file of either name is refused with Error(Input) and nothing is
/// written; with it, both are replaced (each through a temporary file and a rename). A file that
/// cannot be written: Error(Environment), and no half-written key is left behind.
void write_key_pair(const SecretKey &key, const std::filesystem::path &secret_key_path, bool force);

} // namespace lcs::library
