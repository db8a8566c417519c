#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace lcs::metrics {

/// Checks one event line against the lcs.session/1 table (contract.md section 1): known types
/// must carry their required fields with the right JSON types, orders must satisfy
/// amount = qty × unit − discount. Returns "" when the line conforms, else what is wrong.
/// Unknown types pass (readers ignore them).
std::string check_event(const nlohmann::json &event);

/// Checks the header line (type, schema, session_id, started_at, seed, packs, products, promotions).
std::string check_header(const nlohmann::json &header);

} // namespace lcs::metrics
