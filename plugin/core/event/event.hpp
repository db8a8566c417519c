#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lcs::session {

// One line of the session log (lcs.session/1, shared/design/contract.md section 1): the time in
// ms since session start, the type, and the type's fields in a fixed order.
struct Event {
	int64_t t = 0;
	std::string type;
	nlohmann::ordered_json fields = nlohmann::ordered_json::object();

	/// {"t":…,"type":…, fields…} on one line, no trailing newline.
	[[nodiscard]] std::string to_json_line() const;
};

using Events = std::vector<Event>;

} // namespace lcs::session
