#pragma once

#include <QWidget>

#include "dock/desk-backend.hpp"

class QLabel;
class QPushButton;
class QTreeWidget;

// The trainee's own teleprompter (not the on-stream overlay): the cue to say now, the coach's
// note, the next cue; the show's segments with planned and actual time, and jumping between them.
namespace lcs::obs::dock {

class ScriptPanel : public QWidget {
public:
	explicit ScriptPanel(DeskBackend &backend, QWidget *parent = nullptr);
	void show_snapshot(const session::Snapshot &snapshot);

private:
	void fill_segments(const pack::Library *library);
	void jump_to_selected();

	DeskBackend &backend_;
	QLabel *segment_label_ = nullptr;
	QLabel *cue_label_ = nullptr;
	QLabel *note_label_ = nullptr;
	QLabel *keywords_label_ = nullptr;
	QLabel *next_label_ = nullptr;
	QTreeWidget *segments_ = nullptr;
	QPushButton *jump_button_ = nullptr;
	const pack::Library *shown_library_ = nullptr;
	int shown_segment_ = -1;
};

} // namespace lcs::obs::dock
