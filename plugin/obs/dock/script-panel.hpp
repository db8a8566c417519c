#pragma once

#include <QWidget>

#include "dock/desk-backend.hpp"

class QLabel;
class QPushButton;
class QTreeWidget;

// The trainee's own teleprompter (not the on-stream overlay): the cue to say now, the coach's
// note, the next cue; the show's segments with planned and actual time, and jumping between them.
// Compliance: the current cue's flags (ban, caution) under it with the suggestion, and every cue of
// the script that has flags (Snapshot::script_findings, in show order) with severity and rule, the
// message, suggestion and legal basis in its tooltip: marked before the trainee says it.
namespace lcs::obs::dock {

class ScriptPanel : public QWidget {
public:
	explicit ScriptPanel(DeskBackend &backend, QWidget *parent = nullptr);
	void show_snapshot(const session::Snapshot &snapshot);

private:
	void fill_segments(const pack::Library *library);
	void jump_to_selected();
	void fill_flagged(const session::Snapshot &snapshot);
	void show_cue_mark(const compliance::Findings &findings);

	DeskBackend &backend_;
	QLabel *segment_label_ = nullptr;
	QLabel *cue_label_ = nullptr;
	QLabel *note_label_ = nullptr;
	QLabel *keywords_label_ = nullptr;
	QLabel *next_label_ = nullptr;
	QTreeWidget *segments_ = nullptr;
	QPushButton *jump_button_ = nullptr;
	QLabel *cue_mark_ = nullptr;      // the current cue's first flag and its suggestion
	QLabel *flagged_title_ = nullptr; // how many cues have flags
	QTreeWidget *flagged_ = nullptr;  // every cue with flags: cue, severity, rule
	const pack::Library *shown_library_ = nullptr;
	std::shared_ptr<const std::map<std::string, compliance::Findings>> shown_findings_; // shown in flagged_
	bool flagged_filled_ = false;
	int shown_segment_ = -1;
};

} // namespace lcs::obs::dock
