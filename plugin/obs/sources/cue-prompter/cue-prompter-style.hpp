#pragma once

#include <cstdint>
#include <string>

#include <obs-data.h>

namespace lcs::obs {

// The look of the cue prompter, read from the source's settings (obs_data) on every update.
struct CuePrompterStyle {
	std::string font_face;
	std::string font_style;
	int cue_px = 64;       // current cue
	int next_px = 32;      // next cue
	int label_px = 28;     // segment name, timer, keywords
	uint32_t text_color = 0xFFFFFFFF;
	uint32_t accent_color = 0xFF3BC8FF;  // warm yellow (ABGR)
	uint32_t warning_color = 0xFF4A4AFF; // red (ABGR)
	uint32_t background_color = 0xFF1E1A17;
	int background_opacity = 70; // percent
	int width = 1280;
	int height = 360;
	bool mirror = false;
	bool show_segment = true;
	bool show_timer = true;
	bool show_next = true;
	bool show_keywords = true;

	static CuePrompterStyle from_settings(obs_data_t *settings);
	static void set_defaults(obs_data_t *settings);

	/// Background colour with the opacity property folded into its alpha.
	[[nodiscard]] uint32_t background_with_opacity() const;

	bool operator==(const CuePrompterStyle &) const = default;
};

} // namespace lcs::obs
