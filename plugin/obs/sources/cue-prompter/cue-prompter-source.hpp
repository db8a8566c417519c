#pragma once

namespace lcs::obs {

inline constexpr const char *kCuePrompterSourceId = "lcs_cue_prompter";

/// Registers the lcs_cue_prompter input source with OBS (called from obs_module_load).
void register_cue_prompter_source();

} // namespace lcs::obs
