"""Team script libraries in the real OBS (issue 12): a library published with the built `lcs` into
nginx (WebDAV) is synced by the vendor request SyncLibrary, a session runs on its pack and the
session header names the library and version; then, with nginx stopped, OBS starts again cleanly,
the library shows offline with its cached version, and a session on the cached pack still runs."""
import json
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

import lcs_e2e

sys.path.insert(0, str(lcs_e2e.SOURCE_DIR / "tests" / "support" / "servers"))
from lcs_servers import NginxDav  # noqa: E402  (path set just above)

VENDOR = "live-commerce-studio"
PACK = lcs_e2e.SOURCE_DIR / "scripts-library" / "packs" / "farm-origin" / "farm-origin.en-US.json"


def header_of(log_path):
    with open(log_path, encoding="utf-8") as f:
        return json.loads(f.readline())


class LibraryInObs(unittest.TestCase):
    def run_session(self, client):
        """Starts a session, waits for it, stops it; returns its log's header."""
        def vendor_event(name, timeout=20):
            return client.wait_event(lambda e: e["eventType"] == "VendorEvent"
                                     and e["eventData"]["vendorName"] == VENDOR
                                     and e["eventData"]["eventType"] == name, timeout)["eventData"]["eventData"]
        started = client.vendor(VENDOR, "StartSession", {"trainee": "e2e"})
        self.assertTrue(started["ok"], started)
        log_path = vendor_event("SessionStarted")["logPath"]
        time.sleep(1.0)
        self.assertTrue(client.vendor(VENDOR, "StopSession")["ok"])
        vendor_event("SessionEnded")
        return header_of(log_path)

    def test_sync_from_nginx_then_offline_start_uses_the_cache(self):
        work = Path(tempfile.mkdtemp(prefix="lcs-e2e-library-"))
        key = work / "coach.key"
        subprocess.run([str(lcs_e2e.LCS), "keygen", "-o", str(key)], check=True, capture_output=True)
        public_key = (work / "coach.key.pub").read_text(encoding="utf-8")
        nginx = NginxDav(work / "www")
        self.addCleanup(nginx.stop)
        published = subprocess.run([str(lcs_e2e.LCS), "publish", str(PACK), "--to", nginx.url, "--key", str(key),
                                    "--library", "team-e2e", "--message", "first cut for the class"],
                                   capture_output=True, text=True)
        self.assertEqual(published.returncode, 0, published.stderr)

        first = lcs_e2e.start_obs(language="en-US")
        self.addCleanup(first.cleanup)
        with first.client() as client:
            # A JSON array of strings does not reach a vendor through obs-websocket: key lines as text.
            synced = client.vendor(VENDOR, "SyncLibrary", {"source": nginx.url, "trust": public_key, "usePacks": True})
            self.assertTrue(synced["ok"], synced)
            self.assertEqual(synced["library"], "team-e2e")
            self.assertEqual(synced["version"], 1)
            self.assertEqual(synced["message"], "first cut for the class")
            self.assertFalse(synced["offline"])
            self.assertEqual(len(synced["packs"]), 1)
            pack_file = Path(synced["packs"][0]["path"])
            self.assertEqual(pack_file.parent.name, "current")
            self.assertEqual(pack_file.read_bytes(), PACK.read_bytes())
            self.assertIn("plugin_config/live-commerce-studio/libraries", str(pack_file))

            header = self.run_session(client)
            self.assertEqual(header["packs"][0]["id"], "farm-origin-en")
            self.assertEqual(header["packs"][0].get("library"), "team-e2e", header["packs"])
            self.assertEqual(header["packs"][0].get("library_version"), 1, header["packs"])

            listed = client.vendor(VENDOR, "GetLibraries")
            self.assertTrue(listed["ok"])
            self.assertEqual([l["library"] for l in listed["libraries"]], ["team-e2e"])
        self.assertEqual(first.stop(), 0)
        stdout = (first.output_dir / "obs-stdout.txt").read_text(errors="replace")
        self.assertEqual(lcs_e2e.our_problems(stdout), [])
        # The list (not the credentials) is in OBS's global config, next to the desk's settings.
        global_ini = (first.obs_dir / "global.ini").read_text(encoding="utf-8-sig")
        self.assertIn("team-e2e", global_ini)

        nginx.stop()  # the host is gone: OBS must still start, and the cached version serve
        began = time.monotonic()
        second = lcs_e2e.start_obs(language="en-US", home=first.home, reuse_config=True)
        self.addCleanup(second.cleanup)
        with second.client() as client:
            self.assertLess(time.monotonic() - began, 60, "OBS start waited for the network")
            deadline = time.monotonic() + 30
            while True:
                libraries = client.vendor(VENDOR, "GetLibraries")["libraries"]
                self.assertEqual(len(libraries), 1)
                if libraries[0]["updated"] and not libraries[0]["busy"]:
                    break
                self.assertLess(time.monotonic(), deadline, libraries)
                time.sleep(0.3)
            library = libraries[0]
            self.assertTrue(library["offline"], library)
            self.assertEqual(library["version"], 1)
            self.assertTrue(library["offline_reason"])
            self.assertNotIn("error", library)
            # The script in use when OBS closed (the library's cached pack) came back: the desk
            # loads it once OBS finished loading (a prompter's bundled pack may be in use before).
            deadline = time.monotonic() + 20
            while "script in use: " not in second.log_text() or f"from {pack_file}\n" not in second.log_text():
                self.assertLess(time.monotonic(), deadline, "the cached pack did not come back")
                time.sleep(0.3)
            self.assertTrue(client.vendor(VENDOR, "GetStatus")["hasScript"])
            header = self.run_session(client)
            self.assertEqual(header["packs"][0].get("library"), "team-e2e", header["packs"])
            self.assertEqual(header["packs"][0].get("library_version"), 1, header["packs"])
        self.assertEqual(second.stop(), 0)
        log = second.log_text()
        self.assertIn("Number of memory leaks: 0", log)
        offline_lines = [line for line in log.splitlines() if "is offline: using the cached version 1" in line]
        self.assertEqual(len(offline_lines), 1, offline_lines)


if __name__ == "__main__":
    unittest.main(verbosity=2)
