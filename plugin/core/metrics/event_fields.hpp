#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

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

} // namespace lcs::metrics
