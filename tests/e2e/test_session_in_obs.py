"""A practice session in the real OBS, driven by the plugin's hotkeys over obs-websocket
(TriggerHotkeyByName, as a Stream Deck would): overlays change, the session log follows the
contract."""
import json
import time
import unittest

import lcs_e2e


class SessionInObs(unittest.TestCase):
    def test_hotkeys_run_a_session_and_the_log_follows_the_contract(self):
        obs = lcs_e2e.start_obs(language="zh-CN")
        self.addCleanup(obs.cleanup)
        with obs.client() as client:
            def press(name):
                client.call("TriggerHotkeyByName", {"hotkeyName": name})

            before = lcs_e2e.screenshot(client, "直播间数据")
            self.assertEqual(lcs_e2e.bright_pixels(before), 0, "room stats must be empty before a session")
            press("lcs.start_stop_session")
            press("lcs.pin_next_product")
            time.sleep(0.5)
            client.call("StartRecord")
            time.sleep(2.0)
            stats = lcs_e2e.screenshot(client, "直播间数据")
            self.assertGreater(lcs_e2e.bright_pixels(stats, min_luma=120), 200, "room stats did not appear")
            card = lcs_e2e.screenshot(client, "价格卡")
            self.assertGreater(lcs_e2e.bright_pixels(card, min_luma=120), 300, "the pinned product is not on the price card")
            press("lcs.next_cue")
            press("lcs.answer_oldest_question")
            time.sleep(1.5)
            video = client.call("StopRecord")["outputPath"]
            time.sleep(1.0)
            press("lcs.start_stop_session")
            time.sleep(1.0)
        self.assertEqual(obs.stop(), 0)

        folder = obs.obs_dir / "plugin_config" / "live-commerce-studio" / "sessions"
        logs = sorted(folder.glob("*.jsonl"))
        self.assertEqual(len(logs), 1, f"expected one session log in {folder}")
        lines = logs[0].read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0])
        self.assertEqual(header["schema"], "lcs.session/1")
        self.assertEqual(header["scenario"]["language"], "zh-CN")
        events = [json.loads(line) for line in lines[1:]]
        types = [e["type"] for e in events]
        for expected in ("segment_start", "cue_shown", "viewer_join", "product_pin", "session_end"):
            self.assertIn(expected, types)
        times = [e["t"] for e in events]
        self.assertEqual(times, sorted(times), "t must never decrease")
        self.assertEqual(events[-1]["type"], "session_end")
        self.assertEqual(events[-1]["reason"], "stopped")
        self.assertIn("practice session", obs.log_text())

        # The recording is linked: its start and stop are in the log, captions and chapters sit
        # next to the video, and the captions' times are video times (session time − start).
        starts = [e for e in events if e["type"] == "recording_start"]
        stops = [e for e in events if e["type"] == "recording_stop"]
        self.assertEqual(len(starts), 1)
        self.assertEqual(len(stops), 1)
        self.assertEqual(stops[0]["path"], video)
        from pathlib import Path
        base = Path(video).with_suffix("")
        vtt = Path(str(base) + ".vtt").read_text(encoding="utf-8")
        chapters = Path(str(base) + ".chapters.txt").read_text(encoding="utf-8")
        self.assertTrue(vtt.startswith("WEBVTT"))
        self.assertTrue(chapters.startswith(";FFMETADATA1"))
        cue_events = [e for e in events if e["type"] == "cue_shown" and e["t"] >= starts[0]["t"]]
        self.assertTrue(cue_events, "no cue shown while recording")
        offset = cue_events[0]["t"] - starts[0]["t"]
        stamp = "%02d:%02d:%02d.%03d" % (offset // 3600000, offset // 60000 % 60, offset // 1000 % 60, offset % 1000)
        self.assertIn(stamp + " --> ", vtt, "the first cue while recording is not at its video time")


if __name__ == "__main__":
    unittest.main(verbosity=2)
