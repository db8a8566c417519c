#pragma once

namespace lcs::obs {

inline constexpr const char *kVoiceMeterFilterId = "lcs_voice_meter";

/// Registers lcs_voice_meter, the audio filter for the microphone: voice activity with
/// hysteresis turned into talk/silence for the session (dead air is measured from it). The audio
/// passes through unchanged.
void register_voice_meter_filter();

} // namespace lcs::obs
