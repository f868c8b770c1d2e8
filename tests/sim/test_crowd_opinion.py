"""Opinion dynamics: events, peers (advocates weigh more), media drift, smiles seen nearby,
tribe susceptibility, the influence log; always within [-1, 1] and finite."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from game.sim.attractors import EVENT, AttractorTable
from game.sim.crowd import ATTENDING, MEDIA, PEERS, SMILES
from game.sim.systems import crowd_opinion
from tests.sim.test_crowd import make_sim, open_world


def _place(sim, xy, opinion, tribe=0):
    """Put the first len(xy) citizens at those tiles with those opinions; the rest far away."""
    c = sim.crowd
    k = len(xy)
    c.n = k
    c.x[:k] = [p[0] + 0.5 for p in xy]
    c.y[:k] = [p[1] + 0.5 for p in xy]
    c.refresh_cells(sim.level.width)
    c.opinion[:k] = opinion
    c.tribe[:k] = tribe
    c.advocate[:k] = False
    c.customized[:k] = False
    c.log_source[:k] = 0
    c.log_tick[:k] = -1


def _with(balance, **opinion):
    return dataclasses.replace(balance, opinion=dataclasses.replace(balance.opinion, **opinion))


def test_peers_pull_toward_the_area_mean_and_advocates_weigh_more(balance):
    sim = make_sim(open_world(10), balance)
    # three citizens in one area (peer_cell_tiles = 4), one far away alone
    _place(sim, [(5, 5), (5, 6), (6, 5), (30, 25)], [0.0, 0.6, -0.6, 0.9])
    crowd_opinion.peer_influence(sim)
    o = sim.crowd.opinion
    assert abs(o[0]) < 1e-6  # others' mean is 0: no pull
    assert o[1] < 0.6 and o[2] > -0.6  # pulled toward each other
    assert o[3] == np.float32(0.9)  # alone: no peers
    _place(sim, [(5, 5), (5, 6), (6, 5), (30, 25)], [0.0, 0.6, -0.6, 0.9])
    sim.crowd.advocate[1] = True  # the +0.6 advocate weighs 3x
    crowd_opinion.peer_influence(sim)
    assert o[0] > 0.0
    assert sim.crowd.influence_log(0)[0][0] == PEERS


def test_media_drift_lowers_opinion_scaled_by_tribe_susceptibility(balance):
    sim = make_sim(open_world(10), balance)
    tribes = sorted(balance.tribes)
    sus = [balance.tribes[t].susceptibility for t in tribes]
    lo, hi = int(np.argmin(sus)), int(np.argmax(sus))
    _place(sim, [(5, 5), (25, 20)], [0.2, 0.2])
    sim.crowd.tribe[:2] = [lo, hi]
    sim.media_drift = 0.1
    crowd_opinion.media_drift(sim)
    o = sim.crowd.opinion
    assert o[0] < 0.2 and o[1] < o[0]  # the more susceptible tribe moves more
    assert sim.crowd.influence_log(1)[0][0] == MEDIA
    sim.media_drift = 0.0
    before = o[:2].copy()
    crowd_opinion.media_drift(sim)
    assert np.array_equal(o[:2], before)


def test_customized_smiles_seen_nearby_pull_toward_plus_one(balance):
    sim = make_sim(open_world(10), balance)
    _place(sim, [(5, 5), (5, 6), (6, 6), (30, 25)], [0.0, 0.0, 0.0, 0.0])
    sim.crowd.customized[1] = True
    sim.crowd.customized[2] = True
    crowd_opinion.seen_smiles(sim)
    o = sim.crowd.opinion
    assert o[0] > 0.0  # sees two
    assert o[1] > 0.0 and o[1] < o[0]  # sees one (not its own)
    assert o[3] == 0.0  # sees none
    assert sim.crowd.influence_log(0)[0][0] == SMILES


def test_bounded_confidence_far_views_move_less_but_still_move(balance):
    sim = make_sim(open_world(10), balance)
    _place(sim, [(5, 5), (6, 6)], [0.9, -0.9])
    sim.crowd.state[:2] = ATTENDING
    sim.crowd.attending[:2] = 9
    table = AttractorTable.from_rows(
        [
            dict(
                entity=9,
                kind=EVENT,
                x=5,
                y=5,
                radius=5,
                pull=1,
                stance=1.0,
                strength=0.05,
                capacity=10,
            )
        ]
    )
    sim.attractors = table
    crowd_opinion.attendee_influence(sim)
    o = sim.crowd.opinion
    near_step, far_step = o[0] - 0.9, o[1] + 0.9
    assert near_step > 0 and far_step > 0
    assert far_step / 1.9 < near_step / 0.1  # relative to the gap, the far view moves less
    assert table.attendance[0] == 2
    assert sim.crowd.influence_log(1)[0][0] == 9


@settings(max_examples=30, deadline=None)
@given(
    opinions=st.lists(st.floats(-1, 1, width=32), min_size=6, max_size=6),
    rate=st.floats(0, 1),
    drift=st.floats(0, 1),
    strength=st.floats(0, 1),
    stance=st.floats(-1, 1),
    min_weight=st.floats(0.001, 1),
)
def test_opinions_stay_within_bounds_whatever_the_numbers(
    balance, opinions, rate, drift, strength, stance, min_weight
):
    b = _with(balance, peer_rate=rate, smile_pull=rate, min_weight=min_weight, advocate_weight=20.0)
    sim = make_sim(open_world(10), b)
    _place(sim, [(5, 5), (5, 6), (6, 5), (6, 6), (7, 7), (20, 20)], opinions, tribe=2)
    c = sim.crowd
    c.advocate[:3] = True
    c.customized[::2] = True
    c.state[:6] = ATTENDING
    c.attending[:6] = 4
    sim.attractors = AttractorTable.from_rows(
        [
            dict(
                entity=4,
                kind=EVENT,
                x=5,
                y=5,
                radius=9,
                pull=1,
                stance=stance,
                strength=strength,
                capacity=10,
            )
        ]
    )
    sim.media_drift = drift
    for _ in range(3):
        crowd_opinion.attendee_influence(sim)
        crowd_opinion.peer_influence(sim)
        crowd_opinion.seen_smiles(sim)
        crowd_opinion.media_drift(sim)
        o = c.opinion[:6]
        assert np.isfinite(o).all() and o.min() >= -1 and o.max() <= 1
    sim.close()
