"""The control desk in the real OBS: added as a dock, its remembered script comes back and is what
StartSession uses, its place and settings are saved the OBS way, hotkey bindings live in the OBS
profile and come back after a restart, and the practice scene collection is built live inside OBS
(the desk's button, here through the vendor request that does the same)."""
import base64
import json
import re
import time
import unittest

import lcs_e2e

VENDOR = "live-commerce-studio"


def ini_section(text, name):
    match = re.search(r"^\[" + re.escape(name) + r"\]\n(.*?)(?=^\[|\Z)", text, re.M | re.S)
    return dict(line.split("=", 1) for line in match.group(1).splitlines() if "=" in line) if match else {}


def set_ini_values(path, section, values):
    """Sets keys of one section of an OBS ini file (adding the section when missing)."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == f"[{section}]"), None)
    if start is None:
        lines += ["", f"[{section}]"]
        start = len(lines) - 1
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), len(lines))
    body = [line for line in lines[start + 1:end] if line.split("=", 1)[0] not in values]
    body = [line for line in body if line.strip()] + [f"{k}={v}" for k, v in values.items()] + [""]
    path.write_text("\n".join(lines[:start + 1] + body + lines[end:]) + "\n", encoding="utf-8")


class ControlDesk(unittest.TestCase):
    def test_desk_settings_come_back_and_the_practice_collection_is_built_in_obs(self):
        apparel = lcs_e2e.DATA / "live-commerce-studio" / "packs" / "apparel-members" / "apparel-members.zh-CN.json"
        settings = ("[LiveCommerceStudio]\n"
                    f"PackFiles={json.dumps([str(apparel)])}\nTrainee=小李\nDurationMinutes=3\n"
                    "RandomSeed=false\nSeed=99\n")
        obs = lcs_e2e.start_obs(language="zh-CN", collection="Untitled", extra_global=settings)
        self.addCleanup(obs.cleanup)
        with obs.client() as client:
            def call(request, data=None):
                return client.vendor(VENDOR, request, data)

            # The remembered pack is the script in use: StartSession alone runs its first scenario.
            deadline = time.monotonic() + 20
            while True:
                self.assertTrue(call("StartSession")["ok"])
                time.sleep(0.5)
                status = call("GetStatus")
                if status["sessionRunning"] and status["scenarioId"] == "am-evening":
                    break
                if time.monotonic() > deadline:
                    self.fail(f"the remembered pack did not come back: {status}")
                call("StopSession")
                time.sleep(0.3)
            self.assertTrue(call("StopSession")["ok"])

            # The practice scene collection, built live in this OBS from the empty "Untitled" one.
            created = call("CreatePracticeScene")
            self.assertTrue(created["ok"], created)
            self.assertEqual(created["status"], "created")
            self.assertEqual(created["problems"], [])
            collections = client.call("GetSceneCollectionList")
            self.assertEqual(collections["currentSceneCollectionName"], "Live Commerce Practice")
            scenes = [s["sceneName"] for s in client.call("GetSceneList")["scenes"]]
            self.assertIn("直播间（横屏）", scenes)
            self.assertIn("直播间（竖屏 9:16）", scenes)
            self.assertNotIn("场景", scenes)  # OBS's empty default scene went away
            items = client.call("GetSceneItemList", {"sceneName": "直播间（横屏）"})["sceneItems"]
            kinds = {i["inputKind"] for i in items}
            for kind in ("lcs_cue_prompter", "lcs_price_card", "lcs_comment_feed", "lcs_order_ticker", "lcs_room_stats"):
                self.assertIn(kind, kinds)
            self.assertEqual(client.call("GetCurrentProgramScene")["currentProgramSceneName"], "直播间（横屏）")
            # The prompter shows the script in use (the remembered apparel pack) in the built scene.
            deadline = time.monotonic() + 10
            while lcs_e2e.bright_pixels(lcs_e2e.screenshot(client, "直播间（横屏）")) <= 300:
                self.assertLess(time.monotonic(), deadline, "the built scene shows no text")
                time.sleep(0.5)
            again = call("CreatePracticeScene")
            self.assertEqual(again["status"], "already_open")

        self.assertEqual(obs.stop(), 0)
        log = obs.log_text()
        self.assertIn("[live-commerce-studio] control desk added", log)
        # OBS 29 has neither obs_frontend_add_dock_by_id (30) nor obs_frontend_get_user_config (31):
        # the module falls back to what 29 offers (docs/obs-versions.md).
        self.assertIn("obs_frontend_add_dock, settings in the global config)", log)
        self.assertIn("Number of memory leaks: 0", log)
        stdout = (obs.output_dir / "obs-stdout.txt").read_text(errors="replace")
        self.assertEqual(lcs_e2e.our_problems(stdout), [])

        # Saved the OBS way: the desk's settings in global.ini, the dock's place in OBS's DockState.
        global_ini = (obs.obs_dir / "global.ini").read_text(encoding="utf-8-sig")
        desk = ini_section(global_ini, "LiveCommerceStudio")
        self.assertEqual(json.loads(desk["PackFiles"]), [str(apparel)])
        self.assertEqual(desk["Trainee"], "小李")
        self.assertEqual(desk["DurationMinutes"], "3")
        self.assertEqual(desk["Seed"], "99")
        dock_state = base64.b64decode(ini_section(global_ini, "BasicWindow")["DockState"])
        self.assertIn("LiveCommerceStudioDock".encode("utf-16-be"), dock_state)
        # The collection OBS saved on exit is the one built live, with our sources in it.
        saved = json.loads((obs.obs_dir / "basic" / "scenes" / "Live_Commerce_Practice.json").read_text(encoding="utf-8"))
        self.assertEqual(saved["name"], "Live Commerce Practice")
        self.assertTrue({"lcs_cue_prompter", "lcs_room_stats"} <= {s["id"] for s in saved["sources"]})


    def test_hotkey_bindings_are_kept_by_obs_across_a_restart(self):
        first = lcs_e2e.start_obs(language="en-US")
        self.addCleanup(first.cleanup)
        self.assertEqual(first.stop(), 0)
        # Kept in the profile's basic.ini [Hotkeys], as OBS's own frontend hotkeys, not in the collection.
        profile_file = first.obs_dir / "basic" / "profiles" / "Practice" / "basic.ini"
        hotkeys = ini_section(profile_file.read_text(encoding="utf-8-sig"), "Hotkeys")
        self.assertIn("lcs.start_stop_session", hotkeys)
        self.assertIn("lcs.next_cue", hotkeys)
        self.assertEqual(json.loads(hotkeys["lcs.start_stop_session"]), {"bindings": []})
        collection_file = first.obs_dir / "basic" / "scenes" / "Live_Commerce_Practice.json"
        saved = json.loads(collection_file.read_text(encoding="utf-8"))
        self.assertNotIn("live-commerce-studio.hotkeys", saved.get("modules", {}))
        # What Settings → Hotkeys stores when the trainee binds F13 and F14.
        set_ini_values(profile_file, "Hotkeys", {
            "lcs.start_stop_session": json.dumps({"bindings": [{"key": "OBS_KEY_F13"}]}),
            "lcs.next_cue": json.dumps({"bindings": [{"key": "OBS_KEY_F14"}]}),
        })
        # A collection saved by an earlier version with its own copy (F5) does not override them.
        saved.setdefault("modules", {})["live-commerce-studio.hotkeys"] = {
            "lcs.start_stop_session": [{"key": "OBS_KEY_F5"}]}
        collection_file.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")

        second = lcs_e2e.start_obs(language="en-US", home=first.home, reuse_config=True)
        self.addCleanup(second.cleanup)
        with second.client() as client:
            def status():
                return client.vendor(VENDOR, "GetStatus")

            def wait(predicate, what):
                deadline = time.monotonic() + 15
                while not predicate(status()):
                    self.assertLess(time.monotonic(), deadline, what)
                    time.sleep(0.2)

            client.call("TriggerHotkeyByKeySequence", {"keyId": "OBS_KEY_F5"})
            time.sleep(1.0)
            self.assertFalse(status()["sessionRunning"], "the old collection's F5 replaced the profile's bindings")
            client.call("TriggerHotkeyByKeySequence", {"keyId": "OBS_KEY_F13"})
            wait(lambda s: s["sessionRunning"], "F13 did not start the session")
            cue = status()["cueId"]
            client.call("TriggerHotkeyByKeySequence", {"keyId": "OBS_KEY_F14"})
            wait(lambda s: s["cueId"] != cue, "F14 did not move to the next cue")
            client.call("TriggerHotkeyByKeySequence", {"keyId": "OBS_KEY_F13"})
            wait(lambda s: not s["sessionRunning"], "F13 did not stop the session")
        self.assertEqual(second.stop(), 0)
        again = ini_section(profile_file.read_text(encoding="utf-8-sig"), "Hotkeys")
        self.assertEqual([b["key"] for b in json.loads(again["lcs.start_stop_session"])["bindings"]], ["OBS_KEY_F13"])
        self.assertEqual([b["key"] for b in json.loads(again["lcs.next_cue"])["bindings"]], ["OBS_KEY_F14"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
