#pragma once

#include <string>
#include <vector>

namespace lcs::diag {

// Where something is in a text file: 1-based line and column (column counts Unicode code points).
struct Location {
	std::string file;
	int line = 0;
	int column = 0;

	/// "file:line:col", or "file" when the position is unknown.
	[[nodiscard]] std::string to_string() const;
};

enum class Severity { Error, Warning };

// One problem found in an input, with where it is.
struct Diagnostic {
	Severity severity = Severity::Error;
	Location where;
	std::string message;

	/// "file:line:col: error: message", the format editors and `lcs validate` use.
	[[nodiscard]] std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

[[nodiscard]] bool has_errors(const Diagnostics &diagnostics);

} // namespace lcs::diag
