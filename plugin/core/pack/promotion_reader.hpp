#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "core/pack/json_reader.hpp"
#include "core/pack/promotion.hpp"

namespace lcs::pack {

/// Reads one entry of a pack's "promotions": its type-specific fields, ranges and internal
/// consistency (tier order, coupon thresholds). Returns nothing when it has errors.
std::optional<promo::Promotion> read_promotion(ReadContext &ctx, const nlohmann::json &value, const std::string &pointer);

} // namespace lcs::pack
