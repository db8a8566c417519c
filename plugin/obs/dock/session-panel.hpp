#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <QWidget>

#include "dock/desk-backend.hpp"
#include "dock/desk-settings.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QThreadPool;

// The desk's first tab: which script and scenario, who practises, for how long, with which seed;
// start and stop; paid traffic (投流) when the scenario has an ad budget; the practice scene. Pack files are read on the desk's pool, never on the UI
// thread.
namespace lcs::obs::dock {

class TrafficGroup;
class TranscriptGroup;

class SessionPanel : public QWidget {
public:
	SessionPanel(DeskBackend &backend, QThreadPool &pool, QWidget *parent = nullptr);

	void show_snapshot(const session::Snapshot &snapshot);
	/// Fills the form from saved settings and loads the remembered packs (when the script in use
	/// is not set yet).
	void restore(const DeskSettings &settings, bool load_packs);
	[[nodiscard]] DeskSettings settings() const;
	/// Called whenever something worth remembering changed.
	void on_settings_changed(std::function<void()> callback) { settings_changed_ = std::move(callback); }

	/// Loads pack files as the script in use (what choosing them in the list does).
	void load_packs(const std::vector<std::string> &files);

private:
	void fill_pack_list();
	void pack_chosen(int index);
	void start_or_stop();
	void fill_scenarios(const pack::Library *library);
	void status(const QString &text, bool problem);
	/// The paid-traffic group for the running session, or for the selected scenario.
	void show_traffic(const session::Snapshot &snapshot);
	void changed();

	DeskBackend &backend_;
	QThreadPool &pool_;
	QComboBox *pack_box_ = nullptr;
	QLabel *script_label_ = nullptr;
	QComboBox *scenario_box_ = nullptr;
	QCheckBox *random_seed_ = nullptr;
	QLineEdit *seed_edit_ = nullptr;
	QLineEdit *trainee_edit_ = nullptr;
	QSpinBox *duration_spin_ = nullptr;
	QPushButton *start_button_ = nullptr;
	QLabel *elapsed_label_ = nullptr;
	QPushButton *practice_button_ = nullptr;
	QLabel *status_label_ = nullptr;
	QLabel *log_error_label_ = nullptr; // the session log cannot be written (hidden while it can)
	TrafficGroup *traffic_ = nullptr;   // 投流, when the scenario has an ad budget
	TranscriptGroup *transcript_ = nullptr; // the text source followed as what the host says

	std::vector<std::string> pack_files_; // the packs the desk last loaded
	std::string wanted_scenario_;         // restored, applied when the library shows it
	const pack::Library *shown_library_ = nullptr;
	std::string shown_refusal_;
	bool running_ = false;
	bool loading_ = false;
	bool restoring_ = false;
	std::function<void()> settings_changed_;
};

} // namespace lcs::obs::dock
