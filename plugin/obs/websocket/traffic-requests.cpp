// BuyTraffic: the trainee's (or a coach's remote) purchase of paid traffic from the scenario's ad
// budget. The request is checked against the room as the snapshot shows it, with the controller's
// own rules (a session runs, the scenario has a budget, the amount fits what is left, the bid is
// in the scenario's range), so a client learns at once why nothing was bought; the purchase is
// applied at the next video frame. Two requests racing for the last of the budget: the second is
// refused by the controller (GetStatus's lastRefusal), never overspent.
#include "websocket/traffic-requests.hpp"

#include "core/util/money.hpp"
#include "studio/studio.hpp"
#include "websocket/request-args.hpp"
#include "websocket/request-fields.hpp"

namespace lcs::obs {
namespace {

using websocket::fail;

int64_t budget_left(const session::Snapshot &s)
{
	return s.ad_budget_cents > s.ad_spent_cents ? s.ad_budget_cents - s.ad_spent_cents : 0;
}

/// Why the controller would refuse `c` in the room `s` ("" when it buys).
std::string refusal(const session::Snapshot &s, const session::BuyTraffic &c)
{
	const int64_t bid = c.bid_cpm_cents > 0 ? c.bid_cpm_cents : s.min_bid_cpm_cents;
	if (!s.session_running)
		return "no session is running";
	if (s.ad_budget_cents <= 0)
		return "this scenario has no ad budget";
	if (c.amount_cents > budget_left(s))
		return "field 'amountCents': " + util::format_yuan(c.amount_cents) + " is more than the budget left (" +
		       util::format_yuan(budget_left(s)) + ")";
	if (bid <= 0 || bid < s.min_bid_cpm_cents || bid > s.max_bid_cpm_cents)
		return "field 'bidCpmCents': the bid must be " + util::format_yuan(s.min_bid_cpm_cents) + "–" +
		       util::format_yuan(s.max_bid_cpm_cents) + " per thousand impressions";
	return {};
}

void buy_traffic(obs_data_t *request, obs_data_t *response)
{
	const auto studio = Studio::lease();
	if (!studio) {
		fail(response, "Live Commerce Studio is not running");
		return;
	}
	websocket::BuyTrafficArgs args;
	if (!websocket::read_buy_traffic(request, args, response))
		return;
	const auto s = studio->snapshot();
	const session::BuyTraffic c{args.amount_cents, args.bid_cpm_cents, args.campaign};
	if (const std::string why = refusal(*s, c); !why.empty()) {
		fail(response, why);
		return;
	}
	studio->submit(c);
	websocket::ok(response);
	obs_data_set_int(response, "amountCents", c.amount_cents);
	obs_data_set_int(response, "bidCpmCents", c.bid_cpm_cents > 0 ? c.bid_cpm_cents : s->min_bid_cpm_cents);
	obs_data_set_int(response, "budgetLeftCents", budget_left(*s) - c.amount_cents);
}

} // namespace

void add_traffic_requests(websocket::Vendor &vendor)
{
	vendor.add_request("BuyTraffic", buy_traffic);
}

void add_traffic_status(const session::Snapshot &s, obs_data_t *response)
{
	obs_data_set_int(response, "adBudgetCents", s.ad_budget_cents);
	obs_data_set_int(response, "adSpentCents", s.ad_spent_cents);
	obs_data_set_int(response, "adBudgetLeftCents", budget_left(s));
	obs_data_set_int(response, "minBidCpmCents", s.min_bid_cpm_cents);
	obs_data_set_int(response, "maxBidCpmCents", s.max_bid_cpm_cents);
	obs_data_set_int(response, "paidImpressions", s.paid_impressions);
}

} // namespace lcs::obs
