"""The shipped levels played headless: 14 days of every level without an exception, with finite
values and the same state hash twice; a command sequence that wins act 1; an idle act 2 lost.

The 14-day runs use a reduced population (POPULATION citizens, a level-property override) so the
suite stays quick; the two runs of a level go to two worker processes at once.
"""

from __future__ import annotations

import dataclasses
import math
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from game.headless.runner import make_simulation, run_days, summary
from game.sim import calendar
from game.sim.calendar import tick_at
from game.sim.commands import RecruitLead, ScheduleEvent, SetPricingPolicy, SetService
from game.sim.view import SimView
from tests.conftest import ROOT

LEVELS = sorted((ROOT / "levels").glob("*.tmx"))
POPULATION = 300
DAYS = 14


def _finite_problems(sim: Any) -> list[str]:
    problems = []
    for name, arr in sim.crowd.arrays().items():
        if arr.dtype.kind == "f" and not np.isfinite(arr).all():
            problems.append(f"crowd.{name}")
    for name, series in sim.metrics.series.items():
        if not all(math.isfinite(v) for v in series):
            problems.append(f"metric {name}")
    for ent, comps in sim.components_snapshot():
        for cls, fields in comps:
            for key, value in fields.items():
                if isinstance(value, float) and not math.isfinite(value):
                    problems.append(f"entity {ent} {cls}.{key}")
    return problems


def play_14_days(path: str) -> dict[str, Any]:
    """Run a level for 14 days whatever its outcome (a worker process calls this)."""
    from game.level import load_level
    from game.sim.balance import load_balance
    from game.sim.simulation import Simulation

    level = load_level(path)
    level = dataclasses.replace(level, properties={**level.properties, "population": POPULATION})
    sim = Simulation(level, load_balance(), seed=5)
    sim.run_ticks(DAYS * calendar.TICKS_PER_DAY)
    out = {
        "hash": sim.state_hash(),
        "problems": _finite_problems(sim),
        "day": sim.day,
        "outcome": sim.outcome.status,
        "population": sim.crowd.n,
        "daily": [h for _, _, h in sim.day_hashes],
    }
    sim.close()
    return out


def test_the_six_levels_ship():
    names = {p.name for p in LEVELS}
    assert {
        "act1-neon-opening.tmx",
        "act2-pure-smiles-rise.tmx",
        "act3-the-summit.tmx",
        "act4-aftermath.tmx",
        "act5-resonance-day.tmx",
        "sandbox-open-city.tmx",
    } <= names


@pytest.mark.slow
@pytest.mark.parametrize("path", LEVELS, ids=[p.stem for p in LEVELS])
def test_fourteen_days_of_every_level_are_finite_and_deterministic(path: Path):
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        first, second = pool.map(play_14_days, [str(path), str(path)])
    assert first["problems"] == []
    assert first["day"] == DAYS + 1 and first["population"] == POPULATION
    assert len(first["daily"]) == DAYS
    assert first["hash"] == second["hash"]
    assert first["daily"] == second["daily"]


# --------------------------------------------------------------------------- act 1 and act 2


def act1_plan(venue: int) -> list[tuple[int, Any]]:
    """A sensible opening: no risky enamel before Dr. Roth, sliding-scale prices, a Showcase
    every morning at the venue nearest the studio, and ask Dr. Roth every hour from day 2 (the
    asks before trust reaches 60 are refused, and so are those after he has joined)."""
    plan: list[tuple[int, Any]] = [
        (tick_at(1, 6, 1), SetService("bioluminescent_enamel", False)),
        (tick_at(1, 6, 1), SetPricingPolicy("sliding_scale")),
    ]
    for day in range(1, 6):
        plan.append((tick_at(day, 7), ScheduleEvent("showcase", venue, tick_at(day, 8))))
    for day in range(2, 6):
        for hour in range(6, 24):
            plan.append((tick_at(day, hour, 5), RecruitLead("roth")))
    return plan


def test_a_sensible_plan_wins_act_1():
    sim = make_simulation(ROOT / "levels" / "act1-neon-opening.tmx", seed=0)
    s = sim.studio()
    nearest = min(SimView(sim).venues(), key=lambda v: (v.x - s.x) ** 2 + (v.y - s.y) ** 2)
    for tick, command in act1_plan(nearest.object_id):
        sim.submit(command, tick)
    run_days(sim, 5)
    assert sim.outcome.status == "won", sim.outcome.reason
    assert sim.outcome.reason == "leads >= 2 and customers >= 40 by day 5"
    assert sim.day <= 5
    sim.close()


def test_doing_nothing_loses_act_1():
    sim = make_simulation(ROOT / "levels" / "act1-neon-opening.tmx", seed=0)
    run_days(sim, 6)
    assert sim.outcome.status == "lost"
    assert sim.outcome.reason.startswith("out of time: leads 1/2 and customers ")
    sim.close()


def test_doing_nothing_loses_act_2():
    sim = make_simulation(ROOT / "levels" / "act2-pure-smiles-rise.tmx", seed=0)
    run_days(sim, 14)
    assert sim.outcome.status == "lost", sim.outcome
    s = summary(sim, 14, 1.0, sim.tick)
    assert s["outcome"]["status"] == "lost" and s["outcome"]["reason"]
    assert {"customers", "trust", "momentum", "leads", "events_held", "traction"} <= set(
        s["metrics"]
    )
    assert [o["key"] for o in s["objectives"]] == ["win", "lose"]
    sim.close()
