"""The daily routine: out to the day zone in the morning, home in the evening, home at night.

Every citizen has its own minute to go out and to head home (`leave_minute`, `return_minute`,
drawn at spawn around `routine.leave_hour` / `return_hour`), so the streets fill and empty
gradually. Each tick a citizen following its routine (at home, walking to or at its day zone,
walking home) wants to be at its day zone inside its window and at home outside it; when that
differs from what it is doing it turns around. Citizens drawn to a rally or event, and customers,
are left alone; `release` hands them back as "walking home", and the routine sends them to
their day zone instead when their window is still open.

`run` -- Reads: crowd.state, leave_minute, return_minute, home, day_zone, sim.tick.
Writes: crowd.state, goal. Phase: crowd (after gameplay, before attraction and movement).

`night` -- after the day's last tick, everyone still out (except customers, whom the studio
system owns) is put back at a spot of their home. Reads: crowd.state, home, uid, the level's
homes. Writes: crowd.state, pos, vel, cell, goal, attending. Phase: night.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.sim import calendar
from game.sim.crowd import (
    AT_DAY,
    AT_HOME,
    ATTENDING,
    N_STATES,
    TO_ATTRACTOR,
    TO_DAY,
    TO_HOME,
    spot_key,
)

if TYPE_CHECKING:
    from game.sim.simulation import Simulation

# NEXT[state * 2 + wants_day_zone] -> the new state; non-routine states map to themselves.
NEXT = np.repeat(np.arange(N_STATES, dtype=np.uint8), 2)
NEXT[AT_HOME * 2 + 1] = TO_DAY
NEXT[TO_HOME * 2 + 1] = TO_DAY
NEXT[TO_DAY * 2 + 0] = TO_HOME
NEXT[AT_DAY * 2 + 0] = TO_HOME

# Sent home at night: everyone but customers (TO_STUDIO, AT_STUDIO, IN_STUDIO).
_NIGHT_HOME = np.zeros(N_STATES, dtype=bool)
_NIGHT_HOME[[AT_HOME, TO_DAY, AT_DAY, TO_HOME, TO_ATTRACTOR, ATTENDING]] = True


def run(sim: Simulation) -> None:
    crowd = sim.crowd
    n = crowd.n
    if not n:
        return
    minute = calendar.minute_of_day(sim.tick)
    st = crowd.state[:n]
    wants_day = (crowd.leave_minute[:n] <= minute) & (crowd.return_minute[:n] > minute)
    new = NEXT.take(st * np.uint8(2) + wants_day)
    changed = (new != st).nonzero()[0]
    if len(changed):
        to = new[changed]
        st[changed] = to
        day_base = crowd.navigation(sim.level).day_base
        crowd.goal[changed] = np.where(
            to == TO_DAY, day_base + crowd.day_zone[changed], crowd.home[changed]
        )


def night(sim: Simulation) -> None:
    crowd = sim.crowd
    n = crowd.n
    if not n:
        return
    nav = crowd.navigation(sim.level)
    rows = _NIGHT_HOME.take(crowd.state[:n]).nonzero()[0]
    if not len(rows):
        return
    home = crowd.home[rows].astype(np.int64)
    key = spot_key(crowd.uid[rows])
    cell = nav.fields.spot(home, key)
    w = sim.level.width
    # a fixed point inside the spot cell, from the same per-citizen hash (no random draw)
    fx = 0.2 + 0.6 * ((key & 0xFF) / 255.0)
    fy = 0.2 + 0.6 * (((key >> 8) & 0xFF) / 255.0)
    crowd.x[rows] = (cell % w + fx).astype(np.float32)
    crowd.y[rows] = (cell // w + fy).astype(np.float32)
    crowd.vx[rows] = 0.0
    crowd.vy[rows] = 0.0
    crowd.cell[rows] = cell
    crowd.goal[rows] = crowd.home[rows]
    crowd.attending[rows] = -1
    crowd.state[rows] = AT_HOME
