#pragma once

#include <stdexcept>
#include <string>

namespace lcs::library {

// Why a library operation failed; the CLI maps it to its exit code (contract.md section 3) and the
// desk to its message. Every message says where (file, URL, object) and what was expected.
enum class ErrorKind {
	Integrity,   // exit 1: signature, unknown key, hash, size, rollback, expiry, unsafe path, cap, not a library
	Input,       // exit 1: a broken pack, an unreadable key file, a bad argument value
	Conflict,    // exit 1: someone else published the version we meant to publish
	Unreachable, // exit 3: the host cannot be reached, times out, or answers with a server error
	Environment, // exit 3: a local file or the cache cannot be written
};

class Error : public std::runtime_error {
public:
	Error(ErrorKind kind, const std::string &message) : std::runtime_error(message), kind_(kind) {}
	[[nodiscard]] ErrorKind kind() const { return kind_; }

private:
	ErrorKind kind_;
};

} // namespace lcs::library
