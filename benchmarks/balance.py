"""Balance sweep speed: games per minute of act 2 (14 days at most) on every core.

python benchmarks/balance.py [--level PATH] [--policies NAME...] [--seeds 0:4] [--days 14]
                             [--jobs N]

Runs a real sweep (`game.headless.sweep.run_sweep`, the same code as `python main.py balance`)
into a temporary folder and prints the games per minute, the mean in-game days a game lasted
(games end when the level is decided), the mean wall time per game and per tick inside a worker,
and what a 200-seed sweep of the same policies would take at that rate.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.headless.sweep import parse_seed_range, run_sweep  # noqa: E402
from game.sim import calendar  # noqa: E402

DEFAULT_LEVEL = ROOT / "levels" / "act2-pure-smiles-rise.tmx"
DEFAULT_POLICIES = ("idle", "greedy", "balanced", "random")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--level", type=Path, default=DEFAULT_LEVEL)
    p.add_argument("--policies", nargs="+", default=list(DEFAULT_POLICIES))
    p.add_argument("--seeds", default="0:4", help="seed indices (default 0:4)")
    p.add_argument("--days", type=int, default=14)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="default: every core")
    a = p.parse_args()
    seeds = parse_seed_range(a.seeds)
    with tempfile.TemporaryDirectory(prefix="balance-bench-") as tmp:
        t0 = time.perf_counter()
        res = run_sweep(
            [str(a.level)], a.policies, seeds, Path(tmp) / "out", days=a.days, jobs=a.jobs,
            progress=False,
        )  # fmt: skip
        wall = time.perf_counter() - t0
        with (Path(tmp) / "out" / "games.csv").open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    games = len(rows)
    days = [float(r["day_ended"]) for r in rows]
    worker = [float(r["wall_seconds"]) for r in rows]
    ticks = sum(min(d, a.days) * calendar.TICKS_PER_DAY for d in days)
    rate = 60.0 * games / wall
    full = 200 * len(a.policies)
    print(
        f"{a.level.name}: {games} games ({len(a.policies)} policies x {len(seeds)} seeds, "
        f"<= {a.days} days) on {a.jobs} process(es) in {wall:.1f} s, {res.failures} failed"
    )
    print(f"  {rate:.2f} games/min")
    print(
        f"  a game lasted {sum(days) / max(games, 1):.1f} in-game days and "
        f"{sum(worker) / max(games, 1):.1f} s in its worker "
        f"({1000 * sum(worker) / max(ticks, 1):.2f} ms per tick)"
    )
    print(f"  200 seeds x {len(a.policies)} policies ({full} games): {full / rate:.0f} min")


if __name__ == "__main__":
    main()
