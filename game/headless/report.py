"""Balance reports from a sweep's CSVs: the summary table (win rate with a Wilson 95% interval,
median and 5–95% range of final support, traction and credits) and the plots.

`python main.py balance report DIR` re-prints the table and redraws the plots from the CSVs.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

SUMMARY_METRICS = ("support", "traction", "credits")
SUMMARY_COLUMNS = (
    "level",
    "policy",
    "games",
    "wins",
    "win_rate",
    "ci_low",
    "ci_high",
    *(f"{m}_{s}" for m in SUMMARY_METRICS for s in ("median", "p5", "p95")),
    "mean_day_ended",
    "top_loss_reason",
)


def wilson_interval(wins: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion (95% by default)."""
    if n == 0:
        return (0.0, 1.0)
    p = wins / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def read_games(out: Path) -> list[dict[str, str]]:
    path = out / "games.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no games.csv here (is {out} a sweep folder?)")
    with path.open(newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r.get("reproduce")]


def _floats(rows: list[dict[str, str]], key: str) -> np.ndarray:
    vals = []
    for r in rows:
        try:
            v = float(r.get(key) or "nan")
        except ValueError:
            v = math.nan
        if math.isfinite(v):
            vals.append(v)
    return np.array(vals, dtype=float)


def summarise(games: list[dict[str, str]]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in games:
        groups[(r["level"], r["policy"])].append(r)
    rows = []
    for (level, policy), rs in sorted(groups.items()):
        n = len(rs)
        wins = sum(r["outcome"] == "won" for r in rs)
        lo, hi = wilson_interval(wins, n)
        row: dict[str, Any] = {
            "level": level,
            "policy": policy,
            "games": n,
            "wins": wins,
            "win_rate": round(wins / n, 4),
            "ci_low": round(lo, 4),
            "ci_high": round(hi, 4),
        }
        for m in SUMMARY_METRICS:
            v = _floats(rs, m)
            q = np.percentile(v, [50, 5, 95]) if len(v) else [math.nan] * 3
            row.update(
                {
                    f"{m}_median": round(float(q[0]), 4),
                    f"{m}_p5": round(float(q[1]), 4),
                    f"{m}_p95": round(float(q[2]), 4),
                }
            )
        days = _floats(rs, "day_ended")
        row["mean_day_ended"] = round(float(days.mean()), 2) if len(days) else math.nan
        reasons: dict[str, int] = defaultdict(int)
        for r in rs:
            if r["outcome"] == "lost":
                reasons[r["reason"]] += 1
        row["top_loss_reason"] = max(reasons, key=lambda k: reasons[k]) if reasons else ""
        rows.append(row)
    return rows


def write_summary(out: Path, rows: list[dict[str, Any]]) -> Path:
    path = out / "summary.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(SUMMARY_COLUMNS))
        w.writeheader()
        w.writerows(rows)
    return path


def format_table(rows: list[dict[str, Any]]) -> str:
    head = (
        f"{'level':<26} {'policy':<9} {'games':>5} {'wins':>5} {'win rate (95% CI)':>22}  "
        f"{'support med [5-95%]':>22} {'traction med [5-95%]':>22} {'credits med [5-95%]':>26}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        ci = f"{r['win_rate']:.0%} [{r['ci_low']:.0%}-{r['ci_high']:.0%}]"

        def rng(m: str, pct: bool = True, r: dict[str, Any] = r) -> str:
            if pct:
                return f"{r[m + '_median']:.0%} [{r[m + '_p5']:.0%}-{r[m + '_p95']:.0%}]"
            return f"{r[m + '_median']:,.0f} [{r[m + '_p5']:,.0f}-{r[m + '_p95']:,.0f}]"

        lines.append(
            f"{Path(r['level']).stem:<26} {r['policy']:<9} {r['games']:>5} "
            f"{r['wins']:>5} {ci:>22}  {rng('support'):>22} {rng('traction'):>22} "
            f"{rng('credits', False):>26}"
        )
    return "\n".join(lines)


def read_series(out: Path) -> dict[str, dict[str, list[float]]]:
    """game -> metric -> hourly values."""
    series: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    path = out / "timeseries.csv"
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            try:
                series[r["game"]][r["metric"]].append(float(r["value"]))
            except (KeyError, ValueError):
                continue
    return series


def draw_plots(out: Path, games: list[dict[str, str]], rows: list[dict[str, Any]]) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plots = out / "plots"
    plots.mkdir(exist_ok=True)
    made: list[Path] = []
    levels = sorted({r["level"] for r in rows})
    policies = sorted({r["policy"] for r in rows})

    # win rate per policy, with Wilson interval bars, one group per level
    fig, ax = plt.subplots(figsize=(max(6, 1.6 * len(levels) * max(1, len(policies)) / 2), 4))
    width = 0.8 / max(len(policies), 1)
    for j, pol in enumerate(policies):
        xs, ys, lo, hi = [], [], [], []
        for i, lv in enumerate(levels):
            r = next((r for r in rows if r["level"] == lv and r["policy"] == pol), None)
            if r is None:
                continue
            xs.append(i + j * width)
            ys.append(r["win_rate"])
            lo.append(r["win_rate"] - r["ci_low"])
            hi.append(r["ci_high"] - r["win_rate"])
        ax.bar(xs, ys, width, yerr=[lo, hi], capsize=3, label=pol)
    ax.set_xticks([i + width * (len(policies) - 1) / 2 for i in range(len(levels))])
    ax.set_xticklabels([Path(lv).stem for lv in levels], rotation=15, fontsize=8)
    ax.set_ylim(0, 1)
    ax.set_ylabel("win rate (95% Wilson interval)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    made.append(_save(fig, plots / "win_rate.png"))
    plt.close(fig)

    # median curves with 5-95% bands per policy, per level
    series = read_series(out)
    for lv in levels:
        fig, axes = plt.subplots(1, 3, figsize=(13, 3.6))
        for ax, metric in zip(axes, ("support", "traction", "credits"), strict=True):
            for pol in policies:
                curves = [
                    series[g][metric]
                    for g in series
                    if g.startswith(f"{Path(lv).stem}|{pol}|") and series[g].get(metric)
                ]
                if not curves:
                    continue
                length = max(len(c) for c in curves)
                mat = np.full((len(curves), length), np.nan)
                for i, c in enumerate(curves):
                    mat[i, : len(c)] = c
                    mat[i, len(c) :] = c[-1]  # a decided game holds its last value
                hours = np.arange(length)
                med, p5, p95 = (np.nanpercentile(mat, q, axis=0) for q in (50, 5, 95))
                ax.plot(hours, med, label=pol)
                ax.fill_between(hours, p5, p95, alpha=0.2)
            ax.set_title(metric)
            ax.set_xlabel("in-game hour")
        axes[0].legend(fontsize=8)
        fig.suptitle(Path(lv).stem)
        fig.tight_layout()
        made.append(_save(fig, plots / f"curves_{Path(lv).stem}.png"))
        plt.close(fig)

    # histograms of final metrics
    for lv in levels:
        fig, axes = plt.subplots(1, 3, figsize=(13, 3.4))
        for ax, metric in zip(axes, ("support", "traction", "credits"), strict=True):
            for pol in policies:
                v = _floats([g for g in games if g["level"] == lv and g["policy"] == pol], metric)
                if len(v):
                    ax.hist(v, bins=20, alpha=0.5, label=pol)
            ax.set_title(f"final {metric}")
        axes[0].legend(fontsize=8)
        fig.suptitle(Path(lv).stem)
        fig.tight_layout()
        made.append(_save(fig, plots / f"hist_{Path(lv).stem}.png"))
        plt.close(fig)
    return made


def _save(fig: Any, path: Path) -> Path:
    fig.savefig(path, dpi=90)
    return path


def report(out: Path, plots: bool = True) -> str:
    """Write summary.csv (and the plots); return the printed table."""
    games = read_games(out)
    rows = summarise(games)
    write_summary(out, rows)
    if plots and rows:
        draw_plots(out, games, rows)
    return format_table(rows)
