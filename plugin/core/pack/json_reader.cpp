#include "core/pack/json_reader.hpp"

#include <limits>

namespace lcs::pack {

ReadContext::ReadContext(std::string file, std::string_view text, diag::Diagnostics &out)
	: file_(std::move(file)), positions_(text), locator_(text), out_(out)
{
}

diag::Location ReadContext::at(const std::string &pointer) const
{
	const auto lc = positions_.at(locator_.offset_of(pointer));
	return {file_, lc.line, lc.column};
}

void ReadContext::error(const std::string &pointer, std::string message)
{
	out_.push_back({diag::Severity::Error, at(pointer), std::move(message)});
}

void ReadContext::warning(const std::string &pointer, std::string message)
{
	out_.push_back({diag::Severity::Warning, at(pointer), std::move(message)});
}

bool is_valid_id(const std::string &id)
{
	if (id.empty() || id.size() > 64)
		return false;
	auto alnum = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
	if (!alnum(id[0]))
		return false;
	for (const char c : id)
		if (!alnum(c) && c != '.' && c != '_' && c != '-')
			return false;
	return true;
}

size_t utf8_length(const std::string &text)
{
	size_t n = 0;
	for (const char c : text)
		n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
	return n;
}

namespace {
std::string type_of(const nlohmann::json &v)
{
	if (v.is_number_float())
		return "a decimal number";
	if (v.is_number())
		return "a number";
	if (v.is_string())
		return "a string";
	if (v.is_boolean())
		return "true/false";
	if (v.is_null())
		return "null";
	if (v.is_array())
		return "an array";
	return "an object";
}
} // namespace

ObjectReader::ObjectReader(ReadContext &ctx, const nlohmann::json &value, std::string pointer, std::string what)
	: ctx_(ctx), value_(&value), pointer_(std::move(pointer)), what_(std::move(what))
{
	if (!value.is_object()) {
		ctx_.error(pointer_, what_ + " must be an object, got " + type_of(value));
		value_ = nullptr;
	}
}

std::string ObjectReader::child(const std::string &key) const
{
	return pointer_ + "/" + diag::JsonLocator::escape_token(key);
}

bool ObjectReader::has(const std::string &key) const
{
	return value_ && value_->contains(key);
}

const nlohmann::json *ObjectReader::get(const std::string &key, Need need)
{
	known_.insert(key);
	if (!value_)
		return nullptr;
	const auto it = value_->find(key);
	if (it == value_->end()) {
		if (need == Need::Required)
			ctx_.error(pointer_, "missing required key '" + key + "' in " + what_);
		return nullptr;
	}
	return &*it;
}

std::optional<std::string> ObjectReader::string(const std::string &key, Need need, size_t max_chars)
{
	const nlohmann::json *v = get(key, need);
	if (!v)
		return std::nullopt;
	if (!v->is_string()) {
		ctx_.error(child(key), "'" + key + "' must be a string, got " + type_of(*v));
		return std::nullopt;
	}
	const auto &s = v->get_ref<const std::string &>();
	if (s.empty()) {
		ctx_.error(child(key), "'" + key + "' must not be empty");
		return std::nullopt;
	}
	if (const size_t len = utf8_length(s); len > max_chars) {
		ctx_.error(child(key), "'" + key + "' is " + std::to_string(len) + " characters long; at most " +
					       std::to_string(max_chars) + " allowed");
		return std::nullopt;
	}
	return s;
}

std::optional<std::string> ObjectReader::id(const std::string &key, Need need)
{
	auto s = string(key, need, 64);
	if (s && !is_valid_id(*s)) {
		ctx_.error(child(key), "'" + key + "' must be letters, digits, '.', '_' or '-' (starting with a letter "
					       "or digit), got '" + *s + "'");
		return std::nullopt;
	}
	return s;
}

std::optional<int64_t> ObjectReader::integer(const std::string &key, Need need, int64_t lo, int64_t hi)
{
	const nlohmann::json *v = get(key, need);
	if (!v)
		return std::nullopt;
	if (!v->is_number_integer()) {
		ctx_.error(child(key), "'" + key + "' must be a whole number, got " + type_of(*v));
		return std::nullopt;
	}
	const bool too_big = v->is_number_unsigned() &&
			     v->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
	const int64_t n = too_big ? std::numeric_limits<int64_t>::max() : v->get<int64_t>();
	if (too_big || n < lo || n > hi) {
		std::string range = hi == std::numeric_limits<int64_t>::max()
					    ? "at least " + std::to_string(lo)
					    : "between " + std::to_string(lo) + " and " + std::to_string(hi);
		ctx_.error(child(key), "'" + key + "' must be " + range + ", got " + v->dump());
		return std::nullopt;
	}
	return n;
}

std::optional<bool> ObjectReader::boolean(const std::string &key, Need need)
{
	const nlohmann::json *v = get(key, need);
	if (!v)
		return std::nullopt;
	if (!v->is_boolean()) {
		ctx_.error(child(key), "'" + key + "' must be true or false, got " + type_of(*v));
		return std::nullopt;
	}
	return v->get<bool>();
}

const nlohmann::json *ObjectReader::array(const std::string &key, Need need, size_t min_items)
{
	const nlohmann::json *v = get(key, need);
	if (!v)
		return nullptr;
	if (!v->is_array()) {
		ctx_.error(child(key), "'" + key + "' must be an array, got " + type_of(*v));
		return nullptr;
	}
	if (v->size() < min_items) {
		ctx_.error(child(key), "'" + key + "' must have at least " + std::to_string(min_items) +
					       (min_items == 1 ? " entry" : " entries") + ", has " + std::to_string(v->size()));
		return nullptr;
	}
	return v;
}

const nlohmann::json *ObjectReader::object(const std::string &key, Need need)
{
	const nlohmann::json *v = get(key, need);
	if (v && !v->is_object()) {
		ctx_.error(child(key), "'" + key + "' must be an object, got " + type_of(*v));
		return nullptr;
	}
	return v;
}

std::optional<std::string> ObjectReader::one_of(const std::string &key, Need need, const std::set<std::string> &allowed)
{
	auto s = string(key, need);
	if (s && !allowed.count(*s)) {
		std::string list;
		for (const auto &a : allowed)
			list += (list.empty() ? "" : ", ") + a;
		ctx_.error(child(key), "'" + key + "' must be one of " + list + "; got '" + *s + "'");
		return std::nullopt;
	}
	return s;
}

void ObjectReader::reject_unknown_keys()
{
	if (!value_)
		return;
	for (const auto &[key, v] : value_->items())
		if (!known_.count(key))
			ctx_.error(child(key), "unknown key '" + key + "' in " + what_);
}

size_t overflow_offset(std::string_view text, const std::string &what)
{
	const auto open = what.find('\'');
	const auto close = open == std::string::npos ? std::string::npos : what.find('\'', open + 1);
	if (close == std::string::npos || close == open + 1)
		return 0;
	const auto at = text.find(std::string_view(what).substr(open + 1, close - open - 1));
	return at == std::string_view::npos ? 0 : at;
}

} // namespace lcs::pack
