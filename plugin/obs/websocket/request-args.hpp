#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <obs.h>

// The vendor requests' requestData, read and checked without a session: each reader fills its
// arguments and returns true, or writes `ok: false` and an `error` naming the field into
// `response` and returns false (docs/websocket-api.md). The handlers (api.cpp and its siblings)
// call these after they know the studio runs; the fuzz target tests/fuzz/vendor_request_fuzzer.cpp
// calls them on any JSON an obs-websocket client could send.
namespace lcs::obs::websocket {

struct StartSessionArgs {
	std::string scenario; // "" → the script's first
	std::string trainee;
	std::optional<uint64_t> seed;
};
bool read_start_session(obs_data_t *request, StartSessionArgs &out, obs_data_t *response);

/// An optional id of one field ("sku", "promoId", "commentId"): "" when absent.
bool read_id(obs_data_t *request, const char *field, std::string &out, obs_data_t *response);

struct InjectCommentArgs {
	std::string text, kind, viewer; // "" → the handler's default
};
/// `kind`, when given, must be one of question, objection, reaction, interaction, claim, troll.
bool read_inject_comment(obs_data_t *request, InjectCommentArgs &out, obs_data_t *response);

struct BuyTrafficArgs {
	int64_t amount_cents = 0;  // required, ≥ 1
	int64_t bid_cpm_cents = 0; // 0 → the scenario's minimum bid
	std::string campaign;
};
bool read_buy_traffic(obs_data_t *request, BuyTrafficArgs &out, obs_data_t *response);

struct SpeechTextArgs {
	std::string text; // required (may be "")
	bool final = true;
};
bool read_speech_text(obs_data_t *request, SpeechTextArgs &out, obs_data_t *response);

/// SetTranscriptSource's required `sourceName` ("" stops following).
bool read_source_name(obs_data_t *request, std::string &out, obs_data_t *response);

struct SyncLibraryArgs {
	std::string source;                  // required, not ""
	std::optional<int64_t> version;      // ≥ 1
	std::vector<std::string> trust_text; // the `trust` string and each {"key": …} of a `trust` array
	bool use_packs = false;
};
bool read_sync_library(obs_data_t *request, SyncLibraryArgs &out, obs_data_t *response);

} // namespace lcs::obs::websocket
