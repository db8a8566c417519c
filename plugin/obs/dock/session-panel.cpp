#include "dock/session-panel.hpp"

#include <random>

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QThreadPool>
#include <QVBoxLayout>

#include "dock/desk-async.hpp"
#include "dock/desk-format.hpp"
#include "dock/traffic-group.hpp"
#include "dock/transcript-group.hpp"

namespace lcs::obs::dock {
namespace {

constexpr int kBrowseRole = Qt::UserRole + 1; // marks the "other pack files…" entry

uint64_t fresh_seed()
{
	// Nine digits: short enough to read out to a coach who wants to replay the room.
	std::random_device device;
	return std::uniform_int_distribution<uint64_t>(1, 999'999'999)(device);
}

QStringList to_qt(const std::vector<std::string> &files)
{
	QStringList list;
	for (const auto &f : files)
		list << QString::fromStdString(f);
	return list;
}

std::vector<std::string> from_qt(const QStringList &list)
{
	std::vector<std::string> files;
	for (const auto &f : list)
		files.push_back(f.toStdString());
	return files;
}

} // namespace

SessionPanel::SessionPanel(DeskBackend &backend, QThreadPool &pool, QWidget *parent)
	: QWidget(parent), backend_(backend), pool_(pool)
{
	auto *form = new QFormLayout;
	form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

	pack_box_ = new QComboBox(this);
	pack_box_->setObjectName("lcs.session.pack");
	fill_pack_list();
	connect(pack_box_, QOverload<int>::of(&QComboBox::activated), this, &SessionPanel::pack_chosen);
	form->addRow(tr_text(backend_, "Desk.Pack"), pack_box_);

	script_label_ = new QLabel(this);
	script_label_->setObjectName("lcs.session.script");
	script_label_->setWordWrap(true);
	form->addRow(QString(), script_label_);

	scenario_box_ = new QComboBox(this);
	scenario_box_->setObjectName("lcs.session.scenario");
	connect(scenario_box_, QOverload<int>::of(&QComboBox::activated), this, [this] {
		show_traffic(*backend_.snapshot());
		changed();
	});
	form->addRow(tr_text(backend_, "Desk.Scenario"), scenario_box_);

	auto *seed_row = new QHBoxLayout;
	random_seed_ = new QCheckBox(tr_text(backend_, "Desk.RandomSeed"), this);
	random_seed_->setObjectName("lcs.session.random_seed");
	random_seed_->setChecked(true);
	seed_edit_ = new QLineEdit(this);
	seed_edit_->setObjectName("lcs.session.seed");
	seed_edit_->setValidator(new QRegularExpressionValidator(QRegularExpression("[0-9]{1,20}"), seed_edit_));
	seed_edit_->setToolTip(tr_text(backend_, "Desk.SeedTip"));
	seed_edit_->setReadOnly(true);
	connect(random_seed_, &QCheckBox::toggled, this, [this](bool random) {
		seed_edit_->setReadOnly(random);
		changed();
	});
	connect(seed_edit_, &QLineEdit::editingFinished, this, [this] { changed(); });
	seed_row->addWidget(seed_edit_, 1);
	seed_row->addWidget(random_seed_);
	form->addRow(tr_text(backend_, "Desk.Seed"), seed_row);

	trainee_edit_ = new QLineEdit(this);
	trainee_edit_->setObjectName("lcs.session.trainee");
	trainee_edit_->setPlaceholderText(tr_text(backend_, "Desk.TraineePlaceholder"));
	connect(trainee_edit_, &QLineEdit::editingFinished, this, [this] { changed(); });
	form->addRow(tr_text(backend_, "Desk.Trainee"), trainee_edit_);

	duration_spin_ = new QSpinBox(this);
	duration_spin_->setObjectName("lcs.session.duration");
	duration_spin_->setRange(0, 240);
	duration_spin_->setSuffix(tr_text(backend_, "Desk.MinutesSuffix"));
	duration_spin_->setSpecialValueText(tr_text(backend_, "Desk.ScenarioDuration"));
	connect(duration_spin_, QOverload<int>::of(&QSpinBox::valueChanged), this, [this] { changed(); });
	form->addRow(tr_text(backend_, "Desk.Duration"), duration_spin_);

	start_button_ = new QPushButton(tr_text(backend_, "Desk.Start"), this);
	start_button_->setObjectName("lcs.session.start");
	start_button_->setToolTip(hotkey_tip(backend_, "Hotkey.StartStopSession"));
	connect(start_button_, &QPushButton::clicked, this, &SessionPanel::start_or_stop);

	elapsed_label_ = new QLabel(this);
	elapsed_label_->setObjectName("lcs.session.elapsed");
	QFont big = elapsed_label_->font();
	big.setPointSizeF(big.pointSizeF() * 1.4);
	big.setBold(true);
	elapsed_label_->setFont(big);

	auto *run_row = new QHBoxLayout;
	run_row->addWidget(start_button_);
	run_row->addWidget(elapsed_label_, 1);

	practice_button_ = new QPushButton(tr_text(backend_, "Desk.PracticeScene"), this);
	practice_button_->setObjectName("lcs.session.practice_scene");
	practice_button_->setToolTip(tr_text(backend_, "Desk.PracticeSceneTip"));
	connect(practice_button_, &QPushButton::clicked, this, [this] {
		const auto result = backend_.create_practice_scene();
		status(utf8(result.message), !result.ok);
	});

	status_label_ = new QLabel(this);
	status_label_->setObjectName("lcs.session.status");
	status_label_->setWordWrap(true);
	status_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);

