#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/pack/library.hpp"
#include "core/pack/scenario.hpp"

namespace lcs::session {

struct SessionInfo {
	std::string trainee;
	std::string started_at; // ISO-8601 UTC, given by the caller (an input: logs stay reproducible)
	uint64_t seed = 0;
	int duration_seconds = 0;
	/// A compliance checker runs: cue texts and speech are checked too (header compliance_checks).
	bool checks_words = false;
};

/// The session id: derived from scenario, seed and start time, so a replay has the same id.
std::string make_session_id(const audience::Scenario &scenario, const SessionInfo &info);

/// Line 1 of the log (contract.md section 1).
nlohmann::ordered_json make_header(const pack::Library &library, const audience::Scenario &scenario, const SessionInfo &info);

} // namespace lcs::session
