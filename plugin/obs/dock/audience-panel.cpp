#include "dock/audience-panel.hpp"

#include <algorithm>

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/metrics/metrics.hpp"
#include "dock/desk-format.hpp"
#include "dock/desk-table.hpp"

namespace lcs::obs::dock {
namespace {

enum QuestionColumn { kWaiting, kViewer, kText, kAnswer };

} // namespace

QLabel *AudiencePanel::number(const char *name)
{
	auto *label = new QLabel(this);
	label->setObjectName(name);
	QFont f = label->font();
	f.setPointSizeF(f.pointSizeF() * 1.3);
	f.setBold(true);
	label->setFont(f);
	return label;
}

AudiencePanel::AudiencePanel(DeskBackend &backend, QWidget *parent) : QWidget(parent), backend_(backend)
{
	auto *grid = new QGridLayout;
	const auto add = [&](int row, int col, const char *caption, QLabel *value) {
		grid->addWidget(new QLabel(tr_text(backend_, caption), this), row * 2, col);
		grid->addWidget(value, row * 2 + 1, col);
	};
	add(0, 0, "Desk.Viewers", viewers_ = number("lcs.audience.viewers"));
	add(0, 1, "Desk.Orders", orders_ = number("lcs.audience.orders"));
	add(0, 2, "Desk.Gmv", gmv_ = number("lcs.audience.gmv"));
	add(1, 0, "Desk.Conversion", conversion_ = number("lcs.audience.conversion"));
	add(1, 1, "Desk.Follows", follows_ = number("lcs.audience.follows"));
	add(1, 2, "Desk.Voice", voice_ = number("lcs.audience.voice"));

	auto *call = new QPushButton(tr_text(backend_, "Desk.CallInteraction"), this);
	call->setObjectName("lcs.audience.call");
	call->setToolTip(hotkey_tip(backend_, "Hotkey.CallInteraction"));
	connect(call, &QPushButton::clicked, this, [this] { backend_.submit(session::CallInteraction{}); });
	auto *oldest = new QPushButton(tr_text(backend_, "Desk.AnswerOldest"), this);
	oldest->setObjectName("lcs.audience.answer_oldest");
	oldest->setToolTip(hotkey_tip(backend_, "Hotkey.AnswerOldestQuestion"));
	connect(oldest, &QPushButton::clicked, this, [this] { backend_.submit(session::AnswerComment{}); });
	auto *buttons = new QHBoxLayout;
	buttons->addWidget(call, 1);
	buttons->addWidget(oldest, 1);

	questions_ = make_table(this, "lcs.audience.questions",
				{tr_text(backend_, "Desk.Waiting"), tr_text(backend_, "Desk.Viewer"),
				 tr_text(backend_, "Desk.Question"), QString()});
	questions_->setWordWrap(true);
	questions_->horizontalHeader()->setSectionResizeMode(kWaiting, QHeaderView::ResizeToContents);
	questions_->horizontalHeader()->setSectionResizeMode(kText, QHeaderView::Stretch);
	activate_row_button(questions_, kAnswer);

	auto *layout = new QVBoxLayout(this);
	layout->addLayout(grid);
	layout->addLayout(buttons);
	layout->addWidget(new QLabel(tr_text(backend_, "Desk.OpenQuestions"), this));
	layout->addWidget(questions_, 1);
	more_questions_ = new QLabel(this);
	more_questions_->setObjectName("lcs.audience.more_questions");
	more_questions_->hide();
	layout->addWidget(more_questions_);
}

void AudiencePanel::show_snapshot(const session::Snapshot &s)
{
	viewers_->setText(QString::number(s.viewers));
	orders_->setText(QString::number(s.orders));
	gmv_->setText(yuan(s.gmv_cents));
	conversion_->setText(percent(s.metrics ? s.metrics->conversion_rate : std::nullopt));
	follows_->setText(QString::number(s.follows));
	if (!s.session_running || !s.talking) {
		voice_->setText(QStringLiteral("–"));
		voice_->setStyleSheet(QString());
	} else if (*s.talking) {
		voice_->setText(tr_text(backend_, "Desk.Talking"));
		voice_->setStyleSheet(QString());
	} else {
		// The same threshold as the metrics' dead air: silences of 3 s and more.
		const bool dead_air = s.silence_ms >= metrics::MetricsAccumulator::kDeadAirMs;
		voice_->setText(tr_text(backend_, dead_air ? "Desk.DeadAir" : "Desk.Silent").arg(clock(s.silence_ms)));
		voice_->setStyleSheet(dead_air ? QStringLiteral("color: #d9534f;") : QString());
	}
	show_questions(s);
}

void AudiencePanel::show_questions(const session::Snapshot &s)
{
	// The longest-waiting questions, to be answered first; a room left unanswered for hours has
	// thousands, and a row (with its button) for each would cost the UI thread and megabytes.
	const size_t listed = std::min(s.open_questions.size(), kListedQuestions);
	std::vector<std::string> ids;
	for (size_t i = 0; i < listed; ++i)
		ids.push_back(s.open_questions[i].comment_id);
	const size_t more = s.open_questions.size() - listed;
	more_questions_->setVisible(more > 0);
	if (more > 0)
		more_questions_->setText(tr_text(backend_, "Desk.MoreQuestions").arg(static_cast<qulonglong>(more)));
	if (ids != shown_ids_) {
		// The queue changed: rows again, keeping the selection on the same question when it stays.
		const int selected_row = questions_->currentRow();
		const std::string selected =
			selected_row >= 0 && selected_row < static_cast<int>(shown_ids_.size()) ? shown_ids_[selected_row] : "";
		shown_ids_ = ids;
		questions_->setRowCount(0); // releases (hides) the old rows' buttons before new ones take their cells
		questions_->setRowCount(static_cast<int>(ids.size()));
		for (int row = 0; row < static_cast<int>(ids.size()); ++row) {
			const auto &q = s.open_questions[row];
			questions_->setItem(row, kWaiting, read_only_cell(QString()));
			questions_->setItem(row, kViewer, read_only_cell(utf8(q.name)));
			questions_->setItem(row, kText, read_only_cell(utf8(q.text)));
			questions_->item(row, kText)->setToolTip(utf8(q.text));
			auto *answered = new QPushButton(tr_text(backend_, "Desk.Answered"), questions_);
			answered->setObjectName(QString::fromStdString("lcs.question.answer." + q.comment_id));
			const std::string id = q.comment_id;
			connect(answered, &QPushButton::clicked, this, [this, id] { backend_.submit(session::AnswerComment{id}); });
			questions_->setCellWidget(row, kAnswer, answered);
			if (q.comment_id == selected)
				questions_->setCurrentCell(row, kText);
		}
		questions_->resizeRowsToContents();
	}
	for (int row = 0; row < static_cast<int>(listed); ++row) {
		const int64_t waiting = s.now_ms - s.open_questions[row].t;
		auto *item = questions_->item(row, kWaiting);
		item->setText(clock(waiting));
		// A question waiting a minute or more is marked, to be answered first.
		item->setForeground(waiting >= 60'000 ? QBrush(QColor(0xd9, 0x53, 0x4f)) : questions_->palette().text());
	}
}

} // namespace lcs::obs::dock
