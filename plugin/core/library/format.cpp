// index.json and snapshots/<N>.json: parsed with every field's type checked (after the size cap),
// written compact and deterministic (fixed key order, packs sorted by path, one trailing newline).
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/library/error.hpp"
#include "core/library/format.hpp"
#include "core/library/minisign_text.hpp"

namespace lcs::library {
namespace {

using nlohmann::json;

constexpr size_t kMaxMessageBytes = 4096;

[[noreturn]] void bad(const std::string &where, const std::string &what)
{
	throw Error(ErrorKind::Integrity, where + ": " + what);
}

json parse_document(std::string_view bytes, size_t cap, const std::string &where, const char *what)
{
	if (bytes.size() > cap)
		bad(where, std::string(what) + " is " + std::to_string(bytes.size()) + " bytes, over its cap of " + std::to_string(cap));
	json doc = json::parse(bytes.begin(), bytes.end(), nullptr, false);
	if (doc.is_discarded()) {
		std::string looks = minisign_text::describe_unexpected(bytes);
		if (looks.find("HTML") != std::string::npos)
			bad(where, "not a " + std::string(what) + ": it looks like an HTML page (a captive portal, a login or an error page?)");
		bad(where, "not a " + std::string(what) + ": not valid JSON");
	}
	if (!doc.is_object())
		bad(where, "not a " + std::string(what) + ": a JSON object expected");
	return doc;
}

const json &field(const json &obj, const char *name, const std::string &where)
{
	const auto it = obj.find(name);
	if (it == obj.end())
		bad(where, std::string("field \"") + name + "\" is missing");
	return *it;
}

std::string string_field(const json &obj, const char *name, const std::string &where)
{
	const json &v = field(obj, name, where);
	if (!v.is_string())
		bad(where, std::string("field \"") + name + "\" must be a string");
	return v.get<std::string>();
}

int64_t version_field(const json &obj, const std::string &where)
{
	const json &v = field(obj, "version", where);
	if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX)) || v.get<int64_t>() < 1)
		bad(where, "field \"version\" must be an integer of at least 1");
	return v.get<int64_t>();
}

uint64_t size_field(const json &obj, uint64_t cap, const std::string &where)
{
	const json &v = field(obj, "size", where);
	if (!v.is_number_integer() || (!v.is_number_unsigned() && v.get<int64_t>() < 0))
		bad(where, "field \"size\" must be a non-negative integer");
	const uint64_t size = v.get<uint64_t>();
	if (size > cap)
		bad(where, "field \"size\" is " + std::to_string(size) + ", over the cap of " + std::to_string(cap) + " bytes");
	return size;
}

std::string sha_field(const json &obj, const std::string &where)
{
	std::string sha = string_field(obj, "sha256", where);
	if (!is_sha256_hex(sha))
		bad(where, "field \"sha256\" must be 64 lowercase hex digits");
	return sha;
}

std::string time_field(const json &obj, const char *name, const std::string &where)
{
	std::string t = string_field(obj, name, where);
	if (!parse_utc_seconds(t))
		bad(where, std::string("field \"") + name + "\" must be an ISO-8601 UTC time like 2026-01-31T12:00:00Z");
	return t;
}

void check_schema_and_library(const json &doc, std::string_view schema, std::string &library, const std::string &where)
{
	const std::string got = string_field(doc, "schema", where);
	if (got != schema)
		bad(where, "schema is \"" + got.substr(0, 100) + "\", expected \"" + std::string(schema) + "\"");
	library = string_field(doc, "library", where);
	if (!is_valid_library_id(library))
		bad(where, "field \"library\" is not a library id (1-64 of a-z 0-9 . _ -, starting with a letter or digit)");
}

bool is_key_id_hex(std::string_view s)
{
	return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); });
}

