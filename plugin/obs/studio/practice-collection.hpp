#pragma once

#include <string>
#include <vector>

namespace lcs::obs {

enum class PracticeCollectionStatus {
	Created,     // a new collection with the practice scenes; `problems` lists anything left out
	Switched,    // the collection already existed: OBS switched to it, nothing was rebuilt
	AlreadyOpen, // it is the current collection already: nothing was done
	Failed,      // see `problems`
};

struct PracticeCollectionOutcome {
	PracticeCollectionStatus status = PracticeCollectionStatus::Failed;
	std::string collection; // the collection's name
	int sources_created = 0;
	int scenes_created = 0;
	/// Plain English lines for the details view and the log (source names in the layout's
	/// language).
	std::vector<std::string> problems;
};

/// Opens the "Live Commerce Practice" scene collection in the running OBS: switches to it when
/// it exists (e.g. written by `lcs practice-scene`), else creates it and builds the practice
/// scenes live for OBS's language and canvas, with the landscape room current. UI thread only
/// (the frontend API); the caller shows the outcome. keep_script_in_use: the new prompters keep
/// the script in use (chosen in the desk, say) instead of loading the layout's default pack.
PracticeCollectionOutcome create_practice_collection(bool keep_script_in_use);

} // namespace lcs::obs
