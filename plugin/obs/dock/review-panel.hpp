#pragma once

#include <string>

#include <QWidget>

#include "dock/desk-backend.hpp"

class QLabel;
class QPushButton;
class QThreadPool;

// After (and during) a session: the contract's key metrics, and the coach's HTML report written
// next to the session log and opened with the desktop's browser.
namespace lcs::obs::dock {

class ReviewPanel : public QWidget {
public:
	ReviewPanel(DeskBackend &backend, QThreadPool &pool, QWidget *parent = nullptr);
	void show_snapshot(const session::Snapshot &snapshot);
	/// Writes the last session's HTML report (on the pool) and opens it.
	void open_report();

private:
	DeskBackend &backend_;
	QThreadPool &pool_;
	QLabel *title_ = nullptr;
	QLabel *gmv_ = nullptr, *orders_ = nullptr, *buyers_ = nullptr, *uv_ = nullptr, *conversion_ = nullptr,
	       *gpm_ = nullptr, *uv_value_ = nullptr, *aov_ = nullptr, *watch_ = nullptr, *interaction_ = nullptr,
	       *response_ = nullptr, *talk_ = nullptr, *dead_air_ = nullptr, *flags_ = nullptr;
	QPushButton *report_button_ = nullptr;
	QPushButton *folder_button_ = nullptr;
	QLabel *status_ = nullptr;
	QLabel *log_error_ = nullptr; // the session log cannot be written: the report will lack its end
	std::string log_path_;
	bool writing_ = false;
};

struct WrittenReport {
	std::string path;           // the HTML file
	std::string rubric_problem; // why the page has no rubric ("" when it was scored)
};

/// Writes `<log>.html` (the coach's report, scored with the rubric) for a finished session log.
/// A missing or broken rubric never stops the page, but is said in `rubric_problem` (file:line:col
/// for a broken one). Throws std::runtime_error saying what failed when no page can be written.
WrittenReport write_html_report(const std::string &log_path, const std::string &rubric_file, const std::string &language);

} // namespace lcs::obs::dock
