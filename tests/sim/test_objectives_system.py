"""The objectives system decides a running level: won, lost, out of time; bad objectives in a map
are refused with the property named."""

from __future__ import annotations

import pytest

from game.level.loader import LevelError
from game.sim.entities import floor, lead, objectives
from game.sim.systems import objectives as objective_system
from game.sim.systems.metrics import sample
from game.sim.view import SimView
from tests.sim.gameplay_support import at, jump, world


def _hour(sim, tick):
    jump(sim, tick)
    sim.metrics.record(sim.tick, sample(sim))
    sim.messages = []
    objective_system.run(sim)


def _night(sim, day):
    jump(sim, at(day, 23, 59))
    sim.messages = []
    objective_system.night(sim)


def test_a_met_win_objective_wins_the_level(sample_level, balance):
    sim = world(sample_level, balance, win="leads >= 2 and customers >= 3 by day 2")
    _hour(sim, at(1, 9))
    assert not sim.finished
    lead(sim, "roth").recruited = True
    floor(sim).served = 3
    _hour(sim, at(2, 10))
    assert sim.outcome.status == "won"
    assert sim.outcome.reason == "leads >= 2 and customers >= 3 by day 2"
    assert [m.text for m in sim.messages if m.kind == "outcome"] == [
        "Level won: leads >= 2 and customers >= 3 by day 2"
    ]
    sim.close()


def test_a_win_objective_out_of_time_loses_the_level(sample_level, balance):
    sim = world(sample_level, balance, win="customers >= 40 by day 1")
    floor(sim).served = 12
    _night(sim, 1)
    assert sim.outcome.status == "lost"
    assert sim.outcome.reason == (
        "out of time: customers 12/40 · day 1 of 1 (win: customers >= 40 by day 1)"
    )
    sim.close()


def test_a_lose_objective_held_for_days_loses_the_level(sample_level, balance):
    sim = world(sample_level, balance, lose="trust < 40 for 2 days")
    sim.studio().trust = 30.0
    _night(sim, 1)
    assert not sim.finished
    assert objectives(sim).lose_state == [1]
    _night(sim, 2)
    assert sim.outcome.status == "lost"
    assert sim.outcome.reason == "trust 30 (needs < 40) · 2 of 2 days (lose: trust < 40 for 2 days)"
    sim.close()


def test_lose_is_checked_before_win(sample_level, balance):
    sim = world(sample_level, balance, win="day >= 1", lose="credits < 10000")
    _hour(sim, at(1, 7))
    assert sim.outcome.status == "lost"
    sim.close()


def test_a_level_without_objectives_never_ends(sample_level, balance):
    sim = world(sample_level, balance, win="", lose="")
    _hour(sim, at(1, 7))
    _night(sim, 1)
    assert not sim.finished
    assert SimView(sim).objectives() == []
    sim.close()


def test_the_view_shows_progress(sample_level, balance):
    sim = world(sample_level, balance, win="leads >= 2 and customers >= 40 by day 5")
    floor(sim).served = 23
    _hour(sim, at(3, 7))
    (win,) = SimView(sim).objectives()
    assert (win.key, win.progress, win.met, win.failed) == (
        "win",
        "leads 1/2 and customers 23/40 · day 3 of 5",
        False,
        False,
    )
    sim.close()


@pytest.mark.parametrize("key", ["win", "lose"])
def test_a_bad_objective_in_the_map_is_refused_naming_the_property(sample_level, balance, key):
    with pytest.raises(LevelError) as err:
        world(sample_level, balance, **{key: "custmers >= 40"})
    assert str(err.value).startswith(
        f"{sample_level.path}: map property '{key}': objective 'custmers >= 40': at column 1: "
        "unknown metric 'custmers' (known: advocates, "
    )
