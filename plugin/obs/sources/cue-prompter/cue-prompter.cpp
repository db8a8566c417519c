#include "sources/cue-prompter/cue-prompter.hpp"

#include <algorithm>

#include <obs-module.h>

#include "studio/studio.hpp"

namespace lcs::obs {

namespace {

/// The segment bar's track: the text colour at a quarter opacity.
uint32_t bar_track_colour(const CuePrompterStyle &style)
{
	return (style.text_color & 0x00FFFFFF) | 0x40000000;
}

} // namespace

CuePrompterLabels CuePrompter::localised_labels()
{
	CuePrompterLabels labels;
	labels.empty = obs_module_text("CuePrompter.Empty");
	labels.next = obs_module_text("CuePrompter.Next");
	labels.keywords = obs_module_text("CuePrompter.Keywords");
	labels.paused = obs_module_text("CuePrompter.Paused");
	labels.finished = obs_module_text("CuePrompter.Finished");
	labels.ban = obs_module_text("CuePrompter.Ban");
	labels.caution = obs_module_text("CuePrompter.Caution");
	labels.instead = obs_module_text("CuePrompter.Instead");
	return labels;
}

CuePrompter::CuePrompter(obs_data_t *settings, obs_source_t *source)
	: source_(source), pack_status_(std::make_shared<PackStatus>()), labels_(localised_labels())
{
	apply_style(settings);
	choose_pack(settings, true);
}

void CuePrompter::PackStatus::set(std::string t, bool e)
{
	std::lock_guard lock(mutex);
	text = std::move(t);
	error = e;
}

void CuePrompter::choose_pack(obs_data_t *settings, bool created)
{
	const std::string choice = obs_data_get_string(settings, "pack");
	const std::string custom_file = choice == kCustomPack ? obs_data_get_string(settings, "pack_file") : "";
	std::string setting = choice + '\n' + custom_file;
	if (!created && setting == pack_setting_)
		return; // a colour, a size...: the script and the session are not touched
	pack_setting_ = std::move(setting);
	Studio *studio = Studio::get();
	if (!studio || choice.empty())
		return;
	const auto how = created ? Studio::Choice::IfNoneInUse : Studio::Choice::Replace;
	if (choice == kNoPack) {
		pack_status_->set({}, false);
		if (!created) // chosen here: close the script; a new prompter never closes one in use
			studio->request_packs({}, how);
		return;
	}
	const std::string file = choice == kCustomPack ? custom_file : studio->bundled_pack_path(choice);
	if (file.empty()) {
		if (choice == kCustomPack)
			pack_status_->set({}, false);
		else
			pack_status_->set(std::string(obs_module_text("CuePrompter.PackMissing")) + " " + choice, true);
		return;
	}
	studio->request_packs({file}, how, [status = pack_status_, file](const Studio::LoadOutcome &outcome) {
		if (outcome.unchanged || outcome.kept)
			return;
		std::string problems;
		for (const auto &d : outcome.diagnostics)
			problems += d.to_string() + "\n";
		if (outcome.loaded)
			status->set(std::string(obs_module_text("CuePrompter.PackLoaded")) + " " + file, false);
		else
			status->set(std::string(obs_module_text("CuePrompter.PackFailed")) + "\n" + problems, true);
	});
}

std::string CuePrompter::pack_status(bool *is_error) const
{
	std::lock_guard lock(pack_status_->mutex);
	*is_error = pack_status_->error;
	return pack_status_->text;
}

void CuePrompter::update(obs_data_t *settings)
{
	apply_style(settings);
	choose_pack(settings, false);
}

void CuePrompter::apply_style(obs_data_t *settings)
{
	auto style = CuePrompterStyle::from_settings(settings);
	std::lock_guard lock(settings_mutex_);
	style_ = std::move(style);
	++style_version_;
}

void CuePrompter::tick(float /*seconds*/)
{
	bool style_changed = false;
	{
		std::lock_guard lock(settings_mutex_);
		if (style_version_ != ticked_style_version_) {
			style_changed = !(style_ == ticked_style_) || !ticked_view_;
			ticked_style_ = style_;
			ticked_style_version_ = style_version_;
		}
	}

	// One snapshot a tick, read in place: the view is copied only into a job that paints it.
	const Studio *studio = Studio::get();
	const std::shared_ptr<const session::Snapshot> snap = studio ? studio->snapshot() : nullptr;
	static const script::CueView no_view;
	const script::CueView &view = snap ? snap->cue : no_view;
	std::optional<CueMark> mark;
	if (snap && view.has_script && !view.cue_text.empty())
		mark = CueMark::of(snap->cue_findings);
	// The painter thread rasterises; jobs carry copies of what they draw.
	const bool text = style_changed || !ticked_view_ || !view.same_text_as(*ticked_view_) || mark != ticked_mark_;
	if (text) {
		text_layer_.submit(
			[view, style = ticked_style_, labels = labels_, mark] {
				return CuePrompterPainter::paint_text(view, style, labels, mark);
			},
			{ticked_style_.background_with_opacity(), bar_track_colour(ticked_style_), ticked_style_.accent_color,
			 ticked_style_.warning_color});
		ticked_view_ = view; // what the text shows (only its text parts are compared)
	}
	ticked_mark_ = mark;
	const std::string timer_text = CuePrompterPainter::timer_text(view, labels_);
	if (text || timer_text != ticked_timer_) {
		timer_layer_.submit([view, style = ticked_style_, labels = labels_] {
			return CuePrompterPainter::paint_timer(view, style, labels);
		});
		ticked_timer_ = timer_text;
	}

	std::lock_guard lock(frame_mutex_);
	if (style_changed || !frame_.bar)
		frame_.style = ticked_style_;
	frame_.bar = Bar{view.has_script, view.segment_elapsed_ms, view.segment_planned_ms};
}

void CuePrompter::render()
{
	CuePrompterStyle style;
	std::optional<Bar> view;
	{
		std::lock_guard lock(frame_mutex_);
		style = frame_.style;
		view = frame_.bar;
	}
	text_layer_.sync();
	timer_layer_.sync();
	if (!view)
		return; // not ticked yet: nothing to show

	const auto layout = CuePrompterLayout::compute(style);
	const auto w = static_cast<float>(style.width);
	const auto h = static_cast<float>(style.height);

	const enum gs_cull_mode previous_cull = gs_get_cull_mode();
	gs_set_cull_mode(GS_NEITHER);
	gs_blend_state_push();
	gs_reset_blend_state();
	gs_matrix_push();
	if (style.mirror) {
		gs_matrix_translate3f(w, 0.0f, 0.0f);
		gs_matrix_scale3f(-1.0f, 1.0f, 1.0f);
	}

	// The panel, the cue's text, then the segment bar under the timer: one draw call (the
	// rectangles' colours are kept on the text's texture, see render/swatches.hpp).
	const std::vector<render::SolidRect> under{{0.0f, 0.0f, w, h, style.background_with_opacity()}};
	std::vector<render::SolidRect> over;
	const bool bar = view->has_script && style.show_timer && layout.bar.h > 0;
	if (bar) {
		const auto &v = *view;
		const float bx = static_cast<float>(layout.bar.x);
		const float by = static_cast<float>(layout.bar.y);
		const float bw = static_cast<float>(layout.bar.w);
		const float bh = static_cast<float>(layout.bar.h);
		const bool overrun = v.planned_ms > 0 && v.elapsed_ms > v.planned_ms;
		const float ratio = v.planned_ms > 0
					    ? std::clamp(static_cast<float>(v.elapsed_ms) / static_cast<float>(v.planned_ms),
							 0.0f, 1.0f)
					    : 0.0f;
		over.push_back({bx, by, bw, bh, bar_track_colour(style)});
		over.push_back({bx, by, bw * ratio, bh, overrun ? style.warning_color : style.accent_color});
	}
	text_layer_.draw(0.0f, 0.0f, under, over);
	if (bar)
		timer_layer_.draw(static_cast<float>(layout.header.x + layout.header.w) -
					  static_cast<float>(timer_layer_.width()),
				  static_cast<float>(layout.header.y));

	gs_matrix_pop();
	gs_blend_state_pop();
	gs_set_cull_mode(previous_cull);
}

uint32_t CuePrompter::width() const
{
	std::lock_guard lock(settings_mutex_);
	return static_cast<uint32_t>(style_.width);
}

uint32_t CuePrompter::height() const
{
	std::lock_guard lock(settings_mutex_);
	return static_cast<uint32_t>(style_.height);
}

} // namespace lcs::obs
