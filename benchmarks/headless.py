"""Headless speed: ticks per second of the whole simulation on a level.

python benchmarks/headless.py [--level PATH] [--days D] [--seed N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.headless.runner import make_simulation  # noqa: E402
from game.sim import calendar  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--level", default="tests/fixtures/sample-tiny.tmx")
    p.add_argument("--days", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    sim = make_simulation(a.level, a.seed)
    ticks = a.days * calendar.TICKS_PER_DAY
    t0 = time.perf_counter()
    sim.run_ticks(ticks)
    wall = time.perf_counter() - t0
    print(
        f"level {a.level}: {sim.crowd.n} citizens, {ticks} ticks in {wall:.2f} s "
        f"= {ticks / wall:,.0f} ticks/s ({1000 * wall / ticks:.3f} ms/tick)"
    )


if __name__ == "__main__":
    main()
