#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/metrics/log_event.hpp"

namespace lcs::metrics {

/// Checks one event line against the lcs.session/1 table (contract.md section 1): known types
/// must carry their required fields with the right JSON types, orders must satisfy
/// amount = qty × unit − discount. Returns "" when the line conforms, else what is wrong.
/// Unknown types pass (readers ignore them).
std::string check_event(const nlohmann::json &event);

/// Only the types: each field of the table (required or optional) that the event has is of the
/// contract's JSON type. Returns "" or e.g. "comment: 'comment_id' must be a string". The log
/// reader skips an event that fails this (readers need not guard every field).
std::string check_event_types(const nlohmann::json &event);
/// The same check (same verdict, same words) of an event the reader parsed into a LogEvent.
std::string check_event_types(const LogEvent &event);

/// Only the types of the header's known fields that it has, down to each pack, product, segment
/// and cue (a header may lack optional fields). Returns "" or e.g. "header: 'session_id' must be
/// a string". The log reader refuses a log whose header fails this.
std::string check_header_types(const nlohmann::json &header);

/// Checks the header line (type, schema, session_id, started_at, seed, packs, products, promotions).
std::string check_header(const nlohmann::json &header);

} // namespace lcs::metrics
