#include "core/diag/diagnostic.hpp"

#include <algorithm>

namespace lcs::diag {

std::string Location::to_string() const
{
	if (line <= 0)
		return file;
	return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string Diagnostic::to_string() const
{
	return where.to_string() + (severity == Severity::Error ? ": error: " : ": warning: ") + message;
}

bool has_errors(const Diagnostics &diagnostics)
{
	return std::any_of(diagnostics.begin(), diagnostics.end(),
			   [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

} // namespace lcs::diag
