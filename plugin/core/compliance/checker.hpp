#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/compliance/finding.hpp"
#include "core/compliance/rule_set.hpp"

namespace lcs::compliance {

/// Where a text comes from (the contract's compliance_flag `where`, plus a plain text file).
enum class Where { pack, cue, speech, price, text };
[[nodiscard]] std::string_view to_string(Where where);

/// What the pack says about a product's prices: the evidence the law asks for before a 原价 /
/// 划线价 / 专柜价 may be claimed (《明码标价和禁止价格欺诈规定》 Art. 19).
struct PriceFacts {
	std::string sku;
	std::string name;
	int64_t list_price_cents = 0;
	std::optional<int64_t> lowest_7d_cents; // lowest price actually charged in the prior 7 days
	std::optional<int64_t> msrp_cents;      // a manufacturer's suggested retail price (厂商建议零售价)
};

struct Context {
	Where where = Where::text;
	std::string language = "zh-CN"; // the rule set and the language of messages and suggestions
	/// The product the text is about (the pinned product, or the cue's pin); null when unknown.
	const PriceFacts *product = nullptr;
	/// Product names, brands and trademarks in play: a hit inside one is exempt (product_name).
	std::vector<std::string> names;
	/// Urgency (最后一波, 手慢无): backed while a concrete deadline or low stock is live in the
	/// session (true), not backed (false: a finding at the rule's severity), unknown (none: a plain
	/// text file or a pack cue without a timed promotion: caution).
	std::optional<bool> urgency_backed;
};

// The compliance checker: normalises a text (NFKC, case folding, traditional → simplified, symbols
// skipped inside terms, full-width forms), finds every rule's terms at once (Aho–Corasick) and by
// sound (pinyin), applies the exceptions and the facts (prices, urgency). Immutable after
// construction: check() may be called from any thread at once.
class Checker {
public:
	explicit Checker(RuleSet rules);
	~Checker();
	Checker(Checker &&) noexcept;
	Checker &operator=(Checker &&) noexcept;

	/// Every finding in text, in order of position; exempted hits are kept as info.
	[[nodiscard]] Findings check(std::string_view text, const Context &context) const;
	[[nodiscard]] const RuleSet &rules() const;

private:
	struct Impl;
	std::unique_ptr<Impl> impl_;
};

struct CheckerLoad {
	std::shared_ptr<const Checker> checker; // null when the rules could not be read at all
	diag::Diagnostics diagnostics;
};

/// Loads data/compliance (load_rule_set) and builds the checker.
[[nodiscard]] CheckerLoad load_checker(const std::filesystem::path &dir);

} // namespace lcs::compliance
