#include "dock/control-desk.hpp"

#include <QTabWidget>
#include <QVBoxLayout>

#include "dock/audience-panel.hpp"
#include "dock/desk-format.hpp"
#include "dock/library-panel.hpp"
#include "dock/review-panel.hpp"
#include "dock/script-panel.hpp"
#include "dock/session-panel.hpp"
#include "dock/shelf-panel.hpp"

namespace lcs::obs::dock {

ControlDesk::ControlDesk(DeskBackend &backend, config_t *config, QWidget *parent)
	: QWidget(parent), backend_(backend), config_(config)
{
	setObjectName("lcs.desk");
	pool_.setMaxThreadCount(1); // pack loads, session starts and reports run one after another, in order
	library_pool_.setMaxThreadCount(1);

	tabs_ = new QTabWidget(this);
	tabs_->setObjectName("lcs.desk.tabs");
	session_ = new SessionPanel(backend_, pool_, tabs_);
	script_ = new ScriptPanel(backend_, tabs_);
	shelf_ = new ShelfPanel(backend_, tabs_);
	audience_ = new AudiencePanel(backend_, tabs_);
	review_ = new ReviewPanel(backend_, pool_, tabs_);
	library_ = new LibraryPanel(backend_, backend_.library_hub(), library_pool_, tabs_);
	tabs_->addTab(session_, tr_text(backend_, "Desk.TabSession"));
	tabs_->addTab(script_, tr_text(backend_, "Desk.TabScript"));
	tabs_->addTab(shelf_, tr_text(backend_, "Desk.TabShelf"));
	tabs_->addTab(audience_, tr_text(backend_, "Desk.TabAudience"));
	tabs_->addTab(review_, tr_text(backend_, "Desk.TabReview"));
	tabs_->addTab(library_, tr_text(backend_, "Desk.TabLibrary"));
	// A library's pack chosen for the session goes the way the Session tab loads packs, so the
	// settings remember it (through <cache>/<id>/current/) and the session header names its library.
	library_->on_use_packs([this](const std::vector<std::string> &files) {
		session_->load_packs(files);
		tabs_->setCurrentWidget(session_);
	});

	auto *layout = new QVBoxLayout(this);
	layout->setContentsMargins(0, 0, 0, 0);
	layout->addWidget(tabs_);

	session_->restore(load_desk_settings(config_), false);
	session_->on_settings_changed([this] { save_settings(); });

	connect(&timer_, &QTimer::timeout, this, &ControlDesk::refresh);
	timer_.start(100);
	refresh();
}

ControlDesk::~ControlDesk()
{
	shutdown();
}

void ControlDesk::restore_packs()
{
	// The script that was in use when OBS closed comes back, even over a pack a scene's prompter
	// names: settings keep whatever was in use last, chosen here or in a prompter's properties.
	if (!backend_.snapshot()->session_running)
		session_->restore(load_desk_settings(config_), true);
}

void ControlDesk::refresh()
{
	if (shut_down_)
		return;
	library_->refresh();
	const auto snap = backend_.snapshot();
	if (!snap || snap->version == shown_version_)
		return;
	shown_version_ = snap->version;
	session_->show_snapshot(*snap);
	script_->show_snapshot(*snap);
	shelf_->show_snapshot(*snap);
	audience_->show_snapshot(*snap);
	review_->show_snapshot(*snap);
	// The session just ended: the review is what the trainee wants next.
	if (snap->session_ended && !shown_ended_)
		tabs_->setCurrentWidget(review_);
	shown_ended_ = snap->session_ended;
}

void ControlDesk::save_settings()
{
	if (shut_down_)
		return;
	DeskSettings settings = session_->settings();
	if (auto in_use = backend_.files_in_use(); !in_use.empty())
		settings.pack_files = std::move(in_use);
	save_desk_settings(config_, settings);
}

void ControlDesk::shutdown()
{
	if (shut_down_)
		return;
	save_settings();
	shut_down_ = true;
	timer_.stop();
	pool_.waitForDone();
	library_pool_.waitForDone();
}

} // namespace lcs::obs::dock
