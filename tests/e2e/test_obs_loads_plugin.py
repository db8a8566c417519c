"""The real OBS binary under Xvfb loads Live Commerce Studio and shows the practice scene."""
import unittest

import lcs_e2e


class ObsLoadsPlugin(unittest.TestCase):
    def run_obs(self, **kwargs):
        obs = lcs_e2e.start_obs(**kwargs)
        self.addCleanup(obs.cleanup)
        return obs

    def test_module_loads_from_build_tree_and_unloads_cleanly(self):
        obs = self.run_obs(language="zh-CN")
        with obs.client() as client:
            kinds = client.call("GetInputKindList")["inputKinds"]
            self.assertIn("lcs_cue_prompter", kinds)
            scenes = [s["sceneName"] for s in client.call("GetSceneList")["scenes"]]
            self.assertIn("直播间（横屏）", scenes)
            self.assertIn("直播间（竖屏 9:16）", scenes)
            inputs = client.call("GetInputList", {"inputKind": "lcs_cue_prompter"})["inputs"]
            self.assertEqual(len(inputs), 2)
            # The prompter's Chinese empty-state message is drawn in the scene.
            image = lcs_e2e.screenshot(client, "话术提词器")
            self.assertGreater(lcs_e2e.bright_pixels(image), 300)
        self.assertEqual(obs.stop(), 0)
        log = obs.log_text()
        self.assertIn("[live-commerce-studio] module loaded", log)
        self.assertIn("[live-commerce-studio] module unloaded", log)
        self.assertIn("Number of memory leaks: 0", log)
        stdout = (obs.output_dir / "obs-stdout.txt").read_text(errors="replace")
        self.assertEqual(lcs_e2e.our_problems(stdout), [])

    def test_module_loads_from_a_per_user_install(self):
        import os
        import subprocess
        import tempfile
        from pathlib import Path
        # install-user.sh puts the plugin under $XDG_CONFIG_HOME/obs-studio/plugins; OBS is then
        # started without OBS_PLUGINS_PATH and must find it there by itself.
        obs_home = Path(tempfile.mkdtemp(prefix="lcs-user-"))
        env = dict(os.environ, XDG_CONFIG_HOME=str(obs_home / ".config"), HOME=str(obs_home))
        subprocess.run([str(lcs_e2e.SOURCE_DIR / "installer" / "install-user.sh"), str(lcs_e2e.BUILD_DIR)],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        obs = self.run_obs(plugins_path="", data_path="", home=obs_home)
        with obs.client() as client:
            self.assertIn("lcs_cue_prompter", client.call("GetInputKindList")["inputKinds"])
        self.assertEqual(obs.stop(), 0)
        self.assertIn("[live-commerce-studio] module loaded", obs.log_text())


if __name__ == "__main__":
    unittest.main(verbosity=2)