	log_error_label_ = new QLabel(this);
	log_error_label_->setObjectName("lcs.session.log_error");
	log_error_label_->setWordWrap(true);
	log_error_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
	log_error_label_->setStyleSheet(QStringLiteral("color: #d9534f; font-weight: bold;"));
	log_error_label_->hide();

	traffic_ = new TrafficGroup(backend_, this);
	transcript_ = new TranscriptGroup(backend_, this);
	transcript_->on_changed([this] { changed(); });

	auto *layout = new QVBoxLayout(this);
	layout->addLayout(form);
	layout->addLayout(run_row);
	layout->addWidget(log_error_label_);
	layout->addWidget(traffic_);
	layout->addWidget(transcript_);
	layout->addWidget(practice_button_);
	layout->addWidget(status_label_);
	layout->addStretch(1);
}

void SessionPanel::fill_pack_list()
{
	pack_box_->clear();
	for (const auto &p : backend_.bundled_packs())
		pack_box_->addItem(QStringLiteral("%1 (%2)").arg(utf8(p.name), utf8(p.language)), QStringList{utf8(p.path)});
	pack_box_->addItem(tr_text(backend_, "Desk.PackFiles"));
	pack_box_->setItemData(pack_box_->count() - 1, true, kBrowseRole);
	pack_box_->setCurrentIndex(-1);
}

void SessionPanel::pack_chosen(int index)
{
	if (pack_box_->itemData(index, kBrowseRole).toBool()) {
		const QStringList files = QFileDialog::getOpenFileNames(this, tr_text(backend_, "Desk.PackFiles"), QString(),
									"Script packs (*.json *.jsonc)");
		if (files.isEmpty())
			return;
		load_packs(from_qt(files));
		return;
	}
	load_packs(from_qt(pack_box_->itemData(index).toStringList()));
}

void SessionPanel::load_packs(const std::vector<std::string> &files)
{
	if (files.empty())
		return;
	// Show the choice in the list: a bundled pack's entry, or an entry for these files.
	const QStringList wanted = to_qt(files);
	int at = pack_box_->findData(wanted);
	if (at < 0) {
		QStringList names;
		for (const auto &f : wanted)
			names << QFileInfo(f).fileName();
		pack_box_->insertItem(pack_box_->count() - 1, names.join(QStringLiteral(" + ")), wanted);
		at = pack_box_->count() - 2;
	}
	pack_box_->setCurrentIndex(at);
	loading_ = true;
	status(tr_text(backend_, "Desk.Loading"), false);
	DeskBackend *backend = &backend_;
	run_async<PackLoadResult>(
		pool_, this, [backend, files] { return backend->use_packs(files); },
		[this, files](PackLoadResult result) {
			loading_ = false;
			status(utf8(result.message), !result.ok);
			if (result.ok) {
				pack_files_ = files;
				changed();
			}
		});
}

void SessionPanel::restore(const DeskSettings &s, bool load)
{
	restoring_ = true; // filling the form is not a change to save
	trainee_edit_->setText(utf8(s.trainee));
	duration_spin_->setValue(s.duration_minutes);
	random_seed_->setChecked(s.random_seed);
	seed_edit_->setReadOnly(s.random_seed);
	seed_edit_->setText(s.seed ? QString::number(s.seed) : QString());
	wanted_scenario_ = s.scenario_id;
	pack_files_ = s.pack_files;
	transcript_->set_source(s.transcript_source);
	restoring_ = false;
	if (load && !s.pack_files.empty())
		load_packs(s.pack_files);
}

