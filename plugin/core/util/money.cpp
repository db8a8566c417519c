#include "core/util/money.hpp"

#include <cstdio>

namespace lcs::util {

std::string format_yuan(int64_t cents)
{
	const bool negative = cents < 0;
	const unsigned long long abs = negative ? static_cast<unsigned long long>(-(cents + 1)) + 1
						: static_cast<unsigned long long>(cents);
	char buf[48];
	if (abs % 100 == 0)
		std::snprintf(buf, sizeof buf, "%s¥%llu", negative ? "-" : "", abs / 100);
	else
		std::snprintf(buf, sizeof buf, "%s¥%llu.%02llu", negative ? "-" : "", abs / 100, abs % 100);
	return buf;
}

} // namespace lcs::util
