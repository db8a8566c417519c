#include "core/platform/clock.hpp"

#include <chrono>
#include <ctime>

namespace lcs::platform {

std::string utc_now_iso8601()
{
	const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
	std::tm tm{};
#if defined(_WIN32)
	gmtime_s(&tm, &now);
#else
	gmtime_r(&now, &tm);
#endif
	char buf[32];
	std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

} // namespace lcs::platform
