#pragma once

#include <string>
#include <vector>

#include <QWidget>

#include "dock/desk-backend.hpp"

class QLabel;
class QTableWidget;

// The room as the trainee must watch it: viewers, orders, GMV, conversion, the microphone's dead
// air; the open questions oldest first with how long each has waited and an "answered" button;
// and the call for interaction (扣1).
namespace lcs::obs::dock {

class AudiencePanel : public QWidget {
public:
	explicit AudiencePanel(DeskBackend &backend, QWidget *parent = nullptr);
	void show_snapshot(const session::Snapshot &snapshot);

private:
	QLabel *number(const char *name);
	void show_questions(const session::Snapshot &s);

	DeskBackend &backend_;
	QLabel *viewers_ = nullptr;
	QLabel *orders_ = nullptr;
	QLabel *gmv_ = nullptr;
	QLabel *conversion_ = nullptr;
	QLabel *follows_ = nullptr;
	QLabel *voice_ = nullptr;
	QTableWidget *questions_ = nullptr;
	QLabel *more_questions_ = nullptr; // "N more waiting" past the listed ones
	static constexpr size_t kListedQuestions = 50;
	std::vector<std::string> shown_ids_;
};

} // namespace lcs::obs::dock
