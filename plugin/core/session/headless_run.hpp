#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/audience/audience_data.hpp"
#include "core/compliance/checker.hpp"
#include "core/pack/library.hpp"
#include "core/session/autopilot.hpp"

namespace lcs::session {

struct HeadlessOptions {
	std::string scenario_id;  // empty: the first scenario
	std::optional<uint64_t> seed;
	int duration_seconds = 0; // 0: the scenario's
	Policy policy = Policy::Strong;
	std::string trainee = "autopilot";
	std::string started_at = "2026-01-01T00:00:00Z";
	std::string log_path;     // UTF-8; required
	int64_t step_ms = 100;    // simulated time per tick
	/// The compliance checker (data/compliance): cues shown and speech are checked and flagged;
	/// null: promotion prices only (the header's compliance_checks says which ran).
	std::shared_ptr<const compliance::Checker> compliance;
	/// What the weak host ad-libs (load_ad_libs of the library's language); empty: none.
	std::vector<std::string> ad_libs;
	/// Whether what the host says reaches the session (a transcript source): false, no speech.
	bool transcript = true;
};

struct HeadlessResult {
	bool ok = false;
	std::string error;
	std::string log_error; // the log could not be written (a full disk): the session ran, the file is incomplete
	int64_t events = 0;
	int64_t duration_ms = 0;
};

/// Runs a whole session as fast as the machine allows, through the same controller as OBS, with
/// an autopilot host. `progress` (may be empty) gets the simulated milliseconds now and then.
HeadlessResult run_headless(std::shared_ptr<const pack::Library> library,
			    std::shared_ptr<const audience::AudienceData> audience, const HeadlessOptions &options,
			    const std::function<void(int64_t)> &progress = {});

} // namespace lcs::session
