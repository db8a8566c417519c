#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lcs::session {

// What a viewer's question is about, read from its text the way a host skims the chat (zh-CN and
// en-US). Buying questions (price, coupon, stock, size, shipping, how to buy) stand between a
// viewer and an order, so a host answers them first; the others (after-sales, authenticity,
// about the product itself) can wait.
enum class QuestionTopic {
	AfterSales,   // returns, refunds, exchanges, warranty, damage
	Authenticity, // genuine, certificates, factory, batch
	ProductUse,   // age, after opening… (only where a buying word could mislead)
	HowToBuy,     // link, cart, how to order
	Coupon,       // coupons, discounts, deals, red packets
	Price,        // price, how much, gifts and bundles
	Stock,        // in stock, sold out, presale
	Size,         // size, weight, volume, how many
	Shipping,     // delivery, carriers, free shipping, packing
	Other,        // nothing a host would single out (material, usage, anything else)
};

[[nodiscard]] bool is_buying(QuestionTopic topic);
/// "price", "after_sales", … (for logs and tests).
[[nodiscard]] const char *topic_name(QuestionTopic topic);

/// The topic of a question. Product names (`product_names`, the shelf's) are read as names, not
/// as words: "替换芯" in a cushion's name is no exchange. Keyword groups are tried in the order of
/// the enum, so "who pays return shipping" is after-sales, not shipping.
[[nodiscard]] QuestionTopic classify_question(std::string_view text, const std::vector<std::string> &product_names = {});

} // namespace lcs::session
