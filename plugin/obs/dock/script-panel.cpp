#include "dock/script-panel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "dock/desk-format.hpp"
#include "dock/finding-text.hpp"
#include "studio/compliance-marks.hpp"

namespace lcs::obs::dock {
namespace {

enum Column { kName, kPlanned, kActual };
enum FlagColumn { kFlagCue, kFlagSeverity, kFlagRule };

QPushButton *command_button(QWidget *parent, const QString &text, const char *name, const QString &tip)
{
	auto *button = new QPushButton(text, parent);
	button->setObjectName(name);
	button->setToolTip(tip);
	return button;
}

} // namespace

ScriptPanel::ScriptPanel(DeskBackend &backend, QWidget *parent) : QWidget(parent), backend_(backend)
{
	segment_label_ = new QLabel(this);
	segment_label_->setObjectName("lcs.script.segment");

	cue_label_ = new QLabel(this);
	cue_label_->setObjectName("lcs.script.cue");
	cue_label_->setWordWrap(true);
	cue_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
	QFont big = cue_label_->font();
	big.setPointSizeF(big.pointSizeF() * 1.6);
	cue_label_->setFont(big);

	note_label_ = new QLabel(this);
	note_label_->setObjectName("lcs.script.note");
	note_label_->setWordWrap(true);
	QFont italic = note_label_->font();
	italic.setItalic(true);
	note_label_->setFont(italic);

	keywords_label_ = new QLabel(this);
	keywords_label_->setObjectName("lcs.script.keywords");
	keywords_label_->setWordWrap(true);

	next_label_ = new QLabel(this);
	next_label_->setObjectName("lcs.script.next");
	next_label_->setWordWrap(true);
	next_label_->setEnabled(false); // drawn dimmed: it is not the line to say yet

	auto *previous = command_button(this, tr_text(backend_, "Desk.PreviousCue"), "lcs.script.previous_cue",
					hotkey_tip(backend_, "Hotkey.PreviousCue"));
	auto *next = command_button(this, tr_text(backend_, "Desk.NextCue"), "lcs.script.next_cue",
				    hotkey_tip(backend_, "Hotkey.NextCue"));
	auto *next_segment = command_button(this, tr_text(backend_, "Desk.NextSegment"), "lcs.script.next_segment",
					    hotkey_tip(backend_, "Hotkey.NextSegment"));
	auto *timer = command_button(this, tr_text(backend_, "Desk.PauseTimer"), "lcs.script.timer",
				     hotkey_tip(backend_, "Hotkey.ToggleSegmentTimer"));
	connect(previous, &QPushButton::clicked, this, [this] { backend_.submit(session::PreviousCue{}); });
	connect(next, &QPushButton::clicked, this, [this] { backend_.submit(session::NextCue{}); });
	connect(next_segment, &QPushButton::clicked, this, [this] { backend_.submit(session::NextSegment{}); });
	connect(timer, &QPushButton::clicked, this, [this] { backend_.submit(session::ToggleSegmentTimer{}); });
	auto *buttons = new QHBoxLayout;
	buttons->addWidget(previous);
	buttons->addWidget(next, 1);
	buttons->addWidget(next_segment);
	buttons->addWidget(timer);

	segments_ = new QTreeWidget(this);
	segments_->setObjectName("lcs.script.segments");
	segments_->setRootIsDecorated(false);
	segments_->setColumnCount(3);
	segments_->setHeaderLabels({tr_text(backend_, "Desk.Segment"), tr_text(backend_, "Desk.Planned"),
				    tr_text(backend_, "Desk.Actual")});
	segments_->header()->setSectionResizeMode(kName, QHeaderView::Stretch);
	segments_->header()->setStretchLastSection(false);
	// Enter or a double click on a segment jumps there.
	connect(segments_, &QTreeWidget::itemActivated, this, [this] { jump_to_selected(); });

	jump_button_ = command_button(this, tr_text(backend_, "Desk.Jump"), "lcs.script.jump", tr_text(backend_, "Desk.JumpTip"));
	connect(jump_button_, &QPushButton::clicked, this, &ScriptPanel::jump_to_selected);

	cue_mark_ = new QLabel(this);
	cue_mark_->setObjectName("lcs.script.cue_findings");
	cue_mark_->setWordWrap(true);
	cue_mark_->hide();

	flagged_title_ = new QLabel(this);
	flagged_title_->setObjectName("lcs.script.flagged_title");
	flagged_ = new QTreeWidget(this);
	flagged_->setObjectName("lcs.script.findings");
	flagged_->setRootIsDecorated(false);
	flagged_->setColumnCount(3);
	flagged_->setHeaderLabels({tr_text(backend_, "Desk.Cue"), tr_text(backend_, "Desk.Severity"),
				   tr_text(backend_, "Desk.Rule")});
	flagged_->header()->setSectionResizeMode(kFlagCue, QHeaderView::Stretch);
	flagged_->header()->setStretchLastSection(false);
	flagged_title_->hide();
	flagged_->hide();

	auto *layout = new QVBoxLayout(this);
	layout->addWidget(segment_label_);
	layout->addWidget(cue_label_);
	layout->addWidget(cue_mark_);
	layout->addWidget(note_label_);
	layout->addWidget(keywords_label_);
	layout->addWidget(next_label_);
	layout->addLayout(buttons);
	layout->addWidget(segments_, 1);
	layout->addWidget(jump_button_);
	layout->addWidget(flagged_title_);
	layout->addWidget(flagged_, 1);
}

void ScriptPanel::fill_flagged(const session::Snapshot &s)
{
	flagged_->clear();
	int cues = 0;
	if (s.library && s.script_findings) {
		for (const auto *segment : s.library->segments())
			for (const auto &cue : segment->cues) {
				const auto it = s.script_findings->find(cue.id);
				const compliance::Finding *mark = it == s.script_findings->end() ? nullptr : mark_finding(it->second);
				if (!mark)
					continue;
				++cues;
				auto *item = new QTreeWidgetItem(flagged_);
				item->setText(kFlagCue, QStringLiteral("%1 · %2").arg(utf8(cue.id), utf8(cue.text)));
				item->setData(kFlagCue, Qt::UserRole, utf8(cue.id));
				item->setText(kFlagSeverity, severity_text(backend_, mark->severity));
				item->setForeground(kFlagSeverity, QBrush(severity_color(mark->severity)));
				item->setText(kFlagRule, utf8(mark->rule));
				const QString tip = findings_tip(backend_, it->second);
				for (int c = 0; c < 3; ++c)
					item->setToolTip(c, tip);
			}
	}
	flagged_title_->setText(tr_text(backend_, "Desk.FlaggedCues").arg(cues));
	flagged_title_->setVisible(cues > 0);
	flagged_->setVisible(cues > 0);
}

void ScriptPanel::show_cue_mark(const compliance::Findings &findings)
{
	const auto *mark = mark_finding(findings);
	if (!mark) {
		cue_mark_->clear();
		cue_mark_->setToolTip(QString());
		cue_mark_->hide();
		return;
	}
	QString text = finding_line(backend_, *mark);
	if (!mark->suggestion.empty())
		text += QStringLiteral("\n") + tr_text(backend_, "Compliance.Suggestion").arg(utf8(mark->suggestion));
	cue_mark_->setText(text);
	cue_mark_->setToolTip(findings_tip(backend_, findings));
	cue_mark_->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(severity_color(mark->severity).name()));
	cue_mark_->show();
}

