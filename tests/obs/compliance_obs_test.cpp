// Compliance inside OBS, in headless libobs with the freshly built module and Debian's
// text-freetype2 module: a real text_ft2_source whose text a captioning plugin would change
// becomes `speech` events (partial text never logged, one final per utterance, the text shown
// before it was followed not speech), with a `compliance_flag` for the violating sentence; the
// vendor's SpeechText and SetTranscriptSource requests name a malformed field; and the cue
// prompter marks a cue that has findings before it is said (a stripe in the severity's colour
// left of the cue), and not a clean one.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <obs.hpp>

#include "fake_websocket.hpp"
#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"
#include "obs_session.hpp"
#include "sources/cue-prompter/cue-prompter-layout.hpp"

namespace {
using lcs::test::Frame;
using lcs::test::ObsHarness;
namespace fs = std::filesystem;

constexpr uint32_t kW = 1280;
constexpr uint32_t kH = 360;

bool zh()
{
	return ObsHarness::get().locale() == "zh-CN";
}

/// A sentence every rule set of the language flags (an absolute term), and a clean one.
std::string violating()
{
	return zh() ? "这是全网最好的蜂蜜，家人们放心买。" : "This honey is the best in the world, trust me.";
}
std::string clean()
{
	return zh() ? "蜂蜜是杨叔今年秋天刚摇出来的。" : "Uncle Yang took this honey from the hives this autumn.";
}

OBSDataAutoRelease call(const std::string &type, const std::string &data = {})
{
	OBSDataAutoRelease request = data.empty() ? nullptr : obs_data_create_from_json(data.c_str());
	OBSDataAutoRelease response = obs_data_create();
	EXPECT_TRUE(lcs::test::module_websocket().call(type, request, response)) << "no request " << type;
	return response;
}

std::string error_of(obs_data_t *response)
{
	EXPECT_FALSE(obs_data_get_bool(response, "ok")) << obs_data_get_json(response);
	return obs_data_get_string(response, "error");
}

/// The bundled farm pack of this run's language with its first cue violating and its second clean.
fs::path flagged_pack(const std::string &tag)
{
	const std::string name = "farm-origin." + ObsHarness::get().locale() + ".json";
	auto pack = nlohmann::json::parse(lcs::test::bundled_pack_text("farm-origin/" + name));
	pack["segments"][0]["cues"][0]["text"] = violating();
	pack["segments"][0]["cues"][1]["text"] = clean();
	const fs::path dir = fs::path(testing::TempDir()) / ("obs-compliance-" + ObsHarness::get().locale());
	fs::create_directories(dir);
	const fs::path file = dir / (tag + "-" + name);
	std::ofstream(file, std::ios::binary) << pack.dump();
	return file;
}

/// A prompter showing `pack` (chosen in its properties); waits until the pack is the script in use.
OBSSourceAutoRelease prompter_with(const fs::path &pack, const char *name)
{
	lcs::test::LogWatch watch;
	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_int(settings, "width", kW);
	obs_data_set_int(settings, "height", kH);
	obs_data_set_int(settings, "background_opacity", 0);
	obs_data_set_string(settings, "pack", "custom");
	obs_data_set_string(settings, "pack_file", "");
	OBSSourceAutoRelease prompter = obs_source_create("lcs_cue_prompter", name, settings, nullptr);
	OBSDataAutoRelease change = obs_data_create();
	obs_data_set_string(change, "pack", "custom");
	obs_data_set_string(change, "pack_file", pack.string().c_str());
	obs_source_update(prompter, change);
	EXPECT_FALSE(watch.wait_for("from " + pack.string()).text.empty()) << "the pack never loaded";
	ObsHarness::wait_frames(3);
	return prompter;
}

void set_text(obs_source_t *source, const std::string &text)
{
	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_string(settings, "text", text.c_str());
	obs_source_update(source, settings);
}

std::vector<nlohmann::json> events_of(const fs::path &log, const std::string &type)
{
	std::vector<nlohmann::json> found;
	for (const auto &e : lcs::test::session_lines(log))
		if (e.value("type", "") == type)
			found.push_back(e);
	return found;
}

TEST(ComplianceInObs, ATextSourceWhoseTextChangesBecomesCheckedSpeech)
{
	if (!obs_source_get_display_name("text_ft2_source")) {
		ASSERT_TRUE(ObsHarness::open_stock_module("text-freetype2")) << "cannot open the stock text-freetype2 module";
	}
	auto prompter = prompter_with(flagged_pack("speech"), "compliance speech prompter");

	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_string(settings, "text", "caption shown before anyone listened");
	OBSSourceAutoRelease captions = obs_source_create("text_ft2_source", "lcs test captions", settings, nullptr);
	ASSERT_NE(captions.Get(), nullptr);

	// Malformed requests name the field; an unknown source is refused.
	EXPECT_EQ(error_of(call("SetTranscriptSource", R"({"source":"x"})")), "field 'sourceName' is required (a string)");
	EXPECT_EQ(error_of(call("SetTranscriptSource", R"({"sourceName":"no such source"})")),
		  "field 'sourceName': no source 'no such source' in OBS");
	auto chosen = call("SetTranscriptSource", R"({"sourceName":"lcs test captions"})");
	ASSERT_TRUE(obs_data_get_bool(chosen, "ok")) << obs_data_get_json(chosen);
	ASSERT_TRUE(ObsHarness::wait_until([] { return obs_data_get_bool(call("GetStatus"), "transcriptWatching"); }))
		<< "the text source is never followed";

	const auto log = lcs::test::start_session_by_hotkey();
	ASSERT_FALSE(log.empty());
	ASSERT_TRUE(ObsHarness::wait_until([] { return obs_data_get_bool(call("GetStatus"), "sessionRunning"); }));

	// A captioning plugin writes the sentence as it is recognised, then the next one.
	const std::string v = violating();
	set_text(captions, v.substr(0, v.size() / 2 - v.size() / 2 % 3)); // a partial (whole UTF-8 characters for zh)
	ObsHarness::wait_frames(3);
	set_text(captions, v);
	ObsHarness::wait_frames(3);
	set_text(captions, clean()); // replaced by a new utterance: the first is final
	// The second settles after 1.5 s unchanged.
	ASSERT_TRUE(ObsHarness::wait_until([&] { return events_of(log, "speech").size() >= 2; }, std::chrono::seconds(10)))
		<< "speech never logged";
	{
		auto status = call("GetStatus");
		EXPECT_EQ(obs_data_get_string(status, "lastSpeech"), clean());
		EXPECT_TRUE(obs_data_get_bool(status, "lastSpeechFinal"));
	}
	ASSERT_TRUE(lcs::test::stop_session_by_hotkey(log));
	call("SetTranscriptSource", R"({"sourceName":""})");

	const auto speech = events_of(log, "speech");
	ASSERT_EQ(speech.size(), 2u) << "only the final text of each utterance is logged, the earlier caption is not speech";
	EXPECT_EQ(speech[0].value("text", ""), v);
	EXPECT_EQ(speech[1].value("text", ""), clean());
	for (const auto &s : speech)
		EXPECT_TRUE(s.value("final", false));
	std::vector<nlohmann::json> spoken;
	for (const auto &f : events_of(log, "compliance_flag"))
		if (f.value("where", "") == "speech")
			spoken.push_back(f);
	ASSERT_FALSE(spoken.empty()) << "the violating sentence was not flagged";
	EXPECT_EQ(spoken.front().value("category", ""), "absolute");
	EXPECT_TRUE(spoken.front().value("severity", "") == "ban" || spoken.front().value("severity", "") == "caution");
	for (const auto &f : spoken)
		EXPECT_NE(v.find(f.value("term", "\x01")), std::string::npos) << f.dump() << ": the clean sentence was flagged";
}

TEST(ComplianceInObs, SpeechTextRequestNamesAMalformedField)
{
	EXPECT_EQ(error_of(call("SpeechText")), "field 'text' is required (a string)");
	EXPECT_EQ(error_of(call("SpeechText", R"({"final":true})")), "field 'text' is required (a string)");
	EXPECT_EQ(error_of(call("SpeechText", R"({"text":12})")), "field 'text' must be a string");
	EXPECT_EQ(error_of(call("SpeechText", R"({"text":"hi","final":"yes"})")), "field 'final' must be true or false");
	auto partial = call("SpeechText", R"({"text":"still recognising","final":false})");
	ASSERT_TRUE(obs_data_get_bool(partial, "ok")) << obs_data_get_json(partial);
	ASSERT_TRUE(ObsHarness::wait_until([] {
		auto status = call("GetStatus");
		return std::string(obs_data_get_string(status, "lastSpeech")) == "still recognising" &&
		       !obs_data_get_bool(status, "lastSpeechFinal");
	}));
}

/// Pixels in the mark's stripe (left of the cue box) that have the ban or caution colour.
int marked_pixels(const Frame &frame, const lcs::obs::CuePrompterLayout &layout)
{
	int n = 0;
	for (int y = layout.cue.y; y < layout.cue.y + layout.cue.h; ++y)
		for (int x = 0; x < layout.cue.x; ++x) {
			const uint8_t *p = frame.at(static_cast<uint32_t>(x), static_cast<uint32_t>(y));
			n += p[3] > 200 && p[0] > 180 && p[2] < 130 ? 1 : 0;
		}
	return n;
}

TEST(ComplianceInObs, ThePrompterMarksACueWithFindingsBeforeItIsSaid)
{
	auto prompter = prompter_with(flagged_pack("prompter"), "compliance marks prompter");
	lcs::obs::CuePrompterStyle style;
	style.width = kW;
	style.height = kH;
	const auto layout = lcs::obs::CuePrompterLayout::compute(style);

	ASSERT_TRUE(ObsHarness::wait_until([] {
		auto status = call("GetStatus");
		OBSDataArrayAutoRelease findings = obs_data_get_array(status, "cueFindings");
		return obs_data_array_count(findings) > 0;
	})) << "the first cue has no findings";
	Frame marked;
	ASSERT_TRUE(ObsHarness::wait_until([&] {
		marked = ObsHarness::render(prompter, kW, kH);
		return marked_pixels(marked, layout) > layout.cue.h;
	})) << "the flagged cue is not marked";
	// The badge and the suggestion take the bottom of the cue's box, the cue text still shows.
	EXPECT_GT(marked.count_bright(layout.cue.x, layout.cue.y, layout.cue.w, layout.cue.h), 500);

	ASSERT_TRUE(lcs::test::press_hotkey("lcs.next_cue"));
	Frame plain;
	EXPECT_TRUE(ObsHarness::wait_until([&] {
		plain = ObsHarness::render(prompter, kW, kH);
		return marked_pixels(plain, layout) == 0 && plain.count_different(marked, 0, 0, kW, kH) > 500;
	})) << "the clean cue is still marked";
	if (HasFailure() || std::getenv("LCS_TEST_ARTIFACTS")) {
		marked.save_png("compliance-marked-" + ObsHarness::get().locale());
		plain.save_png("compliance-plain-" + ObsHarness::get().locale());
	}
}

} // namespace
