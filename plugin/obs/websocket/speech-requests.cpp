// SpeechText: what the host says, from a speech recogniser outside OBS (partial text while a
// sentence is being recognised, then its final text). Applied at the next video frame; final text
// is logged as `speech` and checked for compliance while a session runs.
#include "websocket/speech-requests.hpp"

#include <obs.hpp>

#include "studio/studio.hpp"
#include "websocket/request-args.hpp"
#include "websocket/request-fields.hpp"

namespace lcs::obs {
namespace {

using websocket::fail;

void speech_text(obs_data_t *request, obs_data_t *response)
{
	const auto studio = Studio::lease();
	if (!studio) {
		fail(response, "Live Commerce Studio is not running");
		return;
	}
	websocket::SpeechTextArgs args;
	if (!websocket::read_speech_text(request, args, response))
		return;
	studio->submit(session::SpeechText{args.text, args.final});
	websocket::ok(response);
	obs_data_set_bool(response, "sessionRunning", studio->snapshot()->session_running);
}

/// Follows an OBS text source as the transcript (what the desk's Transcript option does).
void set_transcript_source(obs_data_t *request, obs_data_t *response)
{
	const auto studio = Studio::lease();
	if (!studio) {
		fail(response, "Live Commerce Studio is not running");
		return;
	}
	std::string name;
	if (!websocket::read_source_name(request, name, response))
		return;
	if (!name.empty()) {
		OBSSourceAutoRelease source = obs_get_source_by_name(name.c_str());
		if (!source) {
			fail(response, "field 'sourceName': no source '" + name + "' in OBS");
			return;
		}
	}
	studio->transcript().follow(name);
	websocket::ok(response);
}

void add_findings(obs_data_t *response, const char *name, const compliance::Findings &findings)
{
	OBSDataArrayAutoRelease list = obs_data_array_create();
	for (const auto &f : findings) {
		OBSDataAutoRelease item = obs_data_create();
		obs_data_set_string(item, "rule", f.rule.c_str());
		obs_data_set_string(item, "category", f.category.c_str());
		obs_data_set_string(item, "severity", std::string(compliance::to_string(f.severity)).c_str());
		obs_data_set_string(item, "term", f.term.c_str());
		obs_data_set_string(item, "suggestion", f.suggestion.c_str());
		obs_data_array_push_back(list, item);
	}
	obs_data_set_array(response, name, list);
}

} // namespace

void add_speech_requests(websocket::Vendor &vendor)
{
	vendor.add_request("SpeechText", speech_text);
	vendor.add_request("SetTranscriptSource", set_transcript_source);
}

void add_speech_status(const session::Snapshot &s, TranscriptSource &transcript, obs_data_t *response)
{
	obs_data_set_string(response, "transcriptSource", transcript.followed().c_str());
	obs_data_set_bool(response, "transcriptWatching", transcript.watching());
	obs_data_set_string(response, "lastSpeech", s.last_speech.c_str());
	obs_data_set_bool(response, "lastSpeechFinal", s.last_speech_final);
	add_findings(response, "speechFindings", s.speech_findings);
	add_findings(response, "cueFindings", s.cue_findings);
}

} // namespace lcs::obs
