#pragma once

#include <cstdint>
#include <mutex>

#include "core/session/command.hpp"
#include "core/session/controller.hpp"

namespace lcs::obs {

// What the trainee means to buy when buying paid traffic (投流) in one press: the amount and the
// bid the desk's paid-traffic group shows, which the "buy paid traffic" hotkey buys. Until the
// desk sets them: ¥50 at the scenario's lowest bid. Any thread.
class TrafficOrder {
public:
	static constexpr int64_t kDefaultAmountCents = 5000;

	/// The desk's amount and bid (bid 0: the scenario's lowest).
	void set(int64_t amount_cents, int64_t bid_cpm_cents);
	/// The amount and bid as set (no campaign).
	[[nodiscard]] session::BuyTraffic order() const;
	/// The command one press sends while `snapshot` is the room: the order, or what is left of the
	/// running session's budget when something but less than the order is left. Otherwise the
	/// order as it is, and the controller refuses it with its reason (no session, no budget,
	/// nothing left).
	[[nodiscard]] session::BuyTraffic command_for(const session::Snapshot &snapshot) const;

private:
	mutable std::mutex mutex_;
	int64_t amount_cents_ = kDefaultAmountCents; // guarded by mutex_
	int64_t bid_cpm_cents_ = 0;                  // guarded by mutex_
};

} // namespace lcs::obs
