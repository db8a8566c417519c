#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "core/pack/json_reader.hpp"
#include "core/pack/scenario.hpp"

namespace lcs::pack {

/// Reads one entry of a pack's "scenarios" (docs/scenarios.md) with located diagnostics.
std::optional<audience::Scenario> read_scenario(ReadContext &ctx, const nlohmann::json &value, const std::string &pointer);

/// The persona ids scenarios may name.
const std::vector<std::string> &persona_ids();
/// The traffic sources of the contract (viewer_join `source`).
const std::vector<std::string> &traffic_source_ids();

} // namespace lcs::pack
