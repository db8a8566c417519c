#include "core/pack/pack_reader.hpp"

#include <limits>

#include "core/pack/promotion_reader.hpp"
#include "core/pack/scenario_reader.hpp"

namespace lcs::pack {
namespace {
constexpr int64_t kMaxCents = 100'000'000'000; // ¥1 billion
constexpr int64_t kMaxStock = 100'000'000;

std::vector<std::string> read_strings(ReadContext &ctx, const nlohmann::json *array, const std::string &pointer,
				      const std::string &what, size_t max_chars, std::vector<diag::Location> *where = nullptr)
{
	std::vector<std::string> out;
	if (!array)
		return out;
	for (size_t i = 0; i < array->size(); ++i) {
		const auto &v = (*array)[i];
		const std::string at = pointer + "/" + std::to_string(i);
		if (!v.is_string() || v.get_ref<const std::string &>().empty()) {
			ctx.error(at, what + " must be a non-empty string");
			continue;
		}
		if (utf8_length(v.get_ref<const std::string &>()) > max_chars) {
			ctx.error(at, what + " is longer than " + std::to_string(max_chars) + " characters");
			continue;
		}
		out.push_back(v.get<std::string>());
		if (where)
			where->push_back(ctx.at(at));
	}
	return out;
}

Meta read_meta(ReadContext &ctx, const nlohmann::json &value, const std::string &pointer)
{
	Meta m;
	ObjectReader r(ctx, value, pointer, "pack metadata");
	m.id = r.id("id", Need::Required).value_or("");
	m.name = r.string("name", Need::Required).value_or("");
	if (auto v = r.string("version", Need::Required)) {
		int dots = 0;
		bool ok = !v->empty() && v->front() != '.' && v->back() != '.';
		for (const char c : *v) {
			dots += c == '.' ? 1 : 0;
			ok = ok && ((c >= '0' && c <= '9') || c == '.');
		}
		if (!ok || dots != 2)
			ctx.error(r.child("version"), "'version' must be MAJOR.MINOR.PATCH, got '" + *v + "'");
		m.version = *v;
	}
	m.language = r.one_of("language", Need::Required, {"zh-CN", "en-US"}).value_or("");
	m.authors = read_strings(ctx, r.array("authors", Need::Required, 1), r.child("authors"), "an author", 200);
	m.license = r.string("license", Need::Required).value_or("");
	m.description = r.string("description", Need::Optional, 4000).value_or("");
	m.brand = r.string("brand", Need::Optional).value_or("");
	r.reject_unknown_keys();
	return m;
}

// The evidence for a claimed original price (《明码标价和禁止价格欺诈规定》 Art. 19): at least one of
// the two prices, each like every other price of the format.
PriceEvidence read_price_evidence(ReadContext &ctx, const nlohmann::json &value, const std::string &pointer)
{
	PriceEvidence e;
	ObjectReader r(ctx, value, pointer, "price evidence");
	if (!r.valid())
		return e;
	e.lowest_7d_cents = r.integer("lowest_7d_cents", Need::Optional, 1, kMaxCents);
	e.msrp_cents = r.integer("msrp_cents", Need::Optional, 1, kMaxCents);
	if (!r.has("lowest_7d_cents") && !r.has("msrp_cents"))
		ctx.error(pointer, "'price_evidence' must give 'lowest_7d_cents' (the lowest price of the prior 7 days), "
				   "'msrp_cents' (the manufacturer's suggested retail price) or both");
	r.reject_unknown_keys();
	return e;
}

Product read_product(ReadContext &ctx, const nlohmann::json &value, const std::string &pointer)
{
	Product p;
	ObjectReader r(ctx, value, pointer, "product");
	p.where = r.where();
	p.sku = r.id("sku", Need::Required).value_or("");
	p.name = r.string("name", Need::Required).value_or("");
	p.name_where = ctx.at(r.child("name"));
	p.list_price_cents = r.integer("list_price_cents", Need::Required, 1, kMaxCents).value_or(0);
	if (const auto *evidence = r.object("price_evidence", Need::Optional))
		p.price_evidence = read_price_evidence(ctx, *evidence, r.child("price_evidence"));
	p.stock = r.integer("stock", Need::Required, 0, kMaxStock).value_or(0);
	p.category = r.string("category", Need::Required).value_or("");
	p.selling_points = read_strings(ctx, r.array("selling_points", Need::Required, 1), r.child("selling_points"),
					"a selling point", 500, &p.selling_point_where);
	if (const auto *specs = r.object("specs", Need::Optional)) {
		for (const auto &[key, v] : specs->items()) {
			const std::string at = r.child("specs") + "/" + diag::JsonLocator::escape_token(key);
			if (!v.is_string() || v.get_ref<const std::string &>().empty())
				ctx.error(at, "spec '" + key + "' must be a non-empty string");
			else
				p.specs[key] = v.get<std::string>();
		}
	}
	if (const auto *faq = r.array("faq", Need::Optional, 0)) {
		for (size_t i = 0; i < faq->size(); ++i) {
			ObjectReader q(ctx, (*faq)[i], r.child("faq") + "/" + std::to_string(i), "faq entry");
			auto question = q.string("q", Need::Required, 500);
			auto answer = q.string("a", Need::Required, 2000);
			q.reject_unknown_keys();
			if (question && answer)
				p.faq.push_back({*question, *answer});
		}
	}
	p.image = r.string("image", Need::Optional, 500).value_or("");
	r.reject_unknown_keys();
	return p;
}

Cue read_cue(ReadContext &ctx, const nlohmann::json &value, const std::string &pointer)
{
	Cue c;
	ObjectReader r(ctx, value, pointer, "cue");
	c.where = r.where();
	c.id = r.id("id", Need::Required).value_or("");
	c.text = r.string("text", Need::Required, 2000).value_or("");
	c.text_where = ctx.at(r.child("text"));
	c.note = r.string("note", Need::Optional, 2000).value_or("");
	c.keywords = read_strings(ctx, r.array("keywords", Need::Optional, 0), r.child("keywords"), "a keyword", 100);
	c.pin = r.id("pin", Need::Optional);
	c.pin_where = ctx.at(r.child("pin"));
	c.promotion = r.id("promotion", Need::Optional);
	c.promotion_where = ctx.at(r.child("promotion"));
	r.reject_unknown_keys();
	return c;
}

Segment read_segment(ReadContext &ctx, const nlohmann::json &value, const std::string &pointer)
{
	Segment s;
	ObjectReader r(ctx, value, pointer, "segment");
	s.where = r.where();
	s.id = r.id("id", Need::Required).value_or("");
	s.name = r.string("name", Need::Required).value_or("");
	const auto &kinds = segment_kinds();
	s.kind = r.one_of("kind", Need::Required, std::set<std::string>(kinds.begin(), kinds.end())).value_or("");
	s.planned_seconds = static_cast<int>(r.integer("planned_seconds", Need::Required, 10, 3600).value_or(0));
	if (const auto *cues = r.array("cues", Need::Required, 1))
		for (size_t i = 0; i < cues->size(); ++i)
			s.cues.push_back(read_cue(ctx, (*cues)[i], r.child("cues") + "/" + std::to_string(i)));
	r.reject_unknown_keys();
	return s;
}

} // namespace

const std::vector<std::string> &segment_kinds()
{
	static const std::vector<std::string> kinds = {"opening",     "story",        "demo",           "explain",
						       "selling_points", "objections", "qa",             "price_reveal",
						       "call_to_action", "interaction", "closing"};
	return kinds;
}

std::optional<Pack> read_pack(const nlohmann::json &document, ReadContext &ctx)
{
	Pack pack;
	ObjectReader root(ctx, document, "", "pack file");
	if (!root.valid())
		return std::nullopt;
	pack.where = root.where();
	root.string("$schema", Need::Optional, 1000);
	if (auto format = root.string("format", Need::Required); format && *format != kFormat)
		ctx.error(root.child("format"), "'format' must be \"" + std::string(kFormat) + "\", got \"" + *format + "\"");
	if (const auto *meta = root.object("pack", Need::Required))
		pack.meta = read_meta(ctx, *meta, root.child("pack"));
	if (const auto *products = root.array("products", Need::Required, 1))
		for (size_t i = 0; i < products->size(); ++i)
			pack.products.push_back(read_product(ctx, (*products)[i], root.child("products") + "/" + std::to_string(i)));
	if (const auto *promotions = root.array("promotions", Need::Optional, 0))
		for (size_t i = 0; i < promotions->size(); ++i)
			if (auto p = read_promotion(ctx, (*promotions)[i], root.child("promotions") + "/" + std::to_string(i)))
				pack.promotions.push_back(std::move(*p));
	if (const auto *segments = root.array("segments", Need::Required, 1))
		for (size_t i = 0; i < segments->size(); ++i)
			pack.segments.push_back(read_segment(ctx, (*segments)[i], root.child("segments") + "/" + std::to_string(i)));
	if (const auto *scenarios = root.array("scenarios", Need::Optional, 0))
		for (size_t i = 0; i < scenarios->size(); ++i)
			if (auto sc = read_scenario(ctx, (*scenarios)[i], root.child("scenarios") + "/" + std::to_string(i)))
				pack.scenarios.push_back(std::move(*sc));
	root.reject_unknown_keys();
	return pack;
}

} // namespace lcs::pack
