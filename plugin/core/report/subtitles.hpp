#pragma once

#include <string>

#include "core/report/session_report.hpp"

namespace lcs::report {

/// WebVTT captions at video time (cues, questions, orders, flags) for players such as VLC and
/// mpv next to the recording. Session time is used when the log has no recording_start.
std::string to_webvtt(const SessionReport &report);

/// One chapter per segment in FFmpeg's metadata format (ffmpeg -i video -i chapters -map_metadata 1).
std::string to_ffmetadata_chapters(const SessionReport &report);

/// CSV of one table: metrics, segments, products, orders, comments, traffic (per viewer source),
/// minutes (per minute: viewers and impressions by source, questions asked/answered/waiting) or
/// ad_spend (each purchase of paid traffic) or compliance (each compliance flag). Empty when unknown.
std::string to_csv(const SessionReport &report, const std::string &table);

} // namespace lcs::report
