"""Counter-events and clashes: start and end, hosts, the attractor table, workshops making
advocates, The Living Gallery, and clashes won and lost."""

from __future__ import annotations

import numpy as np
import pytest

from game.sim import attractors as at_kinds
from game.sim import crowd as cc
from game.sim.commands import ScheduleEvent
from game.sim.components import Clash
from game.sim.entities import all_of, director, event_by_number, lead, record, venue
from game.sim.systems import attractions, clashes
from game.sim.systems import director as director_system
from game.sim.systems import events as event_system
from tests.sim.gameplay_support import VENUE, at, jump, only_rally, recruit_all, world


def _book(sim, kind, start, host="", where=VENUE):
    reason = sim.apply(ScheduleEvent(kind, where, start, host))
    assert reason is None, reason
    return event_by_number(sim, max(e.number for _, e in all_of_events(sim)))


def all_of_events(sim):
    from game.sim.components import Event

    return all_of(sim, Event)


def _tick(sim, tick):
    """The gameplay systems around the crowd, without the crowd."""
    jump(sim, tick)
    director_system.run(sim)
    event_system.run(sim)
    attractions.run(sim)


def test_an_event_starts_occupies_its_host_and_ends_counted(sample_level, balance):
    sim = world(sample_level, balance)
    ent, ev = _book(sim, "showcase", at(1, 14))
    _tick(sim, at(1, 14))
    assert ev.state == "active" and lead(sim, "zara").hosting == ev.number
    row = sim.attractors.row_of(ent)
    assert row is not None and sim.attractors.kind[row] == at_kinds.EVENT
    assert sim.attractors.stance[row] == 1.0 and sim.attractors.capacity[row] == 200
    rep = sim.studio().reputation
    sim.messages = []
    _tick(sim, at(1, 17))
    assert ev.state == "over" and lead(sim, "zara").hosting == -1
    assert sim.attractors.row_of(ent) is None
    assert record(sim).events_held == 1
    assert sim.studio().reputation == pytest.approx(rep + 0.5 * 4.0)  # nobody came: half
    assert [m.text for m in sim.messages if m.kind == "event_ended"] == [
        "Showcase at Neon Plaza is over: 0 attended at its peak"
    ]
    sim.close()


def test_the_attractor_table_holds_rallies_events_and_the_studio_by_entity(sample_level, balance):
    sim = world(sample_level, balance, rally_frequency=3.0)
    recruit_all(sim)
    director_system.run(sim)
    rally_ent, r = only_rally(sim)
    ent, ev = _book(sim, "ethics_forum", r.start_tick)
    _tick(sim, r.start_tick)
    t = sim.attractors
    assert list(t.entity) == sorted(t.entity)
    kinds = dict(zip(t.entity.tolist(), t.kind.tolist(), strict=True))
    assert kinds[rally_ent] == at_kinds.RALLY and kinds[ent] == at_kinds.EVENT
    assert sorted(kinds.values()).count(at_kinds.STUDIO) == 1
    rr, er = t.row_of(rally_ent), t.row_of(ent)
    assert t.stance[rr] == -1.0
    assert (t.min_opinion[er], t.max_opinion[er]) == pytest.approx((-0.3, 0.3))  # the undecided
    sim.close()


def test_the_ar_installation_stands_for_days_and_frees_arian_after_the_opening(
    sample_level, balance
):
    sim = world(sample_level, balance)
    recruit_all(sim)
    ent, ev = _book(sim, "ar_installation", at(1, 20))
    _tick(sim, at(1, 20))
    assert lead(sim, "arian").hosting == ev.number
    _tick(sim, at(1, 22))
    assert lead(sim, "arian").hosting == -1 and ev.state == "active"
    _tick(sim, at(3, 10))
    assert ev.state == "active" and sim.attractors.radius[sim.attractors.row_of(ent)] == 9.0
    _tick(sim, ev.end_tick)
    assert ev.state == "over"
    sim.close()


def test_a_workshop_turns_its_attendees_into_advocates(sample_level, balance):
    sim = world(sample_level, balance)
    sim.studio().upgrades.append("workshop_room")
    venue(sim, VENUE).district = 3
    ent, ev = _book(sim, "community_workshop", at(1, 10), host="zara")
    _tick(sim, at(1, 10))
    c = sim.crowd
    c.state[:25] = cc.ATTENDING
    c.attending[:25] = ent
    c.state[25:30] = cc.TO_ATTRACTOR  # still on the way: not advocates
    c.attending[25:30] = ent
    sim.messages = []
    _tick(sim, ev.end_tick)
    assert np.count_nonzero(c.advocate[: c.n]) == 25 and c.advocate[:25].all()
    assert record(sim).workshop_districts == [3] and record(sim).advocates_made == 25
    assert [m.text for m in sim.messages if m.kind == "event_ended"] == [
        "Community Workshop at Neon Plaza is over: 0 attended at its peak, 25 new advocates"
    ]
    sim.close()


