// obs_source_info of lcs_comment_feed and its per-source state.
#include "sources/comment-feed/comment-feed-source.hpp"

#include <algorithm>
#include <deque>
#include <mutex>
#include <set>

#include <obs-module.h>
#include <obs.hpp>

#include "render/qt-text.hpp"
#include "render/raster-layer.hpp"
#include "sources/comment-feed/comment-feed-painter.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

constexpr int64_t kMinIntervalMs = 350; // at most ~3 ordinary comments a second on screen

class CommentFeed {
public:
	explicit CommentFeed(obs_data_t *settings)
	{
		labels_.question_badge = obs_module_text("CommentFeed.QuestionBadge");
		labels_.waiting = obs_module_text("CommentFeed.Waiting");
		update(settings);
	}

	void update(obs_data_t *settings)
	{
		CommentFeedStyle s;
		OBSDataAutoRelease font = obs_data_get_obj(settings, "font");
		if (font) {
			s.font_face = obs_data_get_string(font, "face");
			s.font_style = obs_data_get_string(font, "style");
			s.font_px = static_cast<int>(std::clamp<long long>(obs_data_get_int(font, "size"), 8, 200));
		}
		s.width = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "width"), 100, 3840));
		s.height = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "height"), 60, 2160));
		s.max_lines = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "max_lines"), 1, 40));
		s.background_opacity = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "background_opacity"), 0, 100));
		s.text_color = static_cast<uint32_t>(obs_data_get_int(settings, "text_color"));
		s.question_color = static_cast<uint32_t>(obs_data_get_int(settings, "question_color"));
		std::lock_guard lock(mutex_);
		style_ = s;
		++style_version_;
	}

	void tick()
	{
		CommentFeedStyle style;
		uint64_t version = 0;
		{
			std::lock_guard lock(mutex_);
			style = style_;
			version = style_version_;
		}
		std::vector<FeedRow> rows;
		int open = 0;
		if (const Studio *studio = Studio::get()) {
			const auto snap = studio->snapshot();
			const int64_t now = snap->now_ms;
			if (snap->session_id != session_id_) { // a new session: forget the old chat
				session_id_ = snap->session_id;
				seen_.clear();
				admitted_.clear();
				backlog_.clear();
				last_admit_ms_ = -1'000'000;
			}
			// Admit: questions at once, other comments at a readable pace (newest first when behind).
			for (const auto &c : snap->comments)
				if (seen_.insert(c.comment_id).second)
					(c.kind == "question" ? admitted_ : backlog_).push_back(c);
			while (backlog_.size() > 20)
				backlog_.pop_front();
			if (!backlog_.empty() && now - last_admit_ms_ >= kMinIntervalMs) {
				admitted_.push_back(backlog_.back());
				backlog_.pop_back();
				last_admit_ms_ = now;
			}
			while (admitted_.size() > 40)
				admitted_.pop_front();
			std::set<std::string> open_ids;
			for (const auto &q : snap->open_questions)
				open_ids.insert(q.comment_id);
			open = static_cast<int>(snap->open_questions.size());
			const size_t first = admitted_.size() > static_cast<size_t>(style.max_lines) ? admitted_.size() - style.max_lines : 0;
			for (size_t i = first; i < admitted_.size(); ++i) {
				const auto &c = admitted_[i];
				FeedRow row;
				row.name = c.name;
				row.text = c.text;
				row.question = c.kind == "question";
				row.answered = row.question && !open_ids.count(c.comment_id);
				row.age_bucket = row.question && !row.answered ? static_cast<int>((now - c.t) / 5000) : 0;
				rows.push_back(std::move(row));
			}
		}
		if (version == painted_version_ && rows == painted_ && open == painted_open_)
			return;
		layer_.offer(CommentFeedPainter::paint(rows, open, style, labels_));
		painted_ = std::move(rows);
		painted_open_ = open;
		painted_version_ = version;
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

private:
	FeedLabels labels_;
	std::mutex mutex_;
	CommentFeedStyle style_;     // guarded by mutex_
	uint64_t style_version_ = 0; // guarded by mutex_
	std::set<std::string> seen_;
	std::deque<session::FeedComment> backlog_;
	std::deque<session::FeedComment> admitted_;
	int64_t last_admit_ms_ = -1'000'000;
	std::string session_id_;
	std::vector<FeedRow> painted_;
	int painted_open_ = -1;
	uint64_t painted_version_ = ~0ull;
	render::RasterLayer layer_;
};

CommentFeed *self(void *data)
{
	return static_cast<CommentFeed *>(data);
}

} // namespace

void register_comment_feed_source()
{
	obs_source_info info = {};
	info.id = kCommentFeedSourceId;
	info.type = OBS_SOURCE_TYPE_INPUT;
	info.output_flags = OBS_SOURCE_VIDEO | OBS_SOURCE_CUSTOM_DRAW;
	info.icon_type = OBS_ICON_TYPE_TEXT;
	info.get_name = [](void *) { return obs_module_text("CommentFeed.Name"); };
	info.create = [](obs_data_t *settings, obs_source_t *) -> void * { return new CommentFeed(settings); };
	info.destroy = [](void *data) { delete self(data); };
	info.update = [](void *data, obs_data_t *settings) { self(data)->update(settings); };
	info.get_defaults = [](obs_data_t *settings) {
		const CommentFeedStyle d;
		OBSDataAutoRelease font = obs_data_create();
		obs_data_set_default_string(font, "face", render::default_cjk_face());
		obs_data_set_default_string(font, "style", "Regular");
		obs_data_set_default_int(font, "size", d.font_px);
		obs_data_set_default_obj(settings, "font", font);
		obs_data_set_default_int(settings, "width", d.width);
		obs_data_set_default_int(settings, "height", d.height);
		obs_data_set_default_int(settings, "max_lines", d.max_lines);
		obs_data_set_default_int(settings, "background_opacity", d.background_opacity);
		obs_data_set_default_int(settings, "text_color", d.text_color);
		obs_data_set_default_int(settings, "question_color", d.question_color);
	};
	info.get_properties = [](void *) {
		obs_properties_t *props = obs_properties_create();
		obs_properties_add_font(props, "font", obs_module_text("CommentFeed.Font"));
		obs_properties_add_int(props, "width", obs_module_text("CommentFeed.Width"), 100, 3840, 1);
		obs_properties_add_int(props, "height", obs_module_text("CommentFeed.Height"), 60, 2160, 1);
		obs_properties_add_int_slider(props, "max_lines", obs_module_text("CommentFeed.MaxLines"), 1, 40, 1);
		obs_properties_add_color_alpha(props, "text_color", obs_module_text("CommentFeed.TextColor"));
		obs_properties_add_color_alpha(props, "question_color", obs_module_text("CommentFeed.QuestionColor"));
		obs_property_t *o = obs_properties_add_int_slider(props, "background_opacity",
								  obs_module_text("CommentFeed.BackgroundOpacity"), 0, 100, 1);
		obs_property_int_set_suffix(o, "%");
		return props;
	};
	info.video_tick = [](void *data, float) { self(data)->tick(); };
	info.video_render = [](void *data, gs_effect_t *) { self(data)->render(); };
	info.get_width = [](void *data) { return self(data)->width(); };
	info.get_height = [](void *data) { return self(data)->height(); };
	obs_register_source(&info);
}

} // namespace lcs::obs
