#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/compliance/rule_set.hpp"
#include "core/pack/json_reader.hpp"

// Inside the rule-set loader: one rule object of a rule file, read and checked.
namespace lcs::compliance::detail {

/// The languages a rule file (and its folder) may have.
const std::set<std::string> &rule_languages();
/// "a, b, c": the allowed values an error message lists.
std::string join(const std::set<std::string> &values);

/// The rule at `pointer` of `value`, or nullopt when it has an error (reported to `ctx`);
/// `error_count` tells how many errors the file has so far, so a rule with a new one is dropped.
std::optional<Rule> read_rule(pack::ReadContext &ctx, std::function<size_t()> error_count, const nlohmann::json &value,
			      const std::string &pointer, const std::string &category, const std::string &language);

} // namespace lcs::compliance::detail
