#include "dock/transcript-group.hpp"

#include <algorithm>

#include <QFormLayout>
#include <QLabel>
#include <QStringList>

#include "dock/desk-format.hpp"
#include "dock/finding-text.hpp"
#include "studio/compliance-marks.hpp"

namespace lcs::obs::dock {
namespace {
constexpr size_t kShownFindings = 3; // the newest speech findings on the tab (all in the tooltip)
}

void TranscriptGroup::SourceBox::showPopup()
{
	if (before_popup)
		before_popup();
	QComboBox::showPopup();
}

TranscriptGroup::TranscriptGroup(DeskBackend &backend, QWidget *parent)
	: QGroupBox(tr_text(backend, "Desk.Transcript"), parent), backend_(backend)
{
	setObjectName("lcs.session.transcript_group");
	box_ = new SourceBox(this);
	box_->setObjectName("lcs.session.transcript");
	box_->setToolTip(tr_text(backend_, "Desk.TranscriptTip"));
	box_->before_popup = [this] { refresh_sources(); };
	connect(box_, qOverload<int>(&QComboBox::activated), this, [this](int) { chosen(); });

	speech_ = new QLabel(this);
	speech_->setObjectName("lcs.session.speech");
	speech_->setWordWrap(true);
	speech_->setTextInteractionFlags(Qt::TextSelectableByMouse);
	findings_ = new QLabel(this);
	findings_->setObjectName("lcs.session.speech_findings");
	findings_->setWordWrap(true);

	auto *form = new QFormLayout(this);
	form->addRow(tr_text(backend_, "Desk.TranscriptSource"), box_);
	form->addRow(tr_text(backend_, "Desk.Heard"), speech_);
	form->addRow(findings_);
	refresh_sources();
}

std::string TranscriptGroup::source() const
{
	return chosen_;
}

void TranscriptGroup::refresh_sources()
{
	filling_ = true;
	auto names = backend_.text_sources();
	if (!chosen_.empty() && std::find(names.begin(), names.end(), chosen_) == names.end())
		names.push_back(chosen_); // remembered, not (yet) in OBS: still the choice
	box_->clear();
	box_->addItem(tr_text(backend_, "Desk.TranscriptNone"), QString());
	for (const auto &name : names)
		box_->addItem(utf8(name), utf8(name));
	box_->setCurrentIndex(std::max(0, box_->findData(utf8(chosen_))));
	filling_ = false;
}

void TranscriptGroup::set_source(const std::string &name)
{
	chosen_ = name;
	refresh_sources();
	backend_.follow_transcript(chosen_);
}

void TranscriptGroup::chosen()
{
	if (filling_)
		return;
	const std::string name = box_->currentData().toString().toStdString();
	if (name == chosen_)
		return;
	chosen_ = name;
	backend_.follow_transcript(chosen_);
	if (changed_)
		changed_();
}

void TranscriptGroup::show_snapshot(const session::Snapshot &s)
{
	QString heard = utf8(s.last_speech);
	if (!heard.isEmpty() && !s.last_speech_final)
		heard += QStringLiteral(" …");
	speech_->setText(heard);
	QStringList lines;
	const auto &all = s.speech_findings;
	for (size_t i = all.size() > kShownFindings ? all.size() - kShownFindings : 0; i < all.size(); ++i)
		if (all[i].severity != compliance::Severity::info)
			lines << finding_line(backend_, all[i]);
	findings_->setText(lines.join(QStringLiteral("\n")));
	findings_->setToolTip(findings_tip(backend_, all));
	const auto *mark = mark_finding(all);
	findings_->setStyleSheet(mark ? QStringLiteral("color: %1;").arg(severity_color(mark->severity).name()) : QString());
}

} // namespace lcs::obs::dock
