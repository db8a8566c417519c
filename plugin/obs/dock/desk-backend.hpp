#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/session/command.hpp"
#include "core/session/controller.hpp"

namespace lcs::obs::library {
class LibraryHub;
}

// What the control desk needs from the world around it. Inside OBS the studio (the module's one
// session controller, obs_module_text, the desktop) answers; the Qt test answers with a real core
// controller it ticks itself. The desk never blocks on any of it: snapshot() and submit() are
// cheap, everything marked "worker" runs on the desk's thread pool.
namespace lcs::obs::dock {

// A script pack the trainee can choose without browsing for a file.
struct PackChoice {
	std::string path; // UTF-8, absolute
	std::string name;
	std::string language;
};

struct PackLoadResult {
	bool ok = false;
	std::string message; // the first problem (file:line:col …) when not ok; a summary when ok
};

struct SessionRequest {
	std::string scenario_id;
	std::string trainee;
	std::optional<uint64_t> seed;
	int duration_seconds = 0; // 0: the scenario's
};

struct PracticeSceneResult {
	bool ok = false;
	std::string message;
};

class DeskBackend {
public:
	virtual ~DeskBackend() = default;

	[[nodiscard]] virtual std::shared_ptr<const session::Snapshot> snapshot() const = 0;
	virtual void submit(session::Command command) = 0;

	/// Localised UI text for a key of data/locale/*.ini ("Desk.Start"); the key itself if missing.
	[[nodiscard]] virtual const char *text(const char *key) const = 0;
	/// The UI language ("zh-CN" or "en-US"), for reports written from the desk.
	[[nodiscard]] virtual std::string language() const = 0;

	[[nodiscard]] virtual std::vector<PackChoice> bundled_packs() const = 0;
	/// Worker: reads and links the packs; on success they become the script in use.
	virtual PackLoadResult use_packs(const std::vector<std::string> &files) = 0;
	/// The pack files of the script in use, whoever chose them (empty: none).
	[[nodiscard]] virtual std::vector<std::string> files_in_use() const = 0;
	/// Worker: starts a session (its log goes to the sessions folder).
	virtual void start_session(const SessionRequest &request) = 0;
	/// What one press of "Buy" or of the paid-traffic hotkey buys (投流): the desk's amount and bid
	/// (bid 0: the scenario's lowest); ¥50 at the lowest bid until the desk sets them.
	[[nodiscard]] virtual session::BuyTraffic traffic_order() const = 0;
	virtual void set_traffic_order(int64_t amount_cents, int64_t bid_cpm_cents) = 0;
	/// The coach rubric the desk scores reports with (may not exist).
	[[nodiscard]] virtual std::string rubric_file() const = 0;

	/// UI thread: shows a file (the HTML report) with the desktop's viewer.
	virtual void open_file(const std::string &path) = 0;
	/// UI thread: creates (or switches to) the practice scene collection.
	virtual PracticeSceneResult create_practice_scene() = 0;

	/// UI thread: the OBS text sources that can be followed as the host's transcript, by name.
	[[nodiscard]] virtual std::vector<std::string> text_sources() const = 0;
	/// Follows the text source `name` as the host's transcript from now on ("" none).
	virtual void follow_transcript(const std::string &name) = 0;

	/// The team libraries (issue 12); null where there are none (the Library tab says so). It
	/// outlives the desk.
	[[nodiscard]] virtual library::LibraryHub *library_hub() const { return nullptr; }
};

} // namespace lcs::obs::dock
