#include "xvfb.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lcs::test {

XvfbDisplay::XvfbDisplay()
{
	if (const char *existing = std::getenv("DISPLAY"); existing && *existing) {
		display_ = existing;
		return;
	}
	int fds[2];
	if (pipe(fds) != 0)
		throw std::runtime_error("xvfb: pipe failed");
	pid_ = fork();
	if (pid_ < 0)
		throw std::runtime_error("xvfb: fork failed");
	if (pid_ == 0) {
		close(fds[0]);
		const int devnull = open("/dev/null", O_WRONLY);
		if (devnull >= 0) {
			dup2(devnull, STDOUT_FILENO);
			dup2(devnull, STDERR_FILENO);
		}
		const std::string fd = std::to_string(fds[1]);
		execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1920x1080x24", "-nolisten", "tcp",
		       "-noreset", static_cast<char *>(nullptr));
		_exit(127);
	}
	close(fds[1]);
	std::string number;
	char c = 0;
	while (true) {
		const ssize_t n = read(fds[0], &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || c == '\n')
			break;
		number.push_back(c);
	}
	close(fds[0]);
	if (number.empty()) {
		kill(pid_, SIGTERM);
		waitpid(pid_, nullptr, 0);
		pid_ = -1;
		throw std::runtime_error("xvfb: Xvfb did not start (is the xvfb package installed?)");
	}
	display_ = ":" + number;
	setenv("DISPLAY", display_.c_str(), 1);
}

XvfbDisplay::~XvfbDisplay()
{
	if (pid_ > 0) {
		kill(pid_, SIGTERM);
		waitpid(pid_, nullptr, 0);
		unsetenv("DISPLAY");
	}
}

} // namespace lcs::test
