// obs_source_info of lcs_voice_meter: the audio thread measures, the session is told on change.
#include "filters/voice-meter-filter.hpp"

#include <algorithm>
#include <mutex>

#include <obs-module.h>

#include "core/audio/voice_activity.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

void tell_session(std::optional<bool> change)
{
	if (change)
		if (Studio *studio = Studio::get())
			studio->submit(session::Voice{*change});
}

class VoiceMeter {
public:
	VoiceMeter(obs_data_t *settings, obs_source_t *filter) : filter_(filter), activity_(audio::VoiceActivity::Options{})
	{
		update(settings);
		signal_handler_connect(obs_source_get_signal_handler(filter_), "enable", &VoiceMeter::on_enable, this);
	}

	~VoiceMeter()
	{
		signal_handler_disconnect(obs_source_get_signal_handler(filter_), "enable", &VoiceMeter::on_enable, this);
		stop_hearing();
	}

	void update(obs_data_t *settings)
	{
		audio::VoiceActivity::Options o;
		o.threshold_db = static_cast<double>(obs_data_get_double(settings, "threshold_db"));
		o.hold_ms = std::clamp<long long>(obs_data_get_int(settings, "hold_ms"), 100, 3000);
		std::lock_guard lock(mutex_);
		activity_.set_options(o);
	}

	/// Audio thread. Planar float channels at OBS's sample rate (libobs resamples a source's
	/// audio before its filters); the level is the loudest channel's RMS.
	void process(const obs_audio_data *audio)
	{
		if (!audio || audio->frames == 0)
			return;
		const uint32_t rate = audio_output_get_sample_rate(obs_get_audio());
		const size_t channels = audio_output_get_channels(obs_get_audio());
		double level = -120.0;
		for (size_t c = 0; c < channels && c < MAX_AV_PLANES; ++c)
			if (audio->data[c])
				level = std::max(level, audio::rms_dbfs(reinterpret_cast<const float *>(audio->data[c]), audio->frames));
		std::optional<bool> change;
		{
			std::lock_guard lock(mutex_);
			// A block already on its way when the filter was disabled must not undo the silence.
			if (!obs_source_enabled(filter_))
				return;
			change = activity_.feed(level, audio->frames, rate);
		}
		tell_session(change);
	}

	/// The audio stopped reaching the meter (filter disabled, removed or destroyed): OBS calls
	/// filter_audio no more, so a host who was talking must be silent for the session now, or
	/// dead air would never be measured again. Audio arriving later starts afresh.
	void stop_hearing()
	{
		std::optional<bool> change;
		{
			std::lock_guard lock(mutex_);
			change = activity_.reset();
		}
		tell_session(change);
	}

private:
	static void on_enable(void *data, calldata_t *cd)
	{
		if (!calldata_bool(cd, "enabled"))
			static_cast<VoiceMeter *>(data)->stop_hearing();
	}

	obs_source_t *filter_; // the filter source that owns this
	std::mutex mutex_;
	audio::VoiceActivity activity_;
};

VoiceMeter *self(void *data)
{
	return static_cast<VoiceMeter *>(data);
}

} // namespace

void register_voice_meter_filter()
{
	obs_source_info info = {};
	info.id = kVoiceMeterFilterId;
	info.type = OBS_SOURCE_TYPE_FILTER;
	info.output_flags = OBS_SOURCE_AUDIO;
	info.get_name = [](void *) { return obs_module_text("VoiceMeter.Name"); };
	info.create = [](obs_data_t *settings, obs_source_t *filter) -> void * { return new VoiceMeter(settings, filter); };
	info.destroy = [](void *data) { delete self(data); };
	info.update = [](void *data, obs_data_t *settings) { self(data)->update(settings); };
	info.filter_remove = [](void *data, obs_source_t *) { self(data)->stop_hearing(); };
	info.get_defaults = [](obs_data_t *settings) {
		obs_data_set_default_double(settings, "threshold_db", -40.0);
		obs_data_set_default_int(settings, "hold_ms", 400);
	};
	info.get_properties = [](void *) {
		obs_properties_t *props = obs_properties_create();
		obs_property_t *t = obs_properties_add_float_slider(props, "threshold_db", obs_module_text("VoiceMeter.Threshold"),
								    -80.0, -10.0, 0.5);
		obs_property_float_set_suffix(t, " dB");
		obs_property_t *h = obs_properties_add_int_slider(props, "hold_ms", obs_module_text("VoiceMeter.Hold"), 100, 3000, 50);
		obs_property_int_set_suffix(h, " ms");
		return props;
	};
	info.filter_audio = [](void *data, obs_audio_data *audio) {
		self(data)->process(audio);
		return audio;
	};
	obs_register_source(&info);
}

} // namespace lcs::obs
