"""Flow fields: reach every walkable cell connected to the destination, never step through a
wall or cut its corner, always get closer; cached per destination."""

from __future__ import annotations

from collections import deque

import numpy as np

from game.sim.flowfield import (
    DIR_DX,
    DIR_DY,
    GOAL,
    UNREACHABLE,
    FlowFields,
    compute_fields,
    disc_region,
    rect_region,
)


def wall_with_gap() -> np.ndarray:
    """20x12 open grid split by a one-tile wall at x=9 with a gap at y=9, plus a closed room."""
    walk = np.ones((12, 20), dtype=bool)
    walk[:, 9] = False
    walk[9, 9] = True  # the gap
    walk[1:6, 13] = False  # a closed room at x 14..16, y 2..4 ...
    walk[1:6, 17] = False
    walk[1, 13:18] = False
    walk[5, 13:18] = False
    return walk


def reference_distance(walk: np.ndarray, goals: list[tuple[int, int]]) -> np.ndarray:
    """Plain breadth-first search with 4-neighbour steps (the test's own, one cell at a time)."""
    h, w = walk.shape
    dist = np.full((h, w), -1)
    q: deque[tuple[int, int]] = deque()
    for x, y in goals:
        if walk[y, x]:
            dist[y, x] = 0
            q.append((x, y))
    while q:
        x, y = q.popleft()
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nx, ny = x + dx, y + dy
            if 0 <= nx < w and 0 <= ny < h and walk[ny, nx] and dist[ny, nx] < 0:
                dist[ny, nx] = dist[y, x] + 1
                q.append((nx, ny))
    return dist


def test_reaches_every_connected_cell_and_only_those():
    walk = wall_with_gap()
    h, w = walk.shape
    goal = (2, 2)  # left of the wall
    codes, dist = compute_fields(walk, [np.array([goal[1] * w + goal[0]])], with_distance=True)
    assert dist is not None
    ref = reference_distance(walk, [goal])
    assert np.array_equal(dist[0].reshape(h, w), ref)
    code = codes[0].reshape(h, w)
    connected = ref >= 0
    assert (code[connected] != UNREACHABLE).all()
    assert (code[~connected] == UNREACHABLE).all()  # walls and the closed room
    assert not connected[3, 15] and walk[3, 15]  # the room is walkable but sealed
    assert code[goal[1], goal[0]] == GOAL


def test_following_the_field_never_crosses_a_wall_and_always_arrives():
    walk = wall_with_gap()
    h, w = walk.shape
    goal_cells = [(17, 10), (18, 10)]
    region = np.array([y * w + x for x, y in goal_cells])
    codes, dist = compute_fields(walk, [region], with_distance=True)
    assert dist is not None
    code, d = codes[0].reshape(h, w), dist[0].reshape(h, w)
    for y, x in zip(*np.nonzero(code != UNREACHABLE), strict=True):
        cx, cy, steps = int(x), int(y), 0
        while code[cy, cx] != GOAL:
            c = code[cy, cx]
            dx, dy = int(DIR_DX[c]), int(DIR_DY[c])
            nx, ny = cx + dx, cy + dy
            assert walk[ny, nx], f"step from {(cx, cy)} into a wall"
            if dx and dy:  # a diagonal never cuts a wall corner
                assert walk[cy, nx] and walk[ny, cx], f"corner cut at {(cx, cy)}"
            assert d[ny, nx] < d[cy, cx]  # always closer
            cx, cy, steps = nx, ny, steps + 1
            assert steps <= d[y, x]
        assert (cx, cy) in goal_cells
    # a cell left of the wall goes through the gap
    assert d[2, 2] > abs(17 - 2)


def test_batched_fields_equal_single_ones():
    walk = wall_with_gap()
    w = walk.shape[1]
    regions = [np.array([2 * w + 2]), np.array([10 * w + 17, 10 * w + 18]), np.array([9])]
    together, _ = compute_fields(walk, regions)
    for i, r in enumerate(regions):
        alone, _ = compute_fields(walk, [r])
        assert np.array_equal(together[i], alone[0])
    assert (together[2] == UNREACHABLE).all()  # a region that is only a wall reaches nothing


def test_cache_computes_each_destination_once_and_reuses_slots():
    walk = wall_with_gap()
    ff = FlowFields(walk)
    ff.add_static([rect_region(walk, 1, 1, 3, 3), rect_region(walk, 15, 8, 3, 3)])
    assert ff.n_static == 2 and ff.computed == 2
    a = ff.slot(("gather", 1), disc_region(walk, 4.0, 9.0, 2.0))
    assert ff.slot(("gather", 1), disc_region(walk, 4.0, 9.0, 2.0)) == a
    assert ff.computed == 3
    b = ff.slot(("gather", 2), disc_region(walk, 18.0, 2.0, 1.0))
    assert b != a and ff.computed == 4
    ff.release_unused(keep={("gather", 2)}, limit=0)
    c = ff.slot(("gather", 3), disc_region(walk, 6.0, 6.0, 1.0))
    assert c == a  # the freed slot is reused
    # codes and regions agree: every region cell is GOAL in its own field
    for s in range(ff.n_slots):
        start, n = ff.region_start[s], ff.region_len[s]
        assert (ff.codes[s][ff.region_cells[start : start + n]] == GOAL).all()


def test_regions_of_objects_over_buildings_still_reach_the_street():
    walk = np.zeros((10, 10), dtype=bool)
    walk[:, 7] = True  # one street
    cells = rect_region(walk, 1, 1, 3, 3)  # a rectangle drawn over a building
    assert len(cells) and walk.ravel()[cells].all()
    one = disc_region(walk, 2.0, 2.0, 1.0)
    assert len(one) == 1 and one[0] % 10 == 7
