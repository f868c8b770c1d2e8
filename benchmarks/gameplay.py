"""Gameplay systems' share of a tick: milliseconds per tick of each system in the schedule over
one in-game day, the gameplay ones marked.

python benchmarks/gameplay.py [--level PATH] [--seed N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.headless.runner import make_simulation  # noqa: E402
from game.sim import calendar, schedule  # noqa: E402

GAMEPLAY = {
    "director",
    "events",
    "leads",
    "attractions",
    "studio",
    "clashes",
    "objectives",
    "accounts",
}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--level", default="levels/act3-the-summit.tmx")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    sim = make_simulation(args.level, args.seed)
    spent: dict[str, float] = {}
    for _ in range(calendar.TICKS_PER_DAY):
        # the same order as Simulation.step, timed per system
        sim.messages = []
        for system in schedule.DAY:
            t0 = time.perf_counter()
            system(sim)
            name = f"{system.__module__.rsplit('.', 1)[-1]}.{system.__name__}"
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
        if calendar.is_last_tick_of_day(sim.tick):
            for system in schedule.NIGHT:
                system(sim)
        sim.tick += 1
    ticks = calendar.TICKS_PER_DAY
    total = sum(spent.values())
    mine = sum(v for k, v in spent.items() if k.split(".")[0] in GAMEPLAY)
    print(f"{args.level}: {sim.crowd.n} citizens, {ticks} ticks")
    for name, v in sorted(spent.items(), key=lambda kv: -kv[1]):
        mark = "*" if name.split(".")[0] in GAMEPLAY else " "
        print(f" {mark} {name:<28} {v / ticks * 1e3:8.3f} ms/tick")
    print(f"gameplay (*) {mine / ticks * 1e3:.3f} ms/tick of {total / ticks * 1e3:.3f} ms/tick")
    sim.close()


if __name__ == "__main__":
    main()
