#pragma once
// The fixture of the control desk tests (desk_test.cpp, desk_recovery_test.cpp): a ControlDesk
// shown offscreen on a DeskTestBackend (a real core session) and its own global.ini, once per
// language (the test parameter), with helpers that pass session time and wait for background work.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>

#include <QComboBox>
#include <QCoreApplication>
#include <QTabWidget>
#include <QTest>

#include <util/config-file.h>

#include "desk_backend_fixture.hpp"
#include "dock/control-desk.hpp"

namespace lcs::test {

using obs::dock::ControlDesk;

inline std::string fresh_dir(const std::string &name)
{
	const auto dir = std::filesystem::path(testing::TempDir()) / name;
	std::filesystem::remove_all(dir);
	std::filesystem::create_directories(dir);
	return dir.string();
}

inline std::string read_all(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	std::ostringstream s;
	s << in.rdbuf();
	return s.str();
}

struct ConfigFile {
	explicit ConfigFile(std::string file) : path(std::move(file)) { reopen(); }
	~ConfigFile() { config_close(config); }
	void reopen()
	{
		if (config)
			config_close(config);
		config = nullptr;
		config_open(&config, path.c_str(), CONFIG_OPEN_ALWAYS);
	}
	std::string path;
	config_t *config = nullptr;
};

class DeskTest : public testing::TestWithParam<std::string> {
protected:
	void SetUp() override
	{
		dir = fresh_dir("desk-" + GetParam());
		backend = std::make_unique<DeskTestBackend>(GetParam(), dir);
		config = std::make_unique<ConfigFile>(dir + "/global.ini");
		desk = std::make_unique<ControlDesk>(*backend, config->config);
		desk->resize(480, 720);
		desk->show();
	}
	void TearDown() override
	{
		desk.reset();
		backend.reset();
	}

	template<typename T> T *find(const QString &name) const
	{
		auto *w = desk->findChild<T *>(name);
		EXPECT_NE(w, nullptr) << "no widget " << name.toStdString();
		return w;
	}
	QString text(const char *key) const { return QString::fromUtf8(backend->text(key)); }

	/// Session time passes (the video thread's ticks inside OBS) and the UI catches up.
	void pass(int64_t ms, int64_t step = 100)
	{
		for (int64_t done = 0; done < ms; done += step) {
			backend->tick(std::min(step, ms - done));
			QCoreApplication::processEvents();
			desk->refresh();
		}
		backend->tick(0);
		QCoreApplication::processEvents();
		desk->refresh();
	}
	/// Background work (pack loads, starts, reports) finishes and is delivered to the UI.
	bool until(const std::function<bool()> &done, int timeout_ms = 10000)
	{
		return QTest::qWaitFor(
			[&] {
				backend->tick(0);
				desk->refresh();
				return done();
			},
			timeout_ms);
	}
	std::shared_ptr<const session::Snapshot> snap() const { return backend->snapshot(); }
	/// Pictures of every tab in $LCS_TEST_ARTIFACTS (when set), for looking at what a test saw.
	void save_tabs(const std::string &moment) const
	{
		const QString folder = qEnvironmentVariable("LCS_TEST_ARTIFACTS");
		if (folder.isEmpty())
			return;
		auto *tabs = desk->findChild<QTabWidget *>("lcs.desk.tabs");
		const int current = tabs->currentIndex();
		for (int i = 0; i < tabs->count(); ++i) {
			tabs->setCurrentIndex(i);
			desk->grab().save(QStringLiteral("%1/desk-%2-%3-%4.png").arg(folder, QString::fromStdString(GetParam()),
										 QString::fromStdString(moment)).arg(i));
		}
		tabs->setCurrentIndex(current);
	}
	int pack_index(const std::string &pack) const
	{
		auto *box = desk->findChild<QComboBox *>("lcs.session.pack");
		for (int i = 0; i < box->count(); ++i)
			if (box->itemData(i).toStringList().join("").endsWith(QString::fromStdString(pack)))
				return i;
		return -1;
	}

	std::string dir;
	std::unique_ptr<DeskTestBackend> backend;
	std::unique_ptr<ConfigFile> config;
	std::unique_ptr<ControlDesk> desk;
};

} // namespace lcs::test
