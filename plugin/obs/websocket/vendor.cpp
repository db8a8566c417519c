#include "websocket/vendor.hpp"

#include <callback/calldata.h>
#include <callback/proc.h>

namespace lcs::obs::websocket {
namespace {
// The layout obs-websocket expects behind the "callback" pointer of vendor_request_register.
struct RequestCallback {
	void (*callback)(obs_data_t *, obs_data_t *, void *);
	void *priv_data;
};

void dispatch(obs_data_t *request, obs_data_t *response, void *priv)
{
	(*static_cast<Vendor::Handler *>(priv))(request, response);
}
} // namespace

bool Vendor::attach(const char *vendor_name)
{
	detach();
	handlers_.clear(); // the obs-websocket they were registered with is gone (a new libobs started)
	proc_handler_t *global = obs_get_proc_handler();
	calldata_t cd = {};
	if (!global || !proc_handler_call(global, "obs_websocket_api_get_ph", &cd)) {
		calldata_free(&cd);
		return false;
	}
	auto *api = static_cast<proc_handler_t *>(calldata_ptr(&cd, "ph"));
	calldata_free(&cd);
	if (!api)
		return false;
	calldata_t reg = {};
	calldata_set_string(&reg, "name", vendor_name);
	proc_handler_call(api, "vendor_register", &reg);
	void *vendor = calldata_ptr(&reg, "vendor");
	calldata_free(&reg);
	api_.store(api, std::memory_order_relaxed);
	vendor_.store(vendor, std::memory_order_release); // publishes api_ with it
	return vendor != nullptr;
}

void Vendor::detach()
{
	vendor_.store(nullptr, std::memory_order_release);
	api_.store(nullptr, std::memory_order_relaxed);
}

bool Vendor::add_request(const std::string &type, Handler handler)
{
	void *vendor = vendor_.load(std::memory_order_acquire);
	if (!vendor)
		return false;
	auto owned = std::make_unique<Handler>(std::move(handler));
	RequestCallback cb{dispatch, owned.get()};
	calldata_t cd = {};
	calldata_set_ptr(&cd, "vendor", vendor);
	calldata_set_string(&cd, "type", type.c_str());
	calldata_set_ptr(&cd, "callback", &cb);
	proc_handler_call(api_.load(std::memory_order_relaxed), "vendor_request_register", &cd);
	const bool ok = calldata_bool(&cd, "success");
	calldata_free(&cd);
	if (ok)
		handlers_[type] = std::move(owned);
	return ok;
}

void Vendor::emit(const std::string &type, obs_data_t *data) const
{
	void *vendor = vendor_.load(std::memory_order_acquire);
	if (!vendor)
		return;
	calldata_t cd = {};
	calldata_set_ptr(&cd, "vendor", vendor);
	calldata_set_string(&cd, "type", type.c_str());
	calldata_set_ptr(&cd, "data", data);
	proc_handler_call(api_.load(std::memory_order_relaxed), "vendor_event_emit", &cd); // ordered by the acquire above
	calldata_free(&cd);
}

} // namespace lcs::obs::websocket
