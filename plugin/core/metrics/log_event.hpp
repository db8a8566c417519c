#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

// One event line of a session log as the reader parsed it, without building a JSON tree: its
// top-level fields in a flat list, strings unescaped. The views point into the reader's buffers
// and are valid only during the callback that receives the event (copy what you keep).
namespace lcs::metrics {

/// The JSON type of a field, as nlohmann/json would type it: a non-negative integer is Uint, a
/// negative one Int, an integer too large for 64 bits (or any number with a fraction or an
/// exponent) Double.
enum class JsonKind : uint8_t { Null, Bool, Int, Uint, Double, String, Array, Object };

struct LogField {
	std::string_view key;
	JsonKind kind = JsonKind::Null;
	bool boolean = false;
	int64_t integer = 0; // Int; Uint cast to int64_t (as nlohmann's get<int64_t>())
	uint64_t uinteger = 0; // Uint
	double number = 0; // Double
	std::string_view text; // String: its unescaped text; Array, Object: its raw JSON

	[[nodiscard]] bool is_integer() const { return kind == JsonKind::Int || kind == JsonKind::Uint; }
};

class LogEvent {
public:
	/// The field named `key`, or nullptr. A key given twice in the line holds its last value.
	[[nodiscard]] const LogField *find(std::string_view key) const
	{
		for (const auto &f : fields_)
			if (f.key == key)
				return &f;
		return nullptr;
	}
	[[nodiscard]] const std::vector<LogField> &fields() const { return fields_; }
	/// The event as a JSON object (what nlohmann::json::parse gives for the line).
	[[nodiscard]] nlohmann::json to_json() const;

	void clear() { fields_.clear(); }
	/// Adds a field; a key already there is replaced (the last value wins, as in nlohmann/json).
	void set(const LogField &field)
	{
		for (auto &f : fields_)
			if (f.key == field.key) {
				f = field;
				return;
			}
		fields_.push_back(field);
	}

private:
	std::vector<LogField> fields_;
};

// Lenient field reads (as metrics/event_fields.hpp for nlohmann::json): missing or of another
// type reads as empty / 0.
inline std::string_view field_view(const LogEvent &event, const char *key)
{
	const LogField *f = event.find(key);
	return f && f->kind == JsonKind::String ? f->text : std::string_view();
}

inline std::string field_string(const LogEvent &event, const char *key) { return std::string(field_view(event, key)); }

inline int64_t field_int(const LogEvent &event, const char *key)
{
	const LogField *f = event.find(key);
	return f && f->is_integer() ? f->integer : 0;
}

/// A speech event's `final`: true unless the field is the boolean false.
inline bool field_final(const LogEvent &event)
{
	const LogField *f = event.find("final");
	return !f || f->kind != JsonKind::Bool || f->boolean;
}

} // namespace lcs::metrics