void ScriptPanel::fill_segments(const pack::Library *library)
{
	segments_->clear();
	shown_segment_ = -1;
	if (!library)
		return;
	for (const auto *segment : library->segments()) {
		auto *item = new QTreeWidgetItem(segments_);
		item->setText(kName, utf8(segment->name));
		item->setData(kName, Qt::UserRole, utf8(segment->id));
		item->setText(kPlanned, clock(int64_t{segment->planned_seconds} * 1000));
		item->setTextAlignment(kPlanned, Qt::AlignRight | Qt::AlignVCenter);
		item->setTextAlignment(kActual, Qt::AlignRight | Qt::AlignVCenter);
	}
}

void ScriptPanel::jump_to_selected()
{
	const auto *item = segments_->currentItem();
	if (!item)
		return;
	backend_.submit(session::JumpToSegment{item->data(kName, Qt::UserRole).toString().toStdString()});
}

void ScriptPanel::show_snapshot(const session::Snapshot &s)
{
	if (s.library.get() != shown_library_) {
		shown_library_ = s.library.get();
		fill_segments(shown_library_);
		flagged_filled_ = false;
	}
	if (!flagged_filled_ || s.script_findings != shown_findings_) {
		shown_findings_ = s.script_findings;
		flagged_filled_ = true;
		fill_flagged(s);
	}
	show_cue_mark(s.cue.has_script ? s.cue_findings : compliance::Findings{});
	const auto &cue = s.cue;
	if (!cue.has_script) {
		segment_label_->setText(QString());
		cue_label_->setText(tr_text(backend_, "Desk.NoScript"));
		note_label_->clear();
		keywords_label_->clear();
		next_label_->clear();
		return;
	}
	segment_label_->setText(QStringLiteral("%1/%2 · %3 · %4 / %5%6")
					.arg(cue.segment_index + 1)
					.arg(cue.segment_count)
					.arg(utf8(cue.segment_name), clock(cue.segment_elapsed_ms), clock(cue.segment_planned_ms),
					     cue.timer_paused ? QStringLiteral(" · ") + tr_text(backend_, "Desk.Paused")
							      : QString()));
	// Over the plan: the segment line turns the warning colour, as on the overlay.
	segment_label_->setStyleSheet(cue.segment_elapsed_ms > cue.segment_planned_ms ? QStringLiteral("color: #d9534f;")
										       : QString());
	cue_label_->setText(utf8(cue.cue_text));
	note_label_->setText(cue.coach_note.empty() ? QString() : tr_text(backend_, "Desk.Note").arg(utf8(cue.coach_note)));
	QStringList words;
	for (const auto &w : cue.keywords_pending)
		words << utf8(w);
	keywords_label_->setText(words.isEmpty() ? QString() : tr_text(backend_, "Desk.Keywords").arg(words.join(backend_.language() == "zh-CN" ? QStringLiteral("、") : QStringLiteral(", "))));
	next_label_->setText(cue.next_cue_text.empty() ? tr_text(backend_, "Desk.EndOfScript")
						       : tr_text(backend_, "Desk.Next").arg(utf8(cue.next_cue_text)));

	for (int i = 0; i < segments_->topLevelItemCount(); ++i) {
		auto *item = segments_->topLevelItem(i);
		const int64_t actual = i < static_cast<int>(s.segment_elapsed_ms.size()) ? s.segment_elapsed_ms[i] : 0;
		item->setText(kActual, actual > 0 ? clock(actual) : QString());
		const bool over = shown_library_ && actual > int64_t{shown_library_->segments()[i]->planned_seconds} * 1000;
		item->setForeground(kActual, over ? QBrush(QColor(0xd9, 0x53, 0x4f)) : segments_->palette().text());
		if (i == shown_segment_ || i == cue.segment_index) {
			QFont f = item->font(kName);
			f.setBold(i == cue.segment_index);
			for (int c = 0; c < 3; ++c)
				item->setFont(c, f);
		}
	}
	shown_segment_ = cue.segment_index;
}

} // namespace lcs::obs::dock
