#!/usr/bin/python3
"""Runs the real OBS Studio with Live Commerce Studio loaded from a build tree or an install.

OBS gets its own configuration folder (the user's own OBS settings are never touched) holding:
global.ini with obs-websocket enabled and no first-run wizard, a "Practice" profile that records
MKV into an output folder, and the "Live Commerce Practice" scene collection written by
`lcs practice-scene`. Without a display it starts its own Xvfb.
Used by installer/practice.sh (the main job) and by tests/e2e.
"""
import glob
import os
import re
import shutil
import signal
import sys
import socket
import subprocess
import tempfile
import time
from pathlib import Path

# Imported here, not when OBS is closed: a lazy import while a test's server threads run has hit
# CPython 3.11's import-lock race (KeyError in _ModuleLock.acquire) on this machine.
try:
    from Xlib import X, display, protocol  # python3-xlib (installer/deps.sh)
except ImportError:  # a Python without it: OBS is then closed with SIGINT
    X = display = protocol = None

import obsws

COLLECTION = "Live Commerce Practice"
COLLECTION_FILE = "Live_Commerce_Practice"
PROFILE = "Practice"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Xvfb:
    """A private X server; DISPLAY of the returned object is ':N'."""

    def __init__(self):
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start (is the xvfb package installed?)")
        self.display = f":{number}"

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def write_config(config_home, lcs, output_dir, port, language="en-US", width=1280, height=720,
                 collection=COLLECTION, extra_global=""):
    """Creates the OBS configuration folder under config_home (the XDG_CONFIG_HOME of OBS).
    collection: the scene collection OBS opens; the practice one is written with `lcs practice-scene`,
    any other name starts empty. extra_global: more global.ini sections (e.g. the desk's settings)."""
    collection_file = COLLECTION_FILE if collection == COLLECTION else collection.replace(" ", "_")
    obs_dir = Path(config_home) / "obs-studio"
    (obs_dir / "basic" / "profiles" / PROFILE).mkdir(parents=True, exist_ok=True)
    (obs_dir / "basic" / "scenes").mkdir(parents=True, exist_ok=True)
    (obs_dir / "global.ini").write_text(
        "[General]\nFirstRun=false\nLastVersion=486539266\nEnableAutoUpdates=false\n"
        f"Language={language}\n\n"
        "[BasicWindow]\nWarnBeforeStartingStream=false\nWarnBeforeStoppingStream=false\n"
        "WarnBeforeStoppingRecord=false\nRecordWhenStreaming=false\n\n"
        f"[Basic]\nProfile={PROFILE}\nProfileDir={PROFILE}\n"
        f"SceneCollection={collection}\nSceneCollectionFile={collection_file}\n\n"
        "[OBSWebSocket]\nFirstLoad=false\nServerEnabled=true\nAuthRequired=false\n"
        f"ServerPort={port}\nAlertsEnabled=false\n\n{extra_global}", encoding="utf-8")
    (obs_dir / "basic" / "profiles" / PROFILE / "basic.ini").write_text(
        f"[General]\nName={PROFILE}\n\n"
        f"[Video]\nBaseCX={width}\nBaseCY={height}\nOutputCX={width}\nOutputCY={height}\n"
        "FPSType=0\nFPSCommon=30\n\n"
        "[Output]\nMode=Simple\n\n"
        f"[SimpleOutput]\nFilePath={output_dir}\nRecFormat=mkv\nRecQuality=Stream\nRecEncoder=x264\n"
        "VBitrate=2500\nABitrate=160\nPreset=veryfast\nFileNameWithoutSpace=true\n\n"
        "[Audio]\nSampleRate=48000\nChannelSetup=Stereo\n", encoding="utf-8")
    if collection != COLLECTION:
        return obs_dir
    subprocess.run([lcs, "practice-scene", "--lang", language, "--width", str(width), "--height", str(height),
                    "-o", str(obs_dir / "basic" / "scenes" / f"{COLLECTION_FILE}.json")], check=True)
    return obs_dir


