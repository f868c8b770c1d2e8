"""The leads' energy: resting restores it every hour, working the studio costs a little, nights
restore a lot. (Hosting is paid when an event is booked; see commands.ScheduleEvent.)

Reads: Lead, balance.leads. Writes: Lead.energy. Phase: before the crowd (hourly); night.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import calendar
from game.sim.entities import leads

if TYPE_CHECKING:
    from game.sim.simulation import Simulation


def run(sim: Simulation) -> None:
    if not calendar.is_hour_start(sim.tick) or sim.tick % calendar.TICKS_PER_DAY == 0:
        return
    bal = sim.balance.leads
    for c in leads(sim):
        if not c.recruited or c.hosting >= 0:
            continue
        if c.assignment == "resting":
            c.energy = float(min(bal.max_energy, c.energy + bal.rest_per_hour))
        else:
            c.energy = float(max(0.0, c.energy - bal.studio_per_hour))


def night(sim: Simulation) -> None:
    bal = sim.balance.leads
    for c in leads(sim):
        if c.recruited:
            c.energy = float(min(bal.max_energy, c.energy + bal.night_restore))


def metrics(sim: Simulation) -> dict[str, float]:
    """Metric source: leads recruited."""
    return {"leads": float(sum(1 for c in leads(sim) if c.recruited))}
