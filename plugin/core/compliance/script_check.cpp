#include "core/compliance/script_check.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "core/compliance/string_column.hpp"

namespace lcs::compliance {
namespace {

// Whether a promotion puts a concrete deadline or a concrete stock in front of the audience, so
// that urgency said with it (最后一波, 手慢无) is backed by a fact: a flash sale (its duration and
// stock), a coupon that expires or runs out, a tiered price whose first price ends at a unit count
// or a time, a lucky bag drawn at the end of its countdown, or anything marked limited_time with a
// duration. A plain quantity deal (第二件半价) is no deadline.
bool concrete_deadline_or_stock(const promo::Promotion &promotion)
{
	if (promotion.limited_time && promotion.duration_seconds && *promotion.duration_seconds > 0)
		return true;
	struct Visitor {
		bool operator()(const promo::FlashSale &f) const { return f.duration_seconds > 0 || f.stock > 0; }
		bool operator()(const promo::Coupon &c) const { return c.valid_seconds > 0 || c.total_limit > 0; }
		bool operator()(const promo::TieredPrice &t) const
		{
			return t.basis == promo::TieredPrice::Basis::Time || (!t.tiers.empty() && t.tiers.front().up_to.has_value());
		}
		bool operator()(const promo::LuckyBag &b) const { return b.duration_seconds > 0; }
		bool operator()(const promo::QuantityDeal &) const { return false; }
	};
	return std::visit(Visitor{}, promotion.rule);
}

std::optional<bool> backed(bool concrete)
{
	return concrete ? std::optional<bool>(true) : std::nullopt;
}

// What a pack (or a library) offers the checks: its products' facts by sku, the names in play,
// its promotions by id.
struct Shelf {
	std::map<std::string, PriceFacts> facts;
	std::map<std::string, const promo::Promotion *> promotions;
	std::vector<std::string> names;

	void add(const pack::Pack &pack)
	{
		for (const auto &product : pack.products) {
			facts.emplace(product.sku, price_facts(product));
			names.push_back(product.name);
		}
		for (const auto &promotion : pack.promotions)
			promotions.emplace(promotion.id, &promotion);
		if (!pack.meta.brand.empty())
			names.push_back(pack.meta.brand);
	}
	[[nodiscard]] const PriceFacts *product(const std::optional<std::string> &sku) const
	{
		if (!sku)
			return nullptr;
		const auto it = facts.find(*sku);
		return it == facts.end() ? nullptr : &it->second;
	}
	[[nodiscard]] const promo::Promotion *promotion(const std::optional<std::string> &id) const
	{
		if (!id)
			return nullptr;
		const auto it = promotions.find(*id);
		return it == promotions.end() ? nullptr : it->second;
	}
};

// Walks a segment's cues in order with what is live at each: the pinned product (the cue's pin,
// else the latest earlier pin of the segment) and whether a concrete promotion has started.
struct CueState {
	std::optional<std::string> pinned;
	bool concrete_promotion = false;

	void enter(const pack::Cue &cue, const Shelf &shelf)
	{
		if (cue.pin)
			pinned = cue.pin;
		if (const auto *promotion = shelf.promotion(cue.promotion); promotion && concrete_deadline_or_stock(*promotion))
			concrete_promotion = true;
	}
	[[nodiscard]] Context context(const Shelf &shelf, const std::string &language) const
	{
		Context c;
		c.where = Where::cue;
		c.language = language;
		c.product = shelf.product(pinned);
		c.names = shelf.names;
		c.urgency_backed = backed(concrete_promotion);
		return c;
	}
};

Context shelf_context(const Shelf &shelf, const std::string &language, const PriceFacts *product, std::optional<bool> urgency)
{
	Context c;
	c.where = Where::pack;
	c.language = language;
	c.product = product;
	c.names = shelf.names;
	c.urgency_backed = urgency;
	return c;
}

class PackLinter {
public:
	PackLinter(const pack::Pack &pack, const Checker &checker, std::optional<std::string_view> source)
		: pack_(pack), checker_(checker), columns_(source)
	{
		shelf_.add(pack);
	}

