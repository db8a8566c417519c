#pragma once

// A small signed library in a folder, written with the format functions and sign() (the layout
// of contract.md section 5), for tests of what reads libraries.
#include <filesystem>
#include <map>
#include <string>

#include "core/crypto/sha256.hpp"
#include "core/library/format.hpp"
#include "core/library/minisign.hpp"
#include "library/library_test_util.hpp"

namespace lcs::library::test {

class TestLibrary {
public:
	TestLibrary(std::filesystem::path root, std::string id) : root_(std::move(root)), id_(std::move(id))
	{
		std::filesystem::remove_all(root_);
		std::filesystem::create_directories(root_);
	}

	/// Publishes the next version with these packs (path → bytes); returns its snapshot's bytes.
	std::string publish(const std::map<std::string, std::string> &packs, const std::string &message,
			    const std::string &published_at, const SecretKey *by = nullptr)
	{
		const SecretKey &signer = by ? *by : key;
		Snapshot s;
		s.library = id_;
		s.version = ++version_;
		if (!parent_sha_.empty())
			s.parent = parent_sha_;
		s.published_at = published_at;
		s.publisher = signer.id.hex();
		s.message = message;
		for (const auto &[path, bytes] : packs) {
			const std::string sha = crypto::sha256_hex(bytes);
			put(object_path(sha), bytes);
			s.packs.push_back({path, sha, bytes.size(), "pack-" + std::to_string(s.packs.size()), "1.0.0"});
		}
		const std::string snapshot = write_snapshot(s);
		put(snapshot_path(s.version), snapshot);
		parent_sha_ = crypto::sha256_hex(snapshot);
		write_index(snapshot, published_at, signer);
		return snapshot;
	}

	/// Rewrites the index (and its signature) to name `snapshot_bytes` as the current version.
	void write_index(const std::string &snapshot_bytes, const std::string &published_at, const SecretKey &signer)
	{
		Index i;
		i.library = id_;
		i.version = version_;
		i.published_at = published_at;
		i.snapshot = {snapshot_path(version_), crypto::sha256_hex(snapshot_bytes), snapshot_bytes.size()};
		const std::string text = library::write_index(i);
		put(std::string(kIndexPath), text);
		put(std::string(kIndexSignaturePath), sign(text, signer, index_trusted_comment(i)));
	}

	void put(const std::string &path, const std::string &bytes)
	{
		const auto full = root_ / path;
		std::filesystem::create_directories(full.parent_path());
		write_file(full.string(), bytes);
	}

	[[nodiscard]] const std::filesystem::path &root() const { return root_; }
	[[nodiscard]] int64_t version() const { return version_; }

	SecretKey key = generate_secret_key();

private:
	std::filesystem::path root_;
	std::string id_;
	int64_t version_ = 0;
	std::string parent_sha_;
};

} // namespace lcs::library::test
