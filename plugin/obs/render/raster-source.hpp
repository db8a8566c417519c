#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include <QImage>
#include <obs-module.h>

#include "render/raster-layer.hpp"

namespace lcs::obs {

// An OBS input source drawn as one Qt-rasterised layer (price card, order ticker, comment feed,
// room stats). The wrapper owns the OBS side: settings read on update (any thread) under a
// mutex, a tick that asks the content for a repaint only when something changed, the texture
// hand-over, the size and the registration. `Content` supplies:
//   using Style = …;                 // width, height and operator==
//   static Style read_style(obs_data_t *settings);
//   static void defaults(obs_data_t *settings);
//   static obs_properties_t *properties();
//   std::optional<render::PaintJob> paint(const Style &style, bool style_changed);
//       // video thread: a job painting the new image from copies of what it shows (it runs on
//       // the painter thread, see render/paint-worker.hpp), or none when nothing changed
// and optionally:
//   static constexpr bool kPaintOnlyWhenShowing = true; // no repaint while the source is shown
//                                                      // nowhere; the first tick it shows again
//                                                      // repaints what changed meanwhile
//   void add_render_stats(calldata_t *cd) const;        // more out-values of lcs_render_stats
// Threads: the content and the painted style belong to the video thread (tick); the style under
// mutex_ to whoever updates; the layer hands jobs to the painter and images to the graphics
// context (render). Every raster source answers the proc "lcs_render_stats" (out int changes,
// out int repaints, …): how often its content changed, and how often the painter re-rasterised
// it (changes coalesced while the painter was busy are not painted), for tests and diagnosis.
template<typename Content> class RasterSource {
public:
	using Style = typename Content::Style;

	RasterSource(obs_data_t *settings, obs_source_t *source) : source_(source)
	{
		update(settings);
		proc_handler_add(obs_source_get_proc_handler(source),
				 "void lcs_render_stats(out int changes, out int repaints)",
				 &RasterSource::render_stats, this);
	}

	void update(obs_data_t *settings)
	{
		Style style = Content::read_style(settings);
		std::lock_guard lock(mutex_);
		style_ = std::move(style);
		++version_;
	}

	/// Once per video frame: cheap unless something changed (the style is copied only when its
	/// version moved; a hidden source that asks for it stops here).
	void tick()
	{
		if constexpr (requires { Content::kPaintOnlyWhenShowing; })
			if (Content::kPaintOnlyWhenShowing && !obs_source_showing(source_))
				return;
		bool style_changed = false;
		{
			std::lock_guard lock(mutex_);
			if (version_ != painted_version_) {
				painted_style_ = style_;
				painted_version_ = version_;
				style_changed = true;
			}
		}
		if (auto job = content_.paint(painted_style_, style_changed))
			layer_.submit(std::move(*job));
	}

	void render() { layer_.draw(0.0f, 0.0f); }

	uint32_t width()
	{
		std::lock_guard lock(mutex_);
		return static_cast<uint32_t>(style_.width);
	}

	uint32_t height()
	{
		std::lock_guard lock(mutex_);
		return static_cast<uint32_t>(style_.height);
	}

	/// Registers the source type; `name_key` is its locale key.
	static void register_source(const char *id, const char *name_key)
	{
		static const char *key = name_key;
		obs_source_info info = {};
		info.id = id;
		info.type = OBS_SOURCE_TYPE_INPUT;
		info.output_flags = OBS_SOURCE_VIDEO | OBS_SOURCE_CUSTOM_DRAW;
		info.icon_type = OBS_ICON_TYPE_TEXT;
		info.get_name = [](void *) { return obs_module_text(key); };
		info.create = [](obs_data_t *settings, obs_source_t *source) -> void * { return new RasterSource(settings, source); };
		info.destroy = [](void *data) { delete self(data); };
		info.update = [](void *data, obs_data_t *settings) { self(data)->update(settings); };
		info.get_defaults = &Content::defaults;
		info.get_properties = [](void *) { return Content::properties(); };
		info.video_tick = [](void *data, float) { self(data)->tick(); };
		info.video_render = [](void *data, gs_effect_t *) { self(data)->render(); };
		info.get_width = [](void *data) { return self(data)->width(); };
		info.get_height = [](void *data) { return self(data)->height(); };
		obs_register_source(&info);
	}

private:
	static RasterSource *self(void *data) { return static_cast<RasterSource *>(data); }

	static void render_stats(void *data, calldata_t *cd)
	{
		const auto *s = self(data);
		calldata_set_int(cd, "changes", static_cast<long long>(s->layer_.submitted()));
		calldata_set_int(cd, "repaints", static_cast<long long>(s->layer_.painted()));
		if constexpr (requires(const Content &c) { c.add_render_stats(cd); })
			s->content_.add_render_stats(cd);
	}

	obs_source_t *source_; // the source that owns this
	std::mutex mutex_;
	Style style_{};          // guarded by mutex_
	uint64_t version_ = 0;   // guarded by mutex_
	uint64_t painted_version_ = ~0ull; // video thread (written under mutex_)
	Style painted_style_{};  // video thread: the style of painted_version_
	Content content_;        // video thread (its jobs carry copies to the painter)
	render::RasterLayer layer_; // submit: video thread; draw: graphics context
};

// Settings helpers shared by the raster sources.
struct FontChoice {
	std::string face;
	std::string style;
	int size = 0;
	bool operator==(const FontChoice &) const = default;
};
/// Sets the default "font" object (the platform's CJK face at this size).
void set_default_font(obs_data_t *settings, int size);
/// Reads the "font" object (the default when unset).
FontChoice read_font(obs_data_t *settings);
/// The properties every raster overlay has: "font", "width", "height" (labels from the locale
/// keys <prefix>.Font, <prefix>.Width, <prefix>.Height).
void add_frame_properties(obs_properties_t *props, const std::string &prefix, int min_width, int min_height);
/// The "background_opacity" slider in percent (label <prefix>.BackgroundOpacity).
void add_opacity_property(obs_properties_t *props, const std::string &prefix);
/// Reads an integer setting clamped to [lo, hi].
int read_int(obs_data_t *settings, const char *name, int lo, int hi);

} // namespace lcs::obs
