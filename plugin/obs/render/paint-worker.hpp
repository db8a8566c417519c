#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QImage>

#include "render/swatches.hpp"
#include "render/visible-bands.hpp"

namespace lcs::obs::render {

/// Paints one image from data it owns (copies made on the video thread); runs on the painter
/// thread, so it must not touch the source, the studio or OBS state.
using PaintJob = std::function<QImage()>;

/// An image the painter finished (RGBA8888), with the parts of its picture that are not fully
/// transparent and the solid colours the job asked to keep below the picture.
struct PaintedImage {
	QImage image;
	VisibleBands bands;
	Swatches swatches;
};

class PaintWorker;

// One source's mailbox with the module's painter thread ("lcs-painter"), so Qt painting never
// runs on OBS's video thread and the video thread never waits for it:
//   submit()  (the video thread, in video_tick) replaces any job the painter has not started:
//             changes arriving faster than it paints are coalesced to the newest;
//   take()    (the graphics context, in video_render) returns the newest finished image, if any.
// Ownership: the slot's state is shared with the painter while a job of it is queued or running,
// so a slot may die at any time without waiting (a running job then paints into a state nobody
// reads, freed by the painter). The painter thread itself lives as long as any slot does; the
// last slot to go joins it (a source's destroy, never video_tick/render), so no thread of ours
// outlives the module.
class PaintSlot {
public:
	PaintSlot();
	~PaintSlot();
	PaintSlot(const PaintSlot &) = delete;
	PaintSlot &operator=(const PaintSlot &) = delete;

	/// Queues `job`, dropping a job of this slot not started yet. Never blocks on painting.
	/// `swatches`: solid colours to keep on the image, below what the job paints (swatches.hpp).
	void submit(PaintJob job, std::vector<uint32_t> swatches = {});
	/// The newest image painted since the last take(). Never blocks on painting.
	std::optional<PaintedImage> take();

	/// Jobs submitted, and jobs painted (the difference: coalesced away or still to come).
	[[nodiscard]] uint64_t submitted() const;
	[[nodiscard]] uint64_t painted() const;

	struct State; // shared with the painter thread (paint-worker.cpp)

private:
	std::shared_ptr<State> state_;
	std::shared_ptr<PaintWorker> worker_;
};

} // namespace lcs::obs::render
