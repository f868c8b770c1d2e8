"""Attraction: rallies and counter-events draw citizens out of their routine; the crowd counts
who attends each one.

From `sim.attractors` (rebuilt earlier in the tick by the gameplay systems):

- **dispersal**: when an attractor row has disappeared (the rally or event ended), everyone who
  was walking to it or standing at it goes back to the routine (`Crowd.release`);
- **attendance** (`record_attendance`, called by crowd_opinion after movement, which has the
  attendees at hand): `attendance[row]` = citizens ATTENDING that row (standing there this
  tick); for a STUDIO row, the customers at or in the studio (AT_STUDIO, IN_STUDIO);
- **diversion** (every `attraction.check_interval` ticks, at the same hourly rate): a citizen
  following its routine (at home, at or walking to its day zone, walking home) whose cell lies
  within a rally's or event's reach (`radius`; where reaches overlap, the strongest pull) and
  whose opinion is inside the row's window [min_opinion, max_opinion] diverts with the chance
  per minute `divert_per_hour / 60 x pull x tribe affinity x agreement ** agreement_power`,
  agreement = 1 - |stance - opinion| / 2, as long as the row has room: walkers to it plus
  attendees never exceed its `capacity` (the earliest random draws win the last places).
  Diverted citizens walk to it (TO_ATTRACTOR, `attending` = its entity id) and stand there
  (ATTENDING) until it ends. STUDIO rows never divert anyone: customers are sent by the studio.

Reads: sim.attractors, crowd state/cell/opinion/tribe/attending, balance.attraction, tribes.
Writes: crowd state, goal, attending (sim.attractors.attendance via crowd_opinion).
Draws from sim.rng.
Phase: crowd, after the gameplay systems that rebuild sim.attractors, before movement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.sim.attractors import RALLY, STUDIO, AttractorTable
from game.sim.crowd import (
    AT_STUDIO,
    GOAL_ATTRACTOR,
    IN_STUDIO,
    ROUTINE,
    TO_ATTRACTOR,
    Navigation,
)

if TYPE_CHECKING:
    from game.sim.simulation import Simulation


def run(sim: Simulation) -> None:
    crowd = sim.crowd
    n = crowd.n
    table = sim.attractors
    nav = crowd.navigation(sim.level)
    drawing = (table.kind != STUDIO).nonzero()[0] if len(table) else np.zeros(0, np.int64)
    ids = np.sort(table.entity[drawing]) if len(drawing) else np.zeros(0, np.int64)
    disperse(sim, ids)
    if not len(table) or not n:
        return
    nav.attractor_slots_for(table, sim.balance.attraction.gather_density)
    if len(drawing) and sim.tick % sim.balance.attraction.check_interval == 0:
        divert(sim, table, nav)


def disperse(sim: Simulation, ids: np.ndarray) -> None:
    """Release everyone attending an entity id not in `ids` (checked when the set changes)."""
    crowd = sim.crowd
    nav = crowd.navigation(sim.level)
    key = ids.tobytes()
    if key == nav.attractor_ids_seen:
        return
    nav.attractor_ids_seen = key
    att = crowd.attending[: crowd.n]
    sel = (att >= 0).nonzero()[0]
    if len(sel):
        gone = sel[~np.isin(att[sel], ids)]
        if len(gone):
            crowd.release(gone)


def rows_of_entities(table: AttractorTable, entity: np.ndarray) -> np.ndarray:
    """Row of each entity id in the table, -1 where it has none."""
    order = np.argsort(table.entity, kind="stable")
    ents = table.entity[order]
    i = np.minimum(np.searchsorted(ents, entity), len(ents) - 1)
    return np.where(ents[i] == entity, order[i], -1)


def committed_per_row(sim: Simulation, table: AttractorTable) -> np.ndarray:
    """Citizens walking to or standing at each row (what its capacity limits)."""
    crowd = sim.crowd
    sel = (crowd.attending[: crowd.n] >= 0).nonzero()[0]
    if not len(sel):
        return np.zeros(len(table), dtype=np.int64)
    r = rows_of_entities(table, crowd.attending[sel])
    return np.bincount(r[r >= 0], minlength=len(table))


def record_attendance(sim: Simulation, table: AttractorTable, rows: np.ndarray) -> None:
    """Write `table.attendance` from the table rows of the citizens standing there (ATTENDING);
    a STUDIO row counts the customers at or in the studio."""
    present = np.bincount(rows[rows >= 0], minlength=len(table))
    studio_rows = table.kind == STUDIO
    if studio_rows.any():
        st = sim.crowd.state[: sim.crowd.n]
        present[studio_rows] = np.count_nonzero((st == AT_STUDIO) | (st == IN_STUDIO))
    table.attendance = present.astype(np.int32)


def divert(sim: Simulation, table: AttractorTable, nav: Navigation) -> None:
    """Draw routine citizens within reach into rallies and events, up to capacity."""
    crowd = sim.crowd
    n = crowd.n
    ab = sim.balance.attraction
    reach = nav.reach_grid(table)
    rr = reach.take(crowd.cell[:n])
    cand = ((rr >= 0) & ROUTINE.take(crowd.state[:n])).nonzero()[0]
    if not len(cand):
        return
    row = rr[cand].astype(np.int64)
    o = crowd.opinion[cand]
    window = (o >= table.min_opinion[row]) & (o <= table.max_opinion[row])
    agree = np.float32(1.0) - np.abs(table.stance[row] - o) * np.float32(0.5)
    names = sorted(sim.balance.tribes)
    affinity = np.array(
        [
            [sim.balance.tribes[t].rally_affinity for t in names],
            [sim.balance.tribes[t].event_affinity for t in names],
        ],
        dtype=np.float32,
    )
    kind = np.where(table.kind[row] == RALLY, 0, 1)
    aff = affinity[kind, crowd.tribe[cand]]
    per_min = ab.divert_per_hour / 60.0 * table.pull[row] * aff * agree**ab.agreement_power
    p = 1.0 - (1.0 - np.clip(per_min, 0.0, 1.0)) ** ab.check_interval
    u = sim.rng.random(len(cand))
    acc = (window & (u < p)).nonzero()[0]
    if not len(acc):
        return
    a_row = row[acc]
    order = np.lexsort((u[acc], a_row))
    a_row = a_row[order]
    first = np.searchsorted(a_row, a_row)  # index of each row group's first accepted
    rank = np.arange(len(a_row)) - first
    free = np.maximum(table.capacity.astype(np.int64) - committed_per_row(sim, table), 0)
    keep = rank < free[a_row]
    chosen = cand[acc[order][keep]]
    if len(chosen):
        crowd.state[chosen] = TO_ATTRACTOR
        crowd.goal[chosen] = GOAL_ATTRACTOR
        crowd.attending[chosen] = table.entity[a_row[keep]]
