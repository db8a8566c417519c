#!/usr/bin/python3
"""The practice run behind installer/practice.sh (see there)."""
import argparse
import subprocess
import os
import sys
import time
from datetime import datetime
from pathlib import Path

from obs_launcher import ObsInstance


# A short autopiloted rehearsal through the plugin's own hotkeys (as a Stream Deck would press them):
# start the session, walk the script, pin the product, launch the segment's promotion, answer.
REHEARSAL = [
    (1.0, "lcs.pin_next_product"),
    (2.0, "lcs.next_cue"),
    (3.0, "lcs.call_interaction"),
    (4.0, "lcs.next_segment"),
    (5.0, "lcs.answer_oldest_question"),
    (6.0, "lcs.next_cue"),
    (7.0, "lcs.answer_oldest_question"),
]


def rehearse(client, seconds):
    start = time.monotonic()
    for at, hotkey in REHEARSAL:
        if at >= seconds:
            break
        time.sleep(max(0.0, start + at - time.monotonic()))
        client.call("TriggerHotkeyByName", {"hotkeyName": hotkey})
    time.sleep(max(0.0, start + seconds - time.monotonic()))


def copy_session_logs(obs, output):
    import shutil
    folder = obs.obs_dir / "plugin_config" / "live-commerce-studio" / "sessions"
    copied = []
    for log in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        target = output / log.name
        shutil.copy(log, target)
        copied.append(target)
    return copied


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", required=True, help="build folder (holds rundir/ and plugin/cli/lcs)")
    parser.add_argument("--output", default=os.environ.get("LCS_OUTPUT_DIR"))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("LCS_CLIP_SECONDS", "10")))
    parser.add_argument("--lang", default=os.environ.get("LCS_LANG", "zh-CN"), choices=["zh-CN", "en-US"])
    parser.add_argument("--headless", action="store_true", default=os.environ.get("LCS_HEADLESS") == "1"
                        or not os.environ.get("DISPLAY"))
    args = parser.parse_args()

    build = Path(args.build).resolve()
    output = Path(args.output or Path.cwd() / "out" / f"practice-{datetime.now():%Y%m%d-%H%M%S}").resolve()
    obs = ObsInstance(build / "rundir" / "obs-plugins", build / "rundir" / "data", build / "plugin" / "cli" / "lcs",
                      output, language=args.lang, headless=args.headless)
    try:
        if not args.headless:
            print(f"OBS is running with Live Commerce Studio; recordings go to {output}. Close OBS to finish.")
            obs.process.wait()
            obs.stop()
            return 0

        obs.wait_ready()
        with obs.client() as client:
            # The session first, then OBS's recording: the log links the two (recording_start),
            # and when the recording stops the plugin writes captions and chapters next to it.
            client.call("TriggerHotkeyByName", {"hotkeyName": "lcs.start_stop_session"})
            time.sleep(0.5)
            client.call("StartRecord")
            deadline = time.monotonic() + 30
            while not client.call("GetRecordStatus")["outputActive"]:
                if time.monotonic() > deadline:
                    raise TimeoutError("OBS did not start recording")
                time.sleep(0.2)
            rehearse(client, args.seconds)
            scene = client.call("GetCurrentProgramScene")["currentProgramSceneName"]
            client.screenshot(scene, str(output / "practice-scene.png"))
            recording = client.call("StopRecord")["outputPath"]
            client.wait_event(lambda e: e["eventType"] == "RecordStateChanged"
                              and e["eventData"]["outputState"] == "OBS_WEBSOCKET_OUTPUT_STOPPED", timeout=60)
            time.sleep(1.0)  # the plugin writes the captions next to the video
            client.call("TriggerHotkeyByName", {"hotkeyName": "lcs.start_stop_session"})
            time.sleep(1.0)
        code = obs.stop()
        logs = copy_session_logs(obs, output)
        print(f"OBS exited with {code}; output folder: {output}")
        print(f"  recording:  {recording}")
        print(f"  screenshot: {output / 'practice-scene.png'}")
        print(f"  OBS log:    {output / 'obs-log.txt'}")
        for sidecar in (Path(recording).with_suffix(".vtt"), Path(recording).with_suffix(".chapters.txt")):
            if sidecar.is_file():
                print(f"  next to the video: {sidecar}")
        for log in logs:
            print(f"  session log: {log}")
            for fmt, suffix in (("html", ".report.html"), ("json", ".report.json"), ("vtt", ".vtt"),
                                ("chapters", ".chapters.txt")):
                target = log.with_suffix(suffix)
                subprocess.run([str(build / "plugin" / "cli" / "lcs"), "report", str(log), "--format", fmt,
                                "-o", str(target)], check=True)
                print(f"  {fmt:>11}: {target}")
        return 0 if Path(recording).is_file() and Path(recording).stat().st_size > 0 else 1
    finally:
        if obs.process.poll() is None:
            obs.stop()
        obs.cleanup()


if __name__ == "__main__":
    sys.exit(main())