def test_the_living_gallery_needs_everyone_and_is_recorded(sample_level, balance):
    sim = world(sample_level, balance)
    recruit_all(sim)
    sim.studio().credits = 10_000
    ent, ev = _book(sim, "living_gallery", at(1, 12))
    assert ev.hosts == ["zara", "roth", "milo", "arian"]
    _tick(sim, at(1, 12))
    assert all(lead(sim, k).hosting == ev.number for k in ev.hosts)
    assert sim.attractors.radius[sim.attractors.row_of(ent)] == 1000.0
    _tick(sim, ev.end_tick)
    assert record(sim).living_gallery_held
    sim.close()


# --------------------------------------------------------------------------- clashes


def _clash_world(sample_level, balance, event_crowd, rally_crowd, kind="counter_rally"):
    sim = world(sample_level, balance, rally_frequency=3.0, momentum_start=50.0)
    recruit_all(sim)
    sim.studio().credits = 10_000
    director_system.run(sim)
    rally_ent, r = only_rally(sim)
    ent, ev = _book(sim, kind, r.start_tick)
    _tick(sim, r.start_tick)
    t = sim.attractors
    t.attendance[t.row_of(ent)] = event_crowd
    t.attendance[t.row_of(rally_ent)] = rally_crowd
    sim.messages = []
    clashes.run(sim)
    return sim, r, ev


def test_an_event_near_a_rally_at_the_same_time_is_a_clash(sample_level, balance):
    sim, r, ev = _clash_world(sample_level, balance, 10, 10)
    ((_, clash),) = all_of(sim, Clash)
    assert (clash.rally, clash.event, clash.resolved) == (r.number, ev.number, False)
    assert r.contested
    assert [m.text for m in sim.messages if m.kind == "clash_started"] == [
        "Clash! Your Counter-Rally at Neon Plaza meets the Pure Smiles rally at Chrome Corner"
    ]
    sim.close()


def _finish_rally(sim, r):
    c = sim.crowd
    c.pos[: c.n] = (r.x, r.y)  # everyone stands at the clash
    c.opinion[: c.n] = 0.0
    _tick(sim, r.end_tick)
    sim.messages = []
    clashes.run(sim)


def test_a_clash_won(sample_level, balance):
    sim, r, ev = _clash_world(sample_level, balance, event_crowd=300, rally_crowd=100)
    momentum = director(sim).momentum
    _finish_rally(sim, r)
    ((_, clash),) = all_of(sim, Clash)
    assert clash.resolved and clash.winner == "studio"
    assert (clash.event_peak, clash.rally_peak) == (300, 100)
    assert record(sim).clashes_won == 1
    assert director(sim).momentum == pytest.approx(momentum - balance.clash.momentum_swing)
    assert float(sim.crowd.opinion[: sim.crowd.n].mean()) > 0.1  # swung toward the event
    assert [m.text for m in sim.messages if m.kind == "clash_resolved"] == [
        "Clash at Chrome Corner: your Counter-Rally drew 300 (hosted by Milo Trevane) against the "
        "Pure Smiles' 100 — you won. Pure Smiles momentum −6"
    ]
    sim.close()


def test_a_clash_lost(sample_level, balance):
    sim, r, ev = _clash_world(sample_level, balance, event_crowd=50, rally_crowd=400)
    momentum = director(sim).momentum
    _finish_rally(sim, r)
    assert record(sim).clashes_lost == 1 and record(sim).clashes_won == 0
    assert director(sim).momentum == pytest.approx(momentum + balance.clash.momentum_swing)
    assert float(sim.crowd.opinion[: sim.crowd.n].mean()) < -0.1  # swung toward the rally
    (text,) = [m.text for m in sim.messages if m.kind == "clash_resolved"]
    assert text.endswith(
        "drew 50 (hosted by Milo Trevane) against the Pure Smiles' 400 — "
        "the Pure Smiles won. Their momentum +6"
    )
    assert not r.state == "active"
    sim.close()


def test_host_quality_weighs_in_a_clash(sample_level, balance):
    # equal crowds: the better-hosted side wins (Milo's Counter-Rally at full energy beats a
    # rally at momentum 50)
    sim, r, ev = _clash_world(sample_level, balance, event_crowd=200, rally_crowd=200)
    assert ev.quality > r.quality
    _finish_rally(sim, r)
    assert record(sim).clashes_won == 1
    sim.close()


def _far_world(sample_level, balance):
    sim = world(sample_level, balance, rally_frequency=3.0)
    recruit_all(sim)
    sim.studio().credits = 10_000
    venue(sim, VENUE).x = 200.0  # far across the city
    director_system.run(sim)
    _, r = only_rally(sim)
    return sim, r


def test_a_far_event_does_not_clash(sample_level, balance):
    sim, r = _far_world(sample_level, balance)
    _book(sim, "showcase", r.start_tick)
    _tick(sim, r.start_tick)
    clashes.run(sim)
    assert all_of(sim, Clash) == [] and not r.contested
    sim.close()


def test_the_living_gallery_clashes_at_any_distance(sample_level, balance):
    sim, r = _far_world(sample_level, balance)
    _book(sim, "living_gallery", r.start_tick)
    _tick(sim, r.start_tick)
    clashes.run(sim)
    assert len(all_of(sim, Clash)) == 1 and r.contested
    sim.close()
