#pragma once

#include <map>
#include <string>

namespace lcs::test {

// CPU time (user + system, in clock ticks) of this process's threads, read from
// /proc/self/task/<tid>/stat when constructed, summed by thread name (the kernel's 15-character
// comm). Coarse (10 ms ticks): for the threads besides the graphics thread, which the bench reads
// exactly through its CPU clock.
class ThreadCpu {
public:
	ThreadCpu();
	/// Milliseconds of CPU of the threads named `name` (0 when none).
	[[nodiscard]] double ms(const std::string &name) const;
	/// Milliseconds of CPU of every thread.
	[[nodiscard]] double total_ms() const;
	[[nodiscard]] const std::map<std::string, double> &by_name() const { return ms_; }

private:
	std::map<std::string, double> ms_;
};

} // namespace lcs::test
