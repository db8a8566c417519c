#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include <callback/proc.h>
#include <obs.h>

namespace lcs::test {

// A stand-in for obs-websocket's plugin API: its procs ("vendor_register",
// "vendor_request_register", "vendor_event_emit") on a proc handler of its own, which libobs's
// global "obs_websocket_api_get_ph" hands out while it is installed. Requests registered through
// it can be called as obs-websocket's threads would.
struct FakeWebsocket {
	FakeWebsocket();
	~FakeWebsocket();
	FakeWebsocket(const FakeWebsocket &) = delete;
	FakeWebsocket &operator=(const FakeWebsocket &) = delete;

	/// Calls the request `type` as a client's CallVendorRequest does; false when none is registered.
	bool call(const std::string &type, obs_data_t *request, obs_data_t *response);
	[[nodiscard]] bool has_request(const std::string &type);

	proc_handler_t *procs = nullptr;
	int vendor_token = 0; // its address is the vendor handle
	std::atomic<int> emitted{0};
	std::atomic<int> wrong_vendor{0};

private:
	struct Registered {
		void (*callback)(obs_data_t *, obs_data_t *, void *) = nullptr;
		void *priv = nullptr;
	};
	std::mutex mutex_;
	std::map<std::string, Registered> requests_; // guarded by mutex_
};

/// Puts `fake` behind libobs's global "obs_websocket_api_get_ph" for this scope.
struct FakeWebsocketInstalled {
	explicit FakeWebsocketInstalled(FakeWebsocket &fake);
	~FakeWebsocketInstalled();
};

/// obs-websocket as the loaded module sees it: a fake installed while the module's post-load runs
/// (once per test run: the module then registers its vendor and requests there), kept until libobs
/// has shut down (the module emits events to it on every video frame).
FakeWebsocket &module_websocket();

} // namespace lcs::test
