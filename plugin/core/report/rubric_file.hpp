#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/diag/diagnostic.hpp"
#include "core/report/rubric_model.hpp"

// The coach rubric file ("lcs.rubric/1", data/rubric/default.json), read and type-checked: every
// problem is a diagnostic at the value's file:line:col that names its JSON path
// ("/dimensions/0/weight must be a number, got a string"). See docs/rubric.md.
namespace lcs::report {

/// Reads a rubric file; none (with diagnostics) when it cannot be read or any field is wrong.
std::optional<Rubric> read_rubric_file(const std::filesystem::path &file, diag::Diagnostics &problems);

/// The same from text; `name` is the file name used in diagnostics.
std::optional<Rubric> read_rubric_text(std::string_view text, const std::string &name, diag::Diagnostics &problems);

} // namespace lcs::report
