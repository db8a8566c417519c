#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <obs.h>

// How the vendor's requests read their requestData and write their answer: every answer carries
// `ok`, and on false an `error` naming the field (docs/websocket-api.md).
namespace lcs::obs::websocket {

// obs.hpp of OBS 29 has no RAII type for data items.
struct DataItem {
	obs_data_item_t *item;
	explicit DataItem(obs_data_item_t *i) : item(i) {}
	~DataItem() { obs_data_item_release(&item); }
	DataItem(const DataItem &) = delete;
	DataItem &operator=(const DataItem &) = delete;
	operator obs_data_item_t *() const { return item; }
};

void fail(obs_data_t *response, const std::string &message);
void ok(obs_data_t *response);

/// An optional string field: absent or "" → none; another type → error naming the field.
bool optional_string(obs_data_t *request, const char *field, std::string &out, obs_data_t *response);

/// A string field that must be present (it may be ""); absent or another type → error naming it.
bool required_string(obs_data_t *request, const char *field, std::string &out, obs_data_t *response);
/// An optional true/false field: absent → `out` unchanged; another type → error naming the field.
bool optional_bool(obs_data_t *request, const char *field, bool &out, obs_data_t *response);

/// An integer field of at least `minimum`: absent → nullopt and true (or, when `required`, an
/// error); a string, a fraction or a smaller number → an error naming the field, false.
bool integer_field(obs_data_t *request, const char *field, int64_t minimum, bool required, std::optional<int64_t> &out,
		   obs_data_t *response);

} // namespace lcs::obs::websocket
