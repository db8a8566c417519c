// obs_source_info of lcs_cue_prompter: the callbacks OBS calls, forwarded to CuePrompter.
#include "sources/cue-prompter/cue-prompter-source.hpp"

#include <obs-module.h>

#include "core/log/log.hpp"
#include "sources/cue-prompter/cue-prompter.hpp"

namespace lcs::obs {
namespace {

CuePrompter *self(void *data)
{
	return static_cast<CuePrompter *>(data);
}

const char *get_name(void *)
{
	return obs_module_text("CuePrompter.Name");
}

void *create(obs_data_t *settings, obs_source_t *source)
{
	try {
		return new CuePrompter(settings, source);
	} catch (const std::exception &e) {
		lcs::log::logger()->error("cue prompter: cannot create: {}", e.what());
		return nullptr;
	}
}

void destroy(void *data)
{
	delete self(data);
}

void update(void *data, obs_data_t *settings)
{
	self(data)->update(settings);
}

void get_defaults(obs_data_t *settings)
{
	CuePrompterStyle::set_defaults(settings);
}

obs_properties_t *get_properties(void *)
{
	obs_properties_t *props = obs_properties_create();

	obs_properties_add_font(props, "font", obs_module_text("CuePrompter.Font"));
	obs_properties_add_int_slider(props, "next_size", obs_module_text("CuePrompter.NextSize"), 8, 300, 1);
	obs_properties_add_int_slider(props, "label_size", obs_module_text("CuePrompter.LabelSize"), 8, 200, 1);
	obs_properties_add_color_alpha(props, "text_color", obs_module_text("CuePrompter.TextColor"));
	obs_properties_add_color_alpha(props, "accent_color", obs_module_text("CuePrompter.AccentColor"));
	obs_properties_add_color_alpha(props, "warning_color", obs_module_text("CuePrompter.WarningColor"));
	obs_properties_add_color(props, "background_color", obs_module_text("CuePrompter.BackgroundColor"));
	obs_property_t *opacity = obs_properties_add_int_slider(
		props, "background_opacity", obs_module_text("CuePrompter.BackgroundOpacity"), 0, 100, 1);
	obs_property_int_set_suffix(opacity, "%");
	obs_property_t *width = obs_properties_add_int(props, "width", obs_module_text("CuePrompter.Width"), 64, 7680, 1);
	obs_property_int_set_suffix(width, " px");
	obs_property_t *height = obs_properties_add_int(props, "height", obs_module_text("CuePrompter.Height"), 64, 4320, 1);
	obs_property_int_set_suffix(height, " px");
	obs_properties_add_bool(props, "mirror", obs_module_text("CuePrompter.Mirror"));

	obs_properties_t *parts = obs_properties_create();
	obs_properties_add_bool(parts, "show_segment", obs_module_text("CuePrompter.ShowSegment"));
	obs_properties_add_bool(parts, "show_timer", obs_module_text("CuePrompter.ShowTimer"));
	obs_properties_add_bool(parts, "show_next", obs_module_text("CuePrompter.ShowNext"));
	obs_properties_add_bool(parts, "show_keywords", obs_module_text("CuePrompter.ShowKeywords"));
	obs_properties_add_group(props, "parts", obs_module_text("CuePrompter.Parts"), OBS_GROUP_NORMAL, parts);
	return props;
}

void video_tick(void *data, float seconds)
{
	self(data)->tick(seconds);
}

void video_render(void *data, gs_effect_t *)
{
	self(data)->render();
}

uint32_t get_width(void *data)
{
	return self(data)->width();
}

uint32_t get_height(void *data)
{
	return self(data)->height();
}

} // namespace

void register_cue_prompter_source()
{
	obs_source_info info = {};
	info.id = kCuePrompterSourceId;
	info.type = OBS_SOURCE_TYPE_INPUT;
	info.output_flags = OBS_SOURCE_VIDEO | OBS_SOURCE_CUSTOM_DRAW;
	info.icon_type = OBS_ICON_TYPE_TEXT;
	info.get_name = get_name;
	info.create = create;
	info.destroy = destroy;
	info.update = update;
	info.get_defaults = get_defaults;
	info.get_properties = get_properties;
	info.video_tick = video_tick;
	info.video_render = video_render;
	info.get_width = get_width;
	info.get_height = get_height;
	obs_register_source(&info);
}

} // namespace lcs::obs
