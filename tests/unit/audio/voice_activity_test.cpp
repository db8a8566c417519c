// Issue 11: the voice meter counted each block as whole milliseconds, so at OBS's small blocks
// (64 frames at 48 kHz = 1.333 ms, counted as 1 ms) attack and hold came a third late. Time is
// now counted in samples: attack and hold end on the exact block.
#include <gtest/gtest.h>

#include "core/audio/voice_activity.hpp"

namespace {
using lcs::audio::VoiceActivity;

/// Blocks of `frames` fed at `level` until the state changes; returns how many it took (0: never
/// within `limit` blocks).
int blocks_until_change(VoiceActivity &v, double level, uint32_t frames, uint32_t rate, int limit = 100000)
{
	for (int n = 1; n <= limit; ++n)
		if (v.feed(level, frames, rate))
			return n;
	return 0;
}

TEST(VoiceActivity, AttackAndHoldAreExactAt64FrameBlocks)
{
	VoiceActivity v({-40.0, 6.0, 100, 400});
	// 100 ms at 48 kHz is 4 800 frames: exactly 75 blocks of 64 (not 100).
	EXPECT_EQ(blocks_until_change(v, -20.0, 64, 48000), 75);
	EXPECT_EQ(v.talking(), true);
	// 400 ms is 19 200 frames: exactly 300 blocks.
	EXPECT_EQ(blocks_until_change(v, -80.0, 64, 48000), 300);
	EXPECT_EQ(v.talking(), false);
}

TEST(VoiceActivity, BlockLengthsThatAreNotWholeMillisecondsAddUpExactly)
{
	// 44.1 kHz, 1 024-frame blocks (23.22 ms): 100 ms is 4 410 frames, reached in the 5th block;
	// 400 ms is 17 640 frames, reached in the 18th.
	VoiceActivity v({-40.0, 6.0, 100, 400});
	EXPECT_EQ(blocks_until_change(v, -20.0, 1024, 44100), 5);
	EXPECT_EQ(blocks_until_change(v, -80.0, 1024, 44100), 18);
	// One frame short of the hold does not end the talk; the last frame does.
	VoiceActivity w({-40.0, 6.0, 100, 400});
	EXPECT_EQ(w.feed(-20.0, 4800, 48000), true);
	EXPECT_FALSE(w.feed(-80.0, 19199, 48000).has_value());
	EXPECT_EQ(w.feed(-80.0, 1, 48000), false);
}

TEST(VoiceActivity, ResetMidTalkReportsSilenceAndForgetsTheState)
{
	VoiceActivity v({-40.0, 6.0, 100, 400});
	EXPECT_FALSE(v.reset().has_value()); // nothing known yet: nothing to tell
	EXPECT_EQ(v.feed(-20.0, 4800, 48000), true);
	EXPECT_EQ(v.reset(), false); // talking when the audio stopped: silence
	EXPECT_FALSE(v.talking().has_value());
	EXPECT_FALSE(v.reset().has_value());
	// Audio again: talk needs a full attack afresh.
	EXPECT_FALSE(v.feed(-20.0, 4799, 48000).has_value());
	EXPECT_EQ(v.feed(-20.0, 1, 48000), true);
}

} // namespace
