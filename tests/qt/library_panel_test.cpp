// The desk's Library tab offscreen against a real folder library published in the test with the
// core's publish_library and a fresh key: add (with credentials), update, what it shows, a pack
// used for the session (its header names the library and version), roll back, a tampered
// library refused with the cached version kept, and the state kept in OBS's config.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

#include <nlohmann/json.hpp>
#include <util/config-file.h>

#include "core/library/minisign.hpp"
#include "core/library/publish.hpp"
#include "core/library/transport.hpp"
#include "desk_backend_fixture.hpp"
#include "dock/control-desk.hpp"
#include "dock/library-panel.hpp"
#include "dock/session-panel.hpp"
#include "library/library-hub.hpp"
#include "library/library-settings.hpp"

namespace {
using namespace lcs;
namespace fs = std::filesystem;

std::string source_file(const std::string &relative)
{
	return std::string(LCS_SOURCE_DIR) + "/" + relative;
}

std::string read_all(const fs::path &path)
{
	std::ifstream in(path, std::ios::binary);
	std::ostringstream s;
	s << in.rdbuf();
	return s.str();
}

class LibraryPanelTest : public testing::TestWithParam<std::string> {
protected:
	void SetUp() override
	{
		dir = fs::path(testing::TempDir()) / ("library-panel-" + GetParam());
		fs::remove_all(dir);
		fs::create_directories(dir / "library");
		key = library::generate_secret_key();
		open_config();
		backend = std::make_unique<test::DeskTestBackend>(GetParam(), dir.string());
		start_desk();
	}
	void TearDown() override
	{
		desk.reset();
		hub.reset();
		backend.reset();
		config_close(config);
	}
	void open_config()
	{
		if (config)
			config_close(config);
		config = nullptr;
		config_open(&config, (dir / "global.ini").c_str(), CONFIG_OPEN_ALWAYS);
	}
	/// OBS starting: a hub from the config and the cache, and the desk over it.
	void start_desk()
	{
		hub = std::make_unique<obs::library::LibraryHub>(config, dir / "cache");
		backend->set_library_hub(hub.get());
		desk = std::make_unique<obs::dock::ControlDesk>(*backend, config);
		desk->resize(520, 900);
		desk->show();
		auto *tabs = find<QTabWidget>("lcs.desk.tabs");
		tabs->setCurrentWidget(desk->library_panel());
	}
	void publish(const std::vector<std::string> &packs, const std::string &message)
	{
		const auto target = library::open_transport((dir / "library").string());
		library::PublishOptions options;
		for (const auto &p : packs)
			options.packs.push_back(fs::u8path(source_file(p)));
		options.key = key;
		options.library = "team-a";
		options.message = message;
		library::publish_library(*target, options);
	}
	template<typename T> T *find(const QString &name) const
	{
		auto *w = desk->findChild<T *>(name);
		EXPECT_NE(w, nullptr) << "no widget " << name.toStdString();
		return w;
	}
	QString text(const char *key_name) const { return QString::fromUtf8(backend->text(key_name)); }
	bool until(const std::function<bool()> &done, int timeout_ms = 20000)
	{
		return QTest::qWaitFor(
			[&] {
				backend->tick(0);
				desk->refresh();
				if (!done())
					return false;
				desk->refresh(); // what made `done` true is shown too
				return true;
			},
			timeout_ms);
	}
	[[nodiscard]] std::optional<obs::library::LibraryState> state() const
	{
		const auto all = hub->states();
		return all.empty() ? std::nullopt : std::optional(all.front());
	}
	bool idle_at(int64_t version)
	{
		return until([&] { return state() && !state()->busy && state()->synced_this_run && state()->version == version; });
	}
	void add_library(const std::string &password)
	{
		find<QLineEdit>("lcs.library.source")->setText(QString::fromStdString((dir / "library").string()));
		find<QPlainTextEdit>("lcs.library.keys")
			->setPlainText(QString::fromStdString(library::format_public_key(key.public_part())));
		find<QLineEdit>("lcs.library.user")->setText("coach");
		find<QLineEdit>("lcs.library.password")->setText(QString::fromStdString(password));
		QTest::mouseClick(find<QPushButton>("lcs.library.add"), Qt::LeftButton);
	}
	/// Every text a widget of the desk shows.
	QStringList shown_texts() const
	{
		QStringList shown;
		for (auto *w : desk->findChildren<QLabel *>())
			shown << w->text() << w->toolTip();
		for (auto *w : desk->findChildren<QLineEdit *>())
			shown << w->text() << w->displayText();
		for (auto *w : desk->findChildren<QPlainTextEdit *>())
			shown << w->toPlainText();
		for (auto *w : desk->findChildren<QTreeWidget *>())
			for (int i = 0; i < w->topLevelItemCount(); ++i)
				for (int c = 0; c < w->columnCount(); ++c)
					shown << w->topLevelItem(i)->text(c) << w->topLevelItem(i)->toolTip(c);
		return shown;
	}

