#include "core/compliance/aho_corasick.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace lcs::compliance {

uint32_t AhoCorasick::child(uint32_t node, char32_t c) const
{
	const auto &next = nodes_[node].next;
	const auto it = std::lower_bound(next.begin(), next.end(), c,
					 [](const std::pair<char32_t, uint32_t> &e, char32_t v) { return e.first < v; });
	return it != next.end() && it->first == c ? it->second : 0;
}

size_t AhoCorasick::add(std::u32string_view pattern)
{
	if (built_)
		throw std::logic_error("AhoCorasick::add after build");
	if (pattern.empty())
		throw std::invalid_argument("AhoCorasick: empty pattern");
	uint32_t node = 0;
	for (const char32_t c : pattern) {
		uint32_t to = child(node, c);
		if (to == 0) {
			to = static_cast<uint32_t>(nodes_.size());
			nodes_.emplace_back();
			auto &next = nodes_[node].next;
			const auto it = std::lower_bound(next.begin(), next.end(), c,
							 [](const std::pair<char32_t, uint32_t> &e, char32_t v) { return e.first < v; });
			next.insert(it, {c, to});
		}
		node = to;
	}
	const size_t id = lengths_.size();
	lengths_.push_back(pattern.size());
	nodes_[node].ends.push_back(static_cast<uint32_t>(id));
	return id;
}

void AhoCorasick::build()
{
	// Breadth first: a node's failure link is the longest proper suffix of its path in the trie.
	std::deque<uint32_t> queue;
	for (const auto &[c, to] : nodes_[0].next) {
		nodes_[to].fail = 0;
		queue.push_back(to);
	}
	while (!queue.empty()) {
		const uint32_t node = queue.front();
		queue.pop_front();
		const uint32_t fail = nodes_[node].fail;
		nodes_[node].output = !nodes_[node].ends.empty() ? node : nodes_[fail].output;
		for (const auto &[c, to] : nodes_[node].next) {
			uint32_t f = fail;
			uint32_t target = child(f, c);
			while (target == 0 && f != 0) {
				f = nodes_[f].fail;
				target = child(f, c);
			}
			nodes_[to].fail = target;
			queue.push_back(to);
		}
	}
	built_ = true;
}

void AhoCorasick::find(std::u32string_view text, std::vector<Hit> &out) const
{
	uint32_t node = 0;
	for (size_t i = 0; i < text.size(); ++i) {
		const char32_t c = text[i];
		uint32_t to = child(node, c);
		while (to == 0 && node != 0) {
			node = nodes_[node].fail;
			to = child(node, c);
		}
		node = to;
		for (uint32_t o = nodes_[node].output; o != 0; o = nodes_[nodes_[o].fail].output) {
			for (const uint32_t id : nodes_[o].ends)
				out.push_back({id, i + 1 - lengths_[id], i + 1});
		}
	}
}

} // namespace lcs::compliance
