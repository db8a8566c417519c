#include "library/library-hub.hpp"

#include <algorithm>
#include <fstream>
#include <future>
#include <sstream>

#include "core/library/cache.hpp"
#include "core/library/error.hpp"
#include "core/library/minisign.hpp"
#include "core/library/sync.hpp"
#include "core/log/log.hpp"
#include "core/pack/pack_loader.hpp"
#include "studio/studio-worker.hpp"

namespace lcs::obs::library {
namespace {

namespace lib = lcs::library;

std::string utf8_path(const std::filesystem::path &p)
{
	return pack::path_utf8(p);
}

/// The trusted keys of an entry; throws lib::Error(Input) naming the key that does not parse.
std::vector<lib::PublicKey> parse_keys(const std::vector<std::string> &trust, const std::string &source)
{
	if (trust.empty())
		throw lib::Error(lib::ErrorKind::Input, "library " + source + ": no trusted public key");
	std::vector<lib::PublicKey> keys;
	for (size_t i = 0; i < trust.size(); ++i)
		keys.push_back(lib::parse_public_key(trust[i], "trusted key " + std::to_string(i + 1) + " of " + source));
	return keys;
}

std::string trimmed(std::string s)
{
	const auto not_space = [](unsigned char c) { return !std::isspace(c); };
	s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
	s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
	return s;
}

} // namespace

std::string LibraryState::pack_file(const lib::SnapshotPack &pack) const
{
	return utf8_path(std::filesystem::u8path(current_dir) / std::filesystem::u8path(pack.path));
}

LibraryHub::LibraryHub(config_t *config, std::filesystem::path cache_dir, lib::TransportOptions transport,
		       ConfigWriter config_writer)
	: config_(config),
	  cache_dir_(std::move(cache_dir)),
	  transport_(std::move(transport)),
	  config_writer_(std::move(config_writer))
{
	transport_.cancel = cancel_; // stop() ends a transfer a stalled host holds, within a second
	for (auto &entry : load_library_entries(config_)) {
		Item item;
		item.credentials = load_library_credentials(config_, entry.source);
		item.entry = std::move(entry);
		item.state.entry = item.entry;
		item.state.has_credentials = !item.credentials.empty();
		read_cached(item.state); // what was synced before shows at once, before any network
		items_.push_back(std::move(item));
	}
	worker_ = std::make_unique<StudioWorker>();
}

LibraryHub::~LibraryHub()
{
	stop();
}

void LibraryHub::stop()
{
	std::unique_ptr<StudioWorker> worker;
	{
		std::lock_guard lock(worker_mutex_);
		worker = std::move(worker_);
	}
	cancel_->store(true); // the sync running stops at its next progress call; queued ones are dropped
	worker.reset();
}

std::vector<LibraryState> LibraryHub::states() const
{
	std::lock_guard lock(mutex_);
	std::vector<LibraryState> out;
	for (const auto &item : items_)
		out.push_back(item.state);
	return out;
}

std::optional<LibraryState> LibraryHub::state(const std::string &source) const
{
	std::lock_guard lock(mutex_);
	for (const auto &item : items_)
		if (item.entry.source == source)
			return item.state;
	return std::nullopt;
}

std::string LibraryHub::add(const std::string &source_in, const std::vector<std::string> &trust_in,
			    const LibraryCredentials &credentials)
{
	const std::string source = trimmed(source_in);
	if (source.empty())
		return "no library source: give a folder or a URL";
	std::vector<std::string> trust;
	for (const auto &k : trust_in)
		if (auto t = trimmed(k); !t.empty())
			trust.push_back(std::move(t));
	try {
		parse_keys(trust, source);
		lib::TransportOptions probe = transport_;
		(void)lib::open_transport(source, probe); // an unknown scheme or credentials in the URL: refused now
	} catch (const std::exception &e) {
		return e.what();
	}
	{
		std::lock_guard lock(mutex_);
		auto it = std::find_if(items_.begin(), items_.end(), [&](const Item &i) { return i.entry.source == source; });
		if (it == items_.end()) {
			Item item;
			item.entry.source = source;
			item.state.entry = item.entry;
			items_.push_back(std::move(item));
			it = std::prev(items_.end());
		}
		it->entry.trust = trust;
		it->state.entry = it->entry;
		if (!credentials.empty()) {
			it->credentials = credentials;
			it->state.has_credentials = true;
		}
		save_entries_locked();
		changed();
	}
	if (!credentials.empty())
		write_config([config = config_, source, credentials] { save_library_credentials(config, source, credentials); });
	lcs::log::logger()->info("library {} added ({} trusted key(s){})", source, trust.size(),
				 credentials.empty() ? "" : ", credentials saved");
	return {};
}

bool LibraryHub::remove(const std::string &source)
{
	{
		std::lock_guard lock(mutex_);
		const auto it = std::find_if(items_.begin(), items_.end(), [&](const Item &i) { return i.entry.source == source; });
		if (it == items_.end())
			return false;
		items_.erase(it);
		save_entries_locked();
		changed();
	}
	write_config([config = config_, source] { save_library_credentials(config, source, {}); });
	lcs::log::logger()->info("library {} removed", source);
	return true;
}

bool LibraryHub::update(const std::string &source, std::optional<int64_t> version, Done done)
{
	{
		std::lock_guard lock(mutex_);
		const auto it = std::find_if(items_.begin(), items_.end(), [&](const Item &i) { return i.entry.source == source; });
		if (it == items_.end())
			return false;
		it->state.busy = true;
		changed();
	}
	bool posted = false;
	{
		std::lock_guard lock(worker_mutex_);
		posted = worker_ && worker_->post([this, source, version, done = std::move(done)] { run_sync(source, version, done); });
	}
	if (!posted) {
		std::lock_guard lock(mutex_);
		for (auto &item : items_)
			if (item.entry.source == source)
				item.state.busy = false;
		changed();
		return false;
	}
	return true;
}

void LibraryHub::update_all()
{
	std::vector<std::pair<std::string, std::optional<int64_t>>> todo;
	{
		std::lock_guard lock(mutex_);
		for (const auto &item : items_)
			todo.emplace_back(item.entry.source, item.entry.pinned_version > 0
								     ? std::optional<int64_t>(item.entry.pinned_version)
								     : std::nullopt);
	}
	for (const auto &[source, version] : todo)
		update(source, version);
}

std::optional<LibraryState> LibraryHub::update_and_wait(const std::string &source, std::optional<int64_t> version)
{
	auto promise = std::make_shared<std::promise<LibraryState>>();
	auto future = promise->get_future();
	// A job dropped at stop() destroys the promise unfulfilled: the wait ends with broken_promise.
	if (!update(source, version, [promise](const LibraryState &s) { promise->set_value(s); }))
		return std::nullopt;
	try {
		return future.get();
	} catch (const std::future_error &) {
		return std::nullopt;
	}
}

void LibraryHub::run_sync(const std::string &source, std::optional<int64_t> version, const Done &done)
{
	Item item;
	{
		std::lock_guard lock(mutex_);
		const auto it = std::find_if(items_.begin(), items_.end(), [&](const Item &i) { return i.entry.source == source; });
		if (it == items_.end())
			return; // removed while queued
		item = *it;
	}
	LibraryState state = item.state;
	state.error.clear();
	const bool was_offline = state.offline;
	try {
		lib::SyncOptions options;
		options.cache_dir = cache_dir_;
		options.trusted = parse_keys(item.entry.trust, source);
		options.version = version;
		std::error_code ec;
		std::filesystem::create_directories(cache_dir_, ec);
		if (ec)
			throw lib::Error(lib::ErrorKind::Environment,
					 "cannot create the library cache " + utf8_path(cache_dir_) + ": " + ec.message());
		lib::TransportOptions transport = transport_;
		transport.user = item.credentials.user;
		transport.password = item.credentials.password;
		transport.bearer_token = item.credentials.token;
		const auto opened = lib::open_transport(source, transport);
		const auto result = lib::sync_or_use_cache(*opened, item.entry.id, options);
		state.entry.id = result.library;
		state.cached = true;
		state.version = result.version;
		state.publisher = result.publisher;
		state.published_at = result.published_at;
		state.message = result.message;
		state.packs = result.packs;
		state.current_dir = utf8_path(result.current_dir);
		state.offline = result.offline;
		state.offline_reason = result.offline_reason;
		if (const auto cached = lib::read_cache_state(cache_dir_, result.library))
			state.kept = cached->kept;
		if (result.offline && !was_offline)
			lcs::log::logger()->warn("library {} ({}) is offline: using the cached version {}: {}", result.library,
						 source, result.version, result.offline_reason);
		else if (!result.offline)
			lcs::log::logger()->info("library {} ({}): version {}{}", result.library, source, result.version,
						 result.changed ? " synced" : ", up to date");
	} catch (const std::exception &e) {
		// Integrity, input or a cache that cannot be written (or a source unreachable with nothing
		// cached): the cache is as it was; what it holds stays in use.
		state.error = e.what();
		state.offline = false;
		read_cached(state);
		lcs::log::logger()->error("library {}: {}", source, state.error);
	}
	state.busy = false;
	state.synced_this_run = true;
	{
		std::lock_guard lock(mutex_);
		const auto it = std::find_if(items_.begin(), items_.end(), [&](const Item &i) { return i.entry.source == source; });
		if (it != items_.end()) {
			state.entry.trust = it->entry.trust; // trust may have changed while the sync ran
			state.has_credentials = !it->credentials.empty();
			const bool learned = it->entry.id != state.entry.id && !state.entry.id.empty();
			if (learned)
				it->entry.id = state.entry.id;
			// A version chosen (roll back) stays chosen once it is in use; an update without one
			// that succeeded (or found the host offline) goes back to the newest.
			const int64_t pinned = state.error.empty() ? (version ? *version : 0) : it->entry.pinned_version;
			const bool repinned = pinned != it->entry.pinned_version;
			it->entry.pinned_version = pinned;
			state.entry = it->entry;
			it->state = state;
			if (learned || repinned)
				save_entries_locked();
		}
		changed(); // under the lock: whoever sees the new state sees the new generation too
	}
	if (done)
		done(state);
}

void LibraryHub::read_cached(LibraryState &state) const
{
	if (state.entry.id.empty())
		return;
	std::optional<lib::CacheState> cached;
	try {
		cached = lib::read_cache_state(cache_dir_, state.entry.id);
	} catch (const std::exception &e) {
		state.error = e.what();
		return;
	}
	if (!cached || cached->current_version <= 0)
		return;
	const auto current = cache_dir_ / std::filesystem::u8path(state.entry.id) / "current";
	const auto snapshot_file = current / ".lcs" / "snapshot.json";
	std::ifstream in(snapshot_file, std::ios::binary);
	std::ostringstream bytes;
	bytes << in.rdbuf();
	try {
		const auto snapshot = lib::parse_snapshot(bytes.str(), utf8_path(snapshot_file));
		state.cached = true;
		state.version = snapshot.version;
		state.publisher = snapshot.publisher;
		state.published_at = snapshot.published_at;
		state.message = snapshot.message;
		state.packs = snapshot.packs;
		state.current_dir = utf8_path(current);
		state.kept = cached->kept;
	} catch (const std::exception &e) {
		if (state.error.empty())
			state.error = e.what();
	}
}

void LibraryHub::save_entries_locked()
{
	std::vector<LibraryEntry> entries;
	for (const auto &item : items_)
		entries.push_back(item.entry);
	write_config([config = config_, entries = std::move(entries)] { save_library_entries(config, entries); });
}

void LibraryHub::write_config(std::function<void()> work) const
{
	if (!config_)
		return;
	if (config_writer_)
		config_writer_(std::move(work));
	else
		work();
}

} // namespace lcs::obs::library
