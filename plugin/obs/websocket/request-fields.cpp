#include "websocket/request-fields.hpp"

namespace lcs::obs::websocket {

void fail(obs_data_t *response, const std::string &message)
{
	obs_data_set_bool(response, "ok", false);
	obs_data_set_string(response, "error", message.c_str());
}

void ok(obs_data_t *response)
{
	obs_data_set_bool(response, "ok", true);
}

bool optional_string(obs_data_t *request, const char *field, std::string &out, obs_data_t *response)
{
	if (!request || !obs_data_has_user_value(request, field))
		return true;
	DataItem item(obs_data_item_byname(request, field));
	if (obs_data_item_gettype(item) != OBS_DATA_STRING) {
		fail(response, std::string("field '") + field + "' must be a string");
		return false;
	}
	out = obs_data_item_get_string(item);
	return true;
}

bool required_string(obs_data_t *request, const char *field, std::string &out, obs_data_t *response)
{
	if (!request || !obs_data_has_user_value(request, field)) {
		fail(response, std::string("field '") + field + "' is required (a string)");
		return false;
	}
	return optional_string(request, field, out, response);
}

bool optional_bool(obs_data_t *request, const char *field, bool &out, obs_data_t *response)
{
	if (!request || !obs_data_has_user_value(request, field))
		return true;
	DataItem item(obs_data_item_byname(request, field));
	if (obs_data_item_gettype(item) != OBS_DATA_BOOLEAN) {
		fail(response, std::string("field '") + field + "' must be true or false");
		return false;
	}
	out = obs_data_item_get_bool(item);
	return true;
}

bool integer_field(obs_data_t *request, const char *field, int64_t minimum, bool required, std::optional<int64_t> &out,
		   obs_data_t *response)
{
	const std::string name = std::string("field '") + field + "'";
	const std::string kind = "a whole number ≥ " + std::to_string(minimum);
	if (!request || !obs_data_has_user_value(request, field)) {
		if (required)
			fail(response, name + " is required (" + kind + ")");
		return !required;
	}
	DataItem item(obs_data_item_byname(request, field));
	if (obs_data_item_gettype(item) != OBS_DATA_NUMBER || obs_data_item_numtype(item) != OBS_DATA_NUM_INT ||
	    obs_data_item_get_int(item) < minimum) {
		fail(response, name + " must be " + kind);
		return false;
	}
	out = obs_data_item_get_int(item);
	return true;
}

} // namespace lcs::obs::websocket
