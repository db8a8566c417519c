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

int read_int(obs_data_t *settings, const char *name, int lo, int hi)
{
	return static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, name), lo, hi));
}

} // namespace lcs::obs
