#include "fake_websocket.hpp"

#include <callback/calldata.h>

#include "obs_harness.hpp"

namespace lcs::test {
namespace {
FakeWebsocket *g_fake = nullptr; // the installed stand-in
} // namespace

FakeWebsocket::FakeWebsocket() : procs(proc_handler_create())
{
	proc_handler_add(procs, "void vendor_register(in string name, out ptr vendor)",
			 [](void *self, calldata_t *cd) {
				 calldata_set_ptr(cd, "vendor", &static_cast<FakeWebsocket *>(self)->vendor_token);
			 },
			 this);
	proc_handler_add(procs, "void vendor_event_emit(in ptr vendor, in string type, in ptr data)",
			 [](void *param, calldata_t *cd) {
				 auto *self = static_cast<FakeWebsocket *>(param);
				 if (calldata_ptr(cd, "vendor") != &self->vendor_token)
					 ++self->wrong_vendor;
				 ++self->emitted;
			 },
			 this);
	proc_handler_add(procs, "void vendor_request_register(in ptr vendor, in string type, in ptr callback, out bool success)",
			 [](void *param, calldata_t *cd) {
				 auto *self = static_cast<FakeWebsocket *>(param);
				 struct Callback {
					 void (*callback)(obs_data_t *, obs_data_t *, void *);
					 void *priv_data;
				 };
				 const auto *cb = static_cast<const Callback *>(calldata_ptr(cd, "callback"));
				 const char *type = calldata_string(cd, "type");
				 std::lock_guard lock(self->mutex_);
				 self->requests_[type ? type : ""] = {cb->callback, cb->priv_data};
				 calldata_set_bool(cd, "success", true);
			 },
			 this);
}

FakeWebsocket::~FakeWebsocket()
{
	proc_handler_destroy(procs);
}

bool FakeWebsocket::call(const std::string &type, obs_data_t *request, obs_data_t *response)
{
	Registered r;
	{
		std::lock_guard lock(mutex_);
		const auto it = requests_.find(type);
		if (it == requests_.end())
			return false;
		r = it->second;
	}
	r.callback(request, response, r.priv);
	return true;
}

bool FakeWebsocket::has_request(const std::string &type)
{
	std::lock_guard lock(mutex_);
	return requests_.count(type) > 0;
}

FakeWebsocketInstalled::FakeWebsocketInstalled(FakeWebsocket &fake)
{
	static const bool added = [] {
		proc_handler_add(obs_get_proc_handler(), "void obs_websocket_api_get_ph(out ptr ph)",
				 [](void *, calldata_t *cd) {
					 if (g_fake)
						 calldata_set_ptr(cd, "ph", g_fake->procs);
				 },
				 nullptr);
		return true;
	}();
	(void)added;
	g_fake = &fake;
}

FakeWebsocketInstalled::~FakeWebsocketInstalled()
{
	g_fake = nullptr;
}

FakeWebsocket &module_websocket()
{
	static FakeWebsocket *fake = [] {
		auto *f = new FakeWebsocket;
		{
			const FakeWebsocketInstalled installed(*f);
			obs_post_load_modules(); // the module's post-load: start_websocket_api()
		}
		ObsHarness::after_shutdown([f] { delete f; }); // libobs's video thread no longer emits
		return f;
	}();
	return *fake;
}

} // namespace lcs::test
