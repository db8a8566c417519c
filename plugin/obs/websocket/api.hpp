#pragma once

namespace lcs::obs {

/// The obs-websocket vendor "live-commerce-studio" (contract.md section 4; docs/websocket-api.md):
/// its requests, and its events emitted from the session's changes. Called after all modules
/// loaded; a no-op when obs-websocket is absent.
void start_websocket_api();
/// Emits the vendor events for what changed in the last tick (video thread).
void emit_websocket_events();
void stop_websocket_api();

} // namespace lcs::obs
