#include "core/pack/scenario.hpp"

namespace lcs::audience {

double Scenario::traffic_at(double seconds) const
{
	if (traffic.empty())
		return 1.0;
	if (seconds <= traffic.front().at_seconds)
		return traffic.front().multiplier;
	for (size_t i = 1; i < traffic.size(); ++i) {
		const auto &a = traffic[i - 1];
		const auto &b = traffic[i];
		if (seconds <= b.at_seconds) {
			const double span = b.at_seconds - a.at_seconds;
			const double f = span > 0 ? (seconds - a.at_seconds) / span : 1.0;
			return a.multiplier + (b.multiplier - a.multiplier) * f;
		}
	}
	return traffic.back().multiplier;
}

} // namespace lcs::audience
