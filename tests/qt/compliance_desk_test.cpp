// Compliance on the desk, offscreen: the Session tab's Transcript option lists OBS's text sources
// (read again when it opens) and "none", follows the one chosen and remembers it with the desk's
// settings; the Script tab marks the current cue's flag with its suggestion and lists every cue of
// the script that has flags, in show order, with severity and rule (message, suggestion and legal
// basis in the tooltip), and no cue whose only hits are exempt.
#include <gtest/gtest.h>

#include <filesystem>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QTest>
#include <QTreeWidget>

#include <util/config-file.h>

#include "core/pack/library.hpp"
#include "desk_backend_fixture.hpp"
#include "dock/control-desk.hpp"
#include "dock/desk-settings.hpp"
#include "dock/script-panel.hpp"

namespace {
using namespace lcs;
using obs::dock::ControlDesk;

std::string fresh_dir(const std::string &name)
{
	const auto dir = std::filesystem::path(testing::TempDir()) / name;
	std::filesystem::remove_all(dir);
	std::filesystem::create_directories(dir);
	return dir.string();
}

class ComplianceDeskTest : public testing::TestWithParam<std::string> {
protected:
	QString text(const char *key) const { return QString::fromUtf8(backend->text(key)); }
	std::unique_ptr<test::DeskTestBackend> backend;
};

TEST_P(ComplianceDeskTest, TheTranscriptOptionListsTextSourcesFollowsTheChoiceAndRemembersIt)
{
	const std::string dir = fresh_dir("compliance-desk-" + GetParam());
	backend = std::make_unique<test::DeskTestBackend>(GetParam(), dir);
	backend->text_source_names = {"Captions", "Lower third"};
	config_t *config = nullptr;
	ASSERT_EQ(config_open(&config, (dir + "/global.ini").c_str(), CONFIG_OPEN_ALWAYS), CONFIG_SUCCESS);
	{
		ControlDesk desk(*backend, config);
		desk.show();
		auto *box = desk.findChild<QComboBox *>("lcs.session.transcript");
		ASSERT_NE(box, nullptr);
		ASSERT_EQ(box->count(), 3);
		EXPECT_EQ(box->itemText(0), text("Desk.TranscriptNone"));
		EXPECT_EQ(box->itemText(0), GetParam() == "zh-CN" ? QString::fromUtf8("不跟随") : QString("None"));
		EXPECT_EQ(box->itemText(1), "Captions");
		EXPECT_EQ(box->itemText(2), "Lower third");
		EXPECT_EQ(box->currentIndex(), 0);

		// A source added in OBS since: listed when the list opens.
		backend->text_source_names.push_back("Subtitles");
		box->showPopup();
		box->hidePopup();
		ASSERT_EQ(box->count(), 4);
		EXPECT_EQ(box->itemText(3), "Subtitles");

		box->setCurrentIndex(3);
		box->activated(3);
		ASSERT_FALSE(backend->followed.empty());
		EXPECT_EQ(backend->followed.back(), "Subtitles");
		desk.shutdown();
	}
	EXPECT_EQ(obs::dock::load_desk_settings(config).transcript_source, "Subtitles");

	// OBS starts again before the captioning plugin made its source: still the choice, followed.
	backend = std::make_unique<test::DeskTestBackend>(GetParam(), dir);
	{
		ControlDesk desk(*backend, config);
		auto *box = desk.findChild<QComboBox *>("lcs.session.transcript");
		ASSERT_NE(box, nullptr);
		EXPECT_EQ(box->currentText(), "Subtitles");
		ASSERT_FALSE(backend->followed.empty());
		EXPECT_EQ(backend->followed.back(), "Subtitles");
		box->setCurrentIndex(0);
		box->activated(0);
		EXPECT_EQ(backend->followed.back(), "");
		desk.shutdown();
	}
	EXPECT_EQ(obs::dock::load_desk_settings(config).transcript_source, "");
	config_close(config);
}

compliance::Finding finding(const std::string &rule, compliance::Severity severity, const std::string &term,
			    const std::string &suggestion)
{
	compliance::Finding f;
	f.rule = rule;
	f.category = rule.substr(0, rule.find('.'));
	f.severity = severity;
	f.term = term;
	f.message = "message of " + rule;
	f.suggestion = suggestion;
	f.legal_ref = "《中华人民共和国广告法》第九条";
	if (severity == compliance::Severity::info)
		f.exempt_reason = "usage_tip";
	return f;
}

TEST_P(ComplianceDeskTest, TheScriptViewMarksEveryCueWithFindings)
{
	backend = std::make_unique<test::DeskTestBackend>(GetParam(), fresh_dir("compliance-script-" + GetParam()));
	auto loaded = pack::Library::load({std::filesystem::u8path(std::string(LCS_SOURCE_DIR) +
								   "/scripts-library/packs/farm-origin/farm-origin." + GetParam() + ".json")});
	ASSERT_TRUE(loaded.library);
	const auto &segments = loaded.library->segments();
	ASSERT_GE(segments.size(), 2u);
	const auto &first = segments[0]->cues[0];
	const auto &second = segments[0]->cues[1];
	const auto &later = segments[1]->cues[0];

	auto findings = std::make_shared<std::map<std::string, compliance::Findings>>();
	(*findings)[later.id] = {finding("urgency.last_chance", compliance::Severity::caution, "最后一波", "say when it ends")};
	(*findings)[first.id] = {finding("absolute.best", compliance::Severity::caution, "顶级", "say what it is"),
				 finding("absolute.best", compliance::Severity::ban, "最好", "say what makes it good")};
	(*findings)[second.id] = {finding("absolute.first", compliance::Severity::info, "第一次", "")};

	session::Snapshot s;
	s.library = loaded.library;
	s.cue.has_script = true;
	s.cue.cue_id = first.id;
	s.cue.cue_text = first.text;
	s.cue.segment_count = static_cast<int>(segments.size());
	s.script_findings = findings;
	s.cue_findings = (*findings)[first.id];

	obs::dock::ScriptPanel panel(*backend);
	panel.show();
	panel.show_snapshot(s);
	auto *list = panel.findChild<QTreeWidget *>("lcs.script.findings");
	auto *mark = panel.findChild<QLabel *>("lcs.script.cue_findings");
	ASSERT_NE(list, nullptr);
	ASSERT_NE(mark, nullptr);
	ASSERT_EQ(list->topLevelItemCount(), 2) << "the exempt-only cue is no mark";
	// In show order, the worst flag of each cue: the first cue's ban, then the later cue's caution.
	auto *top = list->topLevelItem(0);
	EXPECT_TRUE(top->text(0).contains(QString::fromStdString(first.id)));
	EXPECT_EQ(top->text(1), text("Compliance.Ban"));
	EXPECT_EQ(top->text(1), GetParam() == "zh-CN" ? QString::fromUtf8("违禁") : QString("Banned"));
	EXPECT_EQ(top->text(2), "absolute.best");
	EXPECT_TRUE(top->toolTip(0).contains("say what makes it good"));
	EXPECT_TRUE(top->toolTip(0).contains("say what it is")) << "every finding of the cue is in the tooltip";
	EXPECT_TRUE(top->toolTip(0).contains(QString::fromUtf8("第九条")));
	auto *next = list->topLevelItem(1);
	EXPECT_TRUE(next->text(0).contains(QString::fromStdString(later.id)));
	EXPECT_EQ(next->text(1), text("Compliance.Caution"));
	EXPECT_EQ(next->text(2), "urgency.last_chance");
	EXPECT_FALSE(list->isHidden());

	EXPECT_FALSE(mark->isHidden());
	EXPECT_TRUE(mark->text().contains(QString::fromUtf8("最好")));
	EXPECT_TRUE(mark->text().contains("say what makes it good"));

	// The clean second cue: no mark under it; a script without findings: no list.
	s.cue.cue_id = second.id;
	s.cue.cue_text = second.text;
	s.cue_findings = (*findings)[second.id];
	panel.show_snapshot(s);
	EXPECT_TRUE(mark->isHidden());
	s.script_findings = nullptr;
	panel.show_snapshot(s);
	EXPECT_EQ(list->topLevelItemCount(), 0);
	EXPECT_TRUE(list->isHidden());
}

INSTANTIATE_TEST_SUITE_P(Languages, ComplianceDeskTest, testing::Values("zh-CN", "en-US"),
			 [](const testing::TestParamInfo<std::string> &param) {
				 return param.param == "zh-CN" ? std::string("zh_CN") : std::string("en_US");
			 });

} // namespace
