"""The balance targets of the campaign and a check of a sweep against them.

Targets (every act): `idle` loses at least 95% of its games, `balanced` wins between 55% and
90%, `random` wins less than 20%. A sweep measures each as wins out of games; the check is an
exact one-sided binomial test at level `alpha` against the nearest edge of the target range, so
a small sweep (the CI one) fails only when its count is implausible under the target, and a
large sweep pins the rate down. `point_in_range` says whether the measured rate itself lies in
the range (what a full sweep should show).

    python -m game.headless.targets DIR [--alpha 0.01]     # check a sweep's games.csv

Also the ablation table: for every event kind, the win rate of `balanced-no-KIND` next to
`balanced` on the same seeds (see docs/balance.md).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from game.headless.report import read_games, wilson_interval

# policy -> (lowest, highest) acceptable win rate
TARGETS: dict[str, tuple[float, float]] = {
    "idle": (0.0, 0.05),
    "balanced": (0.55, 0.90),
    "random": (0.0, 0.20),
}


@dataclass(frozen=True, slots=True)
class Verdict:
    level: str
    policy: str
    wins: int
    games: int
    low: float
    high: float
    p_too_few: float  # P(wins <= observed) if the true rate were `low`
    p_too_many: float  # P(wins >= observed) if the true rate were `high`
    alpha: float

    @property
    def rate(self) -> float:
        return self.wins / self.games if self.games else math.nan

    @property
    def ok(self) -> bool:
        """Consistent with the target at level alpha (one-sided, each edge)."""
        return self.p_too_few >= self.alpha and self.p_too_many >= self.alpha

    @property
    def point_in_range(self) -> bool:
        return self.games > 0 and self.low <= self.rate <= self.high

    def text(self) -> str:
        lo, hi = wilson_interval(self.wins, self.games)
        verdict = "ok" if self.ok else "FAILS"
        where = "in range" if self.point_in_range else "outside range"
        return (
            f"{Path(self.level).stem:<26} {self.policy:<9} {self.wins:>4}/{self.games:<4} "
            f"{self.rate:>5.0%} [{lo:.0%}-{hi:.0%}]  target {self.low:.0%}-{self.high:.0%}: "
            f"{verdict} ({where}; p_few={self.p_too_few:.3g}, p_many={self.p_too_many:.3g})"
        )


def binom_cdf(k: int, n: int, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p) (exact)."""
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    return float(sum(math.comb(n, i) * p**i * (1.0 - p) ** (n - i) for i in range(k + 1)))


def binom_sf(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p) (exact)."""
    return 1.0 - binom_cdf(k - 1, n, p)


def counts(games: list[dict[str, str]]) -> dict[tuple[str, str], tuple[int, int]]:
    """(level, policy) -> (wins, games)."""
    out: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for g in games:
        c = out[(g["level"], g["policy"])]
        c[0] += g["outcome"] == "won"
        c[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def check(games: list[dict[str, str]], alpha: float = 0.01) -> list[Verdict]:
    """A verdict for every (level, policy) of the sweep whose policy has a target."""
    out = []
    for (level, policy), (wins, n) in counts(games).items():
        if policy not in TARGETS:
            continue
        low, high = TARGETS[policy]
        p_few = binom_cdf(wins, n, low) if low > 0 else 1.0
        p_many = binom_sf(wins, n, high) if high < 1 else 1.0
        out.append(Verdict(level, policy, wins, n, low, high, p_few, p_many, alpha))
    return out


# --------------------------------------------------------------------------- ablation


@dataclass(frozen=True, slots=True)
class AblationRow:
    level: str  # "all" for the pooled row
    kind: str
    games: int
    wins: int
    base_wins: int  # balanced's wins on the same seeds

    @property
    def drop(self) -> float:
        return (self.base_wins - self.wins) / self.games if self.games else math.nan


def ablation(games: list[dict[str, str]]) -> list[AblationRow]:
    """Per level and pooled over levels: each `balanced-no-KIND` against `balanced`, on the seeds
    both played (paired)."""
    won: dict[tuple[str, str, int], bool] = {
        (g["level"], g["policy"], int(g["seed_index"])): g["outcome"] == "won" for g in games
    }
    rows: list[AblationRow] = []
    pooled: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    levels = sorted({g["level"] for g in games})
    kinds = sorted(
        {
            g["policy"][len("balanced-no-") :]
            for g in games
            if g["policy"].startswith("balanced-no-")
        }
    )
    for level in levels:
        for kind in kinds:
            seeds = [
                s
                for (lv, pol, s) in won
                if lv == level and pol == f"balanced-no-{kind}" and (lv, "balanced", s) in won
            ]
            if not seeds:
                continue
            wins = sum(won[(level, f"balanced-no-{kind}", s)] for s in seeds)
            base = sum(won[(level, "balanced", s)] for s in seeds)
            rows.append(AblationRow(level, kind, len(seeds), wins, base))
            p = pooled[kind]
            p[0] += len(seeds)
            p[1] += wins
            p[2] += base
    rows += [AblationRow("all", k, v[0], v[1], v[2]) for k, v in sorted(pooled.items())]
    return rows


def format_ablation(rows: list[AblationRow]) -> str:
    head = f"{'level':<26} {'forbidden event':<20} {'games':>5} {'balanced':>9} {'without':>9} {'drop':>7}"
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{Path(r.level).stem:<26} {r.kind:<20} {r.games:>5} "
            f"{r.base_wins / r.games:>9.0%} {r.wins / r.games:>9.0%} {r.drop:>+7.0%}"
        )
    pooled = [r for r in rows if r.level == "all"]
    if pooled:
        dropped = sum(1 for r in pooled if r.drop > 0)
        lines.append(f"event types whose ban lowers balanced's win rate (all levels): {dropped}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m game.headless.targets",
        description="Check a balance sweep against the campaign's targets (and print the "
        "ablation table when the sweep has balanced-no-KIND players).",
    )
    p.add_argument("dir", type=Path, help="a folder written by `python main.py balance`")
    p.add_argument("--alpha", type=float, default=0.01, help="test level (default 0.01)")
    a = p.parse_args(argv)
    try:
        games = read_games(a.dir)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    verdicts = check(games, a.alpha)
    for v in verdicts:
        print(v.text())
    abl = ablation(games)
    if abl:
        print()
        print(format_ablation(abl))
    return 0 if all(v.ok for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
