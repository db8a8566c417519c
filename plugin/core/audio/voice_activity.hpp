#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace lcs::audio {

// Voice activity with hysteresis, for the microphone filter. Talk starts when the level stays
// above the threshold for attack_ms; silence starts when it stays below threshold − hysteresis_db
// for hold_ms. Short pauses between words are therefore not silence, and background hiss just
// under the threshold does not flap. Time is counted in samples, so attack and hold are exact
// whatever the block length (OBS hands filters blocks of a few dozen to a thousand frames).
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

	/// One block of audio: its level in dBFS, its length in frames and the sample rate (Hz).
	/// Returns the new state when it changed (true: talk, false: silence). The first block
	/// decides the initial state after its delay.
	std::optional<bool> feed(double level_db, uint32_t frames, uint32_t sample_rate);

	/// The audio stopped reaching the meter (filter disabled or removed): the state is unknown
	/// again. Returns false (silence) when it was talking, so the session is told.
	std::optional<bool> reset();

	[[nodiscard]] std::optional<bool> talking() const { return talking_; }

private:
	Options options_;
	std::optional<bool> talking_;
	uint32_t rate_ = 0;      // sample rate of the counts below
	int64_t above_ = 0;      // frames
	int64_t below_ = 0;      // frames
};

/// RMS level in dBFS of float samples (−inf for digital silence is reported as −120).
double rms_dbfs(const float *samples, size_t count);

} // namespace lcs::audio
