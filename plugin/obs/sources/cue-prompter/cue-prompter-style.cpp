#include "sources/cue-prompter/cue-prompter-style.hpp"

#include <algorithm>

#include <obs.hpp>

#include "render/raster-source.hpp"

namespace lcs::obs {
namespace {
int clamped(obs_data_t *settings, const char *name, int lo, int hi)
{
	return static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, name), lo, hi));
}
} // namespace

void CuePrompterStyle::set_defaults(obs_data_t *settings)
{
	const CuePrompterStyle d;
	set_default_font(settings, d.cue_px);
	obs_data_set_default_int(settings, "next_size", d.next_px);
	obs_data_set_default_int(settings, "label_size", d.label_px);
	obs_data_set_default_int(settings, "text_color", d.text_color);
	obs_data_set_default_int(settings, "accent_color", d.accent_color);
	obs_data_set_default_int(settings, "warning_color", d.warning_color);
	obs_data_set_default_int(settings, "background_color", d.background_color);
	obs_data_set_default_int(settings, "background_opacity", d.background_opacity);
	obs_data_set_default_int(settings, "width", d.width);
	obs_data_set_default_int(settings, "height", d.height);
	obs_data_set_default_bool(settings, "mirror", d.mirror);
	obs_data_set_default_bool(settings, "show_segment", d.show_segment);
	obs_data_set_default_bool(settings, "show_timer", d.show_timer);
	obs_data_set_default_bool(settings, "show_next", d.show_next);
	obs_data_set_default_bool(settings, "show_keywords", d.show_keywords);
}

CuePrompterStyle CuePrompterStyle::from_settings(obs_data_t *settings)
{
	CuePrompterStyle s;
	const FontChoice font = read_font(settings);
	s.font_face = font.face;
	s.font_style = font.style;
	s.cue_px = std::clamp(font.size, 8, 400);
	s.next_px = clamped(settings, "next_size", 8, 300);
	s.label_px = clamped(settings, "label_size", 8, 200);
	s.text_color = static_cast<uint32_t>(obs_data_get_int(settings, "text_color"));
	s.accent_color = static_cast<uint32_t>(obs_data_get_int(settings, "accent_color"));
	s.warning_color = static_cast<uint32_t>(obs_data_get_int(settings, "warning_color"));
	s.background_color = static_cast<uint32_t>(obs_data_get_int(settings, "background_color"));
	s.background_opacity = clamped(settings, "background_opacity", 0, 100);
	s.width = clamped(settings, "width", 64, 7680);
	s.height = clamped(settings, "height", 64, 4320);
	s.mirror = obs_data_get_bool(settings, "mirror");
	s.show_segment = obs_data_get_bool(settings, "show_segment");
	s.show_timer = obs_data_get_bool(settings, "show_timer");
	s.show_next = obs_data_get_bool(settings, "show_next");
	s.show_keywords = obs_data_get_bool(settings, "show_keywords");
	return s;
}

uint32_t CuePrompterStyle::background_with_opacity() const
{
	const uint32_t alpha = ((background_color >> 24) & 0xFF) * static_cast<uint32_t>(background_opacity) / 100;
	return (background_color & 0x00FFFFFF) | (alpha << 24);
}

} // namespace lcs::obs
