#include "core/audio/voice_activity.hpp"

#include <cmath>

namespace lcs::audio {

std::optional<bool> VoiceActivity::feed(double level_db, uint32_t frames, uint32_t sample_rate)
{
	if (sample_rate == 0)
		return std::nullopt;
	if (sample_rate != rate_) {
		// OBS's audio was reset to another rate: carry the counts over in the new unit.
		if (rate_ != 0) {
			above_ = above_ * sample_rate / rate_;
			below_ = below_ * sample_rate / rate_;
		}
		rate_ = sample_rate;
	}
	const auto n = static_cast<int64_t>(frames);
	if (level_db >= options_.threshold_db) {
		above_ += n;
		below_ = 0;
	} else if (level_db < options_.threshold_db - options_.hysteresis_db) {
		below_ += n;
		above_ = 0;
	} else {
		// Inside the hysteresis band: keep whatever state we are in.
		above_ = talking_.value_or(false) ? above_ + n : 0;
		below_ = talking_.value_or(false) ? 0 : below_ + n;
	}
	// Exact comparisons in samples: frames ≥ ms × rate / 1000.
	const int64_t rate = sample_rate;
	if (above_ * 1000 >= options_.attack_ms * rate && talking_ != true) {
		talking_ = true;
		return talking_;
	}
	if (below_ * 1000 >= options_.hold_ms * rate && talking_ != false) {
		talking_ = false;
		return talking_;
	}
	return std::nullopt;
}

std::optional<bool> VoiceActivity::reset()
{
	const bool was_talking = talking_.value_or(false);
	talking_.reset();
	above_ = 0;
	below_ = 0;
	if (was_talking)
		return false;
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
