#pragma once

#include <string>
#include <vector>

#include <QImage>

namespace lcs::obs {

struct CommentFeedStyle {
	std::string font_face;
	std::string font_style;
	int width = 440;
	int height = 520;
	int font_px = 22;
	int max_lines = 10;
	uint32_t text_color = 0xFFFFFFFF;
	uint32_t name_color = 0xFFC8E6FF;
	uint32_t question_color = 0xFF3BC8FF;
	uint32_t overdue_color = 0xFF3B3BFF;
	uint32_t background_color = 0xFF1E1A17;
	int background_opacity = 55;
	bool operator==(const CommentFeedStyle &) const = default;
};

struct FeedRow {
	std::string name;
	std::string text;
	bool question = false;
	bool answered = false;
	int age_bucket = 0; // seconds / 5, for unanswered questions
	bool operator==(const FeedRow &) const = default;
};

struct FeedLabels {
	std::string question_badge; // "问" / "Q"
	std::string waiting;        // "%1 questions waiting"
};

class CommentFeedPainter {
public:
	/// Rows oldest first, newest at the bottom; a header with the open-question count.
	static QImage paint(const std::vector<FeedRow> &rows, int open_questions, const CommentFeedStyle &style,
			    const FeedLabels &labels);
};

} // namespace lcs::obs
