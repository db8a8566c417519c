#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "core/script/cue_navigator.hpp"
#include "core/session/command.hpp"
#include "core/util/command_queue.hpp"

namespace lcs::session {

// What observers (overlays, dock, websocket) read: immutable once published, replaced whole at
// each tick where something changed; `version` grows with every change.
struct Snapshot {
	uint64_t version = 0;
	std::shared_ptr<const pack::Library> library;
	script::CueView cue;
};

// The one place session state changes. submit() may be called from any thread; tick() from one
// thread only (inside OBS: the video thread, through a libobs tick callback; in the CLI: the
// fast-forward loop). Observers call snapshot() from any thread.
class Controller {
public:
	Controller();

	void submit(Command command);
	/// Applies queued commands in order, then advances the clock by dt_ms.
	void tick(int64_t dt_ms);
	[[nodiscard]] std::shared_ptr<const Snapshot> snapshot() const;

	/// Navigation events of the last tick (the session log in the live room writes them).
	script::NavigationEvents take_navigation_events();

private:
	void apply(const Command &command);
	void publish();

	util::CommandQueue<Command> queue_;
	std::optional<script::CueNavigator> navigator_;
	script::NavigationEvents pending_events_;
	uint64_t version_ = 0;
	int64_t last_published_second_ = -1;

	mutable std::mutex snapshot_mutex_;
	std::shared_ptr<const Snapshot> snapshot_;
};

} // namespace lcs::session
