"""`python main.py play` in a real X window (Xvfb) for 30 seconds without an error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_LEVEL

PLAY_SECONDS = 30


def _free_display() -> int:
    for n in range(99, 140):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    pytest.skip("no free X display number between :99 and :139")


@pytest.fixture
def xvfb():
    exe = shutil.which("Xvfb")
    if exe is None:
        pytest.skip("Xvfb is not installed (apt-get install -y xvfb; .ci/run does it as root)")
    n = _free_display()
    proc = subprocess.Popen(
        [exe, f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{n}").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.skip(f"Xvfb did not start: {proc.stderr.read().decode(errors='replace')[:200]}")
        time.sleep(0.05)
    yield f":{n}"
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.mark.slow
def test_play_runs_in_a_real_window_for_30_seconds(xvfb):
    env = {k: v for k, v in os.environ.items() if k not in ("SDL_VIDEODRIVER", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = xvfb
    env["SDL_AUDIODRIVER"] = "dummy"
    t0 = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "main.py",
            "-v",
            "play",
            "--level",
            str(SAMPLE_LEVEL),
            "--quit-after",
            str(PLAY_SECONDS),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=PLAY_SECONDS + 60,
    )
    elapsed = time.monotonic() - t0
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "video driver x11" in done.stderr, done.stderr[-2000:]
    assert elapsed >= PLAY_SECONDS
    played = [line for line in done.stderr.splitlines() if "played" in line]
    assert played, done.stderr[-2000:]
    frames = int(played[-1].split("played ")[1].split(" frames")[0])
    ticks = int(played[-1].split(", ")[1].split(" ticks")[0])
    assert frames > PLAY_SECONDS * 5  # it kept drawing
    assert ticks >= PLAY_SECONDS * 8  # and the game ran at 1x (10 ticks a second)
