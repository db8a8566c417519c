#include "studio/transcript-source.hpp"

#include <algorithm>

#include <obs.hpp>
#include <util/platform.h>

#include "core/log/log.hpp"

namespace lcs::obs {
namespace {

constexpr uint64_t kSearchIntervalNs = 1'000'000'000; // look for a missing source once a second

int64_t now_ms()
{
	return static_cast<int64_t>(os_gettime_ns() / 1'000'000);
}

std::string text_of(obs_source_t *source)
{
	OBSDataAutoRelease settings = obs_source_get_settings(source);
	const char *text = settings ? obs_data_get_string(settings, "text") : nullptr;
	return text ? text : "";
}

bool is_text_source(obs_source_t *source)
{
	const char *id = obs_source_get_unversioned_id(source);
	const std::string type = id ? id : "";
	if (type == "text_ft2_source" || type == "text_gdiplus")
		return true;
	OBSDataAutoRelease settings = obs_source_get_settings(source);
	if (!settings)
		return false;
	obs_data_item_t *item = obs_data_item_byname(settings, "text");
	const bool has_text = item && obs_data_item_gettype(item) == OBS_DATA_STRING;
	obs_data_item_release(&item);
	return has_text;
}

} // namespace

TranscriptSource::Watch::Watch(obs_source_t *source, TranscriptSource *owner)
	: weak_(obs_source_get_weak_source(source)), owner_(owner)
{
	signal_handler_connect(obs_source_get_signal_handler(source), "update", &TranscriptSource::on_update, owner_);
}

TranscriptSource::Watch::~Watch()
{
	// Only a live source still has its signal handler; libobs holds the signal's lock while it
	// calls back, so once disconnected no callback of ours runs.
	if (OBSSourceAutoRelease source = obs_weak_source_get_source(weak_))
		signal_handler_disconnect(obs_source_get_signal_handler(source), "update", &TranscriptSource::on_update,
					  owner_);
	obs_weak_source_release(weak_);
}

bool TranscriptSource::Watch::lost() const
{
	OBSSourceAutoRelease source = obs_weak_source_get_source(weak_);
	return !source || obs_source_removed(source);
}

TranscriptSource::TranscriptSource(Submit submit) : submit_(std::move(submit))
{
	obs_add_tick_callback(&TranscriptSource::on_tick, this);
}

TranscriptSource::~TranscriptSource()
{
	obs_remove_tick_callback(&TranscriptSource::on_tick, this);
	watch_.reset();
}

void TranscriptSource::follow(const std::string &name)
{
	std::lock_guard lock(mutex_);
	if (name == wanted_)
		return;
	wanted_ = name;
	++wanted_version_;
	follower_.reset();
}

std::string TranscriptSource::followed() const
{
	std::lock_guard lock(mutex_);
	return wanted_;
}

bool TranscriptSource::watching() const
{
	std::lock_guard lock(mutex_);
	return watching_;
}

void TranscriptSource::on_update(void *param, calldata_t *data)
{
	auto *self = static_cast<TranscriptSource *>(param);
	if (auto *source = static_cast<obs_source_t *>(calldata_ptr(data, "source")))
		self->text_changed(source);
}

void TranscriptSource::on_tick(void *param, float)
{
	static_cast<TranscriptSource *>(param)->tick();
}

void TranscriptSource::text_changed(obs_source_t *source)
{
	// The video thread, right after the source applied its new settings.
	const std::string text = text_of(source);
	std::vector<session::SpeechText> out;
	{
		std::lock_guard lock(mutex_);
		if (!watching_)
			return;
		out = follower_.observe(text, now_ms());
	}
	submit_all(std::move(out));
}

void TranscriptSource::submit_all(std::vector<session::SpeechText> texts)
{
	for (auto &t : texts)
		submit_(std::move(t));
}

void TranscriptSource::tick()
{
	std::string wanted;
	uint64_t version = 0;
	std::vector<session::SpeechText> settled;
	{
		std::lock_guard lock(mutex_);
		wanted = wanted_;
		version = wanted_version_;
		if (watching_)
			settled = follower_.idle(now_ms());
	}
	submit_all(std::move(settled));

	const bool changed = version != watched_version_;
	if (changed || (watch_ && watch_->lost())) {
		if (watch_)
			lcs::log::logger()->info("transcript: no longer following text source '{}'", watched_name_);
		watch_.reset();
		std::lock_guard lock(mutex_);
		watching_ = false;
		if (changed)
			last_search_ns_ = 0;
	}
	watched_version_ = version;
	if (watch_ || wanted.empty())
		return;
	const uint64_t now = os_gettime_ns();
	if (last_search_ns_ != 0 && now - last_search_ns_ < kSearchIntervalNs)
		return;
	last_search_ns_ = now;
	OBSSourceAutoRelease source = obs_get_source_by_name(wanted.c_str());
	if (!source || obs_source_removed(source))
		return;
	watch_ = std::make_unique<Watch>(source, this);
	watched_name_ = wanted;
	const std::string shown = text_of(source);
	{
		std::lock_guard lock(mutex_);
		// What it shows now was said before the choice: only the next text is speech.
		follower_.baseline(shown);
		watching_ = true;
	}
	lcs::log::logger()->info("transcript: following text source '{}'", wanted);
}

std::vector<std::string> TranscriptSource::text_sources()
{
	std::vector<std::string> names;
	obs_enum_sources(
		[](void *param, obs_source_t *source) {
			if (is_text_source(source))
				if (const char *name = obs_source_get_name(source))
					static_cast<std::vector<std::string> *>(param)->push_back(name);
			return true;
		},
		&names);
	std::sort(names.begin(), names.end());
	return names;
}

} // namespace lcs::obs
