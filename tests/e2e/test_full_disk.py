"""A practice session in the real OBS whose log folder is a tiny filesystem that fills during the
session: OBS keeps running and answering, the failure is in GetStatus and once in the OBS log
(path and the OS's reason), and what was written before stays readable to its last complete line."""
import json
import os
import subprocess
import time
import unittest
from pathlib import Path

import lcs_e2e

VENDOR = "live-commerce-studio"


@unittest.skipUnless(os.geteuid() == 0, "mounting a small tmpfs as the session folder needs root (CI runs as root)")
class FullDisk(unittest.TestCase):
    def test_a_full_log_folder_is_reported_and_obs_goes_on(self):
        obs = lcs_e2e.start_obs(language="zh-CN")
        self.addCleanup(obs.cleanup)
        sessions = obs.obs_dir / "plugin_config" / "live-commerce-studio" / "sessions"
        sessions.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(sessions)], check=True)
        self.addCleanup(subprocess.run, ["umount", "-l", str(sessions)], check=False)
        with obs.client() as client:
            def call(request, data=None):
                return client.vendor(VENDOR, request, data)

            self.assertTrue(call("StartSession")["ok"])
            time.sleep(2.0)
            status = call("GetStatus")
            self.assertEqual(status["logError"], "")
            log_path = Path(status["logPath"])
            self.assertEqual(log_path.parent, sessions)
            # Something else fills the disk while the session runs.
            with open(sessions / "filler.bin", "wb", buffering=0) as filler:
                try:
                    while True:
                        filler.write(b"\0" * 4096)
                except OSError as full:
                    self.assertEqual(full.errno, 28)
            # Events until the log's last page (which the filler could not take) is full too.
            deadline = time.monotonic() + 15
            while not call("GetStatus")["logError"] and time.monotonic() < deadline:
                self.assertTrue(call("InjectComment")["ok"])
                time.sleep(0.02)
            status = call("GetStatus")
            self.assertIn(str(log_path), status["logError"])
            self.assertIn(os.strerror(28), status["logError"])  # ENOSPC: No space left on device
            # The session goes on and OBS answers: the room keeps running, commands still work.
            elapsed = status["elapsedMs"]
            for _ in range(50):
                self.assertTrue(call("GetStatus")["ok"])
            self.assertTrue(call("NextCue")["ok"])
            self.assertTrue(call("InjectComment")["ok"])
            time.sleep(1.0)
            later = call("GetStatus")
            self.assertTrue(later["sessionRunning"])
            self.assertGreater(later["elapsedMs"], elapsed)
            self.assertEqual(later["logError"], status["logError"])
            self.assertIn("lcs_cue_prompter", client.call("GetInputKindList")["inputKinds"])
            self.assertTrue(call("StopSession")["ok"])
            time.sleep(1.0)
            self.assertFalse(call("GetStatus")["sessionRunning"])
        self.assertEqual(obs.stop(), 0)

        # What was written is intact up to the last complete line (the failed one may be cut).
        lines = log_path.read_bytes().split(b"\n")
        lines.pop()
        self.assertEqual(json.loads(lines[0])["schema"], "lcs.session/1")
        events = [json.loads(line) for line in lines[1:]]
        self.assertTrue(events)
        report = subprocess.run([str(lcs_e2e.LCS), "report", str(log_path), "--format", "json"],
                                capture_output=True, text=True)
        self.assertEqual(report.returncode, 0, report.stderr)
        self.assertIn("pv", json.loads(report.stdout)["metrics"])
        # One clear line in the OBS log, not one per event.
        warned = [line for line in obs.log_text().splitlines() if "[live-commerce-studio]" in line and str(log_path) in line
                  and os.strerror(28) in line]
        self.assertEqual(len(warned), 1, warned)
        print("OBS log:", warned[0].strip())


if __name__ == "__main__":
    unittest.main(verbosity=2)
