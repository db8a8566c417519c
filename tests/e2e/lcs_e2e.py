"""Shared set-up of the end-to-end tests: paths from the environment CTest passes, the real OBS."""
import atexit
import io
import os
import signal
import sys
import tempfile
from pathlib import Path

SOURCE_DIR = Path(os.environ["LCS_SOURCE_DIR"])
BUILD_DIR = Path(os.environ["LCS_BUILD_DIR"])
sys.path.insert(0, str(SOURCE_DIR / "installer" / "tools"))

from obs_launcher import ObsInstance  # noqa: E402  (path set just above)
from PIL import Image  # noqa: E402

PLUGINS = BUILD_DIR / "rundir" / "obs-plugins"
DATA = BUILD_DIR / "rundir" / "data"
LCS = BUILD_DIR / "plugin" / "cli" / "lcs"


def start_obs(language="en-US", **kwargs):
    output = Path(tempfile.mkdtemp(prefix="lcs-e2e-"))
    kwargs.setdefault("plugins_path", PLUGINS)
    kwargs.setdefault("data_path", DATA)
    obs = ObsInstance(lcs=LCS, output_dir=output, language=language, headless=True, **kwargs)
    # A failed assertion skips the test's own obs.stop(): never leave OBS (and its Xvfb) running,
    # busy on a core, after the test process ends.
    atexit.register(_force_stop, obs)
    obs.wait_ready()
    return obs


def _force_stop(obs):
    if obs.process.poll() is None:
        try:
            os.killpg(obs.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        obs.process.wait()
    if obs.xvfb and obs.xvfb.process.poll() is None:
        obs.xvfb.stop()


def our_problems(stdout_text):
    """Lines OBS printed at warning or error level that come from our module."""
    return [line for line in stdout_text.splitlines()
            if line.startswith(("error:", "warning:")) and "[live-commerce-studio]" in line]


def screenshot(client, source, width=None, height=None):
    data = {"sourceName": source, "imageFormat": "png"}
    if width:
        data["imageWidth"] = width
    if height:
        data["imageHeight"] = height
    import base64
    raw = client.call("GetSourceScreenshot", data)["imageData"].split(",", 1)[1]
    return Image.open(io.BytesIO(base64.b64decode(raw))).convert("RGBA")


def bright_pixels(image, box=None, min_luma=170):
    region = image.crop(box) if box else image
    return sum(1 for r, g, b, a in region.getdata() if a > 128 and (r * 299 + g * 587 + b * 114) // 1000 >= min_luma)
