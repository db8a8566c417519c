"""The plugin's memory in the real OBS: RSS of OBS on the practice scene collection without our
module (an empty plugin folder: the scene's sources are then missing, OBS keeps their settings),
then with it, idle and during a busy session, in one run. The plugin's share must be ≤ 30 MB."""
import tempfile
import time
import unittest

import lcs_e2e

VENDOR = "live-commerce-studio"
LIMIT_MB = 30.0


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def settled_rss(obs, seconds=3.0):
    """The median of a few samples after OBS has rendered for a while (its start-up peak is gone)."""
    samples = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        samples.append(rss_mb(obs.process.pid))
        time.sleep(0.25)
    return sorted(samples)[len(samples) // 2]


class PluginMemory(unittest.TestCase):
    def test_the_plugin_adds_at_most_30_mb_to_obs(self):
        empty = tempfile.mkdtemp(prefix="lcs-no-plugin-")
        bare = lcs_e2e.start_obs(language="zh-CN", plugins_path=empty, data_path=empty)
        self.addCleanup(bare.cleanup)
        with bare.client() as client:
            self.assertNotIn("lcs_cue_prompter", client.call("GetInputKindList")["inputKinds"])
            time.sleep(2.0)
            without = settled_rss(bare)
        self.assertEqual(bare.stop(), 0)

        obs = lcs_e2e.start_obs(language="zh-CN")
        self.addCleanup(obs.cleanup)
        with obs.client() as client:
            def call(request, data=None):
                return client.vendor(VENDOR, request, data)

            self.assertIn("lcs_cue_prompter", client.call("GetInputKindList")["inputKinds"])
            time.sleep(2.0)
            idle = settled_rss(obs)
            self.assertTrue(call("StartSession")["ok"])
            self.assertTrue(call("PinProduct")["ok"])
            self.assertTrue(call("StartPromotion")["ok"])
            for _ in range(10):  # a busy room: cues, chat, answers
                self.assertTrue(call("NextCue")["ok"])
                injected = call("InjectComment")
                time.sleep(0.4)  # posted at the next frame
                answered = call("AnswerComment", {"commentId": injected["commentId"]})
                self.assertTrue(answered["ok"], answered)
            session = settled_rss(obs)
            self.assertTrue(call("GetStatus")["sessionRunning"])
            self.assertTrue(call("StopSession")["ok"])
        self.assertEqual(obs.stop(), 0)

        share = max(idle, session) - without
        print(f"OBS RSS: without the plugin {without:.1f} MB; with it idle {idle:.1f} MB "
              f"(+{idle - without:.1f}), during a session {session:.1f} MB (+{session - without:.1f}); "
              f"the plugin's share {share:.1f} MB (limit {LIMIT_MB:.0f} MB)")
        self.assertLessEqual(share, LIMIT_MB)


if __name__ == "__main__":
    unittest.main(verbosity=2)
