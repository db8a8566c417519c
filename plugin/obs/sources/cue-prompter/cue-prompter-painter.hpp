#pragma once

#include <optional>
#include <string>

#include <QImage>

#include "core/compliance/finding.hpp"
#include "core/script/cue_view.hpp"
#include "sources/cue-prompter/cue-prompter-layout.hpp"

namespace lcs::obs {

// Localised words the prompter draws around the script text.
struct CuePrompterLabels {
	std::string empty;    // shown when no pack is loaded
	std::string next;     // "Next" / "下一句"
	std::string keywords; // "Say" / "关键词"
	std::string paused;   // "Paused" / "已暂停"
	std::string finished; // after the last cue
	std::string ban;      // the badge of a cue with a banned term: "Banned" / "违禁"
	std::string caution;  // … with a term to use with care: "Caution" / "注意"
	std::string instead;  // before the suggestion: "Say instead:" / "建议："
};

// The compliance mark on the current cue (its first flag, Snapshot::cue_findings), so the trainee
// rewrites it before saying it: a stripe and a badge in the severity's colour, and the suggestion.
struct CueMark {
	compliance::Severity severity = compliance::Severity::caution;
	std::string term;
	std::string suggestion;
	bool operator==(const CueMark &) const = default;

	/// The mark for a cue's findings; none when it has no ban or caution.
	static std::optional<CueMark> of(const compliance::Findings &findings);
	/// Opaque red (ban) or amber (caution), 0xAARRGGBB.
	[[nodiscard]] uint32_t argb() const;
};

// Rasterises the prompter with Qt. Text changes rarely (a cue change), the timer once a second;
// each is its own image so a clock tick never re-renders the script text.
class CuePrompterPainter {
public:
	/// Everything but the timer: segment name, current cue, keywords, next cue. Transparent
	/// background (the renderer fills it), size style.width × style.height.
	static QImage paint_text(const script::CueView &view, const CuePrompterStyle &style,
				 const CuePrompterLabels &labels, const std::optional<CueMark> &mark = std::nullopt);

	/// "mm:ss / mm:ss" (elapsed / planned), coloured as a warning on overrun; sized to the header.
	static QImage paint_timer(const script::CueView &view, const CuePrompterStyle &style,
				  const CuePrompterLabels &labels);

	/// The timer's text for a view; the renderer re-paints the timer only when this changes.
	static std::string timer_text(const script::CueView &view, const CuePrompterLabels &labels);
};

} // namespace lcs::obs
