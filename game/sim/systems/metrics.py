"""City metrics, sampled at the start of every in-game hour and at the end of each day.

Reads: crowd.opinion, the Studio component. Writes: sim.metrics. Phase: last in the day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.sim import calendar

if TYPE_CHECKING:
    from game.sim.simulation import Simulation

SUPPORT_THRESHOLD = 0.2  # DESIGN §4: support is the share with o > 0.2, traction o < -0.2


def sample(sim: Simulation) -> dict[str, float]:
    """The current value of every city metric."""
    op = sim.crowd.opinion[: sim.crowd.n]
    n = max(len(op), 1)
    studio = sim.studio()
    return {
        "support": float(np.count_nonzero(op > SUPPORT_THRESHOLD)) / n,
        "traction": float(np.count_nonzero(op < -SUPPORT_THRESHOLD)) / n,
        "mean_opinion": float(op.mean()) if len(op) else 0.0,
        "credits": float(studio.credits),
        "day": float(calendar.day_of(sim.tick)),
    }


def run(sim: Simulation) -> None:
    if calendar.is_hour_start(sim.tick):
        sim.metrics.record(sim.tick, sample(sim))
