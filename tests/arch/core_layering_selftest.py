#!/usr/bin/env python3
"""core_layering.py can fail: small core trees with a cycle, with OBS and Qt includes, and a clean
one; checks the exit code and that the messages name the includes by file:line."""

import os
import subprocess
import sys
import tempfile
import unittest

CHECKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "core_layering.py")


def tree(root, files):
	for rel, text in files.items():
		path = os.path.join(root, rel)
		os.makedirs(os.path.dirname(path), exist_ok=True)
		with open(path, "w", encoding="utf-8") as f:
			f.write(text)


def run(root):
	done = subprocess.run([sys.executable, CHECKER, "--root", root], cwd=os.path.dirname(root),
			      capture_output=True, text=True, check=False)
	return done.returncode, done.stdout + done.stderr


class CoreLayering(unittest.TestCase):
	def setUp(self):
		self.tmp = tempfile.TemporaryDirectory()
		self.root = os.path.join(self.tmp.name, "core")

	def tearDown(self):
		self.tmp.cleanup()

	def test_cycle_names_its_includes(self):
		tree(self.root, {
			"pack/pack.hpp": '#pragma once\n#include <string>\n#include "core/audience/scenario.hpp"\n',
			"audience/scenario.hpp": '#pragma once\n// #include "core/session/event.hpp" (a comment)\n',
			"audience/simulator.hpp": '#pragma once\n\n#include "core/pack/pack.hpp"\n#include "core/session/event.hpp"\n',
			"session/event.hpp": '#pragma once\n/*\n#include "core/pack/pack.hpp"\n*/\n',
			"session/controller.cpp": '#include "../audience/simulator.hpp"\n',
		})
		code, out = run(self.root)
		self.assertEqual(code, 1, out)
		self.assertIn("cycle between core folders audience, pack", out)
		self.assertIn("audience -> pack -> audience", out)
		self.assertIn('audience -> pack: core/audience/simulator.hpp:3: #include "core/pack/pack.hpp"', out)
		self.assertIn('pack -> audience: core/pack/pack.hpp:3: #include "core/audience/scenario.hpp"', out)
		# session only depends on audience (relative include; commented includes do not count).
		self.assertNotIn("session, ", out)
		self.assertNotIn("session/event.hpp:3", out)

	def test_longer_cycle(self):
		tree(self.root, {
			"a/a.hpp": '#include "core/b/b.hpp"\n',
			"b/b.hpp": '#include "core/c/c.hpp"\n',
			"c/c.cpp": '#include <vector>\n#include "core/a/a.hpp"\n',
		})
		code, out = run(self.root)
		self.assertEqual(code, 1, out)
		self.assertIn("a -> b -> c -> a", out)
		self.assertIn('c -> a: core/c/c.cpp:2: #include "core/a/a.hpp"', out)

	def test_obs_and_qt_includes(self):
		tree(self.root, {
			"overlay/model.hpp": '#pragma once\n#include <obs-module.h>\n',
			"overlay/model.cpp": '#include "core/overlay/model.hpp"\n#include <util/bmem.h>\n#include <graphics/vec4.h>\n',
			"session/a.cpp": '#include <obs.h>\n#include <obs-frontend-api.h>\n#include <media-io/audio-io.h>\n',
			"session/b.cpp": '#include <callback/signal.h>\n#include <QString>\n#include <QtWidgets/QWidget>\n',
			"session/c.cpp": '#include "core/util/utf8.hpp"\n#include <nlohmann/json.hpp>\n',
			"util/utf8.hpp": '#pragma once\n',
		})
		code, out = run(self.root)
		self.assertEqual(code, 1, out)
		for where in ("core/overlay/model.hpp:2: includes an OBS header <obs-module.h>",
			      "core/overlay/model.cpp:2: includes a libobs header <util/bmem.h>",
			      "core/overlay/model.cpp:3: includes a libobs header <graphics/vec4.h>",
			      "core/session/a.cpp:1: includes an OBS header <obs.h>",
			      "core/session/a.cpp:2: includes an OBS header <obs-frontend-api.h>",
			      "core/session/a.cpp:3: includes a libobs header <media-io/audio-io.h>",
			      "core/session/b.cpp:1: includes a libobs header <callback/signal.h>",
			      "core/session/b.cpp:2: includes a Qt header <QString>",
			      "core/session/b.cpp:3: includes a Qt header <QtWidgets/QWidget>"):
			self.assertIn(where, out)
		self.assertNotIn("c.cpp", out)
		self.assertNotIn("utf8", out)

	def test_clean_tree_prints_its_layers(self):
		tree(self.root, {
			"pack/pack.hpp": '#include "core/diag/diagnostic.hpp"\n',
			"diag/diagnostic.hpp": '#include <string>\n',
			"promo/engine.hpp": '#include "core/pack/pack.hpp"\n#include "core/event/event.hpp"\n',
			"event/event.hpp": '#include <nlohmann/json.hpp>\n',
			"session/controller.hpp": '#include "core/promo/engine.hpp"\n',
		})
		code, out = run(self.root)
		self.assertEqual(code, 0, out)
		self.assertIn("layer 0: diag; event\n", out)
		self.assertIn("layer 1: pack (→ diag)\n", out)
		self.assertIn("layer 2: promo (→ event, pack)\n", out)
		self.assertIn("layer 3: session (→ promo)\n", out)


if __name__ == "__main__":
	unittest.main()
