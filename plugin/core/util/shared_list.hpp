#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace lcs::util {

/// An immutable list that every copy shares: copying it costs a pointer, reading it is reading a
/// vector. The session's snapshots are published up to 60 times a second and read on other
/// threads; a list that only changes now and then (the open questions of a room that leaves
/// thousands unanswered) is built once per change instead of copied into every snapshot.
template<typename T> class SharedList {
public:
	SharedList() = default;
	SharedList(std::vector<T> items) // NOLINT(google-explicit-constructor): a list is its items
		: items_(std::make_shared<const std::vector<T>>(std::move(items)))
	{
	}

	[[nodiscard]] const std::vector<T> &items() const { return items_ ? *items_ : empty_list(); }
	[[nodiscard]] size_t size() const { return items().size(); }
	[[nodiscard]] bool empty() const { return items().empty(); }
	[[nodiscard]] const T &operator[](size_t i) const { return items()[i]; }
	[[nodiscard]] const T &front() const { return items().front(); }
	[[nodiscard]] auto begin() const { return items().begin(); }
	[[nodiscard]] auto end() const { return items().end(); }
	/// Whether both are the same list (one built it, the other is a copy), not merely equal.
	[[nodiscard]] bool shares_with(const SharedList &other) const { return items_ == other.items_; }

private:
	static const std::vector<T> &empty_list()
	{
		static const std::vector<T> none;
		return none;
	}
	std::shared_ptr<const std::vector<T>> items_;
};

} // namespace lcs::util
