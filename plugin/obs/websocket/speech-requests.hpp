#pragma once

#include <obs.h>

#include "core/session/controller.hpp"
#include "studio/transcript-source.hpp"
#include "websocket/vendor.hpp"

namespace lcs::obs {

/// The transcript requests of the vendor (docs/websocket-api.md): SpeechText {text, final} and
/// SetTranscriptSource {sourceName} (an OBS text source followed as the transcript; "" none).
void add_speech_requests(websocket::Vendor &vendor);
/// GetStatus's transcript fields: transcriptSource, transcriptWatching, lastSpeech, lastSpeechFinal, speechFindings (the recent
/// findings in what the host said: rule, category, severity, term, suggestion), cueFindings.
void add_speech_status(const session::Snapshot &snapshot, TranscriptSource &transcript, obs_data_t *response);

} // namespace lcs::obs
