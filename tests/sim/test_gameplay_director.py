"""The Pure Smiles director: morning plans, announcements hours ahead, rallies held, momentum,
pickets, media drift and the ordinance."""

from __future__ import annotations

import esper
import numpy as np
import pytest

from game.sim.components import RallyPoint
from game.sim.entities import director, rallies
from game.sim.systems import director as director_system
from game.sim.view import SimView
from tests.sim.gameplay_support import at, jump, only_rally, world


def test_a_rally_is_planned_in_secret_and_announced_hours_before_it_starts(sample_level, balance):
    sim = world(sample_level, balance, rally_frequency=3.0)
    director_system.run(sim)  # 06:00: the morning plan
    _, r = only_rally(sim)  # the sample level has one rally point
    assert r.state == "planned"
    assert SimView(sim).calendar() == []  # plans are secret
    assert r.start_tick - r.announce_tick == 3 * 60
    assert at(1, 10) <= r.start_tick <= at(1, 19, 45)
    assert r.end_tick - r.start_tick == balance.director.duration_minutes
    announced = []
    for t in range(1, r.start_tick + 1):
        jump(sim, t)
        sim.messages = []
        director_system.run(sim)
        announced += [(t, m) for m in sim.messages if m.kind == "rally_announced"]
    ((tick, msg),) = announced
    assert tick == r.announce_tick < r.start_tick
    assert msg.text.startswith("Pure Smiles announce a rally at Chrome Corner, Day 1 ")
    assert msg.data["start_tick"] == r.start_tick and msg.pos == (r.x, r.y)
    assert r.state == "active"
    (entry,) = SimView(sim).calendar()
    assert (entry.side, entry.place, entry.start_tick) == (
        "pure_smiles",
        "Chrome Corner",
        r.start_tick,
    )


def test_an_uncontested_rally_raises_momentum_when_it_ends(sample_level, balance):
    sim = world(sample_level, balance, rally_frequency=3.0)
    director_system.run(sim)
    _, r = only_rally(sim)
    jump(sim, r.start_tick)
    director_system.run(sim)
    r.peak = r.capacity  # a full rally
    before = director(sim).momentum
    jump(sim, r.end_tick)
    sim.messages = []
    director_system.run(sim)
    assert r.state == "over"
    assert director(sim).momentum == pytest.approx(before + balance.director.uncontested_gain)
    assert [m.text for m in sim.messages if m.kind == "rally_ended"] == [
        f"The Pure Smiles rally at Chrome Corner is over: {r.capacity} attended, uncontested "
        "(momentum +2)"
    ]


def test_rallies_go_where_support_is_weakest(sample_level, balance):
    sim = world(sample_level, balance, momentum_start=50.0)  # exactly one rally a day
    esper.create_entity(RallyPoint(90, "Glow Steps", 400, 1.0, 5.0, 25.0))
    c = sim.crowd
    half = c.n // 2
    c.pos[:half] = (32.0, 14.0)  # around Chrome Corner: supporters
    c.opinion[:half] = 0.9
    c.pos[half : c.n] = (5.0, 25.0)  # around Glow Steps: hostile
    c.opinion[half : c.n] = -0.5
    director_system.run(sim)
    ((_, r),) = rallies(sim)
    assert r.name == "Glow Steps"
    sim.close()


def test_rally_size_and_strength_scale_with_momentum_and_difficulty(sample_level, balance):
    rally = {}
    for difficulty, momentum in (("normal", 0.0), ("normal", 100.0), ("hard", 100.0)):
        sim = world(
            sample_level,
            balance,
            rally_frequency=3.0,
            momentum_start=momentum,
            difficulty=difficulty,
        )
        director_system.run(sim)
        rally[(difficulty, momentum)] = only_rally(sim)[1]
        sim.close()
    calm, heated, hard = rally[("normal", 0.0)], rally[("normal", 100.0)], rally[("hard", 100.0)]
    assert heated.pull == pytest.approx(3 * calm.pull)
    assert heated.strength == pytest.approx(3 * calm.strength)
    assert hard.pull == pytest.approx(1.35 * heated.pull)
    assert (calm.capacity, heated.capacity, hard.capacity) == (120, 360, 400)  # of 400