class ObsInstance:
    """The real `obs` binary with the plugin from plugins_path/data_path and websocket on `port`."""

    def __init__(self, plugins_path, data_path, lcs, output_dir, language="en-US", start_recording=False,
                 headless=None, port=None, extra_env=None, home=None, collection=COLLECTION, extra_global="",
                 reuse_config=False, width=1280, height=720):
        """plugins_path/data_path empty: OBS finds the plugin by itself (an installed plugin).
        width/height: the canvas (and output) size of the profile and the practice scene."""
        self.output_dir = Path(output_dir)
        self.output_dir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.home = Path(home) if home else Path(tempfile.mkdtemp(prefix="lcs-obs-home-"))
        if reuse_config:
            # OBS started again on the configuration a previous run saved (only the port is new).
            self.obs_dir = self.home / ".config" / "obs-studio"
            global_ini = self.obs_dir / "global.ini"
            text = global_ini.read_text(encoding="utf-8-sig")
            global_ini.write_text(re.sub(r"(?m)^ServerPort=\d+$", f"ServerPort={self.port}", text), encoding="utf-8")
        else:
            self.obs_dir = write_config(self.home / ".config", lcs, self.output_dir, self.port, language,
                                        width=width, height=height, collection=collection,
                                        extra_global=extra_global)
        if headless is None:
            headless = not os.environ.get("DISPLAY")
        self.xvfb = Xvfb() if headless else None
        env = dict(os.environ)
        env.update({
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "LIBGL_ALWAYS_SOFTWARE": env.get("LIBGL_ALWAYS_SOFTWARE", "1") if headless else env.get("LIBGL_ALWAYS_SOFTWARE", ""),
        })
        env.pop("OBS_PLUGINS_PATH", None)
        env.pop("OBS_PLUGINS_DATA_PATH", None)
        if plugins_path and data_path:
            env["OBS_PLUGINS_PATH"] = str(plugins_path)
            env["OBS_PLUGINS_DATA_PATH"] = str(data_path)
        if self.xvfb:
            env["DISPLAY"] = self.xvfb.display
            env["QT_QPA_PLATFORM"] = "xcb"
        env.update(extra_env or {})
        args = ["obs", "--disable-updater", "--multi", "--collection", collection, "--profile", PROFILE]
        if start_recording:
            args.append("--startrecording")
        self.stdout = open(self.output_dir / "obs-stdout.txt", "wb")
        self.process = subprocess.Popen(args, env=env, cwd=str(self.home), stdout=self.stdout,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"obs exited early with {self.process.returncode}; see {self.stdout.name}")
            if obsws.wait_ready(self.port, 2):
                return
        raise TimeoutError("obs-websocket did not come up")

    def client(self, **kwargs):
        return obsws.ObsWebSocket(self.port, **kwargs)

    def log_path(self):
        logs = sorted(glob.glob(str(self.obs_dir / "logs" / "*.txt")))
        return Path(logs[-1]) if logs else None

    def log_text(self):
        path = self.log_path()
        return path.read_text(encoding="utf-8", errors="replace") if path else ""

    def close_main_window(self):
        """Sends WM_DELETE_WINDOW to OBS's main window, as a window manager's close button does.
        (OBS 29.0.2's SIGINT handler closes widgets inside the signal handler and can deadlock in
        malloc, so a user-like close is the reliable clean shutdown.) Returns False when no OBS
        window was found."""
        if display is None or (not self.xvfb and not os.environ.get("DISPLAY")):
            return False
        screen = display.Display(self.xvfb.display if self.xvfb else None)
        try:
            delete = screen.intern_atom("WM_DELETE_WINDOW")
            protocols = screen.intern_atom("WM_PROTOCOLS")
            pid_atom = screen.intern_atom("_NET_WM_PID")
            found = False
            for window in screen.screen().root.query_tree().children:
                name = window.get_wm_name() or ""
                pid = window.get_full_property(pid_atom, X.AnyPropertyType)
                if not name.startswith("OBS ") or (pid and pid.value[0] != self.process.pid):
                    continue
                event = protocol.event.ClientMessage(window=window, client_type=protocols,
                                                     data=(32, [delete, X.CurrentTime, 0, 0, 0]))
                window.send_event(event, event_mask=X.NoEventMask)
                found = True
            screen.flush()
            return found
        finally:
            screen.close()

    def stop(self, timeout=60):
        """Closes OBS as a user would and waits for its clean shutdown; forces it only if it hangs."""
        if self.process.poll() is None:
            if not self.close_main_window():
                self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.stdout.close()
        if self.xvfb:
            self.xvfb.stop()
        log = self.log_path()
        if log:
            shutil.copy(log, self.output_dir / "obs-log.txt")
        code = self.process.returncode
        if code == -signal.SIGSEGV and self.crashed_in_websocket_unload():
            # obs-websocket 5.1.0 (Debian 12) can crash in its own obs_module_unload on exit
            # (obsproject/obs-websocket#1180, fixed upstream after 5.1.0). Only that exact case,
            # after our module logged a clean unload, is not counted as ours.
            print("obs_launcher: OBS crashed inside obs-websocket's unload, after live-commerce-studio "
                  "had unloaded cleanly (obs-websocket 5.1.0 exit crash); not counted", file=sys.stderr)
            return 0
        return code

    def crashed_in_websocket_unload(self):
        lines = [line for line in self.log_text().splitlines() if line.strip()]
        if len(lines) < 2:
            return False
        return ("[obs-websocket] [obs_module_unload] Shutting down..." in lines[-1]
                and "[live-commerce-studio] module unloaded" in lines[-2])

    def cleanup(self):
        shutil.rmtree(self.home, ignore_errors=True)
