"""Keep the crowd roughly sorted by map cell, so gathers over the map touch memory in order.

Every `crowd.sort_interval` ticks the rows are re-sorted by `cell` (a stable sort: ties keep
their order, so the result is deterministic). This is the only place rows move apart from
`Crowd.remove`, and it runs first in the tick, so row indices computed later in a tick stay
valid for the rest of it. Anything that remembers citizens across ticks holds their uids.

Reads: crowd.cell, sim.tick, balance.crowd.sort_interval. Writes: the order of every crowd
array (`Crowd.reorder`). Phase: first in the day, before the gameplay systems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from game.sim.simulation import Simulation


def run(sim: Simulation) -> None:
    crowd = sim.crowd
    if crowd.n < 2 or sim.tick % sim.balance.crowd.sort_interval:
        return
    cell = crowd.cell[: crowd.n]
    if not (cell[1:] < cell[:-1]).any():
        return
    crowd.reorder(np.argsort(cell, kind="stable"))
