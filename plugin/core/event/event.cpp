#include "core/event/event.hpp"

namespace lcs::session {

std::string Event::to_json_line() const
{
	nlohmann::ordered_json line = nlohmann::ordered_json::object();
	line["t"] = t;
	line["type"] = type;
	for (const auto &[key, value] : fields.items())
		line[key] = value;
	return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace lcs::session
