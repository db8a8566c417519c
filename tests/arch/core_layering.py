#!/usr/bin/env python3
"""The layering of plugin/core (shared/design/architecture.md, "Core folders").

Fails (exit 1) when
  - the folders of the core include each other in a circle: names the folders of each cycle and,
    for every step of it, the includes (file:line) that make it;
  - a file under the core includes an OBS or Qt header (obs.h, obs-*.h, libobs's util/, graphics/,
    media-io/ and callback/ headers, any Q* or Qt* header): names file:line.
Otherwise prints the folders layer by layer (each layer depends only on layers above it in the
list, i.e. lower in the architecture) and exits 0.

    core_layering.py [--root plugin/core] [--prefix core]

--root is the core's directory; --prefix is how includes name it ("core/pack/pack.hpp").
"""

import argparse
import os
import re
import sys

SOURCE_SUFFIXES = (".hpp", ".cpp", ".h", ".c", ".hpp.in", ".cpp.in", ".h.in")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
# libobs's public header folders (included as <util/bmem.h>, <graphics/vec4.h>, ...).
LIBOBS_FOLDERS = {"util", "graphics", "media-io", "callback", "libobs", "obs"}


def forbidden(path):
	"""Why an include path is an OBS or Qt header, or None."""
	parts = path.split("/")
	base = parts[-1]
	if base == "obs.h" or base == "obs.hpp" or base.startswith("obs-"):
		return "an OBS header"
	if len(parts) > 1 and parts[0] in LIBOBS_FOLDERS:
		return "a libobs header"
	if re.match(r"Qt", parts[0]) or re.match(r"Q[A-Z]", base) or base.startswith("qt"):
		return "a Qt header"
	return None


def includes(file_path):
	"""(line number, bracket, path) of each #include outside comments."""
	out = []
	in_block = False
	with open(file_path, encoding="utf-8", errors="replace") as f:
		for number, line in enumerate(f, 1):
			if in_block:
				end = line.find("*/")
				if end < 0:
					continue
				line = line[end + 2:]
				in_block = False
			start = line.find("/*")
			if start >= 0 and line.find("*/", start + 2) < 0 and not INCLUDE.match(line):
				in_block = True
			m = INCLUDE.match(line)
			if m:
				out.append((number, m.group(1), m.group(2)))
	return out


def folder_of(root, prefix, including_file, bracket, path):
	"""The core folder an include lands in, or None (a system or outside header)."""
	parts = path.split("/")
	if parts[0] == prefix and len(parts) > 2:
		return parts[1]
	if bracket == '"':
		candidate = os.path.normpath(os.path.join(os.path.dirname(including_file), path))
		rel = os.path.relpath(candidate, root)
		if not rel.startswith("..") and os.sep in rel and os.path.exists(candidate):
			return rel.split(os.sep)[0]
	return None


def scan(root, prefix):
	"""edges {(from, to): [(file, line, path)]}, folders, forbidden [(file, line, path, why)]."""
	edges = {}
	folders = set()
	bad = []
	for directory, subdirs, files in os.walk(root):
		subdirs.sort()
		rel_dir = os.path.relpath(directory, root)
		folder = None if rel_dir == "." else rel_dir.split(os.sep)[0]
		for name in sorted(files):
			if not name.endswith(SOURCE_SUFFIXES):
				continue
			file_path = os.path.join(directory, name)
			shown = os.path.relpath(file_path)
			if folder:
				folders.add(folder)
			for number, bracket, path in includes(file_path):
				why = forbidden(path)
				if why:
					bad.append((shown, number, path, why))
					continue
				target = folder_of(root, prefix, file_path, bracket, path)
				if folder and target and target != folder:
					edges.setdefault((folder, target), []).append((shown, number, path))
	for (_, target) in edges:
		folders.add(target)
	return edges, folders, bad


def strongly_connected(folders, edges):
	"""Tarjan's components with more than one folder, each sorted."""
	graph = {f: sorted(t for (s, t) in edges if s == f) for f in folders}
	index = {}
	low = {}
	stack = []
	on_stack = set()
	found = []
	counter = [0]

	def visit(v):
		index[v] = low[v] = counter[0]
		counter[0] += 1
		stack.append(v)
		on_stack.add(v)
		for w in graph[v]:
			if w not in index:
				visit(w)
				low[v] = min(low[v], low[w])
			elif w in on_stack:
				low[v] = min(low[v], index[w])
		if low[v] == index[v]:
			component = []
			while True:
				w = stack.pop()
				on_stack.discard(w)
				component.append(w)
				if w == v:
					break
			if len(component) > 1:
				found.append(sorted(component))

	for f in sorted(folders):
		if f not in index:
			visit(f)
	return found


def cycle_through(start, component, edges):
	"""The shortest circle through start inside the component: [start, b, ..., start] (BFS)."""
	members = set(component)
	previous = {start: None}
	queue = [start]
	while queue:
		v = queue.pop(0)
		for (s, t) in sorted(edges):
			if s != v or t not in members:
				continue
			if t == start:
				path = [start]
				while v is not None:
					path.append(v)
					v = previous[v]
				return list(reversed(path))
			if t not in previous:
				previous[t] = v
				queue.append(t)
	return [start]


def layers(folders, edges):
	"""Folders by layer: layer 0 depends on nothing in the core, layer n on layers < n."""
	depends = {f: {t for (s, t) in edges if s == f} for f in folders}
	level = {}
	remaining = set(folders)
	current = 0
	while remaining:
		ready = sorted(f for f in remaining if all(d in level for d in depends[f]))
		for f in ready:
			level[f] = current
		remaining -= set(ready)
		current += 1
	out = {}
	for f, n in level.items():
		out.setdefault(n, []).append(f)
	return [sorted(out[n]) for n in sorted(out)]


def main():
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", "..", "plugin", "core"))
	parser.add_argument("--prefix", default="core")
	args = parser.parse_args()
	root = os.path.normpath(args.root)
	if not os.path.isdir(root):
		print(f"core_layering: no directory {root}", file=sys.stderr)
		return 2

	edges, folders, bad = scan(root, args.prefix)
	failed = False
	for shown, number, path, why in bad:
		print(f"{shown}:{number}: includes {why} <{path}>; plugin/core is plain C++ (no OBS or Qt)")
		failed = True
	for component in strongly_connected(folders, edges):
		failed = True
		print(f"cycle between core folders {', '.join(component)} (each depends on the others):")
		seen = set()
		for start in component:
			circle = cycle_through(start, component, edges)
			key = frozenset(zip(circle, circle[1:]))
			if key in seen:
				continue
			seen.add(key)
			print(f"  {' -> '.join(circle)}")
			for a, b in zip(circle, circle[1:]):
				for shown, number, path in edges[(a, b)]:
					print(f"    {a} -> {b}: {shown}:{number}: #include \"{path}\"")
	if failed:
		return 1

	print(f"plugin/core folders, lowest layer first ({len(folders)} folders, {len(edges)} folder dependencies, no cycle):")
	for n, layer in enumerate(layers(folders, edges)):
		parts = []
		for f in layer:
			below = sorted(t for (s, t) in edges if s == f)
			parts.append(f"{f} (→ {', '.join(below)})" if below else f)
		print(f"  layer {n}: {'; '.join(parts)}")
	return 0


if __name__ == "__main__":
	sys.exit(main())
