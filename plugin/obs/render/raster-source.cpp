#include "render/raster-source.hpp"

#include <algorithm>

#include <obs.hpp>

#include "render/qt-text.hpp"

namespace lcs::obs {

void set_default_font(obs_data_t *settings, int size)
{
	OBSDataAutoRelease font = obs_data_create();
	obs_data_set_default_string(font, "face", render::default_cjk_face());
	obs_data_set_default_string(font, "style", "Regular");
	obs_data_set_default_int(font, "size", size);
	obs_data_set_default_obj(settings, "font", font);
}

FontChoice read_font(obs_data_t *settings)
{
	FontChoice f;
	OBSDataAutoRelease font = obs_data_get_obj(settings, "font");
	if (font) {
		f.face = obs_data_get_string(font, "face");
		f.style = obs_data_get_string(font, "style");
		f.size = static_cast<int>(std::clamp<long long>(obs_data_get_int(font, "size"), 6, 400));
	}
	return f;
}

void add_frame_properties(obs_properties_t *props, const std::string &prefix, int min_width, int min_height)
{
	obs_properties_add_font(props, "font", obs_module_text((prefix + ".Font").c_str()));
	obs_properties_add_int(props, "width", obs_module_text((prefix + ".Width").c_str()), min_width, 3840, 1);
	obs_properties_add_int(props, "height", obs_module_text((prefix + ".Height").c_str()), min_height, 2160, 1);
}

void add_opacity_property(obs_properties_t *props, const std::string &prefix)
{
	obs_property_t *opacity = obs_properties_add_int_slider(
		props, "background_opacity", obs_module_text((prefix + ".BackgroundOpacity").c_str()), 0, 100, 1);
	obs_property_int_set_suffix(opacity, "%");
}

int read_int(obs_data_t *settings, const char *name, int lo, int hi)
{
	return static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, name), lo, hi));
}

} // namespace lcs::obs
