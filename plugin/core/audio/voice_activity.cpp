#include "core/audio/voice_activity.hpp"

#include <cmath>

namespace lcs::audio {

std::optional<bool> VoiceActivity::feed(double level_db, int64_t duration_ms)
{
	if (level_db >= options_.threshold_db) {
		above_ms_ += duration_ms;
		below_ms_ = 0;
	} else if (level_db < options_.threshold_db - options_.hysteresis_db) {
		below_ms_ += duration_ms;
		above_ms_ = 0;
	} else {
		// Inside the hysteresis band: keep whatever state we are in.
		above_ms_ = talking_.value_or(false) ? above_ms_ + duration_ms : 0;
		below_ms_ = talking_.value_or(false) ? 0 : below_ms_ + duration_ms;
	}
	if (above_ms_ >= options_.attack_ms && talking_ != true) {
		talking_ = true;
		return talking_;
	}
	if (below_ms_ >= options_.hold_ms && talking_ != false) {
		talking_ = false;
		return talking_;
	}
	return std::nullopt;
}

double rms_dbfs(const float *samples, size_t count)
{
	if (!samples || count == 0)
		return -120.0;
	double sum = 0;
	for (size_t i = 0; i < count; ++i)
		sum += static_cast<double>(samples[i]) * samples[i];
	const double rms = std::sqrt(sum / static_cast<double>(count));
	return rms > 1e-6 ? 20.0 * std::log10(rms) : -120.0;
}

} // namespace lcs::audio
