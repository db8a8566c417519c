#pragma once

#include <string>

namespace lcs::util {

/// A buyer's name as live rooms show it: the first character and "**" ("王小明" → "王**",
/// "alice" → "a**"). UTF-8 aware; an empty name stays empty.
std::string mask_name(const std::string &name);

} // namespace lcs::util
