#include "studio/studio.hpp"

#include <algorithm>
#include <cmath>

#include <obs-module.h>

#include "core/log/log.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"

namespace lcs::obs {
namespace {
Studio *g_studio = nullptr;
}

void Studio::create()
{
	if (!g_studio)
		g_studio = new Studio();
}

void Studio::destroy()
{
	delete g_studio;
	g_studio = nullptr;
}

Studio *Studio::get()
{
	return g_studio;
}

Studio::Studio()
{
	scan_bundled_packs();
	obs_add_tick_callback(&Studio::on_tick, this);
}

Studio::~Studio()
{
	obs_remove_tick_callback(&Studio::on_tick, this);
}

void Studio::on_tick(void *param, float seconds)
{
	static_cast<Studio *>(param)->tick(seconds);
}

void Studio::tick(float seconds)
{
	// Whole milliseconds to the core; the fraction is carried so no time is lost or invented.
	pending_ms_ += static_cast<double>(seconds) * 1000.0;
	const auto whole = static_cast<int64_t>(std::floor(pending_ms_));
	pending_ms_ -= static_cast<double>(whole);
	controller_.tick(whole);
}

void Studio::scan_bundled_packs()
{
	char *dir = obs_module_file("packs");
	if (!dir) {
		lcs::log::logger()->warn("no bundled packs folder in the module data");
		return;
	}
	packs_dir_ = std::filesystem::u8path(dir);
	bfree(dir);
	diag::Diagnostics ignored;
	for (const auto &file : pack::expand_pack_paths({packs_dir_}, ignored)) {
		auto loaded = pack::load_pack_file(file);
		if (!loaded.ok()) {
			lcs::log::logger()->warn("bundled pack {} does not load", pack::path_utf8(file));
			continue;
		}
		const auto relative = std::filesystem::relative(file, packs_dir_).generic_u8string();
		bundled_.push_back({std::string(relative.begin(), relative.end()), loaded.pack->meta.name,
				    loaded.pack->meta.language});
	}
	lcs::log::logger()->info("{} bundled script pack(s) in {}", bundled_.size(), pack::path_utf8(packs_dir_));
}

std::string Studio::bundled_pack_path(const std::string &relative_path) const
{
	for (const auto &p : bundled_)
		if (p.relative_path == relative_path)
			return pack::path_utf8(packs_dir_ / std::filesystem::u8path(relative_path));
	return {};
}

Studio::LoadOutcome Studio::use_packs(const std::vector<std::string> &files)
{
	LoadOutcome outcome;
	std::vector<std::filesystem::file_time_type> times;
	for (const auto &f : files) {
		std::error_code ec;
		times.push_back(std::filesystem::last_write_time(std::filesystem::u8path(f), ec));
	}
	std::lock_guard lock(load_mutex_);
	if (files == files_in_use_ && times == times_in_use_) {
		outcome.unchanged = true;
		return outcome;
	}
	if (files.empty()) {
		controller_.submit(session::UseLibrary{nullptr});
		files_in_use_.clear();
		times_in_use_.clear();
		lcs::log::logger()->info("script closed");
		outcome.loaded = true;
		return outcome;
	}
	std::vector<std::filesystem::path> paths;
	for (const auto &f : files)
		paths.push_back(std::filesystem::u8path(f));
	auto loaded = pack::Library::load(paths);
	outcome.diagnostics = std::move(loaded.diagnostics);
	for (const auto &d : outcome.diagnostics)
		lcs::log::logger()->warn("pack: {}", d.to_string());
	if (!loaded.library) {
		lcs::log::logger()->error("script pack not loaded; the previous script stays in use");
		return outcome;
	}
	lcs::log::logger()->info("script in use: {} segment(s), {} s planned, from {}", loaded.library->segments().size(),
				 loaded.library->planned_seconds(), files.empty() ? std::string("-") : files.front());
	controller_.submit(session::UseLibrary{std::move(loaded.library)});
	files_in_use_ = files;
	times_in_use_ = times;
	outcome.loaded = true;
	return outcome;
}

} // namespace lcs::obs
