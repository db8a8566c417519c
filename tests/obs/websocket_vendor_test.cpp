// The obs-websocket vendor adapter's lifecycle against a stand-in for obs-websocket's plugin API
// (its procs on libobs's global proc handler): nothing is emitted before attach(); once attached,
// events emitted from another thread (the video thread's tick in OBS) reach the vendor that was
// registered, while attach() publishes it concurrently (under ThreadSanitizer this is the race the
// atomics close); requests are dispatched to their handler.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>

#include <obs.hpp>

#include "fake_websocket.hpp"
#include "obs_harness.hpp"
#include "websocket/vendor.hpp"

namespace {

using lcs::test::FakeWebsocket;
using lcs::test::FakeWebsocketInstalled;

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
	ASSERT_TRUE(fake.call("Ping", request, response));
	EXPECT_TRUE(handled);
	EXPECT_TRUE(obs_data_get_bool(response, "ok"));
}

// The module's adapter is a static that outlives one libobs (libobs never dlclose()s a module):
// loaded again where obs-websocket is absent, it must not keep the vendor of the one that is gone.
TEST(WebsocketVendor, AttachingAgainWithoutObsWebsocketForgetsTheOldVendor)
{
	FakeWebsocket fake;
	lcs::obs::websocket::Vendor vendor;
	{
		const FakeWebsocketInstalled installed(fake);
		ASSERT_TRUE(vendor.attach("lcs-test-vendor"));
		ASSERT_TRUE(vendor.add_request("Ping", [](obs_data_t *, obs_data_t *) {}));
	}
	EXPECT_FALSE(vendor.attach("lcs-test-vendor")); // no obs-websocket now
	EXPECT_FALSE(vendor.attached());
	const int before = fake.emitted.load();
	OBSDataAutoRelease data = obs_data_create();
	vendor.emit("Tick", data);
	EXPECT_EQ(fake.emitted.load(), before);
}

TEST(WebsocketVendor, DetachStopsEmittingButKeepsHandlersCallable)
{
	FakeWebsocket fake;
	const FakeWebsocketInstalled installed(fake);
	lcs::obs::websocket::Vendor vendor;
	ASSERT_TRUE(vendor.attach("lcs-test-vendor"));
	int calls = 0;
	ASSERT_TRUE(vendor.add_request("Ping", [&](obs_data_t *, obs_data_t *) { ++calls; }));
	vendor.detach();
	EXPECT_FALSE(vendor.attached());
	const int before = fake.emitted.load();
	OBSDataAutoRelease data = obs_data_create();
	vendor.emit("Tick", data);
	EXPECT_EQ(fake.emitted.load(), before);
	OBSDataAutoRelease request = obs_data_create();
	OBSDataAutoRelease response = obs_data_create();
	ASSERT_TRUE(fake.call("Ping", request, response)); // obs-websocket may still call until it unloads
	EXPECT_EQ(calls, 1);
}

} // namespace
