#pragma once

#include <filesystem>
#include <string>

namespace lcs::cli {

/// The module data folder (locale/, audience/, packs/): --data when given, else $LCS_DATA_DIR,
/// else the installed share/obs/obs-plugins/live-commerce-studio next to the executable's
/// prefix, else the source tree's data/ (a build-tree lcs). Empty when none exists.
std::filesystem::path find_data_dir(const std::string &explicit_dir, const char *argv0);

} // namespace lcs::cli
