"""The crowd's hourly metrics: by district and tribe, attendance, equity index, cohesion."""

from __future__ import annotations

import numpy as np
import pytest

from game.sim import calendar
from game.sim.attractors import EVENT, RALLY, AttractorTable
from game.sim.crowd import metric_names
from game.sim.systems import crowd_metrics, metrics
from tests.sim.test_crowd import make_sim, open_world


def _crowd(sim, district, tribe, income, opinion, customized):
    c = sim.crowd
    k = len(opinion)
    c.n = k
    c.district[:k] = district
    c.tribe[:k] = tribe
    c.income[:k] = income
    c.opinion[:k] = opinion
    c.customized[:k] = customized


def test_support_traction_and_mean_by_district_and_tribe(balance):
    sim = make_sim(open_world(10), balance)  # districts "West" (0) and "East" (1)
    tribes = sorted(balance.tribes)
    _crowd(
        sim,
        district=[0, 0, 0, 0, 1, 1],
        tribe=[0, 0, 1, 1, 1, 1],
        income=[0] * 6,
        opinion=[0.5, 0.5, -0.5, 0.0, -0.5, -0.9],
        customized=[False] * 6,
    )
    m = crowd_metrics.source(sim)
    assert m["support.district.west"] == pytest.approx(0.5)
    assert m["traction.district.west"] == pytest.approx(0.25)
    assert m["mean_opinion.district.west"] == pytest.approx(0.125)
    assert m["traction.district.east"] == pytest.approx(1.0)
    assert m[f"support.tribe.{tribes[0]}"] == pytest.approx(1.0)
    assert m[f"mean_opinion.tribe.{tribes[1]}"] == pytest.approx(-0.475)
    # cohesion: tribe means 0.5 and -0.475 (others empty) -> 1 - 0.975 / 2
    assert m["cohesion"] == pytest.approx(1 - 0.975 / 2)
    # the overall ones stay in the general source, with their old names
    overall = metrics.sample(sim)
    assert {"support", "traction", "mean_opinion"} <= set(overall)
    assert "support.district.west" in overall
    sim.close()


def test_equity_index_is_low_band_rate_over_high_band_rate(balance):
    sim = make_sim(open_world(10), balance)
    _crowd(
        sim,
        district=[0] * 8,
        tribe=[0] * 8,
        income=[0, 0, 0, 0, 2, 2, 2, 2],
        opinion=[0.0] * 8,
        customized=[True, False, False, False, True, True, False, False],
    )
    assert crowd_metrics.source(sim)["equity_index"] == pytest.approx(0.25 / 0.5)
    sim.crowd.customized[:8] = False
    assert crowd_metrics.source(sim)["equity_index"] == 1.0  # nobody behind
    sim.crowd.customized[:4] = True
    assert crowd_metrics.source(sim)["equity_index"] == 1.0  # capped at 1
    sim.close()


def test_attendance_per_event_then_zero_after_it_ends(balance):
    sim = make_sim(open_world(10), balance)
    t = AttractorTable.from_rows(
        [
            dict(entity=5, kind=EVENT, x=5, y=5, radius=3, pull=1, stance=1, capacity=10),
            dict(entity=6, kind=RALLY, x=9, y=9, radius=3, pull=1, stance=-1, capacity=10),
        ]
    )
    t.attendance[:] = [7, 3]
    sim.attractors = t
    m = crowd_metrics.source(sim)
    assert m["attendance.event.5"] == 7 and m["attendance.rally.6"] == 3
    assert m["attendance.events"] == 7 and m["attendance.rallies"] == 3
    sim.metrics.record(sim.tick, m)
    sim.attractors = AttractorTable()
    m = crowd_metrics.source(sim)
    assert m["attendance.event.5"] == 0 and m["attendance.rally.6"] == 0
    sim.close()


def test_metrics_recorded_hourly_as_time_series(balance):
    sim = make_sim(open_world(200), balance)
    while sim.tick <= calendar.tick_at(1, 9):
        sim.step()
    hist = sim.metrics
    assert len(hist.ticks) >= 4
    assert len(hist.series["support.district.east"]) == len(hist.ticks)
    assert all(np.isfinite(v) for v in hist.series["cohesion"])
    sim.close()


def test_metric_names_are_flat_and_unique():
    assert metric_names(["North Flats", "north-flats", "", "Ça va"], "district") == [
        "north_flats",
        "north_flats_2",
        "district3",
        "a_va",
    ]
