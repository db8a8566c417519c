// Leaving: each present viewer, each second, may leave. A viewer's patience is their persona's;
// dead air, an unanswered question and a room with nothing on offer shorten it, talk, trust, a
// pinned product, a live promotion and a fresh call for interaction lengthen it.
#include "core/audience/simulator.hpp"

namespace lcs::audience {

bool Simulator::stays(int viewer, int64_t t, const RoomMoment &m)
{
	const auto vi = static_cast<size_t>(viewer);
	const Persona &p = *mix_personas_[persona_[vi]];
	double hazard = 1.0 / p.patience_s;
	if (m.silence_s >= 3)
		hazard *= 1.0 + p.dead_air_sensitivity * (m.silence_s - 2.0) / 4.0;
	else if (m.talking)
		hazard *= 0.75;
	if (open_question_[vi] >= 0) {
		const double age = static_cast<double>(t - question_t_[vi]) / 1000.0;
		if (age > 15)
			hazard *= 1.0 + age / 30.0;
	}
	hazard *= 1.0 - 0.4 * trust_[vi];
	if (m.pinned)
		hazard *= 0.7;
	if (m.promo_live)
		hazard /= 1.0 + 0.5 * p.promo_attraction;
	if (m.interaction_recent)
		hazard *= 0.8;
	return !rng_.chance(hazard);
}

} // namespace lcs::audience
