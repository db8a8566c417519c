// The overlays' painter thread (render/paint-worker.hpp) and the visible bands they draw: jobs run
// off the calling thread, a burst of changes is coalesced to the newest, a slot may die with a
// job running, and only the non-transparent parts of a layer are drawn.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <QImage>

#include "render/paint-worker.hpp"
#include "render/visible-bands.hpp"

namespace {
using lcs::obs::render::PaintedImage;
using lcs::obs::render::PaintSlot;
using lcs::obs::render::VisibleBands;

QImage filled(int w, int h, QColor colour)
{
	QImage image(w, h, QImage::Format_RGBA8888_Premultiplied);
	image.fill(colour);
	return image;
}

std::optional<PaintedImage> wait_for_image(PaintSlot &slot)
{
	for (int i = 0; i < 500; ++i) {
		if (auto image = slot.take())
			return image;
		std::this_thread::sleep_for(std::chrono::milliseconds(2));
	}
	return std::nullopt;
}

TEST(PaintWorker, PaintsOffTheCallingThreadAndCoalescesABurstToTheNewest)
{
	PaintSlot slot;
	std::atomic<bool> release{false};
	const auto caller = std::this_thread::get_id();
	std::atomic<bool> other_thread{false};
	// The first job holds the painter while three more arrive: only the newest of them is painted.
	slot.submit([&] {
		other_thread = std::this_thread::get_id() != caller;
		while (!release)
			std::this_thread::sleep_for(std::chrono::milliseconds(1));
		return filled(4, 4, Qt::red);
	});
	while (slot.painted() == 0 && !other_thread)
		std::this_thread::sleep_for(std::chrono::milliseconds(1));
	for (int w : {5, 6, 7})
		slot.submit([w] { return filled(w, 2, Qt::blue); });
	release = true;
	for (int i = 0; i < 500 && slot.painted() < 2; ++i)
		std::this_thread::sleep_for(std::chrono::milliseconds(2));
	std::this_thread::sleep_for(std::chrono::milliseconds(20)); // nothing else is coming
	const auto newest = slot.take();
	ASSERT_TRUE(newest);
	EXPECT_TRUE(other_thread) << "the job ran on the submitting thread";
	EXPECT_EQ(newest->image.width(), 7) << "not the newest job";
	EXPECT_EQ(newest->image.format(), QImage::Format_RGBA8888) << "converted for the texture on the painter";
	EXPECT_EQ(slot.submitted(), 4u);
	EXPECT_EQ(slot.painted(), 2u) << "the two jobs overtaken before they started must not be painted";
}

TEST(PaintWorker, ASlotDiesWithoutWaitingForItsRunningJob)
{
	std::atomic<bool> release{false};
	std::atomic<bool> started{false};
	auto keep_worker = std::make_unique<PaintSlot>(); // the painter outlives the dying slot
	{
		PaintSlot slot;
		slot.submit([&] {
			started = true;
			while (!release)
				std::this_thread::sleep_for(std::chrono::milliseconds(1));
			return filled(8, 8, Qt::green);
		});
		while (!started)
			std::this_thread::sleep_for(std::chrono::milliseconds(1));
		slot.submit([] { return filled(9, 9, Qt::green); }); // queued, dropped with the slot
	} // returns at once although the job is still running
	release = true;
	keep_worker->submit([] { return filled(3, 3, Qt::white); });
	const auto image = wait_for_image(*keep_worker);
	ASSERT_TRUE(image) << "the painter stopped after a slot died";
	EXPECT_EQ(image->image.width(), 3);
}

TEST(VisibleBands, KeepOnlyTheNonTransparentColumnsOfEachBand)
{
	QImage image = filled(100, 64, Qt::transparent);
	for (int y = 20; y < 30; ++y)
		for (int x = 10; x < 40; ++x)
			image.setPixelColor(x, y, QColor(255, 255, 255, 128));
	const VisibleBands bands = VisibleBands::of(image);
	// Rows 20..29 fall in the bands at 16 and 32... only band 16 (rows 16..31) holds them.
	ASSERT_EQ(bands.rects.size(), 1u);
	EXPECT_EQ(bands.rects[0], (VisibleBands::Rect{10, 16, 30, 16}));
	EXPECT_EQ(bands.area(), 30u * 16u);
	EXPECT_TRUE(VisibleBands::of(filled(50, 40, Qt::transparent)).rects.empty());
	const VisibleBands full = VisibleBands::of(filled(50, 40, Qt::black));
	ASSERT_EQ(full.rects.size(), 1u) << "neighbouring bands of the same columns are merged";
	EXPECT_EQ(full.rects[0], (VisibleBands::Rect{0, 0, 50, 40}));
}

} // namespace
