#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace lcs::cli {

struct DataDirLookup {
	std::filesystem::path dir;                   // empty when none was found
	std::vector<std::filesystem::path> looked_in; // every place tried, in order (for messages)
};

/// The module data folder (locale/, audience/, rubric/): --data when given, else $LCS_DATA_DIR,
/// else the install layout beside the executable's real location (<prefix>/bin/lcs →
/// <prefix>/share/obs/obs-plugins/live-commerce-studio), else the source tree's data/ — the last
/// only for an lcs that runs from its build tree, so an installed copy never silently reads a
/// checkout that happens to be on the machine. The executable is found through the OS
/// (platform::executable_path), not argv[0], so `lcs` started by PATH from any folder works.
DataDirLookup look_up_data_dir(const std::string &explicit_dir);

/// The bundled rubric, rubric/default.json in the data folder found; empty when there is none.
std::filesystem::path default_rubric(const DataDirLookup &lookup);

/// The message for a missing default rubric: where it was looked for and what to do.
std::string missing_rubric_message(const std::string &command, const DataDirLookup &lookup);

/// The compliance rule sets, compliance/ in the data folder found (data/compliance in the source
/// tree: <language>/<category>.json); empty when there is none.
std::filesystem::path compliance_dir(const DataDirLookup &lookup);

/// The message for missing compliance rules: where they were looked for and what to do.
std::string missing_compliance_message(const std::string &command, const DataDirLookup &lookup);

/// "a, b, c": where a lookup looked, for an error message.
std::string describe_looked_in(const DataDirLookup &lookup);

} // namespace lcs::cli
