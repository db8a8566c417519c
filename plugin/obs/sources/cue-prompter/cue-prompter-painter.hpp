#pragma once

#include <string>

#include <QImage>

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
};

// Rasterises the prompter with Qt. Text changes rarely (a cue change), the timer once a second;
// each is its own image so a clock tick never re-renders the script text.
class CuePrompterPainter {
public:
	/// Everything but the timer: segment name, current cue, keywords, next cue. Transparent
	/// background (the renderer fills it), size style.width × style.height.
	static QImage paint_text(const script::CueView &view, const CuePrompterStyle &style,
				 const CuePrompterLabels &labels);

	/// "mm:ss / mm:ss" (elapsed / planned), coloured as a warning on overrun; sized to the header.
	static QImage paint_timer(const script::CueView &view, const CuePrompterStyle &style,
				  const CuePrompterLabels &labels);

	/// The timer's text for a view; the renderer re-paints the timer only when this changes.
	static std::string timer_text(const script::CueView &view, const CuePrompterLabels &labels);
};

} // namespace lcs::obs
