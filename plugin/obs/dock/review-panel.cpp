#include "dock/review-panel.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QThreadPool>
#include <QVBoxLayout>

#include "core/pack/pack_loader.hpp"
#include "core/report/html_report.hpp"
#include "core/report/rubric.hpp"
#include "core/report/session_report.hpp"
#include "dock/desk-async.hpp"
#include "dock/desk-format.hpp"

namespace lcs::obs::dock {

WrittenReport write_html_report(const std::string &log_path, const std::string &rubric_file, const std::string &language)
{
	WrittenReport written;
	const auto report = report::build_report(log_path);
	if (report.header.is_null())
		throw std::runtime_error(report.problems.empty() ? "the session log has no header: " + log_path
								 : report.problems.front().to_string());
	std::optional<report::RubricResult> rubric;
	std::error_code ec;
	if (rubric_file.empty() || !std::filesystem::exists(std::filesystem::u8path(rubric_file), ec)) {
		written.rubric_problem = "the rubric file is missing: " + (rubric_file.empty() ? std::string("(none)") : rubric_file);
	} else {
		diag::Diagnostics problems;
		rubric = report::score(report, std::filesystem::u8path(rubric_file), language, problems);
		if (!rubric) {
			const auto first = std::find_if(problems.begin(), problems.end(),
							[](const diag::Diagnostic &d) { return d.severity == diag::Severity::Error; });
			written.rubric_problem = first != problems.end() ? first->to_string() : "the rubric cannot be read: " + rubric_file;
		}
	}
	auto html_path = std::filesystem::u8path(log_path).replace_extension(".html");
	const auto tmp = std::filesystem::path(html_path).concat(".tmp");
	{
		std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
		out << report::to_html(report, rubric, language);
		if (!out)
			throw std::runtime_error("cannot write " + pack::path_utf8(tmp));
	}
	std::filesystem::rename(tmp, html_path, ec); // never a half-written report under the real name
	if (ec)
		throw std::runtime_error("cannot write " + pack::path_utf8(html_path) + ": " + ec.message());
	written.path = pack::path_utf8(html_path);
	return written;
}

ReviewPanel::ReviewPanel(DeskBackend &backend, QThreadPool &pool, QWidget *parent)
	: QWidget(parent), backend_(backend), pool_(pool)
{
	title_ = new QLabel(tr_text(backend_, "Desk.NoSessionYet"), this);
	title_->setObjectName("lcs.review.title");
	title_->setWordWrap(true);

	auto *form = new QFormLayout;
	const auto add = [&](const char *caption, const char *name) {
		auto *value = new QLabel(QStringLiteral("–"), this);
		value->setObjectName(name);
		value->setTextInteractionFlags(Qt::TextSelectableByMouse);
		form->addRow(tr_text(backend_, caption), value);
		return value;
	};
	gmv_ = add("Desk.Gmv", "lcs.review.gmv");
	orders_ = add("Desk.Orders", "lcs.review.orders");
	buyers_ = add("Desk.Buyers", "lcs.review.buyers");
	uv_ = add("Desk.Uv", "lcs.review.uv");
	conversion_ = add("Desk.Conversion", "lcs.review.conversion");
	gpm_ = add("Desk.Gpm", "lcs.review.gpm");
	uv_value_ = add("Desk.UvValue", "lcs.review.uv_value");
	aov_ = add("Desk.Aov", "lcs.review.aov");
	watch_ = add("Desk.AvgWatch", "lcs.review.avg_watch");
	interaction_ = add("Desk.Interaction", "lcs.review.interaction");
	response_ = add("Desk.ResponseRate", "lcs.review.response");
	talk_ = add("Desk.TalkRatio", "lcs.review.talk");
	dead_air_ = add("Desk.DeadAirTotal", "lcs.review.dead_air");
	flags_ = add("Desk.ComplianceFlags", "lcs.review.flags");

	report_button_ = new QPushButton(tr_text(backend_, "Desk.OpenReport"), this);
	report_button_->setObjectName("lcs.review.open_report");
	report_button_->setEnabled(false);
	connect(report_button_, &QPushButton::clicked, this, &ReviewPanel::open_report);
	folder_button_ = new QPushButton(tr_text(backend_, "Desk.OpenSessions"), this);
	folder_button_->setObjectName("lcs.review.open_folder");
	folder_button_->setEnabled(false);
	connect(folder_button_, &QPushButton::clicked, this, [this] {
		backend_.open_file(pack::path_utf8(std::filesystem::u8path(log_path_).parent_path()));
	});
	auto *buttons = new QHBoxLayout;
	buttons->addWidget(report_button_, 1);
	buttons->addWidget(folder_button_);

	status_ = new QLabel(this);
	status_->setObjectName("lcs.review.status");
	status_->setWordWrap(true);
	status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

	log_error_ = new QLabel(this);
	log_error_->setObjectName("lcs.review.log_error");
	log_error_->setWordWrap(true);
	log_error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
	log_error_->setStyleSheet(QStringLiteral("color: #d9534f; font-weight: bold;"));
	log_error_->hide();

	auto *layout = new QVBoxLayout(this);
	layout->addWidget(title_);
	layout->addWidget(log_error_);
	layout->addLayout(form);
	layout->addLayout(buttons);
	layout->addWidget(status_);
	layout->addStretch(1);
}

void ReviewPanel::show_snapshot(const session::Snapshot &s)
{
	if (s.session_id.empty())
		return;
	title_->setText(tr_text(backend_, s.session_running ? "Desk.SessionRunning" : "Desk.SessionEnded")
				.arg(utf8(s.session_id), utf8(s.trainee))
				.arg(s.seed));
	show_log_error(backend_, *log_error_, s.log_error);
	if (const auto &m = s.metrics) {
		gmv_->setText(yuan(m->gmv_cents));
		orders_->setText(QString::number(m->orders));
		buyers_->setText(QString::number(m->buyers));
		uv_->setText(QString::number(m->uv));
		conversion_->setText(percent(m->conversion_rate));
		const auto money = [](const std::optional<double> &cents) {
			return cents ? yuan(static_cast<int64_t>(*cents + 0.5)) : QStringLiteral("–");
		};
		gpm_->setText(money(m->gpm_cents));
		uv_value_->setText(money(m->uv_value_cents));
		aov_->setText(money(m->aov_cents));
		watch_->setText(m->avg_watch_s ? clock(static_cast<int64_t>(*m->avg_watch_s * 1000)) : QStringLiteral("–"));
		interaction_->setText(percent(m->interaction_rate));
		response_->setText(percent(m->response_rate));
		talk_->setText(percent(m->talk_ratio));
		dead_air_->setText(clock(static_cast<int64_t>(m->dead_air_s * 1000)));
		flags_->setText(QString::number(m->compliance_flags));
	}
	log_path_ = s.last_log_path;
	report_button_->setEnabled(!writing_ && s.session_ended && s.log_finished && !log_path_.empty());
	folder_button_->setEnabled(!log_path_.empty());
}

void ReviewPanel::open_report()
{
	if (log_path_.empty() || writing_)
		return;
	writing_ = true;
	report_button_->setEnabled(false);
	status_->setText(tr_text(backend_, "Desk.WritingReport"));
	struct Outcome {
		WrittenReport report;
		std::string error;
	};
	const std::string log = log_path_, rubric = backend_.rubric_file(), language = backend_.language();
	run_async<Outcome>(
		pool_, this,
		[log, rubric, language] {
			try {
				return Outcome{write_html_report(log, rubric, language), {}};
			} catch (const std::exception &e) {
				return Outcome{{}, e.what()};
			}
		},
		[this](Outcome outcome) {
			writing_ = false;
			report_button_->setEnabled(true);
			if (!outcome.error.empty()) {
				status_->setText(tr_text(backend_, "Desk.ReportFailed").arg(utf8(outcome.error)));
				return;
			}
			const auto &written = outcome.report;
			if (written.rubric_problem.empty())
				status_->setText(tr_text(backend_, "Desk.ReportWritten").arg(utf8(written.path)));
			else
				status_->setText(tr_text(backend_, "Desk.ReportWrittenWithoutRubric")
							 .arg(utf8(written.path), utf8(written.rubric_problem)));
			backend_.open_file(written.path);
		});
}

} // namespace lcs::obs::dock
