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
            time.sleep(2.5)
            stats = lcs_e2e.screenshot(client, "直播间数据")
            self.assertGreater(lcs_e2e.bright_pixels(stats, min_luma=120), 200, "room stats did not appear")
            card = lcs_e2e.screenshot(client, "价格卡")
            self.assertGreater(lcs_e2e.bright_pixels(card, min_luma=120), 300, "the pinned product is not on the price card")
            press("lcs.next_cue")
            press("lcs.answer_oldest_question")
            time.sleep(1.5)
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


if __name__ == "__main__":
    unittest.main(verbosity=2)
