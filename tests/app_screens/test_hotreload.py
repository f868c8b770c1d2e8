"""`play --level PATH --watch`: the running game reloads a level saved Tiled's way (temp file +
rename) within a second, keeping the camera; a broken version shows the validator's problems
and the old game goes on; each reload logs `reloaded PATH` on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

from game.app import actions as A
from game.sim import entities
from tests.app_screens.conftest import frames, sample_copy
from tests.conftest import ROOT


def tiled_save(path, text: str) -> None:
    """What Tiled (QSaveFile) does: write a temp file beside the map, then rename it over."""
    tmp = path.with_name(path.name + ".aB3xYz")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def run_until(app, done, seconds: float) -> float:
    """Frames at the real frame time until `done()` or `seconds`; returns the time it took."""
    t0 = last = time.monotonic()
    while not done() and time.monotonic() - t0 < seconds:
        now = time.monotonic()
        app.frame(max(now - last, 1 / 240))
        last = now
        time.sleep(0.005)
    return time.monotonic() - t0


def test_a_changed_level_reloads_within_a_second_keeping_the_camera(window, balance, tmp_path):
    from game.app.app import App
    from game.level.validator import load_checked

    path = sample_copy(tmp_path / "mine", "mine", "My Block")
    app = App(window, balance, levels_dir=tmp_path / "mine")
    app.play_level(load_checked(path), watch=True)
    play = app.screen
    frames(app, 3)
    play.scene.apply(A.ZoomAt(1.25, 400, 300))
    play.scene.apply(A.Pan(120, 80))
    play.scene.apply(A.ToggleOverlay("density"))
    cam = play.scene.camera
    view = (cam.cx, cam.cy, cam.zoom)
    old_sim = play.sim
    text = path.read_text(encoding="utf-8")
    tiled_save(path, text.replace('name="start_credits" type="int" value="5000"',
                                  'name="start_credits" type="int" value="7777"'))  # fmt: skip
    took = run_until(app, lambda: play.reloads == 1, 3.0)
    assert play.reloads == 1, play.reload_problems
    assert took < 1.0, f"reloaded after {took:.2f} s"
    assert play.sim is not old_sim
    assert entities.studio(play.sim).credits == 7777
    cam = play.scene.camera
    assert (cam.cx, cam.cy, cam.zoom) == view
    assert play.scene.state.overlay == "density"
    assert play.reload_problems == []

    # a broken save: the problems are shown, the previous version keeps running
    running = play.sim
    broken = text.replace('type="studio"', 'type="studioo"')
    tiled_save(path, broken)
    took = run_until(app, lambda: bool(play.reload_problems), 3.0)
    assert play.reload_problems and took < 1.0
    assert any("studio" in p for p in play.reload_problems), play.reload_problems
    assert play.sim is running and play.reloads == 1
    tick = running.tick
    run_until(app, lambda: running.tick > tick + 3, 2.0)
    assert running.tick > tick + 3  # still playing the old one
    # fixed again: reloaded, the problems go away
    tiled_save(path, text)
    run_until(app, lambda: play.reloads == 2, 3.0)
    assert play.reloads == 2 and play.reload_problems == []
    app.close()


def test_play_watch_logs_reloaded_on_stderr(tmp_path):
    path = sample_copy(tmp_path / "mine", "mine", "My Block")
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               SMILE_STUDIO_HOME=str(tmp_path / "home"))  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "main.py", "play", "--level", str(path), "--watch", "--quit-after", "6"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
    reader.start()

    def wait_for(word: str, seconds: float) -> bool:
        t0 = time.monotonic()
        while time.monotonic() - t0 < seconds:
            if any(word in line for line in lines):
                return True
            time.sleep(0.05)
        return False

    try:
        assert wait_for("watching", 20), "".join(lines)
        time.sleep(0.3)
        tiled_save(path, path.read_text(encoding="utf-8").replace("My Block", "My Block 2"))
        assert wait_for("reloaded", 10), "".join(lines)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    reader.join(timeout=5)
    text = "".join(lines)
    assert f"reloaded {path.resolve()}" in text
    assert "Traceback" not in text
