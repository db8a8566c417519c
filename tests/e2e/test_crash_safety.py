"""kill -9 of the real OBS in the middle of a recorded practice session: the session log reads to
its last complete event and lost at most the last second, `lcs report` builds from it, and OBS
starts again cleanly on the same configuration with the plugin, the desk and the vendor API."""
import json
import os
import signal
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

import lcs_e2e

VENDOR = "live-commerce-studio"


def read_log(path):
    """The events of a session log; a torn last line is returned apart, a torn line elsewhere fails."""
    lines = path.read_bytes().split(b"\n")
    torn = lines.pop() if lines else b""  # after the last newline: empty, or a line cut by the kill
    header = json.loads(lines[0])
    events = [json.loads(line) for line in lines[1:]]
    return header, events, torn


class CrashSafety(unittest.TestCase):
    def test_kill_during_a_session_loses_at_most_a_second_and_obs_starts_again(self):
        obs = lcs_e2e.start_obs(language="en-US")
        self.addCleanup(obs.cleanup)
        with obs.client() as client:
            def call(request, data=None):
                return client.vendor(VENDOR, request, data)

            self.assertTrue(call("StartSession")["ok"])
            client.call("StartRecord")
            time.sleep(3.0)
            self.assertTrue(call("NextCue")["ok"])
            injected = call("InjectComment")
            self.assertTrue(injected["ok"], injected)
            time.sleep(0.3)  # the comment is on the writer's queue
            status = call("GetStatus")
            self.assertTrue(status["sessionRunning"])
            log_path = Path(status["logPath"])
            os.kill(obs.process.pid, signal.SIGKILL)
            obs.process.wait()
        self.assertEqual(obs.stop(), -signal.SIGKILL)

        header, events, torn = read_log(log_path)
        self.assertEqual(header["schema"], "lcs.session/1")
        print(f"killed at session time {status['elapsedMs']} ms; the log ends at t={events[-1]['t']} ms "
              f"after {len(events)} events" + (f", torn last line of {len(torn)} bytes" if torn else ""))
        self.assertNotIn("session_end", [e["type"] for e in events])
        # At most one second lost: the comment injected just before is there, and the log reaches
        # within 1 s of the session time GetStatus reported before the kill.
        self.assertIn(injected["commentId"], [e.get("comment_id") for e in events if e["type"] == "comment"])
        self.assertGreaterEqual(events[-1]["t"], status["elapsedMs"] - 1000)
        self.assertIn("recording_start", [e["type"] for e in events])

        report = subprocess.run([str(lcs_e2e.LCS), "report", str(log_path), "--format", "json"],
                                capture_output=True, text=True)
        self.assertEqual(report.returncode, 0, report.stderr)
        built = json.loads(report.stdout)
        self.assertGreater(built["metrics"]["duration_s"], 2.0)
        self.assertIn("pv", built["metrics"])
        self.assertEqual(built["session"]["truncated"], bool(torn))
        # The same with a line torn by the kill: the report builds to the last complete event.
        cut = Path(tempfile.mkdtemp(prefix="lcs-torn-")) / "torn.jsonl"
        text = log_path.read_bytes()
        cut.write_bytes(text + text.split(b"\n")[-2][:25])
        torn_report = subprocess.run([str(lcs_e2e.LCS), "report", str(cut), "--format", "json"],
                                     capture_output=True, text=True)
        self.assertEqual(torn_report.returncode, 0, torn_report.stderr)
        torn_built = json.loads(torn_report.stdout)
        self.assertTrue(torn_built["session"]["truncated"], "the report must say its log's last line was cut")
        self.assertEqual(torn_built["metrics"], built["metrics"])
        before_restart = log_path.read_bytes()

        # OBS again on the configuration the killed one left: OBS 29.0.2 has no unclean-shutdown
        # (safe mode) prompt (that came with 30.0), so nothing blocks the headless start; the
        # websocket coming up proves no modal dialog holds the main thread.
        again = lcs_e2e.start_obs(home=obs.home, reuse_config=True)
        with again.client() as client:
            def call(request, data=None):
                return client.vendor(VENDOR, request, data)

            status = call("GetStatus")
            self.assertTrue(status["ok"])
            self.assertFalse(status["sessionRunning"])
            self.assertEqual(status["logError"], "")
            self.assertFalse(client.call("GetRecordStatus")["outputActive"])
            # A new session and recording work; the captions go next to the new video.
            self.assertTrue(call("StartSession")["ok"])
            client.call("StartRecord")
            time.sleep(2.0)
            self.assertTrue(call("NextCue")["ok"])
            time.sleep(1.0)
            video = client.call("StopRecord")["outputPath"]
            time.sleep(1.0)
            second = call("GetStatus")
            self.assertTrue(call("StopSession")["ok"])
            time.sleep(1.0)
        self.assertEqual(again.stop(), 0)
        self.assertNotEqual(second["logPath"], str(log_path))
        self.assertEqual(log_path.read_bytes(), before_restart, "the killed session's log changed")
        _, events, torn = read_log(Path(second["logPath"]))
        self.assertEqual(torn, b"")
        self.assertEqual(events[-1]["type"], "session_end")
        self.assertTrue(Path(video).with_suffix(".vtt").exists(), "no captions next to the new recording")
        log = again.log_text()
        self.assertIn("[live-commerce-studio] module loaded", log)
        self.assertIn("[live-commerce-studio] control desk added", log)
        self.assertIn("[live-commerce-studio] module unloaded", log)
        stdout = (again.output_dir / "obs-stdout.txt").read_text(errors="replace")
        self.assertEqual(lcs_e2e.our_problems(stdout), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
