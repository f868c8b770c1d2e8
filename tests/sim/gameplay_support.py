"""Small worlds for the gameplay tests: the sample level with chosen map properties, and helpers
that put gameplay entities into a known state without running the crowd."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from game.sim import calendar
from game.sim import crowd as cc
from game.sim.entities import lead, rallies, venues
from game.sim.simulation import Simulation

VENUE = 2  # the sample level's venue (Neon Plaza, capacity 200)
POINT = 3  # the sample level's rally point (Chrome Corner)


def world(level: Any, balance: Any, seed: int = 1, **props: Any) -> Simulation:
    """A simulation of the sample level with extra map properties (e.g. win='...')."""
    lv = dataclasses.replace(level, properties={**level.properties, **props})
    return Simulation(lv, balance, seed)


def at(day: int, hour: int, minute: int = 0) -> int:
    return calendar.tick_at(day, hour, minute)


def jump(sim: Simulation, tick: int) -> None:
    """Move the clock to `tick` without running any system (for tests of single systems)."""
    sim.tick = tick


def recruit_all(sim: Simulation) -> None:
    for key in ("zara", "roth", "milo", "arian"):
        c = lead(sim, key)
        assert c is not None
        c.available = True
        c.recruited = True


def plaza(sim: Simulation) -> Any:
    return next(v for v in venues(sim) if v.object_id == VENUE)


def only_rally(sim: Simulation) -> tuple[int, Any]:
    rs = rallies(sim)
    assert len(rs) == 1, rs
    return rs[0]


def out_and_about(sim: Simulation, opinion: float, income: int = 1) -> None:
    """Every citizen at their day zone with this opinion and income band, not customized."""
    c = sim.crowd
    c.state[: c.n] = cc.AT_DAY
    c.opinion[: c.n] = opinion
    c.income[: c.n] = income
    c.customized[: c.n] = False
    c.attending[: c.n] = -1


def arrive(sim: Simulation, count: int, income: int = 1) -> np.ndarray:
    """Mark `count` citizens (lowest rows, of this income band) as having arrived at the studio;
    returns their uids."""
    c = sim.crowd
    c.state[:count] = cc.AT_STUDIO
    c.income[:count] = income
    return c.uid[:count].copy()
