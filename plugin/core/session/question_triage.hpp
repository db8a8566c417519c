#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/session/controller.hpp"
#include "core/util/rng.hpp"

namespace lcs::session {

// How many questions a human host gets to, and how long each takes. A host reads a question,
// answers it aloud while still selling, and only then looks at the chat again.
struct TriageLimits {
	int max_answers = 6;                 // at most this many answers …
	int64_t window_ms = 60'000;          // … in any window this long
	int64_t give_up_after_ms = 90'000;   // a question waiting longer scrolled away: the host drops it
	int64_t read_min_ms = 2'000;         // from picking a question to answering it aloud
	int64_t read_max_ms = 4'000;
	int64_t occupied_min_ms = 8'000;     // the whole answer's share of the host's attention
	int64_t occupied_max_ms = 12'000;
};

// The strong host's question queue: it notes every new open question (reading its topic from the
// text), picks the next one when it is free and the last minute leaves room (buying questions
// first, then the oldest), answers it a few seconds later, and lets questions that waited too
// long go. Randomness (reading and answering times) comes from the caller's Rng, two draws per
// question picked.
class QuestionTriage {
public:
	explicit QuestionTriage(TriageLimits limits = {});

	/// The question to answer now, if any. `open` is the snapshot's open questions (oldest
	/// first); `product_names` the shelf's names (read as names, not as words).
	std::optional<std::string> step(int64_t now_ms, const std::vector<FeedComment> &open,
					const std::vector<std::string> &product_names, util::Rng &rng);

	/// Questions in the queue (seen, neither picked nor dropped).
	[[nodiscard]] size_t waiting() const { return queue_.size(); }
	/// Questions the host gave up on (waited longer than give_up_after_ms).
	[[nodiscard]] int dropped() const { return dropped_; }

private:
	struct Waiting {
		int64_t t = 0;
		std::string id;
		bool buying = false;
	};
	struct Picked {
		int64_t answer_at_ms = 0;
		int64_t asked_t = 0;
		std::string id;
	};

	TriageLimits limits_;
	std::unordered_set<std::string> seen_;
	std::vector<Waiting> queue_;          // oldest first
	std::deque<int64_t> answered_at_;     // answers in the last window
	std::optional<Picked> picked_;        // being read, answered at answer_at_ms
	int64_t free_at_ms_ = 0;
	int dropped_ = 0;
};

} // namespace lcs::session
