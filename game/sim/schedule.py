"""The one explicit order in which systems run.

DAY runs every tick, in this order, after the tick's commands are applied. NIGHT runs once after
the last tick of each day (23:59), before the clock jumps to 06:00 of the next day.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.sim.systems import accounts, metrics

if TYPE_CHECKING:
    from game.sim.simulation import Simulation

System = Callable[["Simulation"], None]

DAY: tuple[System, ...] = (metrics.run,)

NIGHT: tuple[System, ...] = (accounts.run,)
