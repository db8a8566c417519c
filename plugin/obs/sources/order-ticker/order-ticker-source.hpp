#pragma once

namespace lcs::obs {

inline constexpr const char *kOrderTickerSourceId = "lcs_order_ticker";

/// Registers lcs_order_ticker: recent orders with masked buyer names, entering one at a time
/// and fading out.
void register_order_ticker_source();

} // namespace lcs::obs
