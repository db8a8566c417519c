#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/diag/diagnostic.hpp"
#include "core/pack/pack.hpp"

namespace lcs::pack {

inline constexpr size_t kMaxPackBytes = 16 * 1024 * 1024;
inline constexpr int kMaxPackDepth = 64;

struct LoadResult {
	std::optional<Pack> pack; // present when the document could be read, even with errors
	diag::Diagnostics diagnostics;

	/// True when the pack loaded without any error: only then may it be used.
	[[nodiscard]] bool ok() const { return pack.has_value() && !diag::has_errors(diagnostics); }
};

/// Loads one pack file: size limit, binary and UTF-8 checks, JSON syntax (comments allowed),
/// nesting depth, then the format. Whatever the bytes, it returns diagnostics, never throws.
LoadResult load_pack_file(const std::filesystem::path &path);

/// Same from text in memory; `name` is the file name used in diagnostics.
LoadResult load_pack_text(std::string_view text, const std::string &name);

/// UTF-8 form of a path, for messages and logs (std::filesystem paths are wide on Windows).
std::string path_utf8(const std::filesystem::path &path);

} // namespace lcs::pack
