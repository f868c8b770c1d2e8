"""Invariants over a 2-day run of 10,000 citizens on a shipped level, checked at every tick:
nobody in a wall, every float finite, everyone inside the map, opinions in [-1, 1], nobody lost.
"""

from __future__ import annotations

import numpy as np

from game.level.loader import load_level
from game.sim import calendar
from game.sim.attractors import EVENT, RALLY, STUDIO, AttractorTable
from game.sim.crowd import AT_STUDIO, ATTENDING
from tests.sim.test_crowd import make_sim, shipped_act_level, step_crowd

POPULATION = 10_000


def _attractors(tick: int, level) -> AttractorTable:
    """A counter-event at a venue, a rally at a rally point, the studio, at set hours."""
    venue = level.of_type("venue")[0]
    rally = level.of_type("rally_point")[0]
    studio = level.of_type("studio")[0]
    minute = calendar.minute_of_day(tick)
    day = calendar.day_of(tick)
    rows = [
        dict(
            entity=1,
            kind=STUDIO,
            x=studio.center[0],
            y=studio.center[1],
            radius=0,
            pull=0,
            capacity=50,
        )
    ]
    if 10 * 60 <= minute < 13 * 60:
        rows.append(
            dict(
                entity=40 + day,
                kind=EVENT,
                x=venue.center[0],
                y=venue.center[1],
                radius=40,
                pull=1.5,
                stance=1.0,
                strength=0.01,
                capacity=600,
            )
        )
    if 12 * 60 <= minute < 17 * 60:
        rows.append(
            dict(
                entity=60 + day,
                kind=RALLY,
                x=rally.center[0],
                y=rally.center[1],
                radius=50,
                pull=1.5,
                stance=-1.0,
                strength=0.01,
                capacity=900,
            )
        )
    return AttractorTable.from_rows(rows)


def test_two_days_of_ten_thousand_citizens_keep_every_invariant(balance):
    level = load_level(shipped_act_level())
    sim = make_sim(level, balance, seed=21, population=POPULATION)
    crowd = sim.crowd
    n0 = crowd.n
    assert n0 == POPULATION
    uids0 = np.sort(crowd.uid[:n0].copy())
    walk = level.walkable.ravel()
    w, h = level.width, level.height
    crowd.customized[:n0:50] = True  # some glowing smiles to be seen
    crowd.advocate[:n0:200] = True
    sim.media_drift = 0.03
    saw_attendees = saw_customers = False
    for _ in range(2 * calendar.TICKS_PER_DAY):
        table = _attractors(sim.tick, level)
        if calendar.minute_of_day(sim.tick) == 11 * 60:  # the studio sends for some customers
            crowd.send_to_studio(np.arange(0, crowd.n, 500))
        step_crowd(sim, table)
        n = crowd.n
        st = crowd.state[:n]
        at_studio = np.flatnonzero(st == AT_STUDIO)
        if len(at_studio):  # served at once and handed back
            saw_customers = True
            crowd.release(at_studio)
        saw_attendees |= bool(np.any(st == ATTENDING))

        assert n == n0
        x, y = crowd.x[:n], crowd.y[:n]
        assert np.isfinite(crowd.pos[:n]).all() and np.isfinite(crowd.vel[:n]).all()
        assert (x >= 0).all() and (x < w).all() and (y >= 0).all() and (y < h).all()
        cells = y.astype(np.int64) * w + x.astype(np.int64)
        assert walk[cells].all(), f"{sim.clock}: a citizen stands in a wall"
        assert (crowd.cell[:n] == cells).all()
        op = crowd.opinion[:n]
        assert np.isfinite(op).all() and op.min() >= -1.0 and op.max() <= 1.0
    assert np.array_equal(np.sort(crowd.uid[:n0]), uids0)
    assert saw_attendees and saw_customers
    sim.close()
