#include "test_server.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lcs::test {

std::string servers_script()
{
	return std::string(LCS_TEST_SERVERS_DIR) + "/lcs_servers.py";
}

TestServer::TestServer(const std::string &kind, const std::vector<std::string> &args)
{
	int out[2];
	if (pipe2(out, O_CLOEXEC) != 0)
		throw std::runtime_error("pipe failed");
	std::vector<std::string> argv_text{"/usr/bin/python3", servers_script(), kind};
	argv_text.insert(argv_text.end(), args.begin(), args.end());
	std::vector<char *> argv;
	for (auto &a : argv_text)
		argv.push_back(a.data());
	argv.push_back(nullptr);
	pid_ = fork();
	if (pid_ < 0)
		throw std::runtime_error("fork failed");
	if (pid_ == 0) {
		dup2(out[1], STDOUT_FILENO);
		execv(argv[0], argv.data());
		_exit(127);
	}
	close(out[1]);
	std::string line;
	const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
	while (line.find('\n') == std::string::npos) {
		const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
		pollfd p{out[0], POLLIN, 0};
		if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0)
			break;
		char buffer[256];
		const ssize_t n = read(out[0], buffer, sizeof buffer);
		if (n <= 0)
			break;
		line.append(buffer, static_cast<size_t>(n));
	}
	close(out[0]);
	const size_t newline = line.find('\n');
	if (newline == std::string::npos) {
		stop();
		throw std::runtime_error("lcs_servers.py " + kind + " did not start (its output: \"" + line +
					 "\"; its errors are on this test's stderr)");
	}
	url_ = line.substr(0, newline);
}

TestServer::~TestServer()
{
	stop();
}

void TestServer::stop()
{
	if (pid_ <= 0)
		return;
	kill(pid_, SIGTERM);
	for (int i = 0; i < 150; ++i) {
		int status = 0;
		if (waitpid(pid_, &status, WNOHANG) == pid_) {
			pid_ = -1;
			return;
		}
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
	}
	kill(pid_, SIGKILL);
	waitpid(pid_, nullptr, 0);
	pid_ = -1;
}

} // namespace lcs::test
