#pragma once

#include <mutex>
#include <vector>

namespace lcs::util {

// Many producers (hotkeys, dock, websocket threads), one consumer (the session tick). Producers
// never wait on the consumer's work: push() only takes a short lock to append.
template<typename T> class CommandQueue {
public:
	void push(T item)
	{
		std::lock_guard lock(mutex_);
		items_.push_back(std::move(item));
	}

	/// Everything queued so far, in order; the queue is left empty.
	std::vector<T> drain()
	{
		std::vector<T> out;
		std::lock_guard lock(mutex_);
		out.swap(items_);
		return out;
	}

private:
	std::mutex mutex_;
	std::vector<T> items_;
};

} // namespace lcs::util
