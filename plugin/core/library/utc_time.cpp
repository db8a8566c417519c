// ISO-8601 UTC times as seconds since 1970, by the proleptic Gregorian calendar's day count
// (no gmtime/timegm/mktime: those depend on the C library and the process's time zone).
#include <cstdio>

#include "core/library/format.hpp"

namespace lcs::library {
namespace {

// Days since 1970-01-01 of a civil date (the era arithmetic of a 400-year cycle).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	y -= m <= 2 ? 1 : 0;
	const int64_t era = (y >= 0 ? y : y - 399) / 400;
	const int64_t yoe = y - era * 400;                                  // [0, 399]
	const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; // [0, 365]
	const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          // [0, 146096]
	return era * 146097 + doe - 719468;
}

struct Civil {
	int64_t y, m, d;
};

Civil civil_from_days(int64_t z)
{
	z += 719468;
	const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	const int64_t doe = z - era * 146097;
	const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const int64_t mp = (5 * doy + 2) / 153;
	const int64_t d = doy - (153 * mp + 2) / 5 + 1;
	const int64_t m = mp < 10 ? mp + 3 : mp - 9;
	return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

bool is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int64_t days_in_month(int64_t y, int64_t m)
{
	static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// `count` digits at `at`, or -1.
int64_t digits(std::string_view s, size_t at, size_t count)
{
	if (at + count > s.size())
		return -1;
	int64_t v = 0;
	for (size_t i = at; i < at + count; ++i) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

} // namespace

std::optional<int64_t> parse_utc_seconds(std::string_view iso)
{
	// YYYY-MM-DDTHH:MM:SS[.fraction]Z
	if (iso.size() < 20 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' || iso[16] != ':' || iso.back() != 'Z')
		return std::nullopt;
	const int64_t y = digits(iso, 0, 4), mo = digits(iso, 5, 2), d = digits(iso, 8, 2);
	const int64_t h = digits(iso, 11, 2), mi = digits(iso, 14, 2), s = digits(iso, 17, 2);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59)
		return std::nullopt;
	if (iso.size() > 20) {
		// a fraction: '.' then 1..9 digits
		if (iso[19] != '.' || iso.size() < 22 || iso.size() > 30 || digits(iso, 20, iso.size() - 21) < 0)
			return std::nullopt;
	}
	return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

std::string format_utc_seconds(int64_t seconds)
{
	int64_t days = seconds / 86400;
	int64_t rest = seconds % 86400;
	if (rest < 0) {
		rest += 86400;
		--days;
	}
	const Civil c = civil_from_days(days);
	char buffer[128];
	std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", static_cast<long long>(c.y),
		      static_cast<long long>(c.m), static_cast<long long>(c.d), static_cast<long long>(rest / 3600),
		      static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60));
	return buffer;
}

} // namespace lcs::library
