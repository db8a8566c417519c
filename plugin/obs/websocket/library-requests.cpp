// obs-websocket requests for the team libraries (issue 12). A sync runs on the library hub's
// worker; the request's own obs-websocket thread waits for it, never OBS's UI or video thread.
#include "websocket/library-requests.hpp"

#include <obs.hpp>

#include "dock/library-panel.hpp"
#include "library/library-hub.hpp"
#include "library/library-service.hpp"
#include "studio/studio.hpp"
#include "websocket/request-args.hpp"

namespace lcs::obs {
namespace {

void fail(obs_data_t *response, const std::string &message)
{
	obs_data_set_bool(response, "ok", false);
	obs_data_set_string(response, "error", message.c_str());
}

/// The trusted keys of a request's `trust` texts (each one key line or several).
std::vector<std::string> trusted_keys(const websocket::SyncLibraryArgs &args)
{
	std::vector<std::string> keys;
	for (const auto &text : args.trust_text)
		for (auto &k : dock::key_lines(text))
			keys.push_back(std::move(k));
	return keys;
}

void fill_state(obs_data_t *out, const library::LibraryState &s)
{
	obs_data_set_string(out, "source", s.entry.source.c_str());
	obs_data_set_string(out, "library", s.entry.id.c_str());
	obs_data_set_int(out, "version", s.version);
	obs_data_set_string(out, "publisher", s.publisher.c_str());
	obs_data_set_string(out, "published_at", s.published_at.c_str());
	obs_data_set_string(out, "message", s.message.c_str());
	obs_data_set_bool(out, "offline", s.offline);
	obs_data_set_string(out, "offline_reason", s.offline_reason.c_str());
	obs_data_set_bool(out, "credentials_saved", s.has_credentials);
	obs_data_set_bool(out, "updated", s.synced_this_run); // a sync finished since OBS started
	if (!s.error.empty())
		obs_data_set_string(out, "error", s.error.c_str());
	OBSDataArrayAutoRelease packs = obs_data_array_create();
	for (const auto &p : s.packs) {
		OBSDataAutoRelease item = obs_data_create();
		obs_data_set_string(item, "path", s.pack_file(p).c_str());
		obs_data_set_string(item, "relative_path", p.path.c_str());
		obs_data_set_string(item, "id", p.id.c_str());
		obs_data_set_string(item, "version", p.version.c_str());
		obs_data_array_push_back(packs, item);
	}
	obs_data_set_array(out, "packs", packs);
	OBSDataArrayAutoRelease kept = obs_data_array_create();
	for (const auto v : s.kept) {
		OBSDataAutoRelease item = obs_data_create();
		obs_data_set_int(item, "version", v);
		obs_data_array_push_back(kept, item);
	}
	obs_data_set_array(out, "kept", kept);
}

void sync_library(obs_data_t *request, obs_data_t *response)
{
	const auto hub = library::library_hub();
	if (!hub) {
		fail(response, "Live Commerce Studio is not running");
		return;
	}
	websocket::SyncLibraryArgs args;
	if (!websocket::read_sync_library(request, args, response))
		return;
	const std::string &source = args.source;
	const std::optional<int64_t> &version = args.version;
	auto keys = trusted_keys(args);
	if (keys.empty()) {
		// A library already known keeps its trusted keys.
		if (const auto known = hub->state(source))
			keys = known->entry.trust;
	}
	if (const std::string problem = hub->add(source, keys, {}); !problem.empty()) {
		fail(response, problem);
		return;
	}
	const auto state = hub->update_and_wait(source, version);
	if (!state) {
		fail(response, "OBS is closing: the library was not synced");
		return;
	}
	fill_state(response, *state);
	obs_data_set_bool(response, "ok", state->error.empty());
	// usePacks: the version's packs (through current/) become the script in use, as "Use for
	// session" in the desk does; loaded on the studio's worker while this request waits.
	if (state->error.empty() && args.use_packs) {
		std::vector<std::string> files;
		for (const auto &p : state->packs)
			files.push_back(state->pack_file(p));
		const auto studio = Studio::lease();
		if (!studio) {
			fail(response, "Live Commerce Studio is not running");
			return;
		}
		const auto outcome = studio->use_packs(files);
		if (!outcome.loaded && !outcome.unchanged) {
			std::string problem = "the library's packs did not load";
			for (const auto &d : outcome.diagnostics)
				if (d.severity == diag::Severity::Error) {
					problem = d.to_string();
					break;
				}
			fail(response, problem);
		}
	}
}

void get_libraries(obs_data_t *, obs_data_t *response)
{
	const auto hub = library::library_hub();
	if (!hub) {
		fail(response, "Live Commerce Studio is not running");
		return;
	}
	OBSDataArrayAutoRelease list = obs_data_array_create();
	for (const auto &s : hub->states()) {
		OBSDataAutoRelease item = obs_data_create();
		fill_state(item, s);
		obs_data_set_bool(item, "busy", s.busy);
		obs_data_array_push_back(list, item);
	}
	obs_data_set_array(response, "libraries", list);
	obs_data_set_bool(response, "ok", true);
}

} // namespace

void add_library_requests(websocket::Vendor &vendor)
{
	vendor.add_request("SyncLibrary", sync_library);
	vendor.add_request("GetLibraries", get_libraries);
}

} // namespace lcs::obs
