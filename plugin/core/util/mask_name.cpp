#include "core/util/mask_name.hpp"

namespace lcs::util {

std::string mask_name(const std::string &name)
{
	if (name.empty())
		return name;
	size_t len = 1;
	const auto lead = static_cast<unsigned char>(name[0]);
	if (lead >= 0xF0)
		len = 4;
	else if (lead >= 0xE0)
		len = 3;
	else if (lead >= 0xC0)
		len = 2;
	return name.substr(0, len) + "**";
}

} // namespace lcs::util
