#include "core/compliance/aho_corasick.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace lcs::compliance {

uint32_t AhoCorasick::child(uint32_t node, char32_t c) const
{
	if (node == 0 && c < root_.size())
		return root_[c];
	const auto &next = nodes_[node].next;
	const auto it = std::lower_bound(next.begin(), next.end(), c,
					 [](const std::pair<char32_t, uint32_t> &e, char32_t v) { return e.first < v; });
	return it != next.end() && it->first == c ? it->second : 0;
}

uint32_t AhoCorasick::built_child(uint32_t node, char32_t c) const
{
	if (node == 0)
		return c < root_.size() ? root_[c] : child(0, c);
	const auto *b = edges_.data() + first_[node];
	const auto *e = edges_.data() + first_[node + 1];
	if (e - b <= 8) { // most nodes have one or two children: a scan beats a binary search
		for (; b != e; ++b)
			if (b->first == c)
				return b->second;
		return 0;
	}
	const auto *it = std::lower_bound(b, e, c, [](const std::pair<char32_t, uint32_t> &x, char32_t v) { return x.first < v; });
	return it != e && it->first == c ? it->second : 0;
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
	root_.assign(0x10000, 0);
	for (const auto &[c, to] : nodes_[0].next)
		if (c < root_.size())
			root_[c] = to;
	first_.assign(nodes_.size() + 1, 0);
	fail_.resize(nodes_.size());
	output_.resize(nodes_.size());
	for (size_t n = 0; n < nodes_.size(); ++n) {
		first_[n] = static_cast<uint32_t>(edges_.size());
		edges_.insert(edges_.end(), nodes_[n].next.begin(), nodes_[n].next.end());
		fail_[n] = nodes_[n].fail;
		output_[n] = nodes_[n].output;
	}
	first_[nodes_.size()] = static_cast<uint32_t>(edges_.size());
	built_ = true;
}

void AhoCorasick::find(std::u32string_view text, std::vector<Hit> &out) const
{
	if (!built_)
		throw std::logic_error("AhoCorasick::find before build");
	uint32_t node = 0;
	for (size_t i = 0; i < text.size(); ++i) {
		const char32_t c = text[i];
		uint32_t to = built_child(node, c);
		while (to == 0 && node != 0) {
			node = fail_[node];
			to = built_child(node, c);
		}
		node = to;
		for (uint32_t o = output_[node]; o != 0; o = output_[fail_[o]]) {
			for (const uint32_t id : nodes_[o].ends)
				out.push_back({id, i + 1 - lengths_[id], i + 1});
		}
	}
}

} // namespace lcs::compliance
