#include "core/diag/json_locator.hpp"

#include <cstdint>
#include <vector>

#include "core/util/utf8.hpp"

namespace lcs::diag {
namespace {

using util::append_utf8;

class Walker {
public:
	explicit Walker(std::string_view text) : t_(text) {}

	void skip_space()
	{
		while (i_ < t_.size()) {
			const char c = t_[i_];
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				++i_;
			} else if (c == '/' && i_ + 1 < t_.size() && t_[i_ + 1] == '/') {
				while (i_ < t_.size() && t_[i_] != '\n')
					++i_;
			} else if (c == '/' && i_ + 1 < t_.size() && t_[i_ + 1] == '*') {
				const size_t end = t_.find("*/", i_ + 2);
				i_ = end == std::string_view::npos ? t_.size() : end + 2;
			} else {
				break;
			}
		}
	}

	[[nodiscard]] bool done() const { return i_ >= t_.size(); }
	[[nodiscard]] char peek() const { return i_ < t_.size() ? t_[i_] : '\0'; }
	[[nodiscard]] size_t pos() const { return i_; }
	void advance() { ++i_; }

	/// Reads a string starting at the opening quote; returns its decoded value.
	std::string read_string()
	{
		std::string out;
		++i_; // opening quote
		while (i_ < t_.size() && t_[i_] != '"') {
			if (t_[i_] != '\\') {
				out.push_back(t_[i_++]);
				continue;
			}
			++i_;
			const char e = i_ < t_.size() ? t_[i_++] : '\0';
			switch (e) {
			case 'n': out.push_back('\n'); break;
			case 't': out.push_back('\t'); break;
			case 'r': out.push_back('\r'); break;
			case 'b': out.push_back('\b'); break;
			case 'f': out.push_back('\f'); break;
			case 'u': {
				uint32_t cp = read_hex4();
				if (cp >= 0xD800 && cp <= 0xDBFF && i_ + 1 < t_.size() && t_[i_] == '\\' && t_[i_ + 1] == 'u') {
					i_ += 2;
					const uint32_t low = read_hex4();
					cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
				}
				append_utf8(out, cp);
				break;
			}
			default: out.push_back(e); break;
			}
		}
		++i_; // closing quote
		return out;
	}

	/// Skips a scalar that is not a string (number, true, false, null).
	void skip_scalar()
	{
		while (i_ < t_.size()) {
			const char c = t_[i_];
			if (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '/')
				break;
			++i_;
		}
	}

private:
	uint32_t read_hex4()
	{
		uint32_t v = 0;
		for (int k = 0; k < 4 && i_ < t_.size(); ++k, ++i_) {
			const char c = t_[i_];
			v <<= 4;
			if (c >= '0' && c <= '9')
				v |= static_cast<uint32_t>(c - '0');
			else if (c >= 'a' && c <= 'f')
				v |= static_cast<uint32_t>(c - 'a' + 10);
			else if (c >= 'A' && c <= 'F')
				v |= static_cast<uint32_t>(c - 'A' + 10);
		}
		return v;
	}

	std::string_view t_;
	size_t i_ = 0;
};

struct Frame {
	bool object = false;
	size_t index = 0;     // next array index
	size_t pointer_len = 0; // length of the parent's pointer
};

} // namespace

std::string JsonLocator::escape_token(std::string_view token)
{
	std::string out;
	out.reserve(token.size());
	for (const char c : token) {
		if (c == '~')
			out += "~0";
		else if (c == '/')
			out += "~1";
		else
			out.push_back(c);
	}
	return out;
}

JsonLocator::JsonLocator(std::string_view text, int max_depth) : too_deep_offset_(std::string_view::npos)
{
	Walker w(text);
	std::vector<Frame> stack;
	std::string pointer; // pointer of the value about to be read
	bool expect_value = true;

	auto record = [&](size_t at) {
		const int depth = static_cast<int>(stack.size());
		if (depth > depth_)
			depth_ = depth;
		if (depth <= max_depth)
			offsets_.emplace(pointer, at);
		else if (too_deep_offset_ == std::string_view::npos)
			too_deep_offset_ = at;
	};

	w.skip_space();
	while (!w.done()) {
		if (expect_value) {
			record(w.pos());
			const char c = w.peek();
			if (c == '{' || c == '[') {
				w.advance();
				stack.push_back({c == '{', 0, pointer.size()});
				expect_value = false;
				w.skip_space();
				// Empty container: close at once.
				if (w.peek() == (c == '{' ? '}' : ']')) {
					w.advance();
					stack.pop_back();
					if (!stack.empty())
						pointer.resize(stack.back().pointer_len);
				} else if (c == '[') {
					pointer += "/0";
					stack.back().index = 1;
					expect_value = true;
				} else {
					const std::string key = w.read_string();
					pointer += "/" + escape_token(key);
					w.skip_space();
					w.advance(); // ':'
					expect_value = true;
				}
			} else {
				if (c == '"')
					w.read_string();
				else
					w.skip_scalar();
				expect_value = false;
			}
			w.skip_space();
			continue;
		}
		// After a value: ',' or a closing bracket of the current container.
		if (stack.empty())
			break;
		const char c = w.peek();
		Frame &top = stack.back();
		pointer.resize(top.pointer_len);
		w.advance();
		w.skip_space();
		if (c == ',') {
			if (top.object) {
				const std::string key = w.read_string();
				pointer += "/" + escape_token(key);
				w.skip_space();
				w.advance(); // ':'
			} else {
				pointer += "/" + std::to_string(top.index++);
			}
			expect_value = true;
			w.skip_space();
		} else { // '}' or ']'
			stack.pop_back();
			if (!stack.empty())
				pointer.resize(stack.back().pointer_len);
		}
	}
}

size_t JsonLocator::offset_of(const std::string &pointer) const
{
	std::string p = pointer;
	while (true) {
		if (const auto it = offsets_.find(p); it != offsets_.end())
			return it->second;
		if (p.empty())
			return 0;
		const size_t slash = p.rfind('/');
		p.resize(slash == std::string::npos ? 0 : slash);
	}
}

} // namespace lcs::diag