	fs::path dir;
	library::SecretKey key;
	config_t *config = nullptr;
	std::unique_ptr<test::DeskTestBackend> backend;
	std::unique_ptr<obs::library::LibraryHub> hub;
	std::unique_ptr<obs::dock::ControlDesk> desk;
};

TEST_P(LibraryPanelTest, AddUpdateUseRollBackAndATamperedLibraryKeepsTheCachedVersion)
{
	const std::string farm = "scripts-library/packs/farm-origin/farm-origin." + GetParam() + ".json";
	const std::string apparel = "scripts-library/packs/apparel-members/apparel-members." + GetParam() + ".json";
	publish({farm}, "first cut");

	// Add: the library is synced at once, in the background.
	add_library("s3cret-pass");
	ASSERT_TRUE(idle_at(1)) << (state() ? state()->error : "no library");
	EXPECT_EQ(state()->entry.id, "team-a");
	EXPECT_TRUE(state()->error.empty()) << state()->error;
	auto *list = find<QTreeWidget>("lcs.library.list");
	ASSERT_EQ(list->topLevelItemCount(), 1);
	EXPECT_EQ(list->topLevelItem(0)->text(0), "team-a");
	EXPECT_EQ(list->topLevelItem(0)->text(1), "1");
	EXPECT_EQ(list->topLevelItem(0)->text(2), QString::fromStdString(key.id.hex()));
	const QString detail = find<QLabel>("lcs.library.detail")->text();
	EXPECT_TRUE(detail.contains("first cut")) << detail.toStdString();
	EXPECT_TRUE(detail.contains(QString::fromStdString(key.id.hex()))) << detail.toStdString();
	EXPECT_EQ(find<QLabel>("lcs.library.state")->text(), text("Desk.LibraryUpToDate"));

	// Credentials: saved in OBS's config under their own key, never shown again, never in the list.
	EXPECT_EQ(find<QLabel>("lcs.library.credentials")->text(), text("Desk.LibraryCredentialsSaved"));
	for (const auto &t : shown_texts())
		EXPECT_FALSE(t.contains("s3cret-pass")) << t.toStdString();
	EXPECT_TRUE(find<QLineEdit>("lcs.library.password")->text().isEmpty());
	EXPECT_EQ(find<QLineEdit>("lcs.library.password")->echoMode(), QLineEdit::Password);
	EXPECT_EQ(find<QLineEdit>("lcs.library.token")->echoMode(), QLineEdit::Password);
	const std::string libraries = config_get_string(config, "LiveCommerceStudio", "Libraries");
	EXPECT_EQ(libraries.find("s3cret-pass"), std::string::npos) << libraries;
	EXPECT_EQ(obs::library::load_library_credentials(config, (dir / "library").string()).password, "s3cret-pass");
	const auto entries = obs::library::load_library_entries(config);
	ASSERT_EQ(entries.size(), 1u);
	EXPECT_EQ(entries[0].id, "team-a");
	EXPECT_EQ(entries[0].trust.size(), 1u);

	// Use for session: the pack under <cache>/team-a/current/ becomes the script in use, and a
	// session on it names the library and its version in the header.
	auto *packs = find<QTreeWidget>("lcs.library.packs");
	ASSERT_EQ(packs->topLevelItemCount(), 1);
	packs->setCurrentItem(packs->topLevelItem(0));
	QTest::mouseClick(find<QPushButton>("lcs.library.use"), Qt::LeftButton);
	ASSERT_TRUE(until([&] { return backend->snapshot()->library != nullptr; }));
	ASSERT_EQ(backend->files_in_use().size(), 1u);
	const std::string used = backend->files_in_use().front();
	EXPECT_EQ(fs::path(used).parent_path(), dir / "cache" / "team-a" / "current") << used;
	EXPECT_EQ(read_all(used), read_all(source_file(farm)));
	EXPECT_EQ(find<QTabWidget>("lcs.desk.tabs")->currentWidget(), static_cast<QWidget *>(desk->session_panel()));
	backend->start_session({});
	backend->tick(100);
	ASSERT_TRUE(until([&] { return backend->snapshot()->session_running; }));
	const std::string log_path = backend->snapshot()->log_path;
	backend->submit(session::StopSession{});
	backend->tick(100);
	// The log's writer thread writes the header: wait for the line.
	std::string header_line;
	ASSERT_TRUE(until([&] {
		std::ifstream log(log_path);
		return std::getline(log, header_line) && nlohmann::json::accept(header_line);
	}));
	const auto header = nlohmann::json::parse(header_line);
	ASSERT_EQ(header["packs"].size(), 1u);
	EXPECT_EQ(header["packs"][0].value("library", ""), "team-a") << header["packs"].dump();
	EXPECT_EQ(header["packs"][0].value("library_version", 0), 1) << header["packs"].dump();
	find<QTabWidget>("lcs.desk.tabs")->setCurrentWidget(desk->library_panel());

	// A second version: Update now brings it; both versions are kept.
	publish({farm, apparel}, "apparel added");
	QTest::mouseClick(find<QPushButton>("lcs.library.update"), Qt::LeftButton);
	ASSERT_TRUE(idle_at(2)) << state()->error;
	EXPECT_EQ(packs->topLevelItemCount(), 2);
	EXPECT_TRUE(find<QLabel>("lcs.library.detail")->text().contains("apparel added"));
	auto *versions = find<QComboBox>("lcs.library.versions");
	ASSERT_EQ(versions->count(), 2);

	// Roll back to version 1.
	versions->setCurrentIndex(versions->findData(QVariant::fromValue<qlonglong>(1)));
	QTest::mouseClick(find<QPushButton>("lcs.library.rollback"), Qt::LeftButton);
	auto *status = find<QLabel>("lcs.library.status");
	ASSERT_TRUE(until([&] { return status->text() == text("Desk.LibraryRolledBack").arg(1); }))
		<< status->text().toStdString() << " / " << state()->error;
	EXPECT_EQ(state()->version, 1);
	EXPECT_EQ(packs->topLevelItemCount(), 1);
	EXPECT_TRUE(find<QLabel>("lcs.library.detail")->text().contains(text("Desk.LibraryPinned").arg(1)));
	EXPECT_EQ(obs::library::load_library_entries(config).at(0).pinned_version, 1); // OBS's next start keeps it
	EXPECT_EQ(read_all(used), read_all(source_file(farm)));

	// Tampered: the index no longer matches its signature. Refused, in red, version 1 kept.
	const fs::path index = dir / "library" / "index.json";
	std::string bytes = read_all(index);
	bytes.insert(bytes.find('{') + 1, " ");
	std::ofstream(index, std::ios::binary | std::ios::trunc) << bytes;
	QTest::mouseClick(find<QPushButton>("lcs.library.update"), Qt::LeftButton);
	ASSERT_TRUE(until([&] { return state() && !state()->busy && !state()->error.empty(); }));
	EXPECT_EQ(state()->version, 1);
	EXPECT_TRUE(fs::exists(used));
	const QString shown = find<QLabel>("lcs.library.state")->text();
	EXPECT_TRUE(shown.startsWith(text("Desk.LibraryErrorKept").arg(QString::fromStdString(state()->error)).arg(1)))
		<< shown.toStdString();
	EXPECT_TRUE(find<QLabel>("lcs.library.state")->styleSheet().contains("#d9534f"));
	EXPECT_EQ(packs->topLevelItemCount(), 1);

	// OBS again: the library is known, its cached version shows before any network.
	desk.reset();
	hub.reset();
	open_config();
	hub = std::make_unique<obs::library::LibraryHub>(config, dir / "cache");
	ASSERT_EQ(hub->states().size(), 1u);
	EXPECT_TRUE(hub->states()[0].cached);
	EXPECT_EQ(hub->states()[0].version, 1);
	EXPECT_TRUE(hub->states()[0].has_credentials);

	// Remove: the list and the credentials are gone from the config.
	backend->set_library_hub(hub.get());
	desk = std::make_unique<obs::dock::ControlDesk>(*backend, config);
	desk->show();
	QTest::mouseClick(find<QPushButton>("lcs.library.remove"), Qt::LeftButton);
	EXPECT_TRUE(hub->states().empty());
	EXPECT_TRUE(obs::library::load_library_entries(config).empty());
	EXPECT_TRUE(obs::library::load_library_credentials(config, (dir / "library").string()).empty());
}

TEST_P(LibraryPanelTest, ABadKeyIsRefusedWithWhyAndNothingIsSaved)
{
	find<QLineEdit>("lcs.library.source")->setText(QString::fromStdString((dir / "library").string()));
	find<QPlainTextEdit>("lcs.library.keys")->setPlainText("not a key");
	QTest::mouseClick(find<QPushButton>("lcs.library.add"), Qt::LeftButton);
	const QString status = find<QLabel>("lcs.library.status")->text();
	EXPECT_TRUE(status.startsWith(text("Desk.LibraryNotAdded").arg(QString()))) << status.toStdString();
	EXPECT_TRUE(status.contains("trusted key 1")) << status.toStdString();
	EXPECT_TRUE(hub->states().empty());
	EXPECT_TRUE(obs::library::load_library_entries(config).empty());
}

// Syncs run on the hub's own worker, never on the caller's (the UI) thread; stop() drops what is
// queued, later syncs are refused at once, and nobody waits forever (a clean module unload).
TEST(LibraryHub, SyncsRunOnItsWorkerAndStopDropsTheRest)
{
	const fs::path dir = fs::path(testing::TempDir()) / "library-hub-stop";
	fs::remove_all(dir);
	fs::create_directories(dir / "library");
	const auto key = library::generate_secret_key();
	{
		const auto target = library::open_transport((dir / "library").string());
		library::PublishOptions options;
		options.packs = {fs::u8path(source_file("scripts-library/packs/farm-origin/farm-origin.en-US.json"))};
		options.key = key;
		options.library = "team-b";
		library::publish_library(*target, options);
	}
	obs::library::LibraryHub hub(nullptr, dir / "cache");
	const std::string source = (dir / "library").string();
	ASSERT_EQ(hub.add(source, {library::format_public_key(key.public_part())}, {}), "");
	std::thread::id ran_on;
	std::promise<void> done;
	ASSERT_TRUE(hub.update(source, std::nullopt, [&](const obs::library::LibraryState &s) {
		ran_on = std::this_thread::get_id();
		EXPECT_EQ(s.version, 1) << s.error;
		done.set_value();
	}));
	done.get_future().wait();
	EXPECT_NE(ran_on, std::this_thread::get_id());
	EXPECT_NE(ran_on, std::thread::id());

	for (int i = 0; i < 20; ++i)
		hub.update(source);
	hub.stop();
	EXPECT_FALSE(hub.update(source));
	EXPECT_EQ(hub.update_and_wait(source), std::nullopt);
	EXPECT_EQ(hub.states().at(0).version, 1);
}

TEST(LibraryKeyLines, PastedLinesAndPubFilesGiveOneKeyEach)
{
	const auto keys = obs::dock::key_lines("untrusted comment: minisign public key 1\nRWAAAA\n\n  RWBBBB  \r\n"
					       "untrusted comment: minisign public key 2\r\nRWCCCC\n");
	EXPECT_EQ(keys, (std::vector<std::string>{"RWAAAA", "RWBBBB", "RWCCCC"}));
}

INSTANTIATE_TEST_SUITE_P(Languages, LibraryPanelTest, testing::Values("zh-CN", "en-US"),
			 [](const testing::TestParamInfo<std::string> &param) {
				 return param.param == "zh-CN" ? std::string("zh_CN") : std::string("en_US");
			 });

} // namespace
