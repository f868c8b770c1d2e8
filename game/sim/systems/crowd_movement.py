"""Walking: every walker follows its destination's flow field, spreads out, and slides on walls.

Walkers are the citizens in states TO_DAY, TO_HOME, TO_ATTRACTOR and TO_STUDIO; everyone else
stands still (at home, at work, attending, at or in the studio). Per tick, for the walkers only,
all vectorised:

1. destination: from `goal` -- home or day zone (fixed slots of `Navigation`), the studio, or
   for GOAL_ATTRACTOR the disc where the rally or event in `attending` gathers;
2. steering: toward the centre of the next cell the flow field names; inside the destination
   region toward the citizen's own spot in it (a cell picked by a hash of its uid, so a crowd
   fills a plaza instead of piling at its edge); on reaching the spot the walker arrives
   (TO_DAY -> AT_DAY, TO_HOME -> AT_HOME, TO_ATTRACTOR -> ATTENDING, TO_STUDIO -> AT_STUDIO),
   and also when a wall inside the region stops it short of the spot;
3. separation: walkers are counted per cell; each is pushed down the density gradient (a wall
   neighbour counts as the cell itself, so nobody is pushed into walls) and away from the centre
   of a crowded cell, capped at `movement.separation_max` (few walkers: the gradient is looked
   up at their cells only; many: computed over the grid -- the same numbers either way);
4. wall sliding: the x step is taken only if it lands on a walkable cell, then the y step; a
   blocked axis loses its speed and the other one keeps going. Positions are clamped inside the
   map. Every step is at most 0.95 tile per axis (faster walkers take substeps), so a step can
   never jump a wall, and since a citizen starts on a walkable cell it never stands in a wall.

A walker heading to an attractor it cannot reach gives up (`Crowd.release`).

Reads: crowd state, pos, vel, cell, speed, goal, home, attending, uid; the flow fields;
balance.movement. Writes: crowd pos, vel, cell, state (arrivals); release on give-ups.
Phase: crowd, after attraction.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from game.sim.crowd import ARRIVED, GOAL_STUDIO, TO_ATTRACTOR, WALKING, spot_key
from game.sim.flowfield import GOAL, UNREACHABLE

if TYPE_CHECKING:
    from game.sim.simulation import Simulation

MAX_AXIS_STEP = 0.95  # tiles per axis per substep: below one cell, so no step jumps a wall
EDGE = 1e-3  # positions stay this far inside the map's right and bottom edges
STUCK_STEP = 0.05  # tiles: a walker inside its destination moving less than this has arrived


def run(sim: Simulation) -> None:
    crowd = sim.crowd
    n = crowd.n
    if not n:
        return
    rows = WALKING.take(crowd.state[:n]).nonzero()[0]
    if not len(rows):
        return
    nav = crowd.navigation(sim.level)
    fields = nav.fields
    mb = sim.balance.movement
    w, h = nav.width, nav.height
    f32 = np.float32

    # 1. destination slot per walker (goal, with the studio and attractors resolved)
    slot = crowd.goal.take(rows)  # int32 throughout: half the memory traffic of int64
    special = (slot < 0).nonzero()[0]
    if len(special):
        sp_rows = rows[special]
        home = crowd.home.take(sp_rows)
        resolved = nav.slot_of_entity(crowd.attending.take(sp_rows), home)
        slot[special] = np.where(slot[special] == GOAL_STUDIO, nav.studio, resolved)

    # 2. steering toward the next cell, or the own spot inside the destination. Vectors are
    # [2, walkers] arrays (x row, y row): one numpy call works on both axes.
    cell = crowd.cell.take(rows)
    code = fields.codes_flat.take(cell * np.int32(fields.stride) + slot)
    p = crowd._xy.take(rows, axis=1)
    v = crowd._vxy.take(rows, axis=1)
    corner = np.floor(p)  # the cell's top-left corner (cell is always floor(pos))
    target = corner + nav.step_to_centre.take(code, axis=1)
    inside = (code == GOAL).nonzero()[0]
    arrive = inside[:0]
    if len(inside):
        spot = fields.spot(slot[inside], spot_key(crowd.uid.take(rows[inside])))
        target[0][inside] = spot % w + 0.5
        target[1][inside] = spot // w + 0.5
        at_spot = spot == cell[inside]
        arrive = inside[at_spot]
        inside = inside[~at_spot]
        x_in, y_in = p[0].take(inside), p[1].take(inside)
    d = target - p
    dist = np.hypot(d[0], d[1]) + f32(1e-6)
    speed = crowd.speed.take(rows)
    d *= np.minimum(speed, dist) / dist
    d -= v
    d *= f32(mb.steering)
    v += d

    # 3. separation down the density gradient of walkers
    if mb.separation > 0 or mb.crowding > 0:
        dens = np.bincount(cell, minlength=fields.cells)
        grad = np.empty_like(p)
        if len(rows) < fields.cells * 3 // 2:  # (measured) look up only the walkers' cells
            around = dens.take(nav.neighbours.take(cell, axis=0))  # [walkers, 4]
            np.subtract(around[:, 0], around[:, 1], out=grad[0], casting="unsafe")
            np.subtract(around[:, 2], around[:, 3], out=grad[1], casting="unsafe")
        else:  # very many: the gradient of the whole grid, then look up
            gxg, gyg = _gradient(nav.density_pad, dens.reshape(h, w), nav.open_sides)
            grad[0] = gxg.take(cell)
            grad[1] = gyg.take(cell)
        here = dens.take(cell).astype(np.float32) - f32(1.0)
        push = (p - corner - f32(0.5)) * (f32(mb.crowding) * here)
        push += grad * f32(-0.5 * mb.separation)
        smax = f32(mb.separation_max)
        v += np.minimum(np.maximum(push, -smax), smax)

    if len(arrive):
        v[0][arrive] = 0.0
        v[1][arrive] = 0.0

    # 4. wall sliding, in substeps of at most MAX_AXIS_STEP per axis
    top = sim.balance.crowd.walk_speed * (1.0 + sim.balance.movement.speed_spread)
    sub = max(1, math.ceil(top / MAX_AXIS_STEP - 1e-9))
    lim = f32(MAX_AXIS_STEP * sub)
    np.minimum(np.maximum(v, -lim, out=v), lim, out=v)
    walk = fields.walkable_flat
    x, y = p[0], p[1]
    vx, vy = v[0], v[1]
    xmax, ymax = f32(w - EDGE), f32(h - EDGE)
    w32 = np.int32(w)
    for _ in range(sub):
        stepx, stepy = (vx, vy) if sub == 1 else (vx / f32(sub), vy / f32(sub))
        nx = np.minimum(np.maximum(x + stepx, f32(0.0)), xmax)
        iy = y.astype(np.int32)
        iy *= w32
        ok = walk.take(iy + nx.astype(np.int32))
        np.copyto(x, nx, where=ok)
        np.copyto(vx, f32(0.0), where=~ok)
        ny = np.minimum(np.maximum(y + stepy, f32(0.0)), ymax)
        iy = ny.astype(np.int32)
        iy *= w32
        ok = walk.take(iy + x.astype(np.int32))
        np.copyto(y, ny, where=ok)
        np.copyto(vy, f32(0.0), where=~ok)

    crowd.x[rows] = x  # row by row: much faster than one 2-D fancy assignment
    crowd.y[rows] = y
    crowd.vx[rows] = vx
    crowd.vy[rows] = vy
    new_cell = y.astype(np.int32)
    new_cell *= w32
    new_cell += x.astype(np.int32)
    crowd.cell[rows] = new_cell

    if len(inside):  # inside the region but blocked short of the spot: stop here
        moved = np.abs(x.take(inside) - x_in) + np.abs(y.take(inside) - y_in)
        stuck = moved < STUCK_STEP
        if stuck.any():
            arrive = np.concatenate([arrive, inside[stuck]])
    if len(arrive):
        r = rows[arrive]
        crowd.state[r] = ARRIVED.take(crowd.state[r])
        crowd.vx[r] = 0.0
        crowd.vy[r] = 0.0
    if len(special):  # walkers to an attractor they cannot reach give up
        lost = special[code.take(special) == UNREACHABLE]
        if len(lost):
            lost = lost[crowd.state[rows[lost]] == TO_ATTRACTOR]
            crowd.release(rows[lost])


def _gradient(
    pad: np.ndarray, dens: np.ndarray, open_sides: tuple[np.ndarray, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """Twice the central-difference gradient of `dens` (neighbour minus neighbour); a wall or
    off-map neighbour counts as the cell itself."""
    pad[1:-1, 1:-1] = dens  # the border is never used: off-map neighbours are not open
    wr, wl, wd, wu = open_sides
    right = pad[1:-1, 2:]
    left = pad[1:-1, :-2]
    down = pad[2:, 1:-1]
    up = pad[:-2, 1:-1]
    gx = np.where(wr, right, dens) - np.where(wl, left, dens)
    gy = np.where(wd, down, dens) - np.where(wu, up, dens)
    return gx.ravel(), gy.ravel()
