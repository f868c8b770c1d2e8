"""Crowd speed: ms per tick of the whole crowd step for N = 1k .. 200k citizens.

python benchmarks/crowd.py [--level PATH] [--sizes 1000,10000,...] [--ticks T] [--seed S]
                           [--repeat R]

Builds the sandbox level (levels/sandbox-open-city.tmx; an equivalent open city is generated
when that map is missing) with N citizens and runs one in-game day (06:00-24:00, or --ticks) of
the crowd systems only -- crowd_sort, crowd_routine, crowd_attraction, crowd_movement,
crowd_opinion, the crowd's hourly metrics and the night -- with two counter-events and a rally
in the attractor table during the day and a media drift, so every part of the step works.
Prints per N: the median, 90th percentile and rush-hour (07:00-09:00) median CPU ms per tick
(thread CPU time: one core, robust when other programs share the machine) and the median
wall-clock ms, agent-steps per second at the median, the split by system (mean ms per tick, so
the hourly work is amortised) and the memory per citizen (crowd arrays; the flow fields are
per level).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.level.loader import LevelData, LevelObject, load_level  # noqa: E402
from game.sim import calendar  # noqa: E402
from game.sim.attractors import EVENT, RALLY, AttractorTable  # noqa: E402
from game.sim.balance import load_balance  # noqa: E402
from game.sim.simulation import Simulation  # noqa: E402
from game.sim.systems import (  # noqa: E402
    crowd_attraction,
    crowd_metrics,
    crowd_movement,
    crowd_opinion,
    crowd_routine,
    crowd_sort,
)

SANDBOX = ROOT / "levels" / "sandbox-open-city.tmx"


def open_city(width: int = 200, height: int = 150) -> LevelData:
    """A generated open city: blocks of buildings, streets, homes, day zones, districts."""
    walk = np.ones((height, width), dtype=bool)
    walk[0], walk[-1], walk[:, 0], walk[:, -1] = False, False, False, False
    objects: list[LevelObject] = []
    oid = 1
    for by in range(4, height - 12, 14):
        for bx in range(4, width - 14, 16):
            walk[by : by + 9, bx : bx + 11] = False
            kind = "home" if (bx // 16 + by // 14) % 3 else "daytime"
            objects.append(LevelObject(oid, f"{kind} {oid}", kind, bx - 2, by + 9, 12, 3))
            oid += 1
    for i, tribe in enumerate(("chrome", "naturals", "glowfangs", "drifters")):
        x0 = i * width / 4
        objects.append(
            LevelObject(
                oid,
                f"district {i}",
                "district",
                x0,
                0,
                width / 4,
                height,
                {"tribe": tribe, "income": ("low", "middle", "high", "middle")[i]},
            )
        )
        oid += 1
    objects.append(LevelObject(oid, "studio", "studio", width / 2 - 2, height / 2, 4, 3))
    level = LevelData(ROOT / "generated-open-city", width, height, 32, walk, objects, {}, "gen")
    from game.level.loader import rasterise_districts

    level.district_grid = rasterise_districts(level)
    return level


def attractors_at(tick: int, level: LevelData) -> AttractorTable:
    """Two counter-events (10:00-14:00, 16:00-19:00) and a rally (12:00-15:00)."""
    minute = calendar.minute_of_day(tick)
    w, h = level.width, level.height
    rows = []
    if 600 <= minute < 840:
        rows.append(
            dict(
                entity=101,
                kind=EVENT,
                x=w * 0.3,
                y=h * 0.5,
                radius=25,
                pull=1.0,
                stance=1.0,
                strength=0.004,
                capacity=800,
            )
        )
    if 720 <= minute < 900:
        rows.append(
            dict(
                entity=102,
                kind=RALLY,
                x=w * 0.7,
                y=h * 0.4,
                radius=30,
                pull=1.2,
                stance=-1.0,
                strength=0.004,
                capacity=1500,
            )
        )
    if 960 <= minute < 1140:
        rows.append(
            dict(
                entity=103,
                kind=EVENT,
                x=w * 0.5,
                y=h * 0.7,
                radius=20,
                pull=0.8,
                stance=0.8,
                strength=0.003,
                capacity=400,
            )
        )
    return AttractorTable.from_rows(rows)


SYSTEMS: tuple[tuple[str, Callable[[Simulation], None]], ...] = (
    ("sort", crowd_sort.run),
    ("routine", crowd_routine.run),
    ("attraction", crowd_attraction.run),
    ("movement", crowd_movement.run),
    ("opinion", crowd_opinion.run),
    (
        "metrics",
        lambda sim: crowd_metrics.source(sim) if calendar.is_hour_start(sim.tick) else None,
    ),
)


def bench(level: LevelData, n: int, ticks: int, seed: int) -> dict[str, object]:
    lv = dataclasses.replace(level, properties={**level.properties, "population": n})
    sim = Simulation(lv, load_balance(), seed)
    sim.media_drift = 0.02
    crowd = sim.crowd
    per_system = {name: 0.0 for name, _ in SYSTEMS}
    per_system["night"] = 0.0
    cpu: list[float] = []
    wall: list[float] = []
    rush: list[float] = []
    clock = time.thread_time  # CPU time of this thread: robust when other work shares the core
    for _ in range(ticks):
        sim.attractors = attractors_at(sim.tick, lv)
        w0 = time.perf_counter()
        t_tick = 0.0
        for name, system in SYSTEMS:
            t0 = clock()
            system(sim)
            dt = clock() - t0
            per_system[name] += dt
            t_tick += dt
        if calendar.is_last_tick_of_day(sim.tick):
            t0 = clock()
            crowd_routine.night(sim)
            dt = clock() - t0
            per_system["night"] += dt
            t_tick += dt
        wall.append(time.perf_counter() - w0)
        cpu.append(t_tick)
        if 7 * 60 <= calendar.minute_of_day(sim.tick) < 9 * 60:
            rush.append(t_tick)
        sim.tick += 1
    mem = sum(a.nbytes for a in crowd.arrays().values()) / max(crowd.n, 1)
    fields = crowd.navigation(lv).fields
    sim.close()
    med = statistics.median(cpu)
    return {
        "n": crowd.n,
        "median": med * 1e3,
        "p90": float(np.percentile(cpu, 90)) * 1e3,
        "rush": statistics.median(rush) * 1e3 if rush else float("nan"),
        "wall": statistics.median(wall) * 1e3,
        "steps": crowd.n / med if med > 0 else float("inf"),
        "split": {k: v / ticks * 1e3 for k, v in per_system.items()},
        "mem": mem,
        "fields_mb": fields.codes.nbytes / 1e6,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--level", type=Path, default=None)
    p.add_argument("--sizes", default="1000,10000,50000,100000,200000")
    p.add_argument("--ticks", type=int, default=calendar.TICKS_PER_DAY)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--repeat", type=int, default=1, help="runs per N; the one with the lowest median is shown"
    )
    a = p.parse_args()
    path = a.level or (SANDBOX if SANDBOX.is_file() else None)
    level = load_level(path) if path else open_city()
    print(
        f"level: {path or 'generated open city'} ({level.width}x{level.height} tiles), "
        f"{a.ticks} ticks per run, numpy {np.__version__}"
    )
    head = ["N", "median ms", "p90 ms", "rush ms", "wall ms", "Msteps/s"]
    names = [name for name, _ in SYSTEMS] + ["night"]
    print(" | ".join(f"{h:>10}" for h in head + names + ["B/citizen"]))
    for n in (int(s) for s in a.sizes.split(",")):
        runs = [bench(level, n, a.ticks, a.seed) for _ in range(max(a.repeat, 1))]
        r = min(runs, key=lambda run: float(run["median"]))  # type: ignore[arg-type]
        split = r["split"]
        assert isinstance(split, dict)
        cells = [
            f"{r['n']:>10,}",
            f"{r['median']:>10.3f}",
            f"{r['p90']:>10.3f}",
            f"{r['rush']:>10.3f}",
            f"{r['wall']:>10.3f}",
            f"{float(r['steps']) / 1e6:>10.1f}",
        ]
        cells += [f"{split[k]:>10.3f}" for k in names]
        cells.append(f"{r['mem']:>10.0f}")
        print(" | ".join(cells), flush=True)
    print(
        "ms = CPU time of the crowd step per tick on one core: median over the day, 90th "
        "percentile, median over 07:00-09:00; wall ms = median wall-clock time (higher when "
        "other programs share the core); split = mean CPU ms per tick of each system (hourly "
        "work amortised); B/citizen = crowd arrays only, the flow fields are per level "
        f"({r['fields_mb']:.1f} MB here)"
    )


if __name__ == "__main__":
    main()
