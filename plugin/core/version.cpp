#include <string>

#include "core/version.hpp"

namespace lcs {
const char *version_banner()
{
	static const std::string banner = std::string(kProjectName) + " " + kVersionString;
	return banner.c_str();
}
} // namespace lcs
