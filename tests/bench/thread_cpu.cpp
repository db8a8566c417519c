#include "thread_cpu.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace lcs::test {

ThreadCpu::ThreadCpu()
{
	const double tick_ms = 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
	std::error_code ec;
	for (const auto &task : std::filesystem::directory_iterator("/proc/self/task", ec)) {
		std::ifstream in(task.path() / "stat");
		std::string line;
		if (!std::getline(in, line))
			continue;
		// pid (comm) state ppid …: comm may hold spaces, so split at the last ')'.
		const auto open = line.find('(');
		const auto close = line.rfind(')');
		if (open == std::string::npos || close == std::string::npos)
			continue;
		const std::string name = line.substr(open + 1, close - open - 1);
		std::istringstream rest(line.substr(close + 2));
		std::string field;
		unsigned long long utime = 0, stime = 0;
		for (int i = 3; i <= 15 && rest >> field; ++i) {
			if (i == 14)
				utime = std::stoull(field);
			if (i == 15)
				stime = std::stoull(field);
		}
		ms_[name] += static_cast<double>(utime + stime) * tick_ms;
	}
}

double ThreadCpu::ms(const std::string &name) const
{
	const auto it = ms_.find(name);
	return it == ms_.end() ? 0.0 : it->second;
}

double ThreadCpu::total_ms() const
{
	double sum = 0;
	for (const auto &[name, ms] : ms_)
		sum += ms;
	return sum;
}

} // namespace lcs::test