	std::vector<PackFinding> run()
	{
		const std::string &language = pack_.meta.language;
		for (const auto &product : pack_.products) {
			const auto context = shelf_context(shelf_, language, shelf_.product(product.sku), std::nullopt);
			check(product.name, product.name_where, context, "product.name", "");
			for (size_t i = 0; i < product.selling_points.size(); ++i)
				check(product.selling_points[i],
				      i < product.selling_point_where.size() ? product.selling_point_where[i] : product.where, context,
				      "product.selling_points", "");
		}
		for (const auto &promotion : pack_.promotions) {
			const auto context = shelf_context(shelf_, language, shelf_.product(promotion.sku()),
							   backed(concrete_deadline_or_stock(promotion)));
			if (!promotion.name.empty())
				check(promotion.name, promotion.name_where, context, "promotion.name", "");
			if (const auto *bag = std::get_if<promo::LuckyBag>(&promotion.rule))
				check(bag->prize, bag->prize_where, context, "promotion.prize", "");
		}
		for (const auto &segment : pack_.segments) {
			CueState state;
			for (const auto &cue : segment.cues) {
				state.enter(cue, shelf_);
				check(cue.text, cue.text_where, state.context(shelf_, language), "cue.text", cue.id);
			}
		}
		std::stable_sort(out_.begin(), out_.end(), [](const PackFinding &a, const PackFinding &b) {
			return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
		});
		return std::move(out_);
	}

private:
	void check(const std::string &text, const diag::Location &quote, const Context &context, const char *field,
		   const std::string &cue_id)
	{
		for (auto &finding : checker_.check(text, context)) {
			PackFinding f;
			f.where = columns_.locate(quote, text, finding.begin);
			f.finding = std::move(finding);
			f.field = field;
			f.cue_id = cue_id;
			out_.push_back(std::move(f));
		}
	}

	const pack::Pack &pack_;
	const Checker &checker_;
	StringColumns columns_;
	Shelf shelf_;
	std::vector<PackFinding> out_;
};

std::optional<std::string> read_source(const std::string &path)
{
	if (path.empty())
		return std::nullopt;
	std::ifstream in(std::filesystem::u8path(path), std::ios::binary);
	if (!in)
		return std::nullopt;
	std::ostringstream text;
	text << in.rdbuf();
	return text.str();
}

} // namespace

PriceFacts price_facts(const pack::Product &product)
{
	PriceFacts facts;
	facts.sku = product.sku;
	facts.name = product.name;
	facts.list_price_cents = product.list_price_cents;
	facts.lowest_7d_cents = product.price_evidence.lowest_7d_cents;
	facts.msrp_cents = product.price_evidence.msrp_cents;
	return facts;
}

std::vector<PackFinding> lint_pack(const pack::Pack &pack, const Checker &checker)
{
	const auto source = read_source(pack.path);
	return PackLinter(pack, checker, source ? std::optional<std::string_view>(*source) : std::nullopt).run();
}

std::vector<PackFinding> lint_pack(const pack::Pack &pack, const Checker &checker, std::string_view source)
{
	return PackLinter(pack, checker, source).run();
}

std::map<std::string, Findings> check_script(const pack::Library &library, const Checker &checker)
{
	Shelf shelf;
	for (const auto &pack : library.packs())
		shelf.add(pack);
	const std::string language = library.language();
	std::map<std::string, Findings> out;
	for (const auto *segment : library.segments()) {
		CueState state;
		for (const auto &cue : segment->cues) {
			state.enter(cue, shelf);
			auto findings = checker.check(cue.text, state.context(shelf, language));
			if (!findings.empty())
				out[cue.id] = std::move(findings);
		}
	}
	return out;
}

} // namespace lcs::compliance
