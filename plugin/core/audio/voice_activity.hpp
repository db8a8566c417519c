#pragma once

#include <cstdint>
#include <optional>

namespace lcs::audio {

// Voice activity with hysteresis, for the microphone filter. Talk starts when the level stays
// above the threshold for attack_ms; silence starts when it stays below threshold − hysteresis_db
// for hold_ms. Short pauses between words are therefore not silence, and background hiss just
// under the threshold does not flap.
class VoiceActivity {
public:
	struct Options {
		double threshold_db = -40.0;
		double hysteresis_db = 6.0;
		int64_t attack_ms = 100;
		int64_t hold_ms = 400;
	};

	explicit VoiceActivity(Options options) : options_(options) {}
	void set_options(Options options) { options_ = options; }

	/// One block of audio: its level in dBFS and its length. Returns the new state when it changed
	/// (true: talk, false: silence). The first block decides the initial state after its delay.
	std::optional<bool> feed(double level_db, int64_t duration_ms);

	[[nodiscard]] std::optional<bool> talking() const { return talking_; }

private:
	Options options_;
	std::optional<bool> talking_;
	int64_t above_ms_ = 0;
	int64_t below_ms_ = 0;
};

/// RMS level in dBFS of float samples (−inf for digital silence is reported as −120).
double rms_dbfs(const float *samples, size_t count);

} // namespace lcs::audio
