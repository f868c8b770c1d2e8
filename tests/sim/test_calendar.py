"""The calendar: tick -> day / hh:mm, the night transition, commands applied at their tick."""

from __future__ import annotations

import pytest

from game.sim import calendar
from game.sim.commands import SetPricingPolicy
from game.sim.simulation import Simulation


def test_tick_to_day_and_clock():
    assert calendar.describe(0) == "Day 1 06:00"
    assert calendar.describe(59) == "Day 1 06:59"
    assert calendar.describe(1079) == "Day 1 23:59"
    assert calendar.describe(1080) == "Day 2 06:00"
    assert calendar.describe(1080 * 4 + 6 * 60 + 30) == "Day 5 12:30"
    assert calendar.TICKS_PER_DAY == 1080


def test_tick_at_round_trips_and_refuses_night():
    for tick in (0, 59, 600, 1079, 1080, 5000):
        h, m = divmod(calendar.minute_of_day(tick), 60)
        assert calendar.tick_at(calendar.day_of(tick), h, m) == tick
    with pytest.raises(ValueError, match="outside the day"):
        calendar.tick_at(1, 3, 0)
    with pytest.raises(ValueError, match="before day 1"):
        calendar.tick_at(0, 7, 0)


def test_parse_clock_message():
    assert calendar.parse_clock("07:30") == (7, 30)
    with pytest.raises(ValueError, match="not a time like 07:30"):
        calendar.parse_clock("seven")


def test_night_transition_runs_once_and_jumps_to_morning(sample_level, balance):
    sim = Simulation(sample_level, balance, seed=3)
    start = sim.studio().credits
    sim.run_ticks(1079)
    assert sim.clock == "Day 1 23:59"
    assert sim.studio().credits == start + sim.studio().revenue_today  # rent not yet paid
    msgs = sim.step()
    kinds = [m.kind for m in msgs]
    assert "accounts_settled" in kinds and "day_ended" in kinds
    assert sim.clock == "Day 2 06:00"
    books = next(m.data for m in msgs if m.kind == "accounts_settled")
    assert books["rent"] == balance.studio.daily_rent
    assert sim.studio().credits == start + books["revenue"] - books["rent"] - books["wages"]
    msgs = sim.step()
    assert [m.kind for m in msgs][0] == "day_started"
    sim.close()


def test_queued_command_applies_exactly_at_its_tick(sample_level, balance):
    sim = Simulation(sample_level, balance, seed=3)
    sim.submit(SetPricingPolicy("premium"), at_tick=125)
    sim.run_ticks(125)
    assert sim.tick == 125
    assert sim.studio().pricing_policy == "standard"
    msgs = sim.step()
    assert sim.studio().pricing_policy == "premium"
    assert any(m.kind == "policy_changed" and m.tick == 125 for m in msgs)
    assert sim.command_log == [(0, 125, {"type": "set_pricing_policy", "policy": "premium"})]
    with pytest.raises(ValueError, match="in the past"):
        sim.submit(SetPricingPolicy("standard"), at_tick=3)
    sim.close()
