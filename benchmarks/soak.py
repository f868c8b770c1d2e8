"""Soak: the sandbox level with 50,000 citizens for 60 in-game days.

Every in-game day it samples the process's memory and checks the invariants (all floats finite,
citizens inside the map and off walls, opinions in [-1, 1], the population conserved), then
prints the memory slope (MiB per day, least squares over the days after the first) and the number
of invariant failures. Target: no growth beyond noise, zero failures.

    python benchmarks/soak.py [--days 60] [--population 50000] [--level PATH]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.level import load_level  # noqa: E402
from game.sim import calendar  # noqa: E402
from game.sim.balance import load_balance  # noqa: E402
from game.sim.simulation import Simulation  # noqa: E402


def rss_mib() -> float:
    """Resident memory of this process in MiB (Linux /proc; ru_maxrss elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def invariant_failures(sim: Simulation, population: int) -> list[str]:
    c = sim.crowd
    n = c.n
    out = []
    if n != population:
        out.append(f"population {n} != {population}")
    for name, arr in c.arrays().items():
        if arr.dtype.kind == "f" and not np.isfinite(arr).all():
            out.append(f"{name} has non-finite values")
    pos = c.pos[:n]
    lv = sim.level
    if (pos < 0).any() or (pos[:, 0] >= lv.width).any() or (pos[:, 1] >= lv.height).any():
        out.append("citizens outside the map")
    else:
        cells = pos.astype(np.int64)
        if not lv.walkable[cells[:, 1], cells[:, 0]].all():
            out.append("citizens in wall cells")
    op = c.opinion[:n]
    if op.min() < -1 or op.max() > 1:
        out.append("opinion outside [-1, 1]")
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--level", default="levels/sandbox-open-city.tmx")
    p.add_argument("--days", type=int, default=60)
    p.add_argument("--population", type=int, default=50_000)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    level = load_level(a.level)
    level.properties["population"] = a.population
    sim = Simulation(level, load_balance(), a.seed)
    population = sim.crowd.n
    mem, failures = [], 0
    t0 = time.perf_counter()
    print(f"soak: {a.level}, {population} citizens, {a.days} days")
    for day in range(1, a.days + 1):
        sim.run_ticks(calendar.TICKS_PER_DAY)
        problems = invariant_failures(sim, population)
        failures += len(problems)
        mem.append(rss_mib())
        print(f"day {day:3d}  rss {mem[-1]:8.1f} MiB  {'; '.join(problems) or 'ok'}  "
              f"({time.perf_counter() - t0:.0f} s)", flush=True)
        if sim.finished:
            print(f"level decided on day {day}: {sim.outcome.status} ({sim.outcome.reason}); "
                  "continuing the soak past the outcome")
    days = np.arange(len(mem))[1:]
    slope = float(np.polyfit(days, mem[1:], 1)[0]) if len(days) >= 2 else 0.0
    print(f"memory slope: {slope:+.3f} MiB/day over days 2-{len(mem)} "
          f"(first {mem[0]:.1f} MiB, last {mem[-1]:.1f} MiB)")
    series = sim.metrics.series
    samples = sum(len(v) for v in series.values())
    # a Python float in a list costs 8 bytes of pointer + 24 of object
    print(f"hourly metrics history (grows with the game, by design): {len(series)} series, "
          f"{samples:,} samples, about {samples * 32 / 2**20:.1f} MiB, "
          f"{samples * 32 / 2**20 / max(len(mem), 1):.3f} MiB/day")
    print(f"invariant failures: {failures}")
    print(f"wall: {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
