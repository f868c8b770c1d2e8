"""The crowd's struct of arrays: spawning, the studio contract, uids across swap-remove and
re-sorting, the influence log, determinism. Also the small worlds the other crowd tests use."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from game.level.loader import LevelData, LevelObject, load_level, rasterise_districts
from game.sim import calendar, schedule
from game.sim.attractors import AttractorTable
from game.sim.crowd import (
    AT_STUDIO,
    GOAL_STUDIO,
    LOG_SLOTS,
    MEDIA,
    PEERS,
    TO_DAY,
    TO_HOME,
    TO_STUDIO,
    Crowd,
)
from game.sim.simulation import Simulation
from game.sim.systems import (
    crowd_attraction,
    crowd_metrics,
    crowd_movement,
    crowd_opinion,
    crowd_routine,
    crowd_sort,
)
from tests.conftest import ROOT

# --------------------------------------------------------------------------- shared helpers

ACT_LEVELS = [ROOT / "levels" / f for f in ("act2-pure-smiles-rise.tmx", "act1-neon-opening.tmx")]


def shipped_act_level() -> Path:
    """A shipped act map (the tests of the crowd run on a real level)."""
    for p in ACT_LEVELS:
        if p.is_file():
            return p
    pytest.skip("no shipped act level yet")


def open_world(population: int = 300, width: int = 40, height: int = 30) -> LevelData:
    """A small walled plaza: a home on the left, a work zone on the right, two districts."""
    walk = np.ones((height, width), dtype=bool)
    walk[0], walk[-1], walk[:, 0], walk[:, -1] = False, False, False, False
    objects = [
        LevelObject(1, "West Flats", "home", 2, 2, 6, 6, {"residents": 1.0}),
        LevelObject(2, "East Works", "daytime", 30, 20, 6, 6, {"kind": "work"}),
        LevelObject(3, "Studio", "studio", 18, 2, 4, 3),
        LevelObject(
            4, "West", "district", 0, 0, width / 2, height, {"tribe": "chrome", "income": "low"}
        ),
        LevelObject(
            5,
            "East",
            "district",
            width / 2,
            0,
            width / 2,
            height,
            {"tribe": "naturals", "income": "high"},
        ),
    ]
    level = LevelData(
        Path("open-world.tmx"),
        width,
        height,
        32,
        walk,
        objects,
        {"population": population},
        "open-world",
    )
    level.district_grid = rasterise_districts(level)
    return level


def make_sim(level: LevelData, balance, seed: int = 1, population: int | None = None) -> Simulation:
    if population is not None:
        level = dataclasses.replace(
            level, properties={**level.properties, "population": population}
        )
    return Simulation(level, balance, seed)


def step_crowd(sim: Simulation, attractors: AttractorTable | None = None) -> None:
    """One tick of the crowd systems alone (no gameplay), in schedule order."""
    if attractors is not None:
        sim.attractors = attractors
    crowd_sort.run(sim)
    crowd_routine.run(sim)
    crowd_attraction.run(sim)
    crowd_movement.run(sim)
    crowd_opinion.run(sim)
    if calendar.is_hour_start(sim.tick):
        crowd_metrics.source(sim)
    if calendar.is_last_tick_of_day(sim.tick):
        crowd_routine.night(sim)
    sim.tick += 1


# --------------------------------------------------------------------------- the struct


def test_contract_arrays_and_state_codes_are_kept():
    c = Crowd(10)
    names = set(c.arrays())
    assert {
        "uid",
        "pos",
        "vel",
        "state",
        "home",
        "tribe",
        "opinion",
        "income",
        "district",
        "customized",
        "advocate",
        "attending",
    } <= names
    assert c.pos.shape == (10, 2) and c.pos.dtype == np.float32
    c.pos[3] = (1.5, 2.5)  # pos is a view on the per-axis rows
    assert c.x[3] == 1.5 and c.y[3] == 2.5


def test_spawn_from_homes_and_districts(balance):
    level = load_level(shipped_act_level())
    sim = Simulation(level, balance, 3)
    crowd, n = sim.crowd, sim.crowd.n
    assert n == int(level.prop("population"))
    nav = crowd.navigation(level)
    # every citizen stands on a walkable cell of its home
    cells = crowd.y[:n].astype(int) * level.width + crowd.x[:n].astype(int)
    assert level.walkable.ravel()[cells].all()
    assert (crowd.cell[:n] == cells).all()
    # homes get people in proportion to their residents weight
    weights = np.array([h.weight for h in nav.homes])
    counts = np.bincount(crowd.home[:n], minlength=len(nav.homes))
    expected = weights / weights.sum() * n
    assert np.abs(counts - expected).max() < 5 * np.sqrt(expected.max()) + 5
    # tribe and income mostly from the home's district
    tribes = sorted(balance.tribes)
    for i, d in enumerate(level.districts):
        mine = crowd.district[:n] == i
        if mine.sum() < 100:
            continue
        t = tribes.index(d.properties.get("tribe", "drifters"))
        share = np.mean(crowd.tribe[:n][mine] == t)
        assert share > balance.crowd.district_tribe_share - 0.08
    # opinions start near the tribe baselines, inside [-1, 1]
    op = crowd.opinion[:n]
    assert -1 <= op.min() and op.max() <= 1
    for t, name in enumerate(tribes):
        assert abs(op[crowd.tribe[:n] == t].mean() - balance.tribes[name].baseline) < 0.1
    sim.close()


def test_send_to_studio_walks_there_and_release_returns_to_routine(balance):
    sim = make_sim(open_world(50), balance)
    sim.tick = calendar.tick_at(1, 12)
    crowd = sim.crowd
    goes_out = crowd.leave_minute[: crowd.n] < crowd.return_minute[: crowd.n]
    uids = crowd.uid[: crowd.n][goes_out][:5].copy()
    crowd.send_to_studio(crowd.rows_of(uids))
    assert (crowd.state[crowd.rows_of(uids)] == TO_STUDIO).all()
    assert (crowd.goal[crowd.rows_of(uids)] == GOAL_STUDIO).all()
    nav = crowd.navigation(sim.level)
    studio_cells = set(nav.studio_place.region.tolist())
    for _ in range(120):
        step_crowd(sim)
    rows = crowd.rows_of(uids)
    assert (crowd.state[rows] == AT_STUDIO).all()  # the crowd leaves them there
    assert all(int(c) in studio_cells for c in crowd.cell[rows])
    crowd.release(rows)
    assert (crowd.state[rows] == TO_HOME).all() and (crowd.attending[rows] == -1).all()
    step_crowd(sim)  # noon: the routine sends them back to their day zone
    assert (crowd.state[crowd.rows_of(uids)] == TO_DAY).all()
    sim.close()


def test_uids_survive_swap_remove_and_reorder():
    c = Crowd(8)
    c.n = c.next_uid = 8
    c.uid[:8] = np.arange(8)
    c.opinion[:8] = np.arange(8) / 10
    c.pos[:8] = np.stack([np.arange(8), np.arange(8) * 2], axis=1)
    c.log_source[:8, 0] = np.arange(8)
    c.remove(np.array([1, 6]))
    assert c.n == 6
    assert sorted(c.uid[:6].tolist()) == [0, 2, 3, 4, 5, 7]
    c.reorder(np.array([5, 4, 3, 2, 1, 0]))
    for u in (0, 2, 3, 4, 5, 7):
        r = int(c.rows_of(np.array([u]))[0])
        assert c.uid[r] == u and c.opinion[r] == np.float32(u / 10)
        assert tuple(c.pos[r]) == (u, 2 * u) and c.log_source[r, 0] == u
    assert c.rows_of(np.array([1, 6, 99])).tolist() == [-1, -1, -1]
    assert c.reorder_count == 1 and c.last_order is not None


def test_sort_by_cell_is_deterministic_and_keeps_citizens_whole(balance):
    sim = make_sim(open_world(400), balance)
    sim.tick = calendar.tick_at(1, 8)
    for _ in range(30):
        step_crowd(sim)
    crowd = sim.crowd
    before = {name: a.copy() for name, a in crowd.arrays().items()}
    sim.tick = 0  # a sorting tick
    crowd_sort.run(sim)
    n = crowd.n
    assert (np.diff(crowd.cell[:n]) >= 0).all()
    order = crowd.last_order
    assert order is not None
    for name, a in crowd.arrays().items():
        assert np.array_equal(a, before[name][order]), name
    sim.close()


def test_influence_log_keeps_the_last_sources_newest_first():
    c = Crowd(2)
    c.n = 2
    rows = np.array([0])
    for t, src in enumerate([PEERS, 17, MEDIA, 17, 21, 22, 23, 24]):
        c.log_influence(rows, src, np.array([0.01 * (t + 1)], np.float32), tick=t)
    log = c.influence_log(0)
    assert len(log) == LOG_SLOTS
    assert [s for s, _, _ in log] == [24, 23, 22, 21, 17, MEDIA]  # PEERS was the oldest
    assert dict((s, round(d, 4)) for s, d, _ in log)[17] == pytest.approx(0.02 + 0.04)
    c.log_influence(rows, 99, np.array([1e-6], np.float32), tick=9)  # too small to log
    assert 99 not in [s for s, _, _ in c.influence_log(0)]
    assert c.influence_log(1) == []


def _crowd_run(level, balance, seed, ticks=400):
    sim = make_sim(level, balance, seed)
    sim.tick = calendar.tick_at(1, 7, 30)
    table = AttractorTable.from_rows(
        [
            dict(
                entity=5,
                kind=1,
                x=20,
                y=15,
                radius=30,
                pull=1.0,
                stance=1.0,
                strength=0.01,
                capacity=60,
            )
        ]
    )
    sim.media_drift = 0.05
    for _ in range(ticks):
        step_crowd(sim, table)
    arrays = {k: v.copy() for k, v in sim.crowd.arrays().items()}
    sim.close()
    return arrays


def test_crowd_is_deterministic_per_seed(balance):
    level = open_world(500)
    a = _crowd_run(level, balance, 11)
    b = _crowd_run(level, balance, 11)
    c = _crowd_run(level, balance, 12)
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["pos"], c["pos"])
    assert not np.array_equal(a["opinion"], c["opinion"])


def test_schedule_runs_the_crowd_in_phase_order():
    day = list(schedule.DAY)
    pos = {
        f: day.index(f)
        for f in (
            crowd_sort.run,
            crowd_routine.run,
            crowd_attraction.run,
            crowd_movement.run,
            crowd_opinion.run,
        )
    }
    assert pos[crowd_sort.run] == 0
    assert pos[crowd_routine.run] < pos[crowd_attraction.run] < pos[crowd_movement.run]
    assert pos[crowd_movement.run] < pos[crowd_opinion.run]
    assert crowd_routine.night in schedule.NIGHT
    from game.sim.systems import metrics

    assert crowd_metrics.source in metrics.SOURCES
    assert pos[crowd_opinion.run] < day.index(metrics.run)


def test_walkers_pass_a_thin_wall_only_through_its_gap(balance):
    level = open_world(400)
    walk = level.walkable.copy()
    walk[1:-1, 20] = False  # a thin wall between home (west) and work (east) ...
    walk[27, 20] = True  # ... with a one-tile gap near the bottom
    level = dataclasses.replace(level, walkable=walk)
    sim = make_sim(level, balance, seed=3)
    crowd = sim.crowd
    flat = walk.ravel()
    crossed_at: set[int] = set()
    west = np.zeros(crowd.next_uid, dtype=bool)  # by uid: rows move when the crowd is sorted
    while sim.tick < calendar.tick_at(1, 12):
        n = crowd.n
        west[crowd.uid[:n]] = crowd.x[:n] < 20
        step_crowd(sim)
        assert flat[crowd.cell[:n]].all()
        moved = west[crowd.uid[:n]] != (crowd.x[:n] < 20)
        crossed_at.update((crowd.cell[:n][moved] // level.width).tolist())
    n = crowd.n
    goes_out = crowd.leave_minute[:n] < crowd.return_minute[:n]
    assert np.mean(crowd.x[:n][goes_out] > 20) > 0.9  # nearly all reached work, east
    assert crossed_at and crossed_at <= {26, 27, 28}  # through the gap (rows beside it at most)
    sim.close()


def test_levels_without_homes_or_day_zones_fall_back_to_districts_and_venues(balance):
    base = open_world(200)
    poly = LevelObject(
        9,
        "Glow Reach",
        "district",
        0,
        0,
        0,
        0,
        {"tribe": "glowfangs"},
        points=((1.0, 1.0), (20.0, 1.0), (20.0, 29.0), (1.0, 29.0)),
    )
    venue = LevelObject(10, "Plaza", "venue", 25, 10, 4, 4)
    level = dataclasses.replace(base, objects=[poly, venue])
    level.district_grid = rasterise_districts(level)
    sim = make_sim(level, balance)
    nav = sim.crowd.navigation(level)
    assert [h.name for h in nav.homes] == ["Glow Reach"]
    assert [z.name for z in nav.day_zones] == ["Plaza"]
    n = sim.crowd.n
    cx = sim.crowd.cell[:n] % level.width
    assert n == 200 and (cx >= 1).all() and (cx < 20).all()  # all live in the district
    assert np.mean(sim.crowd.tribe[:n] == sorted(balance.tribes).index("glowfangs")) > 0.6
    sim.close()


def test_bad_district_properties_are_one_line_level_errors(balance):
    from game.level.loader import LevelError

    base = open_world(10)
    bad = [
        o if o.type != "district" else dataclasses.replace(o, properties={"tribe": "pirates"})
        for o in base.objects
    ]
    level = dataclasses.replace(base, objects=bad)
    with pytest.raises(LevelError, match=r"object #4 'West' \(district\): tribe 'pirates'"):
        make_sim(level, balance)