std::string dump(const nlohmann::ordered_json &doc)
{
	return doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace

Index parse_index(std::string_view bytes, const std::string &where)
{
	const json doc = parse_document(bytes, kMaxIndexBytes, where, "library index");
	Index index;
	check_schema_and_library(doc, kIndexSchema, index.library, where);
	index.version = version_field(doc, where);
	index.published_at = time_field(doc, "published_at", where);
	if (const auto it = doc.find("expires"); it != doc.end() && !it->is_null())
		index.expires = time_field(doc, "expires", where);
	const json &snap = field(doc, "snapshot", where);
	if (!snap.is_object())
		bad(where, "field \"snapshot\" must be an object");
	const std::string at = where + " (snapshot)";
	index.snapshot.path = string_field(snap, "path", at);
	check_relative_path(index.snapshot.path, at);
	index.snapshot.sha256 = sha_field(snap, at);
	index.snapshot.size = size_field(snap, kMaxSnapshotBytes, at);
	return index;
}

std::string write_index(const Index &index)
{
	nlohmann::ordered_json doc;
	doc["schema"] = kIndexSchema;
	doc["library"] = index.library;
	doc["version"] = index.version;
	doc["published_at"] = index.published_at;
	if (index.expires)
		doc["expires"] = *index.expires;
	doc["snapshot"] = {{"path", index.snapshot.path}, {"sha256", index.snapshot.sha256}, {"size", index.snapshot.size}};
	return dump(doc);
}

Snapshot parse_snapshot(std::string_view bytes, const std::string &where)
{
	const json doc = parse_document(bytes, kMaxSnapshotBytes, where, "library snapshot");
	Snapshot s;
	check_schema_and_library(doc, kSnapshotSchema, s.library, where);
	s.version = version_field(doc, where);
	const json &parent = field(doc, "parent", where);
	if (parent.is_null()) {
		if (s.version != 1)
			bad(where, "field \"parent\" is null, but only version 1 has no parent");
	} else {
		if (!parent.is_string() || !is_sha256_hex(parent.get<std::string>()))
			bad(where, "field \"parent\" must be the previous snapshot's sha256 (64 lowercase hex digits) or null");
		if (s.version == 1)
			bad(where, "version 1 cannot have a parent");
		s.parent = parent.get<std::string>();
	}
	s.published_at = time_field(doc, "published_at", where);
	s.publisher = string_field(doc, "publisher", where);
	if (!is_key_id_hex(s.publisher))
		bad(where, "field \"publisher\" must be a key id (16 uppercase hex digits)");
	s.message = string_field(doc, "message", where);
	if (s.message.size() > kMaxMessageBytes)
		bad(where, "field \"message\" is over " + std::to_string(kMaxMessageBytes) + " bytes");
	const json &packs = field(doc, "packs", where);
	if (!packs.is_array())
		bad(where, "field \"packs\" must be an array");
	if (packs.size() > kMaxPacksPerSnapshot)
		bad(where, "over " + std::to_string(kMaxPacksPerSnapshot) + " packs");
	std::set<std::string> paths;
	for (size_t i = 0; i < packs.size(); ++i) {
		const std::string at = where + " (packs[" + std::to_string(i) + "])";
		const json &p = packs[i];
		if (!p.is_object())
			bad(at, "must be an object");
		SnapshotPack pack;
		pack.path = string_field(p, "path", at);
		check_relative_path(pack.path, at);
		if (!paths.insert(pack.path).second)
			bad(at, "path \"" + pack.path + "\" is listed twice");
		pack.sha256 = sha_field(p, at);
		pack.size = size_field(p, kMaxObjectBytes, at);
		pack.id = string_field(p, "id", at);
		pack.version = string_field(p, "version", at);
		s.packs.push_back(std::move(pack));
	}
	// A path may not also be a folder of another ("a/b" and "a/b/c.json"): one would hide the other.
	for (auto it = paths.begin(); it != paths.end(); ++it) {
		const auto next = std::next(it);
		if (next != paths.end() && next->size() > it->size() && next->compare(0, it->size(), *it) == 0 && (*next)[it->size()] == '/')
			bad(where, "path \"" + *it + "\" is both a pack and the folder of \"" + *next + "\"");
	}
	return s;
}

std::string write_snapshot(const Snapshot &snapshot)
{
	nlohmann::ordered_json doc;
	doc["schema"] = kSnapshotSchema;
	doc["library"] = snapshot.library;
	doc["version"] = snapshot.version;
	doc["parent"] = snapshot.parent ? nlohmann::ordered_json(*snapshot.parent) : nlohmann::ordered_json(nullptr);
	doc["published_at"] = snapshot.published_at;
	doc["publisher"] = snapshot.publisher;
	doc["message"] = snapshot.message;
	std::vector<const SnapshotPack *> sorted;
	for (const auto &p : snapshot.packs)
		sorted.push_back(&p);
	std::sort(sorted.begin(), sorted.end(), [](const SnapshotPack *a, const SnapshotPack *b) { return a->path < b->path; });
	auto packs = nlohmann::ordered_json::array();
	for (const SnapshotPack *p : sorted)
		packs.push_back({{"path", p->path}, {"sha256", p->sha256}, {"size", p->size}, {"id", p->id}, {"version", p->version}});
	doc["packs"] = std::move(packs);
	return dump(doc);
}

} // namespace lcs::library
