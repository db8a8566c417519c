#pragma once

#include <string>

#include "core/scene/practice_layout.hpp"

namespace lcs::obs {

/// The practice layout's language for an OBS locale: zh-CN for any Chinese locale, else en-US
/// (the two languages the layout and the bundled packs have).
std::string practice_language_for_locale(const std::string &obs_locale);

/// Layout options for this machine: the first /dev/video0…9 that exists as the camera when OBS's
/// V4L2 input (linux-v4l2) is loaded, else no camera (the colour placeholder). Elsewhere
/// (Windows, macOS) there is no v4l2_input, so it is always the placeholder.
scene::PracticeLayoutOptions practice_options_for_this_machine(const std::string &language, int canvas_w, int canvas_h);

} // namespace lcs::obs
