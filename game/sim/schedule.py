"""The one explicit order in which systems run.

DAY runs every tick, in this order, after the tick's commands are applied. NIGHT runs once after
the last tick of each day (23:59), before the clock jumps to 06:00 of the next day.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.sim.systems import (
    accounts,
    attractions,
    clashes,
    crowd_attraction,
    crowd_movement,
    crowd_opinion,
    crowd_routine,
    crowd_sort,
    director,
    events,
    leads,
    metrics,
    objectives,
    studio,
)

if TYPE_CHECKING:
    from game.sim.simulation import Simulation

System = Callable[["Simulation"], None]

# Phases of a day tick:
#   0. crowd_sort: every so often the crowd's rows are re-sorted by map cell; rows move only
#      here (and on removal), so a row index is valid for the rest of the tick, never longer:
#      systems that remember citizens across ticks keep uids (Crowd.rows_of);
#   1. gameplay, before the crowd: the Pure Smiles director (plans, announces, starts and ends
#      rallies, media drift), counter-events (start/end), leads' energy, then the attractor table
#      is rebuilt from what is active, and the studio picks this minute's customers;
#   2. the crowd systems (read sim.attractors and sim.media_drift, move, gather, influence,
#      write attendance);
#   3. gameplay, after the crowd: the studio serves arrivals, clashes read attendance and
#      resolve, the hourly metrics are recorded, and the objectives are checked on them.
GAMEPLAY_BEFORE_CROWD: tuple[System, ...] = (
    director.run,
    events.run,
    leads.run,
    attractions.run,
    studio.pick,
)
# The crowd: routine (turn to day zone / home), attraction (disperse, count attendance, divert
# to rallies and events), movement (flow fields, separation, walls, arrivals), opinion (attendees
# every tick; peers, seen smiles, media drift hourly). Metrics come from crowd_metrics.source.
CROWD: tuple[System, ...] = (
    crowd_routine.run,
    crowd_attraction.run,
    crowd_movement.run,
    crowd_opinion.run,
)
GAMEPLAY_AFTER_CROWD: tuple[System, ...] = (studio.serve, clashes.run)

DAY: tuple[System, ...] = (
    crowd_sort.run,
    *GAMEPLAY_BEFORE_CROWD,
    *CROWD,
    *GAMEPLAY_AFTER_CROWD,
    metrics.run,
    objectives.run,
)

# Night: the studio closes (last chairs paid, queue sent home), everyone still out is put back
# home (crowd_routine.night), the books (rent, wages,
# bankruptcy), the leads rest, the Pure Smiles take stock (momentum, ordinance), and last the
# objectives' day-end check.
NIGHT: tuple[System, ...] = (
    studio.night,
    crowd_routine.night,
    accounts.run,
    leads.night,
    director.night,
    objectives.night,
)
