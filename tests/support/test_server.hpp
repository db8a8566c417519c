#pragma once

#include <string>
#include <vector>

namespace lcs::test {

/// The path of tests/support/servers/lcs_servers.py.
std::string servers_script();

// A real server on loopback for a test: runs `/usr/bin/python3 lcs_servers.py <kind> <args…>`
// (nginx, rclone, s3, fault: see the script's header), waits for the URL it prints on its first
// line, and stops it (SIGTERM, then SIGKILL) when destroyed. Throws std::runtime_error with the
// server's output when it does not start within 90 s.
class TestServer {
public:
	TestServer(const std::string &kind, const std::vector<std::string> &args);
	~TestServer();
	TestServer(const TestServer &) = delete;
	TestServer &operator=(const TestServer &) = delete;

	/// "http://127.0.0.1:PORT/" (nginx, rclone, fault) or the endpoint "http://127.0.0.1:PORT" (s3).
	[[nodiscard]] const std::string &url() const { return url_; }
	void stop();

private:
	int pid_ = -1;
	std::string url_;
};

} // namespace lcs::test
