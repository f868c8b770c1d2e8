"""Play-scene frame time: median and 95th percentile at 1280x720, simulation included.

python benchmarks/render.py [--level PATH] [--populations 10000 50000] [--frames 300]

For each population, speed (1x, 8x) and view (the starting view around the studio, and the whole
city zoomed out, where every citizen is on screen), the real scene runs `--frames` frames with
the SDL dummy driver: input, the fixed-step ticks due (a frame stands for 1/60 s of play, so 1x
runs a tick every 6th frame and 8x about 1.3 ticks a frame), the HUD, and every drawing step
(tiles, crowd pixel writes, markers, minimap, pygame_gui). Frame time is the wall time of
`frame()` + `draw()`; the display flip is not included (the dummy driver has none). The crowd
is first run headless to 10:00 of day 1 so the streets are busy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402

from game.app.scene import PlayScene  # noqa: E402
from game.app.viewer import open_window  # noqa: E402
from game.level import load_level  # noqa: E402
from game.sim import calendar  # noqa: E402
from game.sim.balance import load_balance  # noqa: E402
from game.sim.simulation import Simulation  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FRAME = 1 / 60
BUDGET_MS = 16.7


def measure(
    scene: PlayScene, screen: pygame.Surface, speed: int, frames: int
) -> tuple[list[float], int]:
    scene.clock.set_speed(speed)
    scene.clock.accumulator = 0.0
    start_tick = scene.sim.tick
    times = []
    for _ in range(frames):
        t0 = time.perf_counter()
        scene.frame(FRAME)
        scene.draw(screen)
        times.append((time.perf_counter() - t0) * 1000)
    return times, scene.sim.tick - start_tick


def p95(values: list[float]) -> float:
    return sorted(values)[min(int(len(values) * 0.95), len(values) - 1)]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--level", default=str(ROOT / "levels" / "sandbox-open-city.tmx"))
    p.add_argument("--populations", type=int, nargs="+", default=[10_000, 50_000])
    p.add_argument("--frames", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    balance = load_balance()
    screen = open_window((1280, 720), "render benchmark")
    rows = []
    for population in a.populations:
        level = load_level(a.level)
        level.properties["population"] = population
        sim = Simulation(level, balance, a.seed)
        t0 = time.perf_counter()
        warm = calendar.tick_at(1, 10)
        while sim.tick < warm:
            sim.step()
        sim_ms = (time.perf_counter() - t0) * 1000 / max(warm, 1)
        scene = PlayScene(sim, screen.get_size())
        for view in ("studio", "whole city"):
            if view == "whole city":
                scene.camera.zoom = scene.camera.clamp_zoom(0.0)  # the widest allowed level
                scene.camera.clamp()
            for speed in (1, 8):
                measure(scene, screen, speed, 20)  # warm caches
                times, ticks = measure(scene, screen, speed, a.frames)
                drawn = len(scene.crowd_drawer.last_rows)
                rows.append(
                    (
                        sim.crowd.n,
                        speed,
                        view,
                        drawn,
                        statistics.median(times),
                        p95(times),
                        ticks,
                        sim_ms,
                    )
                )
        sim.close()
    pygame.quit()
    print(f"level {a.level}, 1280x720, {a.frames} frames of 1/60 s each, dummy video driver")
    print(
        f"{'citizens':>9} {'speed':>5} {'view':<11} {'drawn':>6} {'median ms':>9} {'p95 ms':>7} "
        f"{'ticks':>5} {'sim ms/tick':>11}"
    )
    for n, speed, view, drawn, med, q95, ticks, sim_ms in rows:
        flag = "" if med <= BUDGET_MS else "  (over 16.7 ms)"
        print(
            f"{n:>9,} {speed:>4}x {view:<11} {drawn:>6,} {med:>9.2f} {q95:>7.2f} {ticks:>5} "
            f"{sim_ms:>11.2f}{flag}"
        )


if __name__ == "__main__":
    main()
