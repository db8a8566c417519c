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
	proc_handler_t *global = obs_get_proc_handler();
	calldata_t cd = {};
	if (!global || !proc_handler_call(global, "obs_websocket_api_get_ph", &cd)) {
		calldata_free(&cd);
		return false;
	}
	api_ = static_cast<proc_handler_t *>(calldata_ptr(&cd, "ph"));
	calldata_free(&cd);
	if (!api_)
		return false;
	calldata_t reg = {};
	calldata_set_string(&reg, "name", vendor_name);
	proc_handler_call(api_, "vendor_register", &reg);
	vendor_ = calldata_ptr(&reg, "vendor");
	calldata_free(&reg);
	return vendor_ != nullptr;
}

bool Vendor::add_request(const std::string &type, Handler handler)
{
	if (!vendor_)
		return false;
	auto owned = std::make_unique<Handler>(std::move(handler));
	RequestCallback cb{dispatch, owned.get()};
	calldata_t cd = {};
	calldata_set_ptr(&cd, "vendor", vendor_);
	calldata_set_string(&cd, "type", type.c_str());
	calldata_set_ptr(&cd, "callback", &cb);
	proc_handler_call(api_, "vendor_request_register", &cd);
	const bool ok = calldata_bool(&cd, "success");
	calldata_free(&cd);
	if (ok)
		handlers_[type] = std::move(owned);
	return ok;
}

void Vendor::emit(const std::string &type, obs_data_t *data) const
{
	if (!vendor_)
		return;
	calldata_t cd = {};
	calldata_set_ptr(&cd, "vendor", vendor_);
	calldata_set_string(&cd, "type", type.c_str());
	calldata_set_ptr(&cd, "data", data);
	proc_handler_call(api_, "vendor_event_emit", &cd);
	calldata_free(&cd);
}

} // namespace lcs::obs::websocket
