"""The daily routine on a shipped level: out at their day zones by noon, home by 23:00, and the
streets fill and empty gradually (staggered times)."""

from __future__ import annotations

import numpy as np

from game.level.loader import load_level
from game.sim import calendar
from game.sim.crowd import AT_HOME, WALKING
from tests.sim.test_crowd import make_sim, shipped_act_level, step_crowd

NEAR = 2  # tiles around a destination that count as "near"


def _near_masks(level, places) -> np.ndarray:
    """bool [places, cells]: the place's region grown by NEAR tiles."""
    h, w = level.height, level.width
    out = np.zeros((len(places), h * w), dtype=bool)
    for i, p in enumerate(places):
        m = np.zeros((h, w), dtype=bool)
        m.ravel()[p.region] = True
        grown = m.copy()
        for dy in range(-NEAR, NEAR + 1):
            for dx in range(-NEAR, NEAR + 1):
                grown |= np.roll(np.roll(m, dy, axis=0), dx, axis=1)
        out[i] = grown.ravel()
    return out


def test_noon_at_day_zones_and_23h_at_home(balance):
    level = load_level(shipped_act_level())
    sim = make_sim(level, balance, seed=4)
    crowd = sim.crowd
    nav = crowd.navigation(level)
    near_zone = _near_masks(level, nav.day_zones)
    near_home = _near_masks(level, nav.homes)
    walking = []
    while sim.tick < calendar.tick_at(1, 23):
        step_crowd(sim)
        n = crowd.n
        walking.append(int(np.count_nonzero(WALKING[crowd.state[:n]])))
        if sim.tick == calendar.tick_at(1, 12):
            goes_out = crowd.leave_minute[:n] < crowd.return_minute[:n]
            at_zone = near_zone[crowd.day_zone[:n], crowd.cell[:n]]
            assert np.mean(at_zone[goes_out]) > 0.85
            assert np.mean(goes_out) > 0.9  # only the few who stay in are not out
    n = crowd.n
    at_home = near_home[crowd.home[:n], crowd.cell[:n]]
    assert np.mean(at_home) > 0.95
    assert np.mean(crowd.state[:n] == AT_HOME) > 0.9
    # gradual: the number of walkers ramps up over the morning, no jump from 0 to everyone
    w = np.array(walking)
    assert w[:20].max() < 0.05 * n
    assert np.abs(np.diff(w)).max() < 0.05 * n
    assert w.max() > 0.3 * n
    sim.close()


def test_night_puts_everyone_out_back_home_on_walkable_spots(balance):
    level = load_level(shipped_act_level())
    sim = make_sim(level, balance, seed=2, population=3000)
    crowd = sim.crowd
    sim.tick = calendar.tick_at(1, 16)
    for _ in range(90):
        step_crowd(sim)
    from game.sim.systems import crowd_routine

    crowd_routine.night(sim)
    n = crowd.n
    assert (crowd.state[:n] == AT_HOME).all()
    nav = crowd.navigation(level)
    for h in range(len(nav.homes)):
        mine = crowd.home[:n] == h
        assert np.isin(crowd.cell[:n][mine], nav.homes[h].region).all()
    assert level.walkable.ravel()[crowd.cell[:n]].all()
    sim.close()
