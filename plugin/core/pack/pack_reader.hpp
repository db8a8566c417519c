#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "core/pack/json_reader.hpp"
#include "core/pack/pack.hpp"

namespace lcs::pack {

/// Reads a parsed pack document. Every problem of shape, type or range goes to the context's
/// diagnostics with its location; returns the pack only when there was no error. References
/// (pins, promotions, skus) and id uniqueness are checked by the Library, across packs.
std::optional<Pack> read_pack(const nlohmann::json &document, ReadContext &ctx);

} // namespace lcs::pack
