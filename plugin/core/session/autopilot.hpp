#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/session/command.hpp"
#include "core/session/controller.hpp"
#include "core/session/host_speech.hpp"
#include "core/session/question_triage.hpp"
#include "core/session/traffic_buyer.hpp"
#include "core/util/rng.hpp"

namespace lcs::session {

// Hosts for headless runs. A policy only sees what a trainee sees (the snapshot: script, chat,
// promotions, the ad budget) and acts through the same commands as hotkeys and the dock; the
// audience never learns which policy runs. All randomness comes from the autopilot's own seeded
// Rng, drawn in a fixed order each step (voice, script, questions, traffic).
//   strong: a competent human host. Follows the script at its planned pace, pins each cue's
//           product, runs the segment promotions, calls for interaction every two minutes, keeps
//           talking with only short pauses. Questions as a person handles them while selling
//           (QuestionTriage): it picks one, answers it 2–4 s later, and the answer takes 8–12 s
//           of its attention before it looks at the chat again; at most 6 answers in any 60 s;
//           buying questions first (price, coupon, stock, size, shipping, how to buy, read from
//           the text: question_topic.hpp), then the oldest; a question waiting over 90 s has
//           scrolled away and is dropped, so a busy room leaves some unanswered. Paid traffic
//           (TrafficBuyer, Paced) when the scenario has an ad budget: nothing in the first 3
//           minutes or the last 3, three tranches at least 3–4 minutes apart, each while a
//           product is pinned, the host talks and a promotion is live or due in the current or
//           next segment, at a moderate bid (30–60 % into the scenario's bid range); never more
//           than the budget left.
//   weak:   drifts through the script late, never launches promotions, ignores questions, falls
//           silent for long stretches, and with an ad budget spends all of it at once at the
//           highest bid 30 s into the show (a cold room, nothing on offer): the classic
//           beginner's mistake, shown in the review as paid viewers who leave and a poor ROI;
//   idle:   does nothing at all (silence, no purchases).
// Both hosts speak (SpeechText, final, one sentence at a time: what a transcript gives): the
// strong host reads each cue's text after it is shown at a human pace (speaking_pace: 270
// characters a minute in Chinese, 900 in English), its reading clock running only while it
// talks; the weak host reads at three quarters of that pace and now and then (every 60–150 s of
// talk, the first after 40–100 s) ad-libs a line of its own (set_ad_libs, data/audience/
// host.<language>.json: typical violations such as 全网最低价, 加微信下单, "lowest price ever").
// Speech draws from a second Rng of its own, so the host's other decisions (and the room) are
// the same with or without it.
enum class Policy { Strong, Weak, Idle };

bool parse_policy(const std::string &name, Policy &out);

class Autopilot {
public:
	Autopilot(Policy policy, uint64_t seed);

	/// Commands to submit before the next tick, given the latest snapshot.
	std::vector<Command> act(const Snapshot &snapshot);
	/// The lines the weak host ad-libs (load_ad_libs); none: it only reads its cues.
	void set_ad_libs(std::vector<std::string> lines) { ad_libs_ = std::move(lines); }
	/// Whether a transcript reaches the session (default true); false: the host still speaks (its
	/// draws stay the same) but no SpeechText is submitted, as in OBS without a transcript source.
	void set_transcript(bool on) { transcript_ = on; }

private:
	void strong(const Snapshot &s, std::vector<Command> &out);
	void weak(const Snapshot &s, std::vector<Command> &out);
	/// Reads the current cue aloud at `pace` × the language's pace (a new cue: from its start).
	void say_cue(const Snapshot &s, double pace, std::vector<Command> &out);
	void ad_lib(const Snapshot &s, std::vector<Command> &out);

	Policy policy_;
	util::Rng rng_;
	std::string last_cue_;
	int64_t cue_shown_ms_ = 0;
	int64_t cue_dwell_ms_ = 0;
	int64_t next_voice_change_ms_ = 0;
	bool talking_ = false;
	int64_t last_interaction_ms_ = 0;
	QuestionTriage triage_;
	TrafficBuyer traffic_;
	std::vector<std::string> product_names_; // the shelf's, read as names in questions
	std::set<std::string> launched_;
	bool started_voice_ = false;
	util::Rng speech_rng_;
	HostSpeech speech_;
	std::string reading_cue_;
	std::vector<std::string> ad_libs_;
	int64_t next_ad_lib_ms_ = -1;
	bool transcript_ = true;
};

} // namespace lcs::session
