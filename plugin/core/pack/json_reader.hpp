#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/diag/diagnostic.hpp"
#include "core/diag/json_locator.hpp"
#include "core/diag/text_position.hpp"

// Typed, located reading of a parsed JSON document: each accessor checks type and range, and a
// problem becomes a diagnostic at the offending value's line and column.
namespace lcs::pack {

class ReadContext {
public:
	ReadContext(std::string file, std::string_view text, diag::Diagnostics &out);

	[[nodiscard]] diag::Location at(const std::string &pointer) const;
	void error(const std::string &pointer, std::string message);
	void warning(const std::string &pointer, std::string message);
	[[nodiscard]] const diag::JsonLocator &locator() const { return locator_; }
	[[nodiscard]] const std::string &file() const { return file_; }

private:
	std::string file_;
	diag::TextPositions positions_;
	diag::JsonLocator locator_;
	diag::Diagnostics &out_;
};

enum class Need { Required, Optional };

class ObjectReader {
public:
	/// `what` names the object in messages ("product", "cue").
	ObjectReader(ReadContext &ctx, const nlohmann::json &value, std::string pointer, std::string what);

	/// False when the value is not an object (already reported).
	[[nodiscard]] bool valid() const { return value_ != nullptr; }
	[[nodiscard]] const std::string &pointer() const { return pointer_; }
	[[nodiscard]] std::string child(const std::string &key) const;
	[[nodiscard]] diag::Location where() const { return ctx_.at(pointer_); }
	[[nodiscard]] bool has(const std::string &key) const;

	std::optional<std::string> string(const std::string &key, Need need, size_t max_chars = 200);
	std::optional<std::string> id(const std::string &key, Need need);
	std::optional<int64_t> integer(const std::string &key, Need need, int64_t lo, int64_t hi);
	std::optional<bool> boolean(const std::string &key, Need need);
	/// Checks the key holds an array with at least min_items; returns it or null.
	const nlohmann::json *array(const std::string &key, Need need, size_t min_items);
	const nlohmann::json *object(const std::string &key, Need need);
	/// A string that must be one of `allowed`.
	std::optional<std::string> one_of(const std::string &key, Need need, const std::set<std::string> &allowed);

	/// Marks a key as expected without reading it.
	void allow(const std::string &key) { known_.insert(key); }

	/// Reports keys that were never asked for (typos such as "skus").
	void reject_unknown_keys();

private:
	const nlohmann::json *get(const std::string &key, Need need);

	ReadContext &ctx_;
	const nlohmann::json *value_;
	std::string pointer_;
	std::string what_;
	std::set<std::string> known_;
};

/// True for ids of the format: ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$.
bool is_valid_id(const std::string &id);

/// Number of Unicode code points in a UTF-8 string.
size_t utf8_length(const std::string &text);

/// Where nlohmann's "number overflow parsing '1e400'" (out_of_range 406, thrown instead of a
/// parse_error for a number no double holds) points in `text`: the number's offset, or 0.
size_t overflow_offset(std::string_view text, const std::string &what);

} // namespace lcs::pack
