"""Rallies and events: who is drawn, how many (capacity), what it does to opinion, dispersal."""

from __future__ import annotations

import numpy as np

from game.sim import calendar
from game.sim.attractors import EVENT, RALLY, STUDIO, AttractorTable
from game.sim.crowd import AT_STUDIO, ATTENDING, ROUTINE, TO_ATTRACTOR
from game.sim.systems import crowd_attraction, crowd_movement, crowd_opinion, crowd_routine
from tests.sim.test_crowd import make_sim, open_world, step_crowd

ENTITY = 77


def _at_work(balance, population=300, seed=5):
    """The small world at 10:00, the citizens at their day zone (East Works)."""
    sim = make_sim(open_world(population), balance, seed)
    sim.media_drift = 0.0
    while sim.tick < calendar.tick_at(1, 10):
        step_crowd(sim)
    return sim


def _row(kind, stance, capacity=80, **kw):
    row = dict(
        entity=ENTITY,
        kind=kind,
        x=27.0,
        y=17.0,
        radius=25.0,
        pull=3.0,
        stance=stance,
        strength=0.02,
        capacity=capacity,
    )
    row.update(kw)
    return AttractorTable.from_rows([row])


def _committed(sim):
    n = sim.crowd.n
    return int(np.count_nonzero(sim.crowd.attending[:n] == ENTITY))


def _hold(sim, kind, stance, ticks=100, capacity=80):
    """Hold one attractor for `ticks`; returns attendance per tick and the attendees' uids with
    their opinions when it started and when it ended."""
    crowd = sim.crowd
    start_opinion = dict(
        zip(crowd.uid[: crowd.n].tolist(), crowd.opinion[: crowd.n].tolist(), strict=True)
    )
    attendance = []
    for _ in range(ticks):
        table = _row(kind, stance, capacity)
        step_crowd(sim, table)
        attendance.append(int(table.attendance[0]))
        assert _committed(sim) <= capacity
        assert table.attendance[0] == np.count_nonzero(
            (crowd.attending[: crowd.n] == ENTITY) & (crowd.state[: crowd.n] == ATTENDING)
        )
    n = crowd.n
    here = crowd.state[:n] == ATTENDING
    uids = crowd.uid[:n][here]
    before = np.array([start_opinion[u] for u in uids.tolist()])
    after = crowd.opinion[:n][here]
    return attendance, uids, before, after


def test_event_draws_a_crowd_up_to_capacity_and_raises_its_opinion(balance):
    sim = _at_work(balance)
    attendance, uids, before, after = _hold(sim, EVENT, +1.0, capacity=80)
    assert attendance[5] < attendance[-1]  # rises after the start
    assert max(attendance) <= 80 and attendance[-1] >= 60  # fills, never beyond capacity
    assert after.mean() > before.mean() + 0.1
    assert (after >= before - 1e-6).all()
    # the log names the event as the source
    row = int(sim.crowd.rows_of(uids[:1])[0])
    assert ENTITY in [s for s, _, _ in sim.crowd.influence_log(row)]
    # the event ends: everyone disperses back to the routine
    step_crowd(sim, AttractorTable())
    n = sim.crowd.n
    assert _committed(sim) == 0
    assert not np.any(sim.crowd.state[:n] == ATTENDING)
    rows = sim.crowd.rows_of(uids)
    assert ROUTINE[sim.crowd.state[rows]].all()
    sim.close()


def test_rally_lowers_its_attendees_opinion(balance):
    sim = _at_work(balance, seed=6)
    attendance, _, before, after = _hold(sim, RALLY, -1.0, capacity=120)
    assert attendance[-1] > attendance[3] and max(attendance) <= 120
    assert len(after) > 20
    assert after.mean() < before.mean() - 0.1
    assert np.mean(after < before) > 0.9
    sim.close()


def test_attendance_falls_after_the_end(balance):
    sim = _at_work(balance, seed=7)
    _hold(sim, EVENT, 1.0, ticks=60)
    assert _committed(sim) > 0
    counts = []
    for _ in range(3):
        table = AttractorTable()
        step_crowd(sim, table)
        counts.append(_committed(sim))
    assert counts == [0, 0, 0]
    sim.close()


def test_only_citizens_inside_the_opinion_window_are_drawn(balance):
    sim = _at_work(balance, seed=8)
    crowd = sim.crowd
    n = crowd.n
    crowd.opinion[:n] = np.linspace(-1, 1, n, dtype=np.float32)
    for _ in range(60):
        table = _row(EVENT, 0.0, capacity=1000, min_opinion=-0.2, max_opinion=0.2)
        sim.attractors = table
        was = crowd.state[:n].copy()
        crowd_routine.run(sim)
        crowd_attraction.run(sim)
        new = (crowd.state[:n] == TO_ATTRACTOR) & (was != TO_ATTRACTOR)
        op = crowd.opinion[:n][new]
        assert ((op >= -0.2) & (op <= 0.2)).all()
        crowd_movement.run(sim)
        crowd_opinion.run(sim)
        sim.tick += 1
    assert _committed(sim) > 10
    sim.close()


def test_citizens_outside_the_reach_are_not_drawn(balance):
    sim = _at_work(balance, seed=9)
    for _ in range(60):
        step_crowd(sim, _row(EVENT, 1.0, x=3.0, y=27.0, radius=2.0))  # a far corner
    assert _committed(sim) == 0
    sim.close()


def test_studio_rows_draw_nobody_and_count_customers(balance):
    sim = _at_work(balance, seed=10)
    crowd = sim.crowd
    for _ in range(30):
        step_crowd(
            sim,
            AttractorTable.from_rows(
                [dict(entity=3, kind=STUDIO, x=20, y=3, radius=100, pull=5, capacity=10)]
            ),
        )
    assert not np.any(crowd.state[: crowd.n] == TO_ATTRACTOR)
    crowd.send_to_studio(np.arange(4))
    for _ in range(150):
        table = AttractorTable.from_rows(
            [dict(entity=3, kind=STUDIO, x=20, y=3, radius=100, pull=5, capacity=10)]
        )
        step_crowd(sim, table)
    at = int(np.count_nonzero(crowd.state[: crowd.n] == AT_STUDIO))
    assert at == 4 and table.attendance[0] == 4
    sim.close()


def test_a_broken_row_moves_and_corrupts_nobody(balance):
    sim = _at_work(balance, seed=12)
    crowd = sim.crowd
    nan = float("nan")
    for _ in range(30):
        table = AttractorTable.from_rows(
            [
                dict(
                    entity=ENTITY,
                    kind=EVENT,
                    x=27.0,
                    y=17.0,
                    radius=25.0,
                    pull=3.0,
                    stance=nan,
                    strength=0.02,
                    capacity=80,
                ),
                dict(
                    entity=ENTITY + 1,
                    kind=RALLY,
                    x=nan,
                    y=17.0,
                    radius=nan,
                    pull=nan,
                    stance=-1.0,
                    strength=nan,
                    capacity=80,
                ),
            ]
        )
        step_crowd(sim, table)
    n = crowd.n
    assert np.isfinite(crowd.opinion[:n]).all() and np.isfinite(crowd.pos[:n]).all()
    assert not np.any(crowd.attending[:n] == ENTITY + 1)
    sim.close()
