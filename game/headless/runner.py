"""Run a level without a window and summarise it (the `run` command and the tests use this)."""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from game.level import load_level
from game.sim import calendar
from game.sim.balance import Balance, load_balance
from game.sim.simulation import Simulation
from game.sim.systems.metrics import sample as current_metrics
from game.sim.view import SimView


def make_simulation(
    level_path: str | Path,
    seed: int,
    balance: Balance | None = None,
) -> Simulation:
    """Load the level and the balance and build a simulation (raises LevelError/BalanceError)."""
    level = load_level(level_path)
    return Simulation(level, balance if balance is not None else load_balance(), seed)


def run_days(sim: Simulation, days: int) -> float:
    """Step `days` in-game days or until the level is decided; returns wall seconds."""
    t0 = time.perf_counter()
    end_tick = sim.tick + days * calendar.TICKS_PER_DAY
    while sim.tick < end_tick and not sim.finished:
        sim.step()
    return time.perf_counter() - t0


def summary(sim: Simulation, days: int, wall: float, ticks_run: int) -> dict[str, Any]:
    """The headless summary; key names are relied on by later tools."""
    return {
        "level": str(sim.level.path),
        "title": sim.level.title,
        "seed": sim.seed,
        "days": days,
        "ticks": sim.tick,
        "ticks_per_second": round(ticks_run / wall, 1) if wall > 0 else None,
        "population": sim.crowd.n,
        "clock": sim.clock,
        "metrics": current_metrics(sim),
        "outcome": asdict(sim.outcome),
        "objectives": [
            {"key": o.key, "text": o.text, "progress": o.progress, "met": o.met}
            for o in SimView(sim).objectives()
        ],
        "state_hash": sim.state_hash(),
    }


def format_summary(s: dict[str, Any]) -> str:
    """A few readable lines for a person at a terminal."""
    lines = [
        f"{s['title']} ({s['level']}) seed {s['seed']}: {s['days']} day(s), {s['ticks']} ticks "
        f"at {s['ticks_per_second']} ticks/s, {s['population']} citizens",
        f"outcome: {s['outcome']['status']}"
        + (f" — {s['outcome']['reason']}" if s["outcome"]["reason"] else ""),
    ]
    for o in s.get("objectives", []):
        lines.append(f"  {o['key']}: {o['progress']}" + ("  (met)" if o["met"] else ""))
    for name, value in sorted(s["metrics"].items()):
        lines.append(
            f"  {name:<16} {value:,.3f}" if abs(value) < 10 else f"  {name:<16} {value:,.0f}"
        )
    lines.append(f"state hash: {s['state_hash']}")
    return "\n".join(lines)
