#pragma once

namespace lcs::obs {

/// True inside the OBS application (a QApplication with the frontend API behind it); false in a
/// bare libobs host such as the integration tests, where frontend calls would only warn.
bool frontend_available();

} // namespace lcs::obs
