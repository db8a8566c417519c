// obs_source_info of lcs_comment_feed and its per-source state.
#include "sources/comment-feed/comment-feed-source.hpp"

#include <algorithm>
#include <deque>
#include <set>

#include <obs-module.h>
#include <obs.hpp>

#include "render/qt-text.hpp"
#include "render/raster-source.hpp"
#include "sources/comment-feed/comment-feed-painter.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

constexpr int64_t kMinIntervalMs = 350; // at most ~3 ordinary comments a second on screen

class CommentFeedContent {
public:
	using Style = CommentFeedStyle;

	static Style read_style(obs_data_t *settings)
	{
		Style s;
		const FontChoice font = read_font(settings);
		s.font_face = font.face;
		s.font_style = font.style;
		s.font_px = font.size > 0 ? font.size : s.font_px;
		s.width = read_int(settings, "width", 100, 3840);
		s.height = read_int(settings, "height", 60, 2160);
		s.max_lines = read_int(settings, "max_lines", 1, 40);
		s.background_opacity = read_int(settings, "background_opacity", 0, 100);
		s.text_color = static_cast<uint32_t>(obs_data_get_int(settings, "text_color"));
		s.question_color = static_cast<uint32_t>(obs_data_get_int(settings, "question_color"));
		return s;
	}

	static void defaults(obs_data_t *settings)
	{
		const Style d;
		set_default_font(settings, d.font_px);
		obs_data_set_default_int(settings, "width", d.width);
		obs_data_set_default_int(settings, "height", d.height);
		obs_data_set_default_int(settings, "max_lines", d.max_lines);
		obs_data_set_default_int(settings, "background_opacity", d.background_opacity);
		obs_data_set_default_int(settings, "text_color", d.text_color);
		obs_data_set_default_int(settings, "question_color", d.question_color);
	}

	static obs_properties_t *properties()
	{
		obs_properties_t *props = obs_properties_create();
		add_frame_properties(props, "CommentFeed", 100, 60);
		obs_properties_add_int_slider(props, "max_lines", obs_module_text("CommentFeed.MaxLines"), 1, 40, 1);
		obs_properties_add_color_alpha(props, "text_color", obs_module_text("CommentFeed.TextColor"));
		obs_properties_add_color_alpha(props, "question_color", obs_module_text("CommentFeed.QuestionColor"));
		add_opacity_property(props, "CommentFeed");
		return props;
	}

	std::optional<render::PaintJob> paint(const Style &style, bool style_changed)
	{
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
		if (!style_changed && rows == painted_ && open == painted_open_)
			return std::nullopt;
		painted_ = rows;
		painted_open_ = open;
		return [rows = std::move(rows), open, style, labels = labels_] {
			return CommentFeedPainter::paint(rows, open, style, labels);
		};
	}

private:
	const FeedLabels labels_{obs_module_text("CommentFeed.QuestionBadge"), obs_module_text("CommentFeed.Waiting")};
	std::string session_id_;
	std::set<std::string> seen_;
	std::deque<session::FeedComment> backlog_;
	std::deque<session::FeedComment> admitted_;
	int64_t last_admit_ms_ = -1'000'000;
	std::vector<FeedRow> painted_;
	int painted_open_ = -1;
};

} // namespace

void register_comment_feed_source()
{
	RasterSource<CommentFeedContent>::register_source(kCommentFeedSourceId, "CommentFeed.Name");
}

} // namespace lcs::obs
