// A caption display's successive texts become partial and final speech (one final per utterance).
#include <gtest/gtest.h>

#include "core/session/transcript_follower.hpp"

namespace {
using lcs::session::SpeechText;
using lcs::session::TranscriptFollower;

std::vector<std::string> finals(const std::vector<SpeechText> &out)
{
	std::vector<std::string> texts;
	for (const auto &s : out)
		if (s.final)
			texts.push_back(s.text);
	return texts;
}

TEST(TranscriptFollower, GrowingTextIsPartialUntilItSettles)
{
	TranscriptFollower f(1500);
	auto out = f.observe("今天", 0);
	ASSERT_EQ(out.size(), 1u);
	EXPECT_EQ(out[0].text, "今天");
	EXPECT_FALSE(out[0].final);
	out = f.observe("今天给大家", 400);
	ASSERT_EQ(out.size(), 1u);
	EXPECT_EQ(out[0].text, "今天给大家");
	EXPECT_FALSE(out[0].final);
	EXPECT_TRUE(f.idle(1800).empty()); // 1.4 s after the last change
	out = f.idle(1900);
	ASSERT_EQ(out.size(), 1u);
	EXPECT_EQ(out[0].text, "今天给大家");
	EXPECT_TRUE(out[0].final);
	EXPECT_TRUE(f.idle(5000).empty());          // never the same final twice
	EXPECT_TRUE(f.observe("今天给大家", 6000).empty()); // the same text again: nothing new
}

TEST(TranscriptFollower, ANewUtteranceFinalisesTheOneBefore)
{
	TranscriptFollower f(1500);
	f.observe("这是全网最好的蜂蜜", 0);
	const auto out = f.observe("下单的朋友扣1", 300);
	ASSERT_EQ(out.size(), 2u);
	EXPECT_TRUE(out[0].final);
	EXPECT_EQ(out[0].text, "这是全网最好的蜂蜜");
	EXPECT_FALSE(out[1].final);
	EXPECT_EQ(out[1].text, "下单的朋友扣1");
}

TEST(TranscriptFollower, ARevisedTailIsTheSameUtterance)
{
	TranscriptFollower f(1500);
	f.observe("今天给打架", 0);
	const auto out = f.observe("今天给大家介绍", 200); // the recogniser corrected its last words
	EXPECT_TRUE(finals(out).empty());
	ASSERT_EQ(out.size(), 1u);
	EXPECT_EQ(out[0].text, "今天给大家介绍");
	EXPECT_TRUE(lcs::session::continues_utterance("today we", "today we have"));
	EXPECT_FALSE(lcs::session::continues_utterance("today we have honey", "buy now"));
}

TEST(TranscriptFollower, ClearingTheDisplayEndsTheUtterance)
{
	TranscriptFollower f(1500);
	f.observe("  hello there  ", 0);
	EXPECT_EQ(f.utterance(), "hello there");
	EXPECT_EQ(finals(f.observe("", 100)), std::vector<std::string>{"hello there"});
	EXPECT_TRUE(f.observe("", 5000).empty());
	// The same words shown again later: not given as final a second time in a row.
	f.observe("hello there", 6000);
	EXPECT_TRUE(finals(f.idle(9000)).empty());
	EXPECT_EQ(finals(f.observe("something else", 9100)), std::vector<std::string>{});
	EXPECT_EQ(finals(f.idle(11000)), std::vector<std::string>{"something else"});
}

TEST(TranscriptFollower, ARollingDisplayGivesOnlyWhatIsAppended)
{
	TranscriptFollower f(1500);
	f.observe("第一句话。", 0);
	EXPECT_EQ(finals(f.idle(2000)), std::vector<std::string>{"第一句话。"});
	auto out = f.observe("第一句话。 第二句", 2500);
	ASSERT_EQ(out.size(), 1u);
	EXPECT_EQ(out[0].text, "第二句");
	EXPECT_FALSE(out[0].final);
	out = f.observe("第一句话。 第二句话。", 2700);
	ASSERT_EQ(out.size(), 1u);
	EXPECT_EQ(out[0].text, "第二句话。");
	EXPECT_EQ(finals(f.idle(4300)), std::vector<std::string>{"第二句话。"});
}

TEST(TranscriptFollower, ResetForgetsTheSource)
{
	TranscriptFollower f(1500);
	f.observe("old caption", 0);
	f.reset();
	EXPECT_TRUE(f.idle(10000).empty());
	EXPECT_EQ(f.shown(), "");
}

TEST(TranscriptFollower, TheBaselineIsNotSpeechButWhatFollowsIs)
{
	TranscriptFollower f(1500);
	f.baseline("caption from before");
	EXPECT_TRUE(f.idle(10000).empty());
	EXPECT_TRUE(f.observe("caption from before", 20000).empty());
	auto out = f.observe("a new line", 20100);
	ASSERT_EQ(out.size(), 1u);
	EXPECT_EQ(out[0].text, "a new line");
	EXPECT_FALSE(out[0].final);
}

} // namespace
