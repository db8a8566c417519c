#pragma once

#include <functional>
#include <string>

#include <QComboBox>
#include <QGroupBox>

#include "dock/desk-backend.hpp"

class QLabel;

// The Session tab's transcript: which OBS text source to follow as what the host says (what a
// captioning plugin writes; "none" by default), the latest recognised text, and the recent
// compliance findings in what was said. The list of text sources is read again each time it opens
// (sources come and go); a remembered source that does not exist (yet) stays chosen.
namespace lcs::obs::dock {

class TranscriptGroup : public QGroupBox {
public:
	explicit TranscriptGroup(DeskBackend &backend, QWidget *parent = nullptr);

	/// The chosen source's name ("" none).
	[[nodiscard]] std::string source() const;
	/// Chooses a source (restored settings) and follows it; not a change to save.
	void set_source(const std::string &name);
	/// Reads the text sources again (keeping the choice).
	void refresh_sources();
	void on_changed(std::function<void()> callback) { changed_ = std::move(callback); }
	void show_snapshot(const session::Snapshot &snapshot);

private:
	class SourceBox : public QComboBox {
	public:
		using QComboBox::QComboBox;
		std::function<void()> before_popup;
		void showPopup() override;
	};
	void chosen();

	DeskBackend &backend_;
	SourceBox *box_ = nullptr;
	QLabel *speech_ = nullptr;
	QLabel *findings_ = nullptr;
	std::string chosen_;
	bool filling_ = false;
	std::function<void()> changed_;
};

} // namespace lcs::obs::dock
