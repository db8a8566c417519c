#include "websocket/request-args.hpp"

#include <set>

#include <obs.hpp>

#include "websocket/request-fields.hpp"

namespace lcs::obs::websocket {

bool read_start_session(obs_data_t *request, StartSessionArgs &out, obs_data_t *response)
{
	std::optional<int64_t> seed;
	if (!optional_string(request, "scenarioId", out.scenario, response) ||
	    !optional_string(request, "trainee", out.trainee, response) || !integer_field(request, "seed", 0, false, seed, response))
		return false;
	if (seed)
		out.seed = static_cast<uint64_t>(*seed);
	return true;
}

bool read_id(obs_data_t *request, const char *field, std::string &out, obs_data_t *response)
{
	return optional_string(request, field, out, response);
}

bool read_inject_comment(obs_data_t *request, InjectCommentArgs &out, obs_data_t *response)
{
	if (!optional_string(request, "text", out.text, response) || !optional_string(request, "kind", out.kind, response) ||
	    !optional_string(request, "viewer", out.viewer, response))
		return false;
	static const std::set<std::string> kinds = {"question", "objection", "reaction", "interaction", "claim", "troll"};
	if (!out.kind.empty() && !kinds.count(out.kind)) {
		fail(response, "field 'kind' must be one of question, objection, reaction, interaction, claim, troll");
		return false;
	}
	return true;
}

bool read_buy_traffic(obs_data_t *request, BuyTrafficArgs &out, obs_data_t *response)
{
	std::optional<int64_t> amount, bid;
	if (!integer_field(request, "amountCents", 1, true, amount, response) ||
	    !integer_field(request, "bidCpmCents", 0, false, bid, response) ||
	    !optional_string(request, "campaign", out.campaign, response))
		return false;
	out.amount_cents = *amount;
	out.bid_cpm_cents = bid.value_or(0);
	return true;
}

bool read_speech_text(obs_data_t *request, SpeechTextArgs &out, obs_data_t *response)
{
	return required_string(request, "text", out.text, response) && optional_bool(request, "final", out.final, response);
}

bool read_source_name(obs_data_t *request, std::string &out, obs_data_t *response)
{
	return required_string(request, "sourceName", out, response);
}

bool read_sync_library(obs_data_t *request, SyncLibraryArgs &out, obs_data_t *response)
{
	if (!optional_string(request, "source", out.source, response))
		return false;
	if (out.source.empty()) {
		fail(response, "field 'source' (a folder or URL of the library) is required");
		return false;
	}
	if (!integer_field(request, "version", 1, false, out.version, response) ||
	    !optional_bool(request, "usePacks", out.use_packs, response))
		return false;
	// `trust`: one key line or several, or an array of {"key": …} objects (obs-websocket hands
	// vendors only arrays of objects: a JSON array of strings arrives empty).
	if (const char *text = obs_data_get_string(request, "trust"); text && *text)
		out.trust_text.emplace_back(text);
	OBSDataArrayAutoRelease array = obs_data_get_array(request, "trust");
	for (size_t i = 0; array && i < obs_data_array_count(array); ++i) {
		OBSDataAutoRelease item = obs_data_array_item(array, i);
		if (const char *key = obs_data_get_string(item, "key"); key && *key)
			out.trust_text.emplace_back(key);
	}
	return true;
}

} // namespace lcs::obs::websocket
