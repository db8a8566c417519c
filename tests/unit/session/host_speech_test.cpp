// What the simulated hosts say: cue texts read at a human pace, the weak host's ad-libs, speech
// checked with the bundled rules (strong: few flags, weak: many), the same bytes for the same seed.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/compliance/checker.hpp"
#include "core/metrics/log_reader.hpp"
#include "core/metrics/metrics.hpp"
#include "core/pack/library.hpp"
#include "core/session/headless_run.hpp"
#include "core/session/host_speech.hpp"

namespace {
using namespace lcs;
using namespace lcs::session;

const std::string kSource = LCS_SOURCE_DIR;

std::shared_ptr<const pack::Library> farm(const std::string &language = "zh-CN")
{
	static std::map<std::string, std::shared_ptr<const pack::Library>> libraries;
	auto &lib = libraries[language];
	if (!lib)
		lib = pack::Library::load({std::filesystem::u8path(kSource + "/scripts-library/packs/farm-origin/farm-origin." + language + ".json")})
			      .library;
	return lib;
}

std::shared_ptr<const audience::AudienceData> audience(const std::string &language = "zh-CN")
{
	diag::Diagnostics d;
	auto loaded = audience::AudienceData::load(std::filesystem::u8path(kSource + "/data/audience"), language, d);
	EXPECT_TRUE(loaded.has_value());
	return std::make_shared<const audience::AudienceData>(std::move(*loaded));
}

std::shared_ptr<const compliance::Checker> bundled_checker()
{
	static const auto checker = [] {
		auto load = compliance::load_checker(std::filesystem::u8path(kSource + "/data/compliance"));
		EXPECT_TRUE(load.checker);
		for (const auto &d : load.diagnostics)
			if (d.severity == diag::Severity::Error)
				ADD_FAILURE() << d.to_string();
		return load.checker;
	}();
	return checker;
}

std::vector<std::string> ad_libs(const std::string &language = "zh-CN")
{
	diag::Diagnostics d;
	auto lines = load_ad_libs(std::filesystem::u8path(kSource + "/data/audience"), language, d);
	EXPECT_TRUE(d.empty());
	return lines;
}

std::vector<nlohmann::json> read_log(const std::string &path)
{
	std::vector<nlohmann::json> out;
	metrics::read_session_log(path, {}, [&](const nlohmann::json &e) { out.push_back(e); });
	return out;
}

std::string read_all(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	std::ostringstream s;
	s << in.rdbuf();
	return s.str();
}

struct Run {
	std::string path;
	std::vector<nlohmann::json> events;
};

Run run(Policy policy, uint64_t seed, const std::string &tag, bool checker = true, bool transcript = true,
	const std::string &language = "zh-CN", int duration = 1500)
{
	HeadlessOptions o;
	o.seed = seed;
	o.policy = policy;
	o.duration_seconds = duration;
	o.log_path = testing::TempDir() + "host-speech-" + tag + ".jsonl";
	if (checker)
		o.compliance = bundled_checker();
	o.ad_libs = ad_libs(language);
	o.transcript = transcript;
	const auto result = run_headless(farm(language), audience(language), o);
	EXPECT_TRUE(result.ok) << result.error;
	return {o.log_path, read_log(o.log_path)};
}

std::vector<nlohmann::json> of_type(const std::vector<nlohmann::json> &events, const std::string &type)
{
	std::vector<nlohmann::json> out;
	for (const auto &e : events)
		if (e.value("type", "") == type)
			out.push_back(e);
	return out;
}

std::vector<nlohmann::json> flags_where(const std::vector<nlohmann::json> &events, const std::string &where)
{
	std::vector<nlohmann::json> out;
	for (const auto &e : of_type(events, "compliance_flag"))
		if (e.value("where", "") == where)
			out.push_back(e);
	return out;
}

TEST(HostSpeech, SentencesKeepTheirClosingMarks)
{
	EXPECT_EQ(split_sentences("欢迎！今天聊蜂蜜。真的吗？！好……那就开始"),
		  (std::vector<std::string>{"欢迎！", "今天聊蜂蜜。", "真的吗？！", "好……", "那就开始"}));
	EXPECT_EQ(split_sentences("It is $19.99 today. Buy now!  ok"),
		  (std::vector<std::string>{"It is $19.99 today.", "Buy now!", "ok"}));
	EXPECT_TRUE(split_sentences("  ").empty());
	EXPECT_EQ(code_points("蜂蜜ab"), 4);
}

TEST(HostSpeech, ASentenceIsSaidOnceTheHostHasTalkedLongEnoughForIt)
{
	HostSpeech speech;
	speech.read("一二三四五。六七八九十。", 60.0, 1000); // one character a second
	EXPECT_TRUE(speech.step(6'900, true).empty());   // six characters (with 。) take 6 s
	EXPECT_EQ(speech.step(7'000, true), std::vector<std::string>{"一二三四五。"});
	EXPECT_TRUE(speech.step(20'000, false).empty()); // silent: the reading clock stands still
	EXPECT_TRUE(speech.step(25'000, true).empty());
	EXPECT_EQ(speech.step(26'000, true), std::vector<std::string>{"六七八九十。"});
	EXPECT_TRUE(speech.done());
	speech.read("新的。", 60.0, 30'000);
	EXPECT_FALSE(speech.done());
}

TEST(HostSpeech, TheAdLibsAreBilingualData)
{
	for (const std::string language : {"zh-CN", "en-US"})
		EXPECT_GE(ad_libs(language).size(), 10u) << language;
	diag::Diagnostics d;
	EXPECT_TRUE(load_ad_libs(std::filesystem::u8path(kSource + "/data/audience"), "xx-XX", d).empty());
	ASSERT_EQ(d.size(), 1u);
	EXPECT_NE(d[0].to_string().find("host.xx-XX.json"), std::string::npos);
}

TEST(HostSpeech, TheStrongHostReadsEachCueAfterItIsShownAtAHumanPace)
{
	const auto r = run(Policy::Strong, 7, "strong-read", false);
	std::map<std::string, std::string> cue_text;
	for (const auto *segment : farm()->segments())
		for (const auto &cue : segment->cues)
			cue_text[cue.id] = cue.text;
	std::string current;
	size_t spoken = 0;
	for (const auto &e : r.events) {
		const auto type = e.value("type", "");
		if (type == "cue_shown")
			current = e["cue_id"].get<std::string>();
		else if (type == "speech") {
			++spoken;
			ASSERT_FALSE(current.empty());
			// Every sentence is one of the cue on screen (the strong host never ad-libs).
			EXPECT_NE(cue_text[current].find(e["text"].get<std::string>()), std::string::npos) << e.dump();
			EXPECT_EQ(e["final"], true);
		}
	}
	EXPECT_GT(spoken, 100u);
	metrics::MetricsAccumulator acc;
	for (const auto &e : r.events)
		acc.add(e);
	const auto m = acc.finish();
	ASSERT_TRUE(m.speech_chars_per_min);
	EXPECT_GT(*m.speech_chars_per_min, 90.0); // talks most of the time, at 270 characters a minute
	EXPECT_LT(*m.speech_chars_per_min, 270.0);
}

TEST(HostSpeech, TheWeakHostAdLibsViolationsAndGetsFarMoreSpeechFlagsThanTheStrongOne)
{
	for (const std::string language : {"zh-CN"}) { // the en-US rule set is not in the data yet
		const auto strong = run(Policy::Strong, 7, "strong-" + language, true, true, language);
		const auto weak = run(Policy::Weak, 7, "weak-" + language, true, true, language);
		const auto lines = ad_libs(language);
		const std::set<std::string> ad_lib_set(lines.begin(), lines.end());
		size_t said = 0;
		for (const auto &e : of_type(weak.events, "speech"))
			said += ad_lib_set.count(e["text"].get<std::string>());
		EXPECT_GE(said, 6u) << language; // now and then over 25 minutes
		const auto weak_flags = flags_where(weak.events, "speech");
		const auto strong_flags = flags_where(strong.events, "speech");
		EXPECT_GE(weak_flags.size(), 5u) << language;
		EXPECT_LE(strong_flags.size(), 2u) << language; // the model scripts read aloud
		for (const auto &f : weak_flags) {
			EXPECT_TRUE(f.contains("category") && f.contains("severity") && f.contains("text")) << f.dump();
			EXPECT_NE(f["severity"], "info");
		}
		// The log says the cue and speech checks ran.
		EXPECT_NE(read_all(weak.path).find(R"("compliance_checks":["price","cue","speech"])"), std::string::npos);
	}
}

TEST(HostSpeech, SameSeedSameBytesWithSpeechAndChecks)
{
	for (const auto policy : {Policy::Strong, Policy::Weak}) {
		const auto a = run(policy, 11, "same-a", true, true, "zh-CN", 600);
		const auto b = run(policy, 11, "same-b", true, true, "zh-CN", 600);
		EXPECT_EQ(read_all(a.path), read_all(b.path));
		EXPECT_FALSE(of_type(a.events, "speech").empty());
	}
}

TEST(HostSpeech, SpeechAndItsChecksDoNotChangeTheRoom)
{
	for (const auto policy : {Policy::Strong, Policy::Weak}) {
		const auto quiet = run(policy, 7, "room-quiet", false, false, "zh-CN", 900);
		const auto spoken = run(policy, 7, "room-spoken", true, true, "zh-CN", 900);
		auto room = [](const std::vector<nlohmann::json> &events) {
			std::vector<std::string> out;
			for (const auto &e : events) {
				const auto type = e.value("type", "");
				if (type != "session" && type != "speech" && !(type == "compliance_flag" && e.value("where", "") != "price"))
					out.push_back(e.dump());
			}
			return out;
		};
		EXPECT_TRUE(of_type(quiet.events, "speech").empty());
		EXPECT_FALSE(of_type(spoken.events, "speech").empty());
		EXPECT_EQ(room(quiet.events), room(spoken.events));
	}
}

} // namespace
