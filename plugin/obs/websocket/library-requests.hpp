#pragma once

#include "websocket/vendor.hpp"

namespace lcs::obs {

/// The team-library requests of the vendor (docs/websocket-api.md): SyncLibrary, GetLibraries.
void add_library_requests(websocket::Vendor &vendor);

} // namespace lcs::obs
