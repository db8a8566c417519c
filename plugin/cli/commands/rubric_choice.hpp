#pragma once

#include <optional>
#include <string>

#include "core/report/rubric.hpp"
#include "exit_code.hpp"

namespace lcs::cli {

/// The coach rubric a command scores with, read once: --rubric FILE when given, else
/// rubric/default.json in the module data. Never silently none: a missing default rubric is a
/// broken install (said on stderr with where it looked, exit 3), a wrong rubric file is bad input
/// (each problem at its file:line:col, exit 1).
struct RubricChoice {
	std::optional<report::Rubric> rubric;
	ExitCode failure = ExitCode::Ok; // Ok when `rubric` holds one
};
RubricChoice choose_rubric(const std::string &command, const std::string &rubric_option, const std::string &data_option);

} // namespace lcs::cli
