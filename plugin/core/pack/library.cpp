#include "core/pack/library.hpp"

#include <algorithm>
#include <map>

#include "core/pack/pack_loader.hpp"
#include "core/pack/price_honesty.hpp"

namespace lcs::pack {
namespace {

class IdRegistry {
public:
	IdRegistry(std::string kind, diag::Diagnostics &out) : kind_(std::move(kind)), out_(out) {}

	void add(const std::string &id, const diag::Location &where)
	{
		if (id.empty())
			return;
		const auto [it, inserted] = first_.emplace(id, where);
		if (!inserted)
			out_.push_back({diag::Severity::Error, where,
					"duplicate " + kind_ + " id '" + id + "' (first defined at " + it->second.to_string() + ")"});
	}

private:
	std::string kind_;
	diag::Diagnostics &out_;
	std::map<std::string, diag::Location> first_;
};

} // namespace

void Library::index()
{
	segments_.clear();
	for (const auto &p : packs_)
		for (const auto &s : p.segments)
			segments_.push_back(&s);
}

Library Library::link(std::vector<Pack> packs, diag::Diagnostics &out)
{
	Library lib;
	lib.packs_ = std::move(packs);
	lib.index();

	IdRegistry pack_ids("pack", out), product_ids("product", out), promo_ids("promotion", out),
		segment_ids("segment", out), cue_ids("cue", out), scenario_ids("scenario", out);
	for (const auto &p : lib.packs_) {
		pack_ids.add(p.meta.id, p.where);
		for (const auto &product : p.products)
			product_ids.add(product.sku, product.where);
		for (const auto &promotion : p.promotions)
			promo_ids.add(promotion.id, promotion.where);
		for (const auto &segment : p.segments) {
			segment_ids.add(segment.id, segment.where);
			for (const auto &cue : segment.cues)
				cue_ids.add(cue.id, cue.where);
		}
		for (const auto &scenario : p.scenarios)
			scenario_ids.add(scenario.id, scenario.where);
		if (!lib.packs_.empty() && p.meta.language != lib.packs_.front().meta.language)
			out.push_back({diag::Severity::Warning, p.where,
				       "pack language " + p.meta.language + " differs from the first pack's (" +
					       lib.packs_.front().meta.language + ")"});
	}

	auto need_product = [&](const std::optional<std::string> &sku, const diag::Location &where, const std::string &who) {
		if (sku && !lib.product(*sku))
			out.push_back({diag::Severity::Error, where, who + " names product '" + *sku + "', which no loaded pack defines"});
	};
	for (const auto &p : lib.packs_) {
		for (const auto &promotion : p.promotions) {
			need_product(promotion.sku(), promotion.where, "promotion '" + promotion.id + "'");
			if (const auto *bag = std::get_if<promo::LuckyBag>(&promotion.rule))
				need_product(bag->prize_sku, promotion.where, "lucky bag '" + promotion.id + "'");
			const auto sku = promotion.sku();
			for (const auto &v : promo::check_price_honesty(promotion, sku ? lib.product(*sku) : nullptr))
				out.push_back({diag::Severity::Warning, promotion.where, "price honesty (" + v.rule + "): " + v.text});
		}
		for (const auto &scenario : p.scenarios)
			for (const auto &incident : scenario.incidents)
				if (incident.kind == "stock_out")
					need_product(incident.sku, scenario.where, "incident '" + incident.id + "'");
		for (const auto &segment : p.segments)
			for (const auto &cue : segment.cues) {
				need_product(cue.pin, cue.pin_where, "cue '" + cue.id + "'");
				if (cue.promotion && !lib.promotion(*cue.promotion))
					out.push_back({diag::Severity::Error, cue.promotion_where,
						       "cue '" + cue.id + "' launches promotion '" + *cue.promotion +
							       "', which no loaded pack defines"});
			}
	}
	return lib;
}

Library::Loaded Library::load(const std::vector<std::filesystem::path> &files)
{
	Loaded loaded;
	std::vector<Pack> packs;
	for (const auto &file : files) {
		auto r = load_pack_file(file);
		loaded.diagnostics.insert(loaded.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
		if (r.ok())
			packs.push_back(std::move(*r.pack));
	}
	if (diag::has_errors(loaded.diagnostics))
		return loaded;
	auto lib = std::make_shared<Library>(link(std::move(packs), loaded.diagnostics));
	if (!diag::has_errors(loaded.diagnostics))
		loaded.library = std::move(lib);
	return loaded;
}

const Product *Library::product(const std::string &sku) const
{
	for (const auto &p : packs_)
		for (const auto &product : p.products)
			if (product.sku == sku)
				return &product;
	return nullptr;
}

const audience::Scenario *Library::scenario(const std::string &id) const
{
	for (const auto &p : packs_)
		for (const auto &s : p.scenarios)
			if (id.empty() || s.id == id)
				return &s;
	return nullptr;
}

std::vector<const audience::Scenario *> Library::scenarios() const
{
	std::vector<const audience::Scenario *> out;
	for (const auto &p : packs_)
		for (const auto &s : p.scenarios)
			out.push_back(&s);
	return out;
}

const promo::Promotion *Library::promotion(const std::string &id) const
{
	for (const auto &p : packs_)
		for (const auto &promotion : p.promotions)
			if (promotion.id == id)
				return &promotion;
	return nullptr;
}

std::vector<const Product *> Library::products() const
{
	std::vector<const Product *> out;
	for (const auto &p : packs_)
		for (const auto &product : p.products)
			out.push_back(&product);
	return out;
}

std::vector<const promo::Promotion *> Library::promotions() const
{
	std::vector<const promo::Promotion *> out;
	for (const auto &p : packs_)
		for (const auto &promotion : p.promotions)
			out.push_back(&promotion);
	return out;
}

std::string Library::language() const
{
	return packs_.empty() ? std::string() : packs_.front().meta.language;
}

int Library::planned_seconds() const
{
	int total = 0;
	for (const auto *s : segments_)
		total += s->planned_seconds;
	return total;
}

std::vector<std::filesystem::path> expand_pack_paths(const std::vector<std::filesystem::path> &paths,
						     diag::Diagnostics &out)
{
	namespace fs = std::filesystem;
	std::vector<fs::path> files;
	for (const auto &path : paths) {
		std::error_code ec;
		if (fs::is_directory(path, ec)) {
			std::vector<fs::path> found;
			for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
				if (!it->is_regular_file(ec))
					continue;
				const auto name = path_utf8(it->path().filename());
				const auto ext = it->path().extension();
				const bool schema = name.size() > 12 && name.substr(name.size() - 12) == ".schema.json";
				if ((ext == ".json" || ext == ".jsonc") && !schema)
					found.push_back(it->path());
			}
			if (ec)
				out.push_back({diag::Severity::Error, {path_utf8(path), 0, 0}, "cannot list folder: " + ec.message()});
			std::sort(found.begin(), found.end());
			if (found.empty() && !ec)
				out.push_back({diag::Severity::Warning, {path_utf8(path), 0, 0}, "no pack files in this folder"});
			files.insert(files.end(), found.begin(), found.end());
		} else if (fs::exists(path, ec)) {
			files.push_back(path);
		} else {
			out.push_back({diag::Severity::Error, {path_utf8(path), 0, 0}, "no such file or folder"});
		}
	}
	return files;
}

} // namespace lcs::pack
