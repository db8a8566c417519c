#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include <obs.h>

namespace lcs::obs::websocket {

// A small adapter over obs-websocket's plugin API, which is a set of procs on libobs's global
// proc handler ("obs_websocket_api_get_ph", then "vendor_register", "vendor_request_register",
// "vendor_event_emit"). Requests arrive on obs-websocket's threads; handlers must be thread-safe.
//
// attach() and add_request() run on the UI thread (the module's post-load) while the video
// thread's tick may already emit: the proc handler and the vendor are published through atomics,
// the vendor last with release, and emit()/attached() read it with acquire, so whoever sees the
// vendor sees the proc handler stored before it. Lifetime: obs-websocket owns the vendor until it
// unloads; libobs stops the video thread (our only emitter) before it unloads any module. The
// adapter outlives one libobs (a static of the module, whose .so libobs never dlclose()s): the
// module's unload detach()es it, and attach() starts afresh, so a vendor of an obs-websocket that
// is gone is never used again.
class Vendor {
public:
	using Handler = std::function<void(obs_data_t *request, obs_data_t *response)>;

	/// Registers the vendor; false when obs-websocket is not loaded (the plugin works without it).
	/// Forgets any vendor and handlers of an earlier attach first.
	bool attach(const char *vendor_name);
	/// Stops emitting to the vendor (module unload, on the UI thread once the video thread is
	/// stopped). The handlers stay alive until the next attach(): obs-websocket's threads may still
	/// call them until it unloads itself.
	void detach();
	/// Registers a request type; the adapter keeps the handler alive.
	bool add_request(const std::string &type, Handler handler);
	/// Emits a vendor event to clients subscribed to vendor events. Any thread.
	void emit(const std::string &type, obs_data_t *data) const;
	[[nodiscard]] bool attached() const { return vendor_.load(std::memory_order_acquire) != nullptr; }

private:
	std::atomic<proc_handler_t *> api_{nullptr};
	std::atomic<void *> vendor_{nullptr}; // stored after api_ (release); loaded with acquire
	std::map<std::string, std::unique_ptr<Handler>> handlers_;
};

} // namespace lcs::obs::websocket
