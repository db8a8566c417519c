// Fuzz target: any bytes as the JSON an obs-websocket client sends as a vendor request's
// requestData. obs-websocket turns it into obs_data_t (obs_data_create_from_json); every reader of
// the vendor's requests (websocket/request-args.hpp) then runs on it. None may crash, hang or leak;
// each either accepts (the response untouched) or refuses with ok=false and an error naming a
// field. What needs a running session (the studio's snapshot checks, the controller) is not
// reached here: tests/obs covers those handlers in headless libobs. libobs itself is linked as
// Debian ships it (not instrumented). libFuzzer binary with clang, and always a corpus replay test.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include <obs.h>

#include "websocket/request-args.hpp"

namespace {
struct Data {
	obs_data_t *d;
	explicit Data(obs_data_t *p) : d(p) {}
	~Data() { obs_data_release(d); }
	Data(const Data &) = delete;
	Data &operator=(const Data &) = delete;
};

/// A reader's outcome must match its response: accepted → nothing written; refused → ok=false
/// and a non-empty error that names a field or says what is missing.
template <typename F> void check(obs_data_t *request, F &&read)
{
	Data response(obs_data_create());
	const bool accepted = read(request, response.d);
	const bool wrote_ok = obs_data_has_user_value(response.d, "ok");
	if (accepted) {
		if (wrote_ok)
			std::abort();
		return;
	}
	const char *error = obs_data_get_string(response.d, "error");
	if (!wrote_ok || obs_data_get_bool(response.d, "ok") || !error || !std::strstr(error, "field '"))
		std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	using namespace lcs::obs::websocket;
	const std::string json(reinterpret_cast<const char *>(data), size); // obs_data wants a C string
	if (json.find('\0') != std::string::npos)
		return 0;
	Data request(obs_data_create_from_json(json.c_str()));
	obs_data_t *r = request.d; // null when the text is not a JSON object: readers take that too
	check(r, [](obs_data_t *q, obs_data_t *resp) {
		StartSessionArgs a;
		return read_start_session(q, a, resp);
	});
	for (const char *field : {"sku", "promoId", "commentId"})
		check(r, [field](obs_data_t *q, obs_data_t *resp) {
			std::string id;
			return read_id(q, field, id, resp);
		});
	check(r, [](obs_data_t *q, obs_data_t *resp) {
		InjectCommentArgs a;
		return read_inject_comment(q, a, resp);
	});
	check(r, [](obs_data_t *q, obs_data_t *resp) {
		BuyTrafficArgs a;
		const bool accepted = read_buy_traffic(q, a, resp);
		if (accepted && (a.amount_cents < 1 || a.bid_cpm_cents < 0))
			std::abort();
		return accepted;
	});
	check(r, [](obs_data_t *q, obs_data_t *resp) {
		SpeechTextArgs a;
		return read_speech_text(q, a, resp);
	});
	check(r, [](obs_data_t *q, obs_data_t *resp) {
		std::string name;
		return read_source_name(q, name, resp);
	});
	check(r, [](obs_data_t *q, obs_data_t *resp) {
		SyncLibraryArgs a;
		const bool accepted = read_sync_library(q, a, resp);
		if (accepted && (a.source.empty() || (a.version && *a.version < 1)))
			std::abort();
		return accepted;
	});
	return 0;
}
