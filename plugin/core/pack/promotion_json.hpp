#pragma once

#include <nlohmann/json.hpp>

#include "core/pack/promotion.hpp"

namespace lcs::promo {

/// A promotion's definition as the pack states it (the session-log header keeps them).
nlohmann::ordered_json to_json(const Promotion &promotion);

} // namespace lcs::promo
