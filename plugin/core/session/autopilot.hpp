#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/session/command.hpp"
#include "core/session/controller.hpp"
#include "core/util/rng.hpp"

namespace lcs::session {

// Hosts for headless runs. A policy only sees what a trainee sees (the snapshot: script, chat,
// promotions) and acts through the same commands as hotkeys and the dock; the audience never
// learns which policy runs.
//   strong: follows the script at its planned pace, pins each cue's product, runs the segment
//           promotions, answers questions within seconds, calls for interaction every two
//           minutes, keeps talking with only short pauses;
//   weak:   drifts through the script late, never launches promotions, ignores questions,
//           falls silent for long stretches;
//   idle:   does nothing at all (silence).
enum class Policy { Strong, Weak, Idle };

bool parse_policy(const std::string &name, Policy &out);

class Autopilot {
public:
	Autopilot(Policy policy, uint64_t seed);

	/// Commands to submit before the next tick, given the latest snapshot.
	std::vector<Command> act(const Snapshot &snapshot);

private:
	void strong(const Snapshot &s, std::vector<Command> &out);
	void weak(const Snapshot &s, std::vector<Command> &out);

	Policy policy_;
	util::Rng rng_;
	std::string last_cue_;
	int64_t cue_shown_ms_ = 0;
	int64_t cue_dwell_ms_ = 0;
	int64_t next_voice_change_ms_ = 0;
	bool talking_ = false;
	int64_t last_interaction_ms_ = 0;
	std::set<std::string> answering_;  // questions already scheduled
	std::vector<std::pair<int64_t, std::string>> answer_at_;
	std::set<std::string> launched_;
	bool started_voice_ = false;
};

} // namespace lcs::session
