#pragma once

#include <string>

namespace lcs::test {

// Gives the process an X display: keeps $DISPLAY when it is set, otherwise starts a private Xvfb
// (found on PATH) on a free display number and points $DISPLAY at it for the process's lifetime.
class XvfbDisplay {
public:
	XvfbDisplay();
	~XvfbDisplay();
	XvfbDisplay(const XvfbDisplay &) = delete;
	XvfbDisplay &operator=(const XvfbDisplay &) = delete;

	[[nodiscard]] const std::string &display() const { return display_; }
	[[nodiscard]] bool started_here() const { return pid_ > 0; }

private:
	std::string display_;
	int pid_ = -1;
};

} // namespace lcs::test