def test_no_rallies_without_rally_frequency(sample_level, balance):
    sim = world(sample_level, balance, rally_frequency=0.0)
    director_system.run(sim)
    assert rallies(sim) == []
    sim.close()


def test_a_picket_stands_at_high_momentum_during_opening_hours(sample_level, balance):
    sim = world(sample_level, balance, momentum_start=70.0)
    jump(sim, at(1, 10))
    sim.messages = []
    director_system.run(sim)
    assert director(sim).picket
    assert [m.text for m in sim.messages if m.kind == "picket_started"] == [
        "Pure Smiles picket the studio: fewer customers will come in"
    ]
    jump(sim, at(1, 22))
    director_system.run(sim)
    assert not director(sim).picket
    director(sim).momentum = 40.0
    jump(sim, at(2, 10))
    director_system.run(sim)
    assert not director(sim).picket
    sim.close()


def test_media_drift_follows_momentum(sample_level, balance):
    sim = world(sample_level, balance, momentum_start=80.0, aggression=1.5)
    jump(sim, at(1, 7))
    director_system.run(sim)
    assert sim.media_drift == pytest.approx(balance.director.media_drift * 0.8 * 1.5)
    sim.close()


def test_momentum_follows_the_citys_mood_at_night(sample_level, balance):
    sim = world(sample_level, balance, momentum_start=30.0)
    c = sim.crowd
    c.opinion[: c.n] = 0.0
    c.opinion[: c.n // 4] = -0.9  # traction 25%, support 0%
    director_system.night(sim)
    expected = 30.0 + balance.director.daily_drift + balance.director.daily_opinion_weight * 0.25
    assert director(sim).momentum == pytest.approx(expected)
    sim.close()


def test_the_ordinance_revokes_the_permit_after_three_nights(sample_level, balance):
    sim = world(sample_level, balance)
    sim.crowd.opinion[: sim.crowd.n] = -0.9
    warnings = []
    for day in (1, 2):
        jump(sim, at(day, 23, 59))
        sim.messages = []
        director_system.night(sim)
        warnings += [m.text for m in sim.messages if m.kind == "ordinance_warning"]
        assert not sim.finished
    assert warnings == [
        "Traction is 100%: 1 of 3 days toward an ordinance that revokes your permit",
        "Traction is 100%: 2 of 3 days toward an ordinance that revokes your permit",
    ]
    jump(sim, at(3, 23, 59))
    director_system.night(sim)
    assert sim.outcome.status == "lost"
    assert sim.outcome.reason == (
        "the city revoked the studio's permit: Pure Smiles traction was at or above 60% for 3 "
        "days in a row"
    )
    sim.close()


def test_a_good_night_resets_the_ordinance(sample_level, balance):
    sim = world(sample_level, balance)
    sim.crowd.opinion[: sim.crowd.n] = -0.9
    director_system.night(sim)
    director_system.night(sim)
    sim.crowd.opinion[: sim.crowd.n] = np.float32(0.5)
    director_system.night(sim)
    assert director(sim).ordinance_days == 0
    sim.close()


def test_finished_rallies_are_tidied_away_the_next_night(sample_level, balance):
    sim = world(sample_level, balance, rally_frequency=3.0)
    director_system.run(sim)
    _, r = only_rally(sim)
    r.state = "over"
    jump(sim, at(1, 23, 59))
    director_system.night(sim)
    assert len(rallies(sim)) == 1  # ended today: still listed
    jump(sim, at(2, 23, 59))
    director_system.night(sim)
    assert rallies(sim) == []
    sim.close()
