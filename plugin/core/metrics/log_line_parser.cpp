#include "core/metrics/log_line_parser.hpp"

#include <simdjson.h>

namespace lcs::metrics {
namespace od = simdjson::ondemand;

size_t log_line_padding() { return simdjson::SIMDJSON_PADDING; }

struct LogLineParser::Impl {
	od::parser parser;
};

LogLineParser::LogLineParser() : impl_(std::make_unique<Impl>()) {}
LogLineParser::~LogLineParser() = default;

namespace {
// A number typed as nlohmann/json types it (log_event.hpp, JsonKind). False: not a valid number
// (or one out of double's range, which nlohmann refuses too).
bool read_number(od::value &v, LogField &f)
{
	const std::string_view token = v.raw_json_token();
	od::number_type type{};
	if (v.get_number_type().get(type))
		return false;
	const bool negative = !token.empty() && token.front() == '-';
	if (type != od::number_type::floating_point_number) {
		if (negative) {
			if (const auto error = v.get_int64().get(f.integer); !error) {
				f.kind = JsonKind::Int;
				return true;
			} else if (error != simdjson::INCORRECT_TYPE && error != simdjson::NUMBER_OUT_OF_RANGE) {
				return false;
			}
		} else {
			if (const auto error = v.get_uint64().get(f.uinteger); !error) {
				f.kind = JsonKind::Uint;
				f.integer = static_cast<int64_t>(f.uinteger);
				return true;
			} else if (error != simdjson::INCORRECT_TYPE && error != simdjson::NUMBER_OUT_OF_RANGE) {
				return false;
			}
		}
		// An integer beyond 64 bits: nlohmann/json reads it as a floating-point number.
	}
	if (v.get_double().get(f.number))
		return false;
	f.kind = JsonKind::Double;
	return true;
}

bool read_value(od::value &v, LogField &f)
{
	od::json_type type{};
	if (v.type().get(type))
		return false;
	switch (type) {
	case od::json_type::string:
		f.kind = JsonKind::String;
		return !v.get_string().get(f.text);
	case od::json_type::number: return read_number(v, f);
	case od::json_type::boolean:
		f.kind = JsonKind::Bool;
		return !v.get_bool().get(f.boolean);
	case od::json_type::null: {
		f.kind = JsonKind::Null;
		bool null = false;
		return !v.is_null().get(null) && null;
	}
	case od::json_type::array: {
		// Rare in events (a promotion's winners): its text is checked by nlohmann/json, as a
		// whole line was before.
		f.kind = JsonKind::Array;
		od::array a;
		return !v.get_array().get(a) && !a.raw_json().get(f.text) && nlohmann::json::accept(f.text.begin(), f.text.end());
	}
	case od::json_type::object: {
		f.kind = JsonKind::Object;
		od::object o;
		return !v.get_object().get(o) && !o.raw_json().get(f.text) && nlohmann::json::accept(f.text.begin(), f.text.end());
	}
	}
	return false;
}
} // namespace

bool LogLineParser::parse(const char *data, size_t size, size_t capacity, LogEvent &event)
{
	event.clear();
	// nlohmann/json skips a UTF-8 byte-order mark at the start of its input.
	if (size >= 3 && static_cast<unsigned char>(data[0]) == 0xEF && static_cast<unsigned char>(data[1]) == 0xBB &&
	    static_cast<unsigned char>(data[2]) == 0xBF) {
		data += 3;
		size -= 3;
		capacity -= 3;
	}
	od::document doc;
	if (impl_->parser.iterate(data, size, capacity).get(doc))
		return false;
	od::object object;
	if (doc.get_object().get(object))
		return false;
	for (auto member : object) {
		od::field field;
		if (std::move(member).get(field))
			return false;
		LogField f;
		if (field.unescaped_key().get(f.key))
			return false;
		od::value value = field.value();
		if (!read_value(value, f))
			return false;
		event.set(f);
	}
	// Nothing may follow the object (current_location is out of bounds at the end).
	const char *rest = nullptr;
	return doc.current_location().get(rest) == simdjson::OUT_OF_BOUNDS;
}

} // namespace lcs::metrics
