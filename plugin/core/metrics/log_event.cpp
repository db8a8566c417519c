#include "core/metrics/log_event.hpp"

namespace lcs::metrics {

nlohmann::json LogEvent::to_json() const
{
	nlohmann::json j = nlohmann::json::object();
	for (const auto &f : fields_) {
		auto &v = j[std::string(f.key)];
		switch (f.kind) {
		case JsonKind::Null: v = nullptr; break;
		case JsonKind::Bool: v = f.boolean; break;
		case JsonKind::Int: v = f.integer; break;
		case JsonKind::Uint: v = f.uinteger; break;
		case JsonKind::Double: v = f.number; break;
		case JsonKind::String: v = std::string(f.text); break;
		case JsonKind::Array:
		case JsonKind::Object: v = nlohmann::json::parse(f.text.begin(), f.text.end()); break; // checked by the reader
		}
	}
	return j;
}

} // namespace lcs::metrics
