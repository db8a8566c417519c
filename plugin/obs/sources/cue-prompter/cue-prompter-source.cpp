// obs_source_info of lcs_cue_prompter: the callbacks OBS calls, forwarded to CuePrompter.
#include "sources/cue-prompter/cue-prompter-source.hpp"

#include <string>

#include <obs-module.h>

#include "core/log/log.hpp"
#include "sources/cue-prompter/cue-prompter.hpp"
#include "studio/studio.hpp"

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

bool on_pack_choice_changed(obs_properties_t *props, obs_property_t *, obs_data_t *settings)
{
	const bool custom = std::string(obs_data_get_string(settings, "pack")) == kCustomPack;
	obs_property_set_visible(obs_properties_get(props, "pack_file"), custom);
	return true;
}

void add_pack_properties(obs_properties_t *props, CuePrompter *prompter)
{
	obs_property_t *list = obs_properties_add_list(props, "pack", obs_module_text("CuePrompter.Pack"),
						       OBS_COMBO_TYPE_LIST, OBS_COMBO_FORMAT_STRING);
	obs_property_list_add_string(list, obs_module_text("CuePrompter.PackKeep"), "");
	obs_property_list_add_string(list, obs_module_text("CuePrompter.PackNone"), kNoPack);
	if (const Studio *studio = Studio::get())
		for (const auto &pack : studio->bundled_packs()) {
			const std::string label = pack.name + " (" + pack.language + ")";
			obs_property_list_add_string(list, label.c_str(), pack.relative_path.c_str());
		}
	obs_property_list_add_string(list, obs_module_text("CuePrompter.PackCustom"), kCustomPack);
	obs_property_set_modified_callback(list, on_pack_choice_changed);
	obs_properties_add_path(props, "pack_file", obs_module_text("CuePrompter.PackFile"), OBS_PATH_FILE,
				"Script pack (*.json *.jsonc);;All files (*.*)", nullptr);

	bool is_error = false;
	const std::string status = prompter ? prompter->pack_status(&is_error) : std::string();
	if (!status.empty()) {
		obs_property_t *info = obs_properties_add_text(props, "pack_status", status.c_str(), OBS_TEXT_INFO);
		obs_property_text_set_info_type(info, is_error ? OBS_TEXT_INFO_ERROR : OBS_TEXT_INFO_NORMAL);
		obs_property_text_set_info_word_wrap(info, true);
	}
}

obs_properties_t *get_properties(void *data)
{
	obs_properties_t *props = obs_properties_create();
	add_pack_properties(props, self(data));

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
