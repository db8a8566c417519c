// Requests and events of the obs-websocket vendor "live-commerce-studio".
#include "websocket/api.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <set>

#include <obs.hpp>

#include "core/log/log.hpp"
#include "studio/frontend.hpp"
#include "studio/practice-collection.hpp"
#include "studio/studio.hpp"
#include "websocket/library-requests.hpp"
#include "websocket/request-args.hpp"
#include "websocket/request-fields.hpp"
#include "websocket/speech-requests.hpp"
#include "websocket/traffic-requests.hpp"
#include "websocket/vendor.hpp"

namespace lcs::obs {
namespace {

websocket::Vendor g_vendor;
std::atomic<long long> g_comment_counter{1};
std::string g_last_session;        // video thread

using websocket::fail;
using websocket::ok;

/// The studio for one request (obs-websocket's threads may still run while OBS unloads us: the
/// lease keeps the studio until the request is done).
Studio::Lease studio_or_fail(obs_data_t *response)
{
	Studio::Lease studio = Studio::lease();
	if (!studio)
		fail(response, "Live Commerce Studio is not running");
	return studio;
}

constexpr size_t kStatusQuestions = 50;

void get_status(obs_data_t *, obs_data_t *response)
{
	const auto studio = studio_or_fail(response);
	if (!studio)
		return;
	const auto s = studio->snapshot();
	ok(response);
	obs_data_set_bool(response, "sessionRunning", s->session_running);
	obs_data_set_string(response, "sessionId", s->session_id.c_str());
	obs_data_set_string(response, "scenarioId", s->scenario_id.c_str());
	obs_data_set_string(response, "logPath", s->log_path.c_str());
	obs_data_set_int(response, "elapsedMs", s->now_ms);
	// Empty while the session log is written; otherwise why it cannot be (a full disk: path and OS reason).
	obs_data_set_string(response, "logError", s->log_error.c_str());
	obs_data_set_bool(response, "hasScript", s->cue.has_script);
	obs_data_set_string(response, "segmentId", s->cue.segment_id.c_str());
	obs_data_set_string(response, "segmentName", s->cue.segment_name.c_str());
	obs_data_set_string(response, "cueId", s->cue.cue_id.c_str());
	obs_data_set_string(response, "cueText", s->cue.cue_text.c_str());
	obs_data_set_string(response, "nextCueText", s->cue.next_cue_text.c_str());
	obs_data_set_string(response, "pinnedSku", s->pinned_sku.c_str());
	if (s->pinned)
		obs_data_set_int(response, "pinnedPriceCents", s->pinned->price_cents);
	OBSDataArrayAutoRelease promos = obs_data_array_create();
	for (const auto &id : s->running_promotions) {
		OBSDataAutoRelease item = obs_data_create();
		obs_data_set_string(item, "promoId", id.c_str());
		obs_data_array_push_back(promos, item);
	}
	obs_data_set_array(response, "runningPromotions", promos);
	obs_data_set_int(response, "viewers", s->viewers);
	obs_data_set_int(response, "orders", s->orders);
	obs_data_set_int(response, "gmvCents", s->gmv_cents);
	// The oldest open questions (those to answer first), at most kStatusQuestions: a room whose
	// questions nobody answers must not make every poll bigger and slower (2 000 open: 180 KB, 7/s).
	OBSDataArrayAutoRelease questions = obs_data_array_create();
	const size_t listed = std::min(s->open_questions.size(), kStatusQuestions);
	obs_data_set_int(response, "openQuestionCount", static_cast<long long>(s->open_questions.size()));
	for (size_t i = 0; i < listed; ++i) {
		const auto &q = s->open_questions[i];
		OBSDataAutoRelease item = obs_data_create();
		obs_data_set_string(item, "commentId", q.comment_id.c_str());
		obs_data_set_string(item, "text", q.text.c_str());
		obs_data_set_int(item, "t", q.t);
		obs_data_array_push_back(questions, item);
	}
	obs_data_set_array(response, "openQuestions", questions);
	obs_data_set_string(response, "lastRefusal", s->last_refusal.c_str());
	add_traffic_status(*s, response);
	add_speech_status(*s, studio->transcript(), response);
}

void start_session(obs_data_t *request, obs_data_t *response)
{
	const auto studio = studio_or_fail(response);
	websocket::StartSessionArgs args;
	if (!studio || !websocket::read_start_session(request, args, response))
		return;
	const auto s = studio->snapshot();
	if (s->library && !args.scenario.empty() && !s->library->scenario(args.scenario)) {
		fail(response, "field 'scenarioId': no scenario '" + args.scenario + "' in the script in use");
		return;
	}
	studio->start_session(args.scenario, args.trainee, args.seed);
	ok(response);
}

void simple(obs_data_t *response, session::Command command)
{
	if (const auto studio = studio_or_fail(response)) {
		studio->submit(std::move(command));
		ok(response);
	}
}

void pin_product(obs_data_t *request, obs_data_t *response)
{
	const auto studio = studio_or_fail(response);
	std::string sku;
	if (!studio || !websocket::read_id(request, "sku", sku, response))
		return;
	if (sku.empty())
		return simple(response, session::PinNextProduct{});
	const auto s = studio->snapshot();
	if (!s->library || !s->library->product(sku)) {
		fail(response, "field 'sku': no product '" + sku + "' in the script in use");
		return;
	}
	simple(response, session::PinProduct{sku});
}

void start_promotion(obs_data_t *request, obs_data_t *response)
{
	const auto studio = studio_or_fail(response);
	std::string id;
	if (!studio || !websocket::read_id(request, "promoId", id, response))
		return;
	const auto s = studio->snapshot();
	if (!s->library) {
		fail(response, "no script pack in use");
		return;
	}
	if (id.empty()) {
		// The current segment's first promotion not running, else the show's first not running.
		std::vector<std::string> candidates;
		for (const auto *seg : s->library->segments())
			if (seg->id == s->cue.segment_id)
				for (const auto &cue : seg->cues)
					if (cue.promotion)
						candidates.push_back(*cue.promotion);
		for (const auto *p : s->library->promotions())
			candidates.push_back(p->id);
		for (const auto &c : candidates)
			if (std::find(s->running_promotions.begin(), s->running_promotions.end(), c) == s->running_promotions.end()) {
				id = c;
				break;
			}
		if (id.empty()) {
			fail(response, "every promotion of the script is already running");
			return;
		}
	} else if (!s->library->promotion(id)) {
		fail(response, "field 'promoId': no promotion '" + id + "' in the script in use");
		return;
	}
	studio->submit(session::StartPromotion{id});
	ok(response);
	obs_data_set_string(response, "promoId", id.c_str());
}

void stop_promotion(obs_data_t *request, obs_data_t *response)
{
	const auto studio = studio_or_fail(response);
	std::string id;
	if (!studio || !websocket::read_id(request, "promoId", id, response))
		return;
	const auto s = studio->snapshot();
	if (!id.empty()) {
		if (std::find(s->running_promotions.begin(), s->running_promotions.end(), id) == s->running_promotions.end()) {
			fail(response, "field 'promoId': promotion '" + id + "' is not running");
			return;
		}
		return simple(response, session::StopPromotion{id});
	}
	for (const auto &running : s->running_promotions) // no id: stop them all
		studio->submit(session::StopPromotion{running});
	ok(response);
}

void answer_comment(obs_data_t *request, obs_data_t *response)
{
	const auto studio = studio_or_fail(response);
	std::string id;
	if (!studio || !websocket::read_id(request, "commentId", id, response))
		return;
	const auto s = studio->snapshot();
	if (s->open_questions.empty() && id.empty()) {
		fail(response, "no open question to answer");
		return;
	}
	if (!id.empty() && std::none_of(s->open_questions.begin(), s->open_questions.end(),
					[&](const auto &q) { return q.comment_id == id; })) {
		fail(response, "field 'commentId': no open question '" + id + "'");
		return;
	}
	const std::string answered = id.empty() ? s->open_questions.front().comment_id : id;
	studio->submit(session::AnswerComment{answered});
	ok(response);
	obs_data_set_string(response, "commentId", answered.c_str());
}

void inject_comment(obs_data_t *request, obs_data_t *response)
{
	const auto studio = studio_or_fail(response);
	websocket::InjectCommentArgs args;
	if (!studio || !websocket::read_inject_comment(request, args, response))
		return;
	const auto s = studio->snapshot();
	const bool zh = s->library && s->library->language().rfind("zh", 0) == 0;
	session::InjectComment c;
	c.text = args.text.empty() ? (zh ? "这个多少钱？什么时候发货？" : "How much is it, and when does it ship?") : args.text;
	c.kind = args.kind.empty() ? "question" : args.kind;
	c.viewer = args.viewer.empty() ? "coach" : args.viewer;
	c.comment_id = "k-ws-" + std::to_string(g_comment_counter++);
	studio->submit(c);
	ok(response);
	obs_data_set_string(response, "commentId", c.comment_id.c_str());
}

void emit(const char *type, const std::function<void(obs_data_t *)> &fill)
{
	OBSDataAutoRelease data = obs_data_create();
	fill(data);
	g_vendor.emit(type, data);
}

/// Creates (or switches to) the practice scene collection, as the desk's button does.
void create_practice_scene(obs_data_t *, obs_data_t *response)
{
	bool keep = false;
	if (const auto studio = Studio::lease()) // released before waiting for the UI thread
		keep = !studio->files_in_use().empty();
	auto outcome = std::make_shared<PracticeCollectionOutcome>(); // the UI call may outlive a time-out
	switch (run_on_ui_thread([outcome, keep] { *outcome = create_practice_collection(keep); })) {
	case UiCall::NoFrontend:
		fail(response, "the practice scene collection needs OBS's main window (not available here)");
		return;
	case UiCall::TimedOut:
		fail(response, "OBS's main window did not answer in time (busy); try again");
		return;
	case UiCall::Closing:
		fail(response, "OBS is closing");
		return;
	case UiCall::Done:
		break;
	}
	static constexpr const char *kStatus[] = {"created", "switched", "already_open", "failed"};
	OBSDataArrayAutoRelease problems = obs_data_array_create();
	for (const auto &p : outcome->problems) {
		OBSDataAutoRelease item = obs_data_create();
		obs_data_set_string(item, "problem", p.c_str());
		obs_data_array_push_back(problems, item);
	}
	obs_data_set_array(response, "problems", problems);
	obs_data_set_string(response, "status", kStatus[static_cast<int>(outcome->status)]);
	obs_data_set_string(response, "collection", outcome->collection.c_str());
	if (outcome->status == PracticeCollectionStatus::Failed)
		fail(response, outcome->problems.empty() ? std::string("failed") : outcome->problems.front());
	else
		ok(response);
}

} // namespace

void start_websocket_api()
{
	g_last_session.clear(); // the module may be loaded again in the same process (a new libobs)
	g_comment_counter = 1;
	if (!g_vendor.attach("live-commerce-studio")) {
		lcs::log::logger()->info("obs-websocket not found: no remote control API");
		return;
	}
	g_vendor.add_request("GetStatus", get_status);
	g_vendor.add_request("StartSession", start_session);
	g_vendor.add_request("StopSession", [](obs_data_t *, obs_data_t *r) { simple(r, session::StopSession{}); });
	g_vendor.add_request("NextCue", [](obs_data_t *, obs_data_t *r) { simple(r, session::NextCue{}); });
	g_vendor.add_request("PreviousCue", [](obs_data_t *, obs_data_t *r) { simple(r, session::PreviousCue{}); });
	g_vendor.add_request("PinProduct", pin_product);
	g_vendor.add_request("StartPromotion", start_promotion);
	g_vendor.add_request("StopPromotion", stop_promotion);
	g_vendor.add_request("AnswerComment", answer_comment);
	g_vendor.add_request("InjectComment", inject_comment);
	g_vendor.add_request("CreatePracticeScene", create_practice_scene);
	add_traffic_requests(g_vendor);
	add_speech_requests(g_vendor);
	add_library_requests(g_vendor);
	lcs::log::logger()->info("obs-websocket vendor 'live-commerce-studio' registered");
}

void emit_websocket_events()
{
	if (!g_vendor.attached())
		return;
	Studio *studio = Studio::get();
	if (!studio)
		return;
	const auto snap = studio->snapshot();
	if (snap->session_running && snap->session_id != g_last_session) {
		g_last_session = snap->session_id;
		emit("SessionStarted", [&](obs_data_t *d) {
			obs_data_set_string(d, "sessionId", snap->session_id.c_str());
			obs_data_set_string(d, "scenarioId", snap->scenario_id.c_str());
			obs_data_set_string(d, "logPath", snap->log_path.c_str());
		});
	}
	for (const auto &e : studio->last_events()) {
		if (e.type == "cue_shown") {
			const auto s = studio->snapshot();
			emit("CueChanged", [&](obs_data_t *d) {
				obs_data_set_string(d, "cueId", e.fields.value("cue_id", "").c_str());
				obs_data_set_string(d, "segmentId", e.fields.value("segment_id", "").c_str());
				obs_data_set_string(d, "cueText", s->cue.cue_text.c_str());
				obs_data_set_int(d, "t", e.t);
			});
		} else if (e.type == "promo_start" || e.type == "promo_end" || e.type == "promo_tier") {
			emit("PromotionChanged", [&](obs_data_t *d) {
				obs_data_set_string(d, "promoId", e.fields.value("promo_id", "").c_str());
				obs_data_set_string(d, "change", e.type == "promo_start" ? "started" : e.type == "promo_end" ? "ended" : "tier");
				if (e.fields.contains("reason"))
					obs_data_set_string(d, "reason", e.fields["reason"].get<std::string>().c_str());
				if (e.fields.contains("tier")) {
					obs_data_set_int(d, "tier", e.fields["tier"].get<int64_t>());
					obs_data_set_int(d, "priceCents", e.fields["price_cents"].get<int64_t>());
				}
				obs_data_set_int(d, "t", e.t);
			});
		} else if (e.type == "comment") {
			emit("CommentPosted", [&](obs_data_t *d) {
				obs_data_set_string(d, "commentId", e.fields.value("comment_id", "").c_str());
				obs_data_set_string(d, "viewer", e.fields.value("viewer", "").c_str());
				obs_data_set_string(d, "text", e.fields.value("text", "").c_str());
				obs_data_set_string(d, "kind", e.fields.value("kind", "").c_str());
				obs_data_set_int(d, "t", e.t);
			});
		} else if (e.type == "order") {
			emit("OrderPlaced", [&](obs_data_t *d) {
				obs_data_set_string(d, "orderId", e.fields.value("order_id", "").c_str());
				obs_data_set_string(d, "sku", e.fields.value("sku", "").c_str());
				obs_data_set_int(d, "qty", e.fields.value("qty", int64_t{0}));
				obs_data_set_int(d, "amountCents", e.fields.value("amount_cents", int64_t{0}));
				obs_data_set_int(d, "t", e.t);
			});
		} else if (e.type == "session_end") {
			emit("SessionEnded", [&](obs_data_t *d) {
				obs_data_set_string(d, "sessionId", g_last_session.c_str());
				obs_data_set_string(d, "reason", e.fields.value("reason", "").c_str());
				obs_data_set_int(d, "t", e.t);
			});
		}
	}
}

void stop_websocket_api()
{
	// obs-websocket keeps the vendor until it unloads; our handlers stay valid until then (the next
	// attach() drops them), but nothing is emitted to it any more: a module loaded again into a
	// new libobs without obs-websocket must not reach the old one's freed proc handler.
	g_vendor.detach();
}

} // namespace lcs::obs
