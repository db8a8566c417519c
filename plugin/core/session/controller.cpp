#include "core/session/controller.hpp"

#include <algorithm>

#include "core/util/mask_name.hpp"

namespace lcs::session {
namespace {
template<class... Ts> struct Overloaded : Ts... {
	using Ts::operator()...;
};
template<class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;
} // namespace

Controller::Controller()
{
	snapshot_ = std::make_shared<const Snapshot>();
}

void Controller::submit(Command command)
{
	queue_.push(std::move(command));
}

void Controller::set_viewer_name(const std::string &viewer, const std::string &name)
{
	viewer_names_[viewer] = name;
}

void Controller::absorb(Events events)
{
	for (auto &e : events) {
		if (e.type == "order") {
			OrderLine line;
			line.t = e.t;
			line.order_id = e.fields["order_id"].get<std::string>();
			const auto viewer = e.fields["viewer"].get<std::string>();
			const auto name = viewer_names_.find(viewer);
			line.buyer = util::mask_name(name == viewer_names_.end() ? viewer : name->second);
			line.sku = e.fields["sku"].get<std::string>();
			if (engine_)
				if (const auto *p = engine_->library().product(line.sku))
					line.product_name = p->name;
			line.qty = e.fields["qty"].get<int>();
			line.amount_cents = e.fields["amount_cents"].get<int64_t>();
			++orders_;
			units_ += line.qty;
			gmv_cents_ += line.amount_cents;
			recent_orders_.push_back(std::move(line));
			while (recent_orders_.size() > Snapshot::kRecentOrders)
				recent_orders_.pop_front();
		}
		events_.push_back(std::move(e));
	}
}

void Controller::navigation(script::NavigationEvents nav)
{
	Events out;
	for (const auto &n : nav) {
		Event e;
		e.t = now_ms_;
		if (n.kind == script::NavigationEvent::Kind::SegmentStart) {
			e.type = "segment_start";
			e.fields["segment_id"] = n.segment_id;
			e.fields["planned_ms"] = n.planned_ms;
		} else {
			e.type = "cue_shown";
			e.fields["cue_id"] = n.cue_id;
			e.fields["segment_id"] = n.segment_id;
		}
		out.push_back(std::move(e));
	}
	absorb(std::move(out));
}

void Controller::pin(const std::string &sku)
{
	if (sku == pinned_sku_)
		return;
	Events out;
	if (!pinned_sku_.empty()) {
		Event e{now_ms_, "product_unpin", {}};
		e.fields["sku"] = pinned_sku_;
		out.push_back(std::move(e));
	}
	pinned_sku_ = sku;
	if (!sku.empty()) {
		Event e{now_ms_, "product_pin", {}};
		e.fields["sku"] = sku;
		out.push_back(std::move(e));
	}
	absorb(std::move(out));
}

void Controller::refuse(const std::string &what, promo::Refusal refusal)
{
	last_refusal_ = what + ": " + promo::refusal_name(refusal);
}

void Controller::apply(const Command &command)
{
	auto skus = [this]() {
		std::vector<std::string> out;
		if (engine_)
			for (const auto *p : engine_->library().products())
				out.push_back(p->sku);
		return out;
	};
	auto cycle_pin = [&](int step) {
		const auto all = skus();
		if (all.empty())
			return;
		const auto it = std::find(all.begin(), all.end(), pinned_sku_);
		long index = it == all.end() ? (step > 0 ? -1 : 0) : static_cast<long>(it - all.begin());
		const long n = static_cast<long>(all.size());
		index = ((index + step) % n + n) % n;
		pin(all[static_cast<size_t>(index)]);
	};
	std::visit(Overloaded{
			   [&](const UseLibrary &c) {
				   pin("");
				   navigator_.emplace(c.library);
				   engine_.reset();
				   if (c.library)
					   engine_.emplace(c.library, c.seed);
				   started_promotions_.clear();
				   navigation(navigator_->begin());
			   },
			   [&](const NextCue &) {
				   if (navigator_)
					   navigation(navigator_->next_cue());
			   },
			   [&](const PreviousCue &) {
				   if (navigator_)
					   navigation(navigator_->previous_cue());
			   },
			   [&](const NextSegment &) {
				   if (navigator_)
					   navigation(navigator_->next_segment());
			   },
			   [&](const PreviousSegment &) {
				   if (navigator_)
					   navigation(navigator_->previous_segment());
			   },
			   [&](const JumpToSegment &c) {
				   if (navigator_)
					   navigation(navigator_->jump_to_segment(c.segment_id));
			   },
			   [&](const ToggleSegmentTimer &) {
				   if (navigator_)
					   navigator_->set_paused(!navigator_->paused());
			   },
			   [&](const MarkKeywordSaid &c) {
				   if (navigator_)
					   navigator_->mark_keyword_said(c.keyword);
			   },
			   [&](const PinProduct &c) {
				   if (engine_ && engine_->library().product(c.sku))
					   pin(c.sku);
				   else
					   refuse("pin " + c.sku, promo::Refusal::UnknownProduct);
			   },
			   [&](const UnpinProduct &) { pin(""); },
			   [&](const PinNextProduct &) { cycle_pin(1); },
			   [&](const PinPreviousProduct &) { cycle_pin(-1); },
			   [&](const StartPromotion &c) {
				   if (!engine_)
					   return;
				   auto o = engine_->start(c.promo_id, now_ms_);
				   if (!o.ok())
					   return refuse("start " + c.promo_id, o.refusal);
				   started_promotions_.insert(c.promo_id);
				   absorb(std::move(o.events));
			   },
			   [&](const StopPromotion &c) {
				   if (!engine_)
					   return;
				   auto o = engine_->stop(c.promo_id, now_ms_);
				   if (!o.ok())
					   return refuse("stop " + c.promo_id, o.refusal);
				   absorb(std::move(o.events));
			   },
			   [&](const ToggleSegmentPromotion &) {
				   if (!engine_ || !navigator_ || !navigator_->library())
					   return;
				   const auto &segments = navigator_->library()->segments();
				   const auto index = static_cast<size_t>(navigator_->segment_index());
				   if (index >= segments.size())
					   return;
				   std::vector<std::string> ids;
				   for (const auto &cue : segments[index]->cues)
					   if (cue.promotion && std::find(ids.begin(), ids.end(), *cue.promotion) == ids.end())
						   ids.push_back(*cue.promotion);
				   for (const auto &id : ids)
					   if (engine_->is_running(id)) {
						   apply(StopPromotion{id});
						   return;
					   }
				   for (const auto &id : ids)
					   if (!started_promotions_.count(id)) {
						   apply(StartPromotion{id});
						   return;
					   }
			   },
			   [&](const PlaceOrder &c) {
				   if (!engine_)
					   return;
				   const std::string sku = c.sku.empty() ? pinned_sku_ : c.sku;
				   auto o = engine_->place({c.viewer, sku, c.qty, c.coupon_id}, now_ms_);
				   if (!o.ok())
					   return refuse("order " + sku, o.refusal);
				   absorb(std::move(o.events));
			   },
			   [&](const ClaimCoupon &c) {
				   if (!engine_)
					   return;
				   auto o = engine_->claim_coupon(c.viewer, c.coupon_id, now_ms_);
				   if (!o.ok())
					   return refuse("claim " + c.coupon_id, o.refusal);
				   absorb(std::move(o.events));
			   },
		   },
		   command);
}

void Controller::tick(int64_t dt_ms)
{
	events_.clear();
	const auto commands = queue_.drain();
	for (const auto &c : commands)
		apply(c);
	if (dt_ms > 0)
		now_ms_ += dt_ms;
	if (navigator_)
		navigator_->tick(dt_ms);
	if (engine_)
		absorb(engine_->tick(now_ms_));

	const int64_t second = now_ms_ / 1000;
	if (!commands.empty() || !events_.empty() || second != last_published_second_) {
		last_published_second_ = second;
		publish();
	}
}

void Controller::publish()
{
	auto next = std::make_shared<Snapshot>();
	next->version = ++version_;
	next->now_ms = now_ms_;
	if (navigator_) {
		next->library = navigator_->library();
		next->cue = navigator_->view();
	}
	next->pinned_sku = pinned_sku_;
	if (engine_) {
		if (!pinned_sku_.empty())
			next->pinned = engine_->price_view(pinned_sku_, now_ms_);
		next->running_promotions = engine_->running();
		next->lucky_bags = engine_->lucky_bags(now_ms_);
	}
	next->recent_orders.assign(recent_orders_.begin(), recent_orders_.end());
	next->orders = orders_;
	next->units = units_;
	next->gmv_cents = gmv_cents_;
	next->last_refusal = last_refusal_;
	std::lock_guard lock(snapshot_mutex_);
	snapshot_ = std::move(next);
}

std::shared_ptr<const Snapshot> Controller::snapshot() const
{
	std::lock_guard lock(snapshot_mutex_);
	return snapshot_;
}

} // namespace lcs::session
