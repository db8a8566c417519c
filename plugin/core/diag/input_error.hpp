#pragma once

#include <stdexcept>
#include <string>
#include <utility>

#include "core/diag/diagnostic.hpp"

namespace lcs::diag {

// Thrown where an input file (a session log, a rubric, a pack...) turns out to be wrong and the
// work cannot go on, carrying where: what() is "file:line:col: error: message". `lcs` prints it
// and exits 1 ("the input is wrong"); any other exception is an environment error (exit 3).
class InputError : public std::runtime_error {
public:
	explicit InputError(Diagnostic diagnostic)
		: std::runtime_error(diagnostic.to_string()), diagnostic_(std::move(diagnostic))
	{
	}
	InputError(std::string file, int line, int column, std::string message)
		: InputError(Diagnostic{Severity::Error, {std::move(file), line, column}, std::move(message)})
	{
	}

	[[nodiscard]] const Diagnostic &diagnostic() const { return diagnostic_; }

private:
	Diagnostic diagnostic_;
};

} // namespace lcs::diag
