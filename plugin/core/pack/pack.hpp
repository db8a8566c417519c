#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag/diagnostic.hpp"
#include "core/pack/promotion.hpp"
#include "core/pack/scenario.hpp"

// A loaded script pack (docs/pack-format.md). Every entity keeps where it was defined so later
// checks (references, duplicates across packs) can point at the file, line and column.
namespace lcs::pack {

inline constexpr const char *kFormat = "lcs.pack/1";

struct FaqEntry {
	std::string question;
	std::string answer;
};

/// The evidence a pack gives for a claimed 原价 / 划线价 / 专柜价 (《明码标价和禁止价格欺诈规定》
/// Art. 19): the lowest price actually charged in the 7 days before the session, or that a price is
/// the manufacturer's suggested retail price. Both optional; a claim without evidence is a finding.
struct PriceEvidence {
	std::optional<int64_t> lowest_7d_cents;
	std::optional<int64_t> msrp_cents;
};

struct Product {
	std::string sku;
	std::string name;
	int64_t list_price_cents = 0;
	PriceEvidence price_evidence;
	int64_t stock = 0;
	std::string category;
	std::vector<std::string> selling_points;
	std::map<std::string, std::string> specs;
	std::vector<FaqEntry> faq;
	std::string image;
	diag::Location where;
	diag::Location name_where;                     // the name's string value
	std::vector<diag::Location> selling_point_where; // each selling point's string value
};

struct Cue {
	std::string id;
	std::string text;
	std::string note;
	std::vector<std::string> keywords;
	std::optional<std::string> pin;
	std::optional<std::string> promotion;
	diag::Location where;
	diag::Location text_where; // the text's string value (its opening quote)
	diag::Location pin_where;
	diag::Location promotion_where;
};

struct Segment {
	std::string id;
	std::string name;
	std::string kind;
	int planned_seconds = 0;
	std::vector<Cue> cues;
	diag::Location where;
};

struct Meta {
	std::string id;
	std::string name;
	std::string version;
	std::string language;
	std::vector<std::string> authors;
	std::string license;
	std::string description;
	std::string brand;
};

struct Pack {
	Meta meta;
	std::vector<Product> products;
	std::vector<promo::Promotion> promotions;
	std::vector<Segment> segments;
	std::vector<audience::Scenario> scenarios;
	std::string path;   // file it came from (UTF-8)
	std::string sha256; // of the file's bytes, hex
	diag::Location where;
};

/// The segment kinds of the format.
const std::vector<std::string> &segment_kinds();

} // namespace lcs::pack
