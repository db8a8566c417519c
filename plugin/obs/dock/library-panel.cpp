#include "dock/library-panel.hpp"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <sstream>

#include "dock/desk-async.hpp"
#include "dock/desk-format.hpp"
#include "library/library-hub.hpp"

namespace lcs::obs::dock {
namespace {

enum ListColumn { kLibrary, kVersion, kPublisher, kPublished };
enum PackColumn { kPackPath, kPackId, kPackVersion };
constexpr const char *kProblemStyle = "color: #d9534f;";

QPushButton *button(QWidget *parent, const QString &text, const char *name)
{
	auto *b = new QPushButton(text, parent);
	b->setObjectName(name);
	return b;
}

QLabel *label(QWidget *parent, const char *name)
{
	auto *l = new QLabel(parent);
	l->setObjectName(name);
	l->setWordWrap(true);
	l->setTextInteractionFlags(Qt::TextSelectableByMouse);
	return l;
}

struct SyncAnswer {
	bool ran = false;
	library::LibraryState state;
};

} // namespace

std::vector<std::string> key_lines(const std::string &text)
{
	std::vector<std::string> keys;
	std::istringstream in(text);
	for (std::string line; std::getline(in, line);) {
		const auto start = line.find_first_not_of(" \t\r");
		if (start == std::string::npos)
			continue;
		line = line.substr(start, line.find_last_not_of(" \t\r") - start + 1);
		if (line.rfind("untrusted comment:", 0) == 0)
			continue;
		keys.push_back(line);
	}
	return keys;
}

LibraryPanel::LibraryPanel(DeskBackend &backend, library::LibraryHub *hub, QThreadPool &pool, QWidget *parent)
	: QWidget(parent), backend_(backend), hub_(hub), pool_(pool)
{
	list_ = new QTreeWidget(this);
	list_->setObjectName("lcs.library.list");
	list_->setRootIsDecorated(false);
	list_->setColumnCount(4);
	list_->setHeaderLabels({tr_text(backend_, "Desk.LibraryColumnName"), tr_text(backend_, "Desk.LibraryColumnVersion"),
				tr_text(backend_, "Desk.LibraryColumnPublisher"), tr_text(backend_, "Desk.LibraryColumnPublished")});
	list_->header()->setSectionResizeMode(kLibrary, QHeaderView::Stretch);
	list_->header()->setStretchLastSection(false);
	connect(list_, &QTreeWidget::currentItemChanged, this, [this] { show_selected(); });

	detail_ = label(this, "lcs.library.detail");
	state_ = label(this, "lcs.library.state");
	credentials_ = label(this, "lcs.library.credentials");

	update_ = button(this, tr_text(backend_, "Desk.LibraryUpdate"), "lcs.library.update");
	remove_ = button(this, tr_text(backend_, "Desk.LibraryRemove"), "lcs.library.remove");
	connect(update_, &QPushButton::clicked, this, [this] { update_selected(); });
	connect(remove_, &QPushButton::clicked, this, &LibraryPanel::remove_selected);
	auto *actions = new QHBoxLayout;
	actions->addWidget(update_, 1);
	actions->addWidget(remove_);

	packs_ = new QTreeWidget(this);
	packs_->setObjectName("lcs.library.packs");
	packs_->setRootIsDecorated(false);
	packs_->setSelectionMode(QAbstractItemView::ExtendedSelection); // several packs make one script
	packs_->setColumnCount(3);
	packs_->setHeaderLabels({tr_text(backend_, "Desk.LibraryColumnPack"), tr_text(backend_, "Desk.LibraryColumnId"),
				 tr_text(backend_, "Desk.LibraryColumnVersion")});
	packs_->header()->setSectionResizeMode(kPackPath, QHeaderView::Stretch);
	packs_->header()->setStretchLastSection(false);
	connect(packs_, &QTreeWidget::itemActivated, this, [this] { use_selected_packs(); });
	use_ = button(this, tr_text(backend_, "Desk.LibraryUse"), "lcs.library.use");
	connect(use_, &QPushButton::clicked, this, &LibraryPanel::use_selected_packs);

	versions_ = new QComboBox(this);
	versions_->setObjectName("lcs.library.versions");
	rollback_ = button(this, tr_text(backend_, "Desk.LibraryRollBack"), "lcs.library.rollback");
	connect(rollback_, &QPushButton::clicked, this, [this] {
		if (versions_->currentIndex() >= 0)
			update_selected(versions_->currentData().toLongLong());
	});
	auto *versions_row = new QHBoxLayout;
	auto *versions_label = new QLabel(tr_text(backend_, "Desk.LibraryVersions"), this);
	versions_row->addWidget(versions_label);
	versions_row->addWidget(versions_, 1);
	versions_row->addWidget(rollback_);

	auto *add_group = new QGroupBox(tr_text(backend_, "Desk.LibraryAddTitle"), this);
	source_ = new QLineEdit(add_group);
	source_->setObjectName("lcs.library.source");
	source_->setPlaceholderText(tr_text(backend_, "Desk.LibrarySourceHint"));
	keys_ = new QPlainTextEdit(add_group);
	keys_->setObjectName("lcs.library.keys");
	keys_->setPlaceholderText(tr_text(backend_, "Desk.LibraryKeysHint"));
	keys_->setMaximumHeight(keys_->fontMetrics().lineSpacing() * 5);
	auto *key_files = button(add_group, tr_text(backend_, "Desk.LibraryKeyFiles"), "lcs.library.key_files");
	connect(key_files, &QPushButton::clicked, this, &LibraryPanel::choose_key_files);
	user_ = new QLineEdit(add_group);
	user_->setObjectName("lcs.library.user");
	password_ = new QLineEdit(add_group);
	password_->setObjectName("lcs.library.password");
	password_->setEchoMode(QLineEdit::Password);
	token_ = new QLineEdit(add_group);
	token_->setObjectName("lcs.library.token");
	token_->setEchoMode(QLineEdit::Password);
	auto *credentials_hint = new QLabel(tr_text(backend_, "Desk.LibraryCredentialsHint"), add_group);
	credentials_hint->setWordWrap(true);
	add_ = button(add_group, tr_text(backend_, "Desk.LibraryAdd"), "lcs.library.add");
	connect(add_, &QPushButton::clicked, this, &LibraryPanel::add_library);
	auto *form = new QFormLayout(add_group);
	form->addRow(tr_text(backend_, "Desk.LibrarySource"), source_);
	form->addRow(tr_text(backend_, "Desk.LibraryKeys"), keys_);
	form->addRow(QString(), key_files);
	form->addRow(tr_text(backend_, "Desk.LibraryUser"), user_);
	form->addRow(tr_text(backend_, "Desk.LibraryPassword"), password_);
	form->addRow(tr_text(backend_, "Desk.LibraryToken"), token_);
	form->addRow(credentials_hint);
	form->addRow(add_);

	status_ = label(this, "lcs.library.status");

	auto *layout = new QVBoxLayout(this);
	layout->addWidget(list_, 1);
	layout->addWidget(detail_);
	layout->addWidget(state_);
	layout->addWidget(credentials_);
	layout->addLayout(actions);
	layout->addWidget(packs_, 1);
	layout->addWidget(use_);
	layout->addLayout(versions_row);
	layout->addWidget(add_group);
	layout->addWidget(status_);

	if (!hub_) {
		status(tr_text(backend_, "Desk.LibraryNotAvailable"), true);
		setEnabled(false);
	}
	redraw();
}

void LibraryPanel::refresh()
{
	if (hub_ && hub_->generation() != shown_generation_)
		redraw();
}

void LibraryPanel::status(const QString &text, bool problem)
{
	status_->setText(text);
	status_->setStyleSheet(problem ? QString::fromUtf8(kProblemStyle) : QString());
}

std::string LibraryPanel::selected_source() const
{
	const auto *item = list_->currentItem();
	return item ? item->data(kLibrary, Qt::UserRole).toString().toStdString() : std::string();
}

void LibraryPanel::redraw()
{
	if (!hub_)
		return;
	shown_generation_ = hub_->generation();
	const std::string keep = selected_source();
	const QSignalBlocker block(list_);
	list_->clear();
	QTreeWidgetItem *selected = nullptr;
	for (const auto &s : hub_->states()) {
		auto *item = new QTreeWidgetItem(list_);
		const QString name = s.entry.id.empty() ? utf8(s.entry.source) : utf8(s.entry.id);
		item->setText(kLibrary, name);
		item->setToolTip(kLibrary, utf8(s.entry.source));
		item->setData(kLibrary, Qt::UserRole, utf8(s.entry.source));
		item->setText(kVersion, s.cached ? QString::number(s.version) : QStringLiteral("–"));
		item->setText(kPublisher, utf8(s.publisher));
		item->setText(kPublished, utf8(s.published_at));
		if (!s.error.empty())
			item->setForeground(kLibrary, QBrush(QColor(0xd9, 0x53, 0x4f)));
		if (s.entry.source == keep || !selected)
			selected = item;
	}
	if (selected)
		list_->setCurrentItem(selected);
	show_selected();
}

QString LibraryPanel::state_line(const library::LibraryState &s) const
{
	if (s.busy)
		return tr_text(backend_, "Desk.LibraryUpdating");
	if (!s.error.empty())
		return s.cached ? tr_text(backend_, "Desk.LibraryErrorKept").arg(utf8(s.error)).arg(s.version)
				: tr_text(backend_, "Desk.LibraryError").arg(utf8(s.error));
	if (s.offline)
		return tr_text(backend_, "Desk.LibraryOffline").arg(s.version).arg(utf8(s.offline_reason));
	if (!s.cached)
		return tr_text(backend_, "Desk.LibraryNotSynced");
	return s.synced_this_run ? tr_text(backend_, "Desk.LibraryUpToDate") : tr_text(backend_, "Desk.LibraryFromCache");
}

void LibraryPanel::show_selected()
{
	const std::string source = selected_source();
	const auto s = hub_ && !source.empty() ? hub_->state(source) : std::nullopt;
	QStringList chosen; // the packs chosen stay chosen over a redraw (a background update finishing)
	for (const auto *item : packs_->selectedItems())
		chosen << item->data(kPackPath, Qt::UserRole).toString();
	packs_->clear();
	versions_->clear();
	const bool have = s.has_value();
	update_->setEnabled(have);
	remove_->setEnabled(have);
	if (!have) {
		detail_->setText(tr_text(backend_, "Desk.LibraryNone"));
		state_->clear();
		credentials_->clear();
		use_->setEnabled(false);
		rollback_->setEnabled(false);
		return;
	}
	QStringList lines;
	lines << tr_text(backend_, "Desk.LibrarySourceLine").arg(utf8(s->entry.source));
	if (s->cached) {
		lines << tr_text(backend_, "Desk.LibraryDetail").arg(s->version).arg(utf8(s->published_at), utf8(s->publisher));
		if (!s->message.empty())
			lines << tr_text(backend_, "Desk.LibraryMessage").arg(utf8(s->message));
	}
	if (s->entry.pinned_version > 0)
		lines << tr_text(backend_, "Desk.LibraryPinned").arg(s->entry.pinned_version);
	detail_->setText(lines.join(QStringLiteral("\n")));
	state_->setText(state_line(*s));
	state_->setStyleSheet(!s->error.empty() || s->offline ? QString::fromUtf8(kProblemStyle) : QString());
	credentials_->setText(s->has_credentials ? tr_text(backend_, "Desk.LibraryCredentialsSaved") : QString());
	for (const auto &p : s->packs) {
		auto *item = new QTreeWidgetItem(packs_);
		item->setText(kPackPath, utf8(p.path));
		item->setData(kPackPath, Qt::UserRole, utf8(s->pack_file(p)));
		item->setText(kPackId, utf8(p.id));
		item->setText(kPackVersion, utf8(p.version));
	}
	for (int i = 0; i < packs_->topLevelItemCount(); ++i)
		if (chosen.contains(packs_->topLevelItem(i)->data(kPackPath, Qt::UserRole).toString()))
			packs_->topLevelItem(i)->setSelected(true);
	if (packs_->selectedItems().isEmpty() && packs_->topLevelItemCount() > 0)
		packs_->setCurrentItem(packs_->topLevelItem(0));
	for (auto it = s->kept.rbegin(); it != s->kept.rend(); ++it)
		versions_->addItem(*it == s->version ? tr_text(backend_, "Desk.LibraryVersionInUse").arg(*it) : QString::number(*it),
				   QVariant::fromValue<qlonglong>(*it));
	use_->setEnabled(!s->packs.empty() && !s->busy);
	rollback_->setEnabled(versions_->count() > 1 && !s->busy);
	update_->setEnabled(!s->busy);
}

void LibraryPanel::add_library()
{
	if (!hub_)
		return;
	const std::string source = source_->text().trimmed().toStdString();
	library::LibraryCredentials credentials;
	credentials.user = user_->text().toStdString();
	credentials.password = password_->text().toStdString();
	credentials.token = token_->text().toStdString();
	const std::string problem = hub_->add(source, key_lines(keys_->toPlainText().toStdString()), credentials);
	if (!problem.empty()) {
		status(tr_text(backend_, "Desk.LibraryNotAdded").arg(utf8(problem)), true);
		return;
	}
	// The credentials are in OBS's config now; the fields never show them again.
	user_->clear();
	password_->clear();
	token_->clear();
	source_->clear();
	keys_->clear();
	redraw();
	for (int i = 0; i < list_->topLevelItemCount(); ++i)
		if (list_->topLevelItem(i)->data(kLibrary, Qt::UserRole).toString().toStdString() == source)
			list_->setCurrentItem(list_->topLevelItem(i));
	status(tr_text(backend_, "Desk.LibraryAdded"), false);
	update_selected();
}

void LibraryPanel::update_selected(std::optional<int64_t> version)
{
	const std::string source = selected_source();
	if (!hub_ || source.empty())
		return;
	status(tr_text(backend_, "Desk.LibraryUpdating"), false);
	library::LibraryHub *hub = hub_;
	run_async<SyncAnswer>(
		pool_, this,
		[hub, source, version] {
			SyncAnswer answer;
			if (auto s = hub->update_and_wait(source, version)) {
				answer.ran = true;
				answer.state = std::move(*s);
			}
			return answer;
		},
		[this, version](SyncAnswer answer) {
			redraw();
			if (!answer.ran) {
				status(tr_text(backend_, "Desk.LibraryStopped"), true);
				return;
			}
			const auto &s = answer.state;
			if (!s.error.empty())
				status(state_line(s), true);
			else if (s.offline)
				status(state_line(s), true);
			else if (version)
				status(tr_text(backend_, "Desk.LibraryRolledBack").arg(s.version), false);
			else
				status(tr_text(backend_, "Desk.LibrarySynced").arg(s.version), false);
		});
}

void LibraryPanel::remove_selected()
{
	const std::string source = selected_source();
	if (hub_ && !source.empty() && hub_->remove(source)) {
		status(tr_text(backend_, "Desk.LibraryRemoved").arg(utf8(source)), false);
		redraw();
	}
}

void LibraryPanel::use_selected_packs()
{
	std::vector<std::string> files;
	for (int i = 0; i < packs_->topLevelItemCount(); ++i) // in the library's order
		if (packs_->topLevelItem(i)->isSelected())
			files.push_back(packs_->topLevelItem(i)->data(kPackPath, Qt::UserRole).toString().toStdString());
	if (files.empty() || !use_packs_)
		return;
	use_packs_(files);
}

void LibraryPanel::choose_key_files()
{
	const QStringList files = QFileDialog::getOpenFileNames(this, tr_text(backend_, "Desk.LibraryKeyFilesTitle"), QString(),
								 QStringLiteral("minisign (*.pub);;* (*)"));
	QString text = keys_->toPlainText();
	for (const auto &f : files) {
		QFile file(f);
		if (!file.open(QIODevice::ReadOnly) || file.size() > 4096) {
			status(tr_text(backend_, "Desk.LibraryKeyFileUnreadable").arg(f), true);
			continue;
		}
		if (!text.isEmpty() && !text.endsWith('\n'))
			text += '\n';
		text += QString::fromUtf8(file.readAll());
	}
	keys_->setPlainText(text);
}

} // namespace lcs::obs::dock
