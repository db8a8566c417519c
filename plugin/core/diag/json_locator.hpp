#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace lcs::diag {

// Where each value of a JSON text starts, by JSON pointer ("/segments/2/cues/0/text"), so that
// problems found in the parsed document can be reported at their line and column. nlohmann/json
// does not keep positions, so this walks the text once more. The text must already have parsed
// (comments allowed); the walk is iterative, so deep nesting cannot overflow the stack.
class JsonLocator {
public:
	/// Values nested deeper than max_depth are not indexed (the depth is still measured).
	explicit JsonLocator(std::string_view text, int max_depth = 64);

	/// Byte offset of the value at `pointer`, or of its nearest indexed ancestor.
	[[nodiscard]] size_t offset_of(const std::string &pointer) const;

	/// Offset of the first value deeper than max_depth, or npos when there is none.
	[[nodiscard]] size_t too_deep_offset() const { return too_deep_offset_; }
	[[nodiscard]] int depth() const { return depth_; }

	/// Escapes one reference token for a JSON pointer ("~" → "~0", "/" → "~1").
	static std::string escape_token(std::string_view token);

private:
	std::unordered_map<std::string, size_t> offsets_;
	size_t too_deep_offset_;
	int depth_ = 0;
};

} // namespace lcs::diag
