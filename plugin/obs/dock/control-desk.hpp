#pragma once

#include <cstdint>

#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include "dock/desk-backend.hpp"
#include "dock/desk-settings.hpp"

class QTabWidget;

// The trainee's control desk: one widget with a tab per concern (session, script, shelf,
// audience, review, library). It polls the controller's snapshot ten times a second on the UI thread and
// redraws only when the snapshot's version moved; every action is a command on the core's queue.
namespace lcs::obs::dock {

class SessionPanel;
class ScriptPanel;
class ShelfPanel;
class AudiencePanel;
class ReviewPanel;
class LibraryPanel;

class ControlDesk : public QWidget {
public:
	/// `config`: where settings persist (inside OBS its user config: user.ini from OBS 31,
	/// global.ini before); may be null.
	ControlDesk(DeskBackend &backend, config_t *config, QWidget *parent = nullptr);
	~ControlDesk() override;

	/// Reads the snapshot now and redraws when it changed (the timer does this every 100 ms).
	void refresh();
	/// Loads the packs that were in use when OBS last closed (OBS finished loading).
	void restore_packs();
	/// Saves the settings and waits for the desk's background work: before OBS unloads us.
	void shutdown();

	[[nodiscard]] SessionPanel *session_panel() const { return session_; }
	[[nodiscard]] ReviewPanel *review_panel() const { return review_; }
	[[nodiscard]] LibraryPanel *library_panel() const { return library_; }
	[[nodiscard]] QTabWidget *tabs() const { return tabs_; }

private:
	void save_settings();

	DeskBackend &backend_;
	config_t *config_;
	QThreadPool pool_;
	QThreadPool library_pool_; // waits for library syncs (they run on the hub's worker), apart from pack loads
	QTimer timer_;
	QTabWidget *tabs_ = nullptr;
	SessionPanel *session_ = nullptr;
	ScriptPanel *script_ = nullptr;
	ShelfPanel *shelf_ = nullptr;
	AudiencePanel *audience_ = nullptr;
	ReviewPanel *review_ = nullptr;
	LibraryPanel *library_ = nullptr;
	uint64_t shown_version_ = 0;
	bool shown_ended_ = false;
	bool shut_down_ = false;
};

} // namespace lcs::obs::dock