DeskSettings SessionPanel::settings() const
{
	DeskSettings s;
	s.pack_files = pack_files_;
	s.scenario_id = scenario_box_->currentIndex() >= 0 ? scenario_box_->currentData().toString().toStdString()
							     : wanted_scenario_;
	s.trainee = trainee_edit_->text().trimmed().toStdString();
	s.duration_minutes = duration_spin_->value();
	s.random_seed = random_seed_->isChecked();
	s.seed = seed_edit_->text().toULongLong();
	s.transcript_source = transcript_->source();
	return s;
}

void SessionPanel::changed()
{
	if (settings_changed_ && !restoring_)
		settings_changed_();
}

void SessionPanel::status(const QString &text, bool problem)
{
	status_label_->setText(text);
	status_label_->setStyleSheet(problem ? QStringLiteral("color: #d9534f;") : QString());
}

void SessionPanel::fill_scenarios(const pack::Library *library)
{
	const QString keep = scenario_box_->currentIndex() >= 0 ? scenario_box_->currentData().toString()
								 : utf8(wanted_scenario_);
	scenario_box_->clear();
	if (!library) {
		script_label_->setText(tr_text(backend_, "Desk.NoScript"));
		return;
	}
	QStringList names;
	for (const auto &p : library->packs())
		names << utf8(p.meta.name);
	script_label_->setText(tr_text(backend_, "Desk.ScriptInUse")
				       .arg(names.join(QStringLiteral(" + ")))
				       .arg(library->segments().size())
				       .arg(library->planned_seconds() / 60));
	for (const auto *s : library->scenarios())
		scenario_box_->addItem(QStringLiteral("%1 · %2").arg(utf8(s->name), clock(int64_t{s->duration_seconds} * 1000)),
				       utf8(s->id));
	const int at = scenario_box_->findData(keep);
	scenario_box_->setCurrentIndex(at >= 0 ? at : 0);
}

void SessionPanel::show_traffic(const session::Snapshot &s)
{
	const audience::Scenario *selected = nullptr;
	if (s.library && scenario_box_->currentIndex() >= 0)
		selected = s.library->scenario(scenario_box_->currentData().toString().toStdString());
	traffic_->show_snapshot(s, selected);
}

void SessionPanel::start_or_stop()
{
	if (running_) {
		backend_.submit(session::StopSession{});
		return;
	}
	SessionRequest request;
	request.scenario_id = scenario_box_->currentData().toString().toStdString();
	request.trainee = trainee_edit_->text().trimmed().toStdString();
	request.duration_seconds = duration_spin_->value() * 60;
	if (random_seed_->isChecked())
		seed_edit_->setText(QString::number(fresh_seed())); // shown before it runs: it can be replayed
	if (!seed_edit_->text().isEmpty()) {
		bool fits = false;
		request.seed = seed_edit_->text().toULongLong(&fits);
		if (!fits) { // past 18446744073709551615: never wrapped, never silently replaced
			status_label_->setText(tr_text(backend_, "Desk.SeedTooLarge"));
			return;
		}
	}
	changed();
	start_button_->setEnabled(false); // until the session shows up in a snapshot (or is refused)
	DeskBackend *backend = &backend_;
	run_async<bool>(
		pool_, this,
		[backend, request] {
			backend->start_session(request);
			return true;
		},
		[this](bool) { start_button_->setEnabled(true); });
}

void SessionPanel::show_snapshot(const session::Snapshot &s)
{
	if (s.library.get() != shown_library_) {
		shown_library_ = s.library.get();
		fill_scenarios(shown_library_);
	}
	running_ = s.session_running;
	start_button_->setText(tr_text(backend_, running_ ? "Desk.Stop" : "Desk.Start"));
	scenario_box_->setEnabled(!running_);
	pack_box_->setEnabled(!running_ && !loading_);
	duration_spin_->setEnabled(!running_);
	if (s.session_running) {
		elapsed_label_->setText(QStringLiteral("%1 / %2").arg(clock(s.now_ms), clock(int64_t{s.duration_seconds} * 1000)));
		if (random_seed_->isChecked())
			seed_edit_->setText(QString::number(s.seed));
	} else if (s.session_ended) {
		elapsed_label_->setText(tr_text(backend_, "Desk.Ended"));
	} else {
		elapsed_label_->setText(QString());
	}
	show_log_error(backend_, *log_error_label_, s.log_error);
	show_traffic(s);
	transcript_->show_snapshot(s);
	if (s.last_refusal != shown_refusal_) {
		shown_refusal_ = s.last_refusal;
		if (!shown_refusal_.empty())
			status(utf8(shown_refusal_), true);
	}
}

} // namespace lcs::obs::dock
