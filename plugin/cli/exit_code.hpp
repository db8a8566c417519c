#pragma once

// Exit codes of `lcs` (shared/design/contract.md section 3).
namespace lcs::cli {
enum class ExitCode : int {
	Ok = 0,          // success
	InputError = 1,  // the input is wrong (a broken pack, a malformed log)
	UsageError = 2,  // the command line is wrong
	Environment = 3, // environment or network (a file cannot be written, a host is unreachable)
};

constexpr int to_int(ExitCode code)
{
	return static_cast<int>(code);
}
} // namespace lcs::cli
