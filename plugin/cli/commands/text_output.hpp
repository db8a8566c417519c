#pragma once

#include <string>

#include "exit_code.hpp"

namespace lcs::cli {

/// Writes a command's text to `path`, or to stdout when it is empty or "-". A file that cannot be
/// written is reported on stderr ("lcs <command>: cannot write …") as an environment error.
ExitCode write_text_output(const std::string &text, const std::string &path, const char *command);

} // namespace lcs::cli
