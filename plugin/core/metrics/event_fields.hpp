#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/metrics/log_event.hpp"

// Reading one field of a session-log event leniently: a missing field or one of another type
// reads as empty / 0 (logs from other versions may lack optional fields; read_session_log already
// skips an event whose known field has another type, see check_event_types).
namespace lcs::metrics {

inline std::string field_string(const nlohmann::json &event, const char *key)
{
	const auto it = event.find(key);
	return it != event.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline int64_t field_int(const nlohmann::json &event, const char *key)
{
	const auto it = event.find(key);
	return it != event.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

/// The string field `key` as a view into `event` (empty when missing or not a string).
inline std::string_view field_view(const nlohmann::json &event, const char *key)
{
	const auto it = event.find(key);
	return it != event.end() && it->is_string() ? std::string_view(it->get_ref<const std::string &>()) : std::string_view();
}

/// A speech event's `final`: true unless the field is the boolean false.
inline bool field_final(const nlohmann::json &event)
{
	const auto it = event.find("final");
	return it == event.end() || !it->is_boolean() || it->get<bool>();
}

} // namespace lcs::metrics
