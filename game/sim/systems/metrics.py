"""City metrics, sampled at the start of every in-game hour into `sim.metrics`.

Each source is a function `(sim) -> dict[str, float]`; `SOURCES` lists them and `sample()` merges
their values. Systems that own a metric add their source here.

Reads: whatever the sources read. Writes: sim.metrics. Phase: last in the day.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from game.sim import calendar
from game.sim.systems import clashes, crowd_metrics, director, events, leads, studio

if TYPE_CHECKING:
    from game.sim.simulation import Simulation

SUPPORT_THRESHOLD = 0.2  # DESIGN §4: support is the share with o > 0.2, traction o < -0.2


def opinion_metrics(sim: Simulation) -> dict[str, float]:
    op = sim.crowd.opinion[: sim.crowd.n]
    n = max(len(op), 1)
    return {
        "support": float(np.count_nonzero(op > SUPPORT_THRESHOLD)) / n,
        "traction": float(np.count_nonzero(op < -SUPPORT_THRESHOLD)) / n,
        "mean_opinion": float(op.mean()) if len(op) else 0.0,
    }


SOURCES: tuple[Callable[[Simulation], dict[str, float]], ...] = (
    opinion_metrics,
    # crowd: support/traction/mean_opinion by district and tribe, attendance, equity_index,
    # cohesion
    crowd_metrics.source,
    # gameplay: credits, day, customers, trust, reputation, leads, momentum, events_held,
    # living_gallery_held, workshop_districts, incidents, advocates, clashes_won/lost...
    studio.metrics,
    leads.metrics,
    director.metrics,
    events.metrics,
    clashes.metrics,
)


# Objective names for metrics whose source calls them otherwise (game/sim/objectives.py).
ALIASES = {"equity": "equity_index"}


def sample(sim: Simulation) -> dict[str, float]:
    """The current value of every city metric."""
    out: dict[str, float] = {}
    for source in SOURCES:
        out.update(source(sim))
    for alias, name in ALIASES.items():
        if name in out:
            out[alias] = out[name]
    return out


def run(sim: Simulation) -> None:
    if calendar.is_hour_start(sim.tick):
        sim.metrics.record(sim.tick, sample(sim))
