#pragma once

#include <functional>
#include <string>
#include <vector>

#include "exit_code.hpp"
#include "core/library/error.hpp"
#include "core/library/minisign.hpp"

// What the library commands (publish, sync) share: exit codes for library errors and reading keys.
namespace lcs::cli {

/// contract.md section 3: integrity, input and conflict 1; unreachable and environment 3.
ExitCode exit_code_of(library::ErrorKind kind);

/// Runs `body`; a library::Error is printed as "lcs <command>: <message>" and mapped to its code.
ExitCode run_library_command(const std::string &command, const std::function<ExitCode()> &body);

/// A public key given to --trust: a .pub file, or the key's base64 line itself.
library::PublicKey read_public_key(const std::string &file_or_key);
/// A secret key file (--key).
library::SecretKey read_secret_key(const std::string &file);

} // namespace lcs::cli
