#include "core/session/controller.hpp"

// The controller's set-up and its thread boundary: commands in (any thread), the published
// snapshot out (any thread), the data and checker it runs with.
namespace lcs::session {

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

void Controller::set_audience_data(std::shared_ptr<const audience::AudienceData> data)
{
	audience_data_ = std::move(data);
}

void Controller::set_compliance(std::shared_ptr<const compliance::Checker> checker)
{
	std::lock_guard lock(pending_checker_mutex_);
	pending_checker_ = std::move(checker);
}

bool Controller::take_pending_checker()
{
	std::optional<std::shared_ptr<const compliance::Checker>> checker;
	{
		std::lock_guard lock(pending_checker_mutex_);
		checker.swap(pending_checker_);
	}
	if (!checker)
		return false;
	compliance_.set_checker(std::move(*checker)); // checks the script in use again
	return true;
}

std::string Controller::display_name(const std::string &viewer) const
{
	if (const auto it = viewer_names_.find(viewer); it != viewer_names_.end())
		return it->second;
	if (simulator_ && viewer.size() > 1 && viewer[0] == 'v') {
		const std::string &name = simulator_->viewer_name(std::atoi(viewer.c_str() + 1));
		if (!name.empty())
			return name;
	}
	return viewer;
}

std::shared_ptr<const Snapshot> Controller::snapshot() const
{
	std::lock_guard lock(snapshot_mutex_);
	return snapshot_;
}
} // namespace lcs::session
