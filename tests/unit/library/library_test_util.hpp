#pragma once

// Helpers shared by the library unit tests.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include "core/library/error.hpp"

namespace lcs::library::test {

/// Runs `f`, expecting Error of `kind` whose message contains every one of `parts`.
inline ::testing::AssertionResult throws_error(const std::function<void()> &f, ErrorKind kind, std::initializer_list<std::string> parts)
{
	try {
		f();
	} catch (const Error &e) {
		if (e.kind() != kind)
			return ::testing::AssertionFailure() << "wrong kind " << static_cast<int>(e.kind()) << ": " << e.what();
		for (const auto &p : parts)
			if (std::string(e.what()).find(p) == std::string::npos)
				return ::testing::AssertionFailure() << "message lacks \"" << p << "\": " << e.what();
		return ::testing::AssertionSuccess() << e.what();
	} catch (const std::exception &e) {
		return ::testing::AssertionFailure() << "not a library::Error: " << e.what();
	}
	return ::testing::AssertionFailure() << "nothing thrown";
}

inline std::string read_file(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	std::ostringstream out;
	out << in.rdbuf();
	return out.str();
}

inline void write_file(const std::string &path, const std::string &text)
{
	std::ofstream(path, std::ios::binary) << text;
}

struct Exec {
	int code = -1;
	std::string out; // stdout and stderr
};

/// Runs a shell command (stdin empty) and collects its output and exit code.
inline Exec run_command(const std::string &command)
{
	Exec r;
	FILE *pipe = popen((command + " 2>&1 </dev/null").c_str(), "r");
	if (!pipe)
		return r;
	std::array<char, 4096> buf{};
	size_t n = 0;
	while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
		r.out.append(buf.data(), n);
	const int status = pclose(pipe);
	r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	return r;
}

inline std::string fixture(const std::string &name)
{
	return std::string(LCS_SOURCE_DIR) + "/tests/unit/library/data/" + name;
}

} // namespace lcs::library::test
