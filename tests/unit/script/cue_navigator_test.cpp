#include <gtest/gtest.h>

#include "core/pack/library.hpp"
#include "core/script/cue_navigator.hpp"
#include "core/session/controller.hpp"
#include "pack/pack_test_util.hpp"

namespace {
using lcs::script::CueNavigator;
using lcs::script::NavigationEvent;

std::shared_ptr<const lcs::pack::Library> library()
{
	auto r = lcs::pack::load_pack_text(lcs::test::valid_pack_text(), "p.json");
	EXPECT_TRUE(r.ok());
	lcs::diag::Diagnostics d;
	return std::make_shared<const lcs::pack::Library>(lcs::pack::Library::link({*r.pack}, d));
}

TEST(CueNavigator, BeginShowsTheFirstCueAndStartsItsSegment)
{
	CueNavigator nav(library());
	const auto events = nav.begin();
	ASSERT_EQ(events.size(), 2u);
	EXPECT_EQ(events[0].kind, NavigationEvent::Kind::SegmentStart);
	EXPECT_EQ(events[0].segment_id, "open");
	EXPECT_EQ(events[0].planned_ms, 120000);
	EXPECT_EQ(events[1].kind, NavigationEvent::Kind::CueShown);
	EXPECT_EQ(events[1].cue_id, "open-1");
	const auto v = nav.view();
	EXPECT_TRUE(v.has_script);
	EXPECT_EQ(v.cue_text, "Welcome!");
	EXPECT_EQ(v.next_cue_text, "Prices now.");
	EXPECT_EQ(v.segment_count, 2);
	EXPECT_EQ(v.pin_sku, "TEA");
	EXPECT_EQ(v.keywords_pending, std::vector<std::string>{"welcome"});
}

TEST(CueNavigator, NextCueCrossesIntoTheNextSegmentAndFinishes)
{
	CueNavigator nav(library());
	nav.begin();
	auto e = nav.next_cue();
	ASSERT_EQ(e.size(), 1u);
	EXPECT_EQ(e[0].cue_id, "open-2");
	EXPECT_EQ(nav.view().next_cue_text, "Thank you."); // next cue lies in the next segment
	e = nav.next_cue();
	ASSERT_EQ(e.size(), 2u);
	EXPECT_EQ(e[0].kind, NavigationEvent::Kind::SegmentStart);
	EXPECT_EQ(e[0].segment_id, "close");
	EXPECT_EQ(e[1].cue_id, "close-1");
	EXPECT_TRUE(nav.view().next_cue_text.empty());
	EXPECT_TRUE(nav.next_cue().empty());
	EXPECT_TRUE(nav.finished());
	EXPECT_TRUE(nav.view().cue_text.empty());
	EXPECT_TRUE(nav.next_cue().empty()); // stays finished
	e = nav.previous_cue();
	EXPECT_FALSE(nav.finished());
	EXPECT_EQ(nav.view().cue_id, "close-1");
}

TEST(CueNavigator, PreviousCueGoesBackAcrossSegments)
{
	CueNavigator nav(library());
	nav.begin();
	nav.next_segment();
	EXPECT_EQ(nav.view().cue_id, "close-1");
	const auto e = nav.previous_cue();
	ASSERT_EQ(e.size(), 2u);
	EXPECT_EQ(e[1].cue_id, "open-2");
	nav.previous_cue();
	EXPECT_EQ(nav.view().cue_id, "open-1");
	EXPECT_TRUE(nav.previous_cue().empty()); // already at the very first cue
}

TEST(CueNavigator, PreviousSegmentRestartsTheCurrentOneFirst)
{
	CueNavigator nav(library());
	nav.begin();
	nav.next_cue();
	nav.previous_segment();
	EXPECT_EQ(nav.view().cue_id, "open-1");
	nav.next_segment();
	nav.previous_segment();
	EXPECT_EQ(nav.view().cue_id, "open-1");
}

TEST(CueNavigator, JumpToSegment)
{
	CueNavigator nav(library());
	nav.begin();
	EXPECT_FALSE(nav.jump_to_segment("close").empty());
	EXPECT_EQ(nav.view().segment_name, "Closing");
	EXPECT_TRUE(nav.jump_to_segment("missing").empty());
	EXPECT_EQ(nav.view().segment_name, "Closing");
}

TEST(CueNavigator, SegmentClockAccumulatesPausesAndShowsOverrun)
{
	CueNavigator nav(library());
	nav.begin();
	nav.tick(100000);
	nav.set_paused(true);
	nav.tick(50000);
	EXPECT_TRUE(nav.view().timer_paused);
	nav.set_paused(false);
	nav.tick(30000);
	EXPECT_EQ(nav.view().segment_elapsed_ms, 130000);
	EXPECT_GT(nav.view().segment_elapsed_ms, nav.view().segment_planned_ms);
	nav.next_segment();
	nav.tick(1000);
	nav.previous_segment();
	EXPECT_EQ(nav.view().segment_elapsed_ms, 130000); // returning continues the segment's clock
	EXPECT_EQ(nav.segment_elapsed_ms()[1], 1000);
}

TEST(CueNavigator, KeywordsDisappearOnceSaid)
{
	CueNavigator nav(library());
	nav.begin();
	EXPECT_FALSE(nav.mark_keyword_said("nope"));
	EXPECT_TRUE(nav.mark_keyword_said());
	EXPECT_TRUE(nav.view().keywords_pending.empty());
	EXPECT_FALSE(nav.mark_keyword_said());
	nav.next_cue();
	nav.previous_cue();
	EXPECT_TRUE(nav.view().keywords_pending.empty()); // said stays said
}

TEST(CueNavigator, EmptyLibraryHasNoScript)
{
	CueNavigator nav(nullptr);
	EXPECT_TRUE(nav.begin().empty());
	EXPECT_FALSE(nav.view().has_script);
	EXPECT_TRUE(nav.next_cue().empty());
}

TEST(SessionController, CommandsApplyAtTheNextTickInOrder)
{
	lcs::session::Controller c;
	const auto before = c.snapshot();
	EXPECT_FALSE(before->cue.has_script);
	c.submit(lcs::session::UseLibrary{library(), 0, nullptr});
	c.submit(lcs::session::NextCue{});
	c.submit(lcs::session::NextCue{});
	EXPECT_FALSE(c.snapshot()->cue.has_script); // nothing applied before the tick
	c.tick(0);
	const auto after = c.snapshot();
	EXPECT_GT(after->version, before->version);
	EXPECT_EQ(after->cue.cue_id, "close-1");
	const auto &events = c.events();
	ASSERT_EQ(events.size(), 5u); // begin (segment + cue), next cue, next into the closing segment (segment + cue)
	EXPECT_EQ(events.front().type, "segment_start");
	EXPECT_EQ(events.front().fields["planned_ms"], 120000);
	EXPECT_EQ(events.back().type, "cue_shown");
	EXPECT_EQ(events.back().fields["cue_id"], "close-1");
}

TEST(SessionController, PublishesOnlyWhenSomethingVisibleChanged)
{
	lcs::session::Controller c;
	c.submit(lcs::session::UseLibrary{library(), 0, nullptr});
	c.tick(0);
	const auto v1 = c.snapshot()->version;
	c.tick(300);
	c.tick(300);
	EXPECT_EQ(c.snapshot()->version, v1); // still second 0
	c.tick(500);
	EXPECT_GT(c.snapshot()->version, v1); // second 1
	EXPECT_EQ(c.snapshot()->now_ms, 1100);
	EXPECT_EQ(c.snapshot()->cue.segment_elapsed_ms, 1100);
	c.submit(lcs::session::ToggleSegmentTimer{});
	c.tick(5000);
	EXPECT_TRUE(c.snapshot()->cue.timer_paused);
	EXPECT_EQ(c.snapshot()->cue.segment_elapsed_ms, 1100);
}

} // namespace
