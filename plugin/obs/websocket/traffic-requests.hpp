#pragma once

#include <obs.h>

#include "core/session/controller.hpp"
#include "websocket/vendor.hpp"

namespace lcs::obs {

/// The paid-traffic (投流) request of the vendor (docs/websocket-api.md): BuyTraffic.
void add_traffic_requests(websocket::Vendor &vendor);
/// GetStatus's paid-traffic fields: adBudgetCents, adSpentCents, adBudgetLeftCents,
/// minBidCpmCents, maxBidCpmCents, paidImpressions.
void add_traffic_status(const session::Snapshot &snapshot, obs_data_t *response);

} // namespace lcs::obs
