#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/pack/pack.hpp"

namespace lcs::pack {

// Packs loaded together: one product shelf, one set of promotions, one show (the packs' segments
// in the order the packs were given). Immutable once built, so it can be shared across threads.
class Library {
public:
	/// Checks that every id is unique across the packs (per kind: pack, product, promotion,
	/// segment, cue, scenario) and that every reference resolves; problems go to `out`.
	static Library link(std::vector<Pack> packs, diag::Diagnostics &out);

	/// Loads and links files in order. The library is returned only when nothing has an error.
	struct Loaded {
		std::shared_ptr<const Library> library;
		diag::Diagnostics diagnostics;
	};
	static Loaded load(const std::vector<std::filesystem::path> &files);

	[[nodiscard]] const std::vector<Pack> &packs() const { return packs_; }
	[[nodiscard]] const Product *product(const std::string &sku) const;
	[[nodiscard]] const promo::Promotion *promotion(const std::string &id) const;
	/// The scenario with this id; with an empty id, the first scenario of the first pack.
	[[nodiscard]] const audience::Scenario *scenario(const std::string &id) const;
	[[nodiscard]] std::vector<const audience::Scenario *> scenarios() const;
	[[nodiscard]] const std::vector<const Segment *> &segments() const { return segments_; }
	[[nodiscard]] std::vector<const Product *> products() const;
	[[nodiscard]] std::vector<const promo::Promotion *> promotions() const;
	/// Language of the first pack ("zh-CN"/"en-US"), empty when there is none.
	[[nodiscard]] std::string language() const;
	/// Sum of the segments' planned seconds.
	[[nodiscard]] int planned_seconds() const;

private:
	void index();

	std::vector<Pack> packs_;
	std::vector<const Segment *> segments_;
};

/// Pack files named by a list of files and folders: files as given; folders searched
/// recursively for *.json and *.jsonc, skipping *.schema.json. Sorted within each folder.
std::vector<std::filesystem::path> expand_pack_paths(const std::vector<std::filesystem::path> &paths,
						     diag::Diagnostics &out);

} // namespace lcs::pack
