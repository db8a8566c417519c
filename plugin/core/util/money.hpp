#pragma once

#include <cstdint>
#include <string>

namespace lcs::util {

/// "¥59" for whole yuan, "¥59.90" otherwise; negative amounts get a leading minus.
std::string format_yuan(int64_t cents);

} // namespace lcs::util
