// The obs-websocket vendor adapter's lifecycle against a stand-in for obs-websocket's plugin API
// (its procs on libobs's global proc handler): nothing is emitted before attach(); once attached,
// events emitted from another thread (the video thread's tick in OBS) reach the vendor that was
// registered, while attach() publishes it concurrently (under ThreadSanitizer this is the race the
// atomics close); requests are dispatched to their handler.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include <callback/calldata.h>
#include <callback/proc.h>
#include <obs.hpp>

#include "obs_harness.hpp"
#include "websocket/vendor.hpp"

namespace {

struct FakeWebsocket {
	proc_handler_t *procs = proc_handler_create();
	int vendor_token = 0; // its address is the vendor handle
	std::atomic<int> emitted{0};
	std::atomic<int> wrong_vendor{0};
	std::mutex mutex;
	void (*request)(obs_data_t *, obs_data_t *, void *) = nullptr; // guarded by mutex
	void *request_priv = nullptr;                                   // guarded by mutex

	FakeWebsocket()
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
		proc_handler_add(procs,
				 "void vendor_request_register(in ptr vendor, in string type, in ptr callback, out bool success)",
				 [](void *param, calldata_t *cd) {
					 auto *self = static_cast<FakeWebsocket *>(param);
					 struct Callback {
						 void (*callback)(obs_data_t *, obs_data_t *, void *);
						 void *priv_data;
					 };
					 const auto *cb = static_cast<const Callback *>(calldata_ptr(cd, "callback"));
					 std::lock_guard lock(self->mutex);
					 self->request = cb->callback;
					 self->request_priv = cb->priv_data;
					 calldata_set_bool(cd, "success", true);
				 },
				 this);
	}
	~FakeWebsocket() { proc_handler_destroy(procs); }
};

FakeWebsocket *g_fake = nullptr; // the stand-in obs-websocket during a test

/// Puts `fake` behind libobs's global "obs_websocket_api_get_ph" for this scope.
struct FakeWebsocketInstalled {
	explicit FakeWebsocketInstalled(FakeWebsocket &fake)
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
	~FakeWebsocketInstalled() { g_fake = nullptr; }
};

TEST(WebsocketVendor, EventsEmittedWhileAttachingReachTheRegisteredVendorOnly)
{
	FakeWebsocket fake;
	const FakeWebsocketInstalled installed(fake);
	lcs::obs::websocket::Vendor vendor;
	EXPECT_FALSE(vendor.attached());
	const int before = fake.emitted.load();

	std::atomic<bool> stop{false};
	std::thread ticker([&] { // as the video thread's tick does
		while (!stop.load()) {
			OBSDataAutoRelease data = obs_data_create();
			vendor.emit("Tick", data);
			std::this_thread::yield();
		}
	});
	ASSERT_TRUE(vendor.attach("lcs-test-vendor"));
	EXPECT_TRUE(lcs::test::ObsHarness::wait_until([&] { return fake.emitted.load() > before + 10; }));
	stop = true;
	ticker.join();
	EXPECT_TRUE(vendor.attached());
	EXPECT_EQ(fake.wrong_vendor.load(), 0);

	bool handled = false;
	ASSERT_TRUE(vendor.add_request("Ping", [&](obs_data_t *, obs_data_t *response) {
		handled = true;
		obs_data_set_bool(response, "ok", true);
	}));
	OBSDataAutoRelease request = obs_data_create();
	OBSDataAutoRelease response = obs_data_create();
	{
		std::lock_guard lock(fake.mutex);
		ASSERT_NE(fake.request, nullptr);
		fake.request(request, response, fake.request_priv);
	}
	EXPECT_TRUE(handled);
	EXPECT_TRUE(obs_data_get_bool(response, "ok"));
}

} // namespace
