#pragma once

#include "sources/cue-prompter/cue-prompter-style.hpp"

namespace lcs::obs {

struct Box {
	int x = 0, y = 0, w = 0, h = 0;
};

// Where each part of the prompter goes for a given style. Shared by the painter (text layer) and
// the renderer (progress bar, timer), so the two always agree. Parts that are hidden get h = 0.
struct CuePrompterLayout {
	int padding = 0;
	Box header; // segment name (left) and timer (right)
	Box bar;    // segment progress bar
	Box cue;    // current cue, large
	Box keywords;
	Box next;   // next cue, smaller
	Box inner;  // everything inside the padding (the empty state's message)
	int label_px = 0; // label and next-cue sizes after shrinking to fit
	int next_px = 0;

	static CuePrompterLayout compute(const CuePrompterStyle &style);
};

} // namespace lcs::obs
