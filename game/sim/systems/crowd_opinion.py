"""Opinion dynamics (DESIGN section 4), bounded-confidence style, always within [-1, 1].

Every change is scaled by the citizen's tribe susceptibility and weighted by how far the pull is
from the citizen's own view: `weight(gap) = min_weight + (1 - min_weight) *
exp(-(gap / confidence)^2)`, which falls as the gap grows but never reaches 0. Each change is
logged in the citizen's influence log (`Crowd.log_influence`) with its source.

- **every tick**, the attendance of every attractor row is recorded
  (`crowd_attraction.record_attendance`), and an attendee standing at a rally or event
  (ATTENDING) with stance s and strength k (per tick) moves by
  `k * susceptibility * (s - o) * weight(|s - o|)`; source: the entity id;
- **at :00**, peers: each citizen is pulled by `peer_rate` toward the mean opinion of the others
  in its square area of `peer_cell_tiles` tiles, advocates weighing `advocate_weight` times;
  source PEERS;
- **at :20**, customized smiles seen in the same area pull toward +1 by `smile_pull` times the
  number of them over `smile_saturation` (at most 1); source SMILES;
- **at :40**, the Pure Smiles media drift: `sim.media_drift` (per hour, set by the director) of
  the way toward -1; source MEDIA.

A rate times susceptibility never exceeds 1, so no step overshoots its target; the result is
clipped to [-1, 1] anyway and stays finite.

Reads: crowd opinion/state/attending/tribe/cell/advocate/customized, sim.attractors,
sim.media_drift, balance.opinion, tribes. Writes: crowd opinion, log_*;
sim.attractors.attendance.
Phase: crowd, after movement, before metrics.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from game.sim import calendar
from game.sim.attractors import STUDIO
from game.sim.crowd import ATTENDING, MEDIA, PEERS, SMILES
from game.sim.systems.crowd_attraction import record_attendance, rows_of_entities

if TYPE_CHECKING:
    from game.sim.balance import Balance
    from game.sim.simulation import Simulation

PEER_MINUTE = 0
SMILES_MINUTE = 20
MEDIA_MINUTE = 40


def run(sim: Simulation) -> None:
    attendee_influence(sim)
    minute = sim.tick % calendar.TICKS_PER_HOUR
    if minute == PEER_MINUTE:
        peer_influence(sim)
    elif minute == SMILES_MINUTE:
        seen_smiles(sim)
    elif minute == MEDIA_MINUTE:
        media_drift(sim)


_SUSCEPTIBILITY: dict[int, tuple[Balance, np.ndarray]] = {}


def susceptibility(balance: Balance) -> np.ndarray:
    """Susceptibility per tribe index (sorted tribe names); cached per balance object."""
    hit = _SUSCEPTIBILITY.get(id(balance))
    if hit is not None and hit[0] is balance:
        return hit[1]
    table = np.array(
        [balance.tribes[t].susceptibility for t in sorted(balance.tribes)], dtype=np.float32
    )
    if len(_SUSCEPTIBILITY) > 64:
        _SUSCEPTIBILITY.clear()
    _SUSCEPTIBILITY[id(balance)] = (balance, table)
    return table


def weight(gap: np.ndarray, balance: Balance) -> np.ndarray:
    """Bounded-confidence weight of a pull `gap` away: 1 at 0, falling, never below min_weight."""
    ob = balance.opinion
    z = gap * np.float32(1.0 / ob.confidence)
    return np.float32(ob.min_weight) + np.float32(1.0 - ob.min_weight) * np.exp(-(z * z))


def _apply(
    sim: Simulation,
    rows: np.ndarray,
    rate: np.ndarray | np.floating[Any],
    target: np.ndarray | np.floating[Any],
    source: np.ndarray | int,
) -> None:
    """Move opinions of `rows` by rate x susceptibility x (target - o) x weight, and log it."""
    crowd = sim.crowd
    o = crowd.opinion[rows]
    gap = target - o
    r = rate * susceptibility(sim.balance).take(crowd.tribe[rows])
    r = np.minimum(np.maximum(r, np.float32(0)), np.float32(1))  # never overshoot, never repel
    step = r * gap * weight(np.abs(gap), sim.balance)
    new = np.minimum(np.maximum(o + step, np.float32(-1)), np.float32(1)).astype(np.float32)
    crowd.opinion[rows] = new
    crowd.log_influence(rows, source, new - o, sim.tick)


def attendee_influence(sim: Simulation) -> None:
    """Each tick: rallies and events move the opinion of the citizens standing at them."""
    table = sim.attractors
    crowd = sim.crowd
    if not len(table):
        return
    at = (crowd.state[: crowd.n] == ATTENDING).nonzero()[0]
    row = rows_of_entities(table, crowd.attending[at]) if len(at) else at
    record_attendance(sim, table, row)
    if not len(at):
        return
    ok = row >= 0
    good = (table.kind != STUDIO) & np.isfinite(table.stance) & np.isfinite(table.strength)
    ok[ok] = good[row[ok]]  # the studio moves nobody's opinion; a broken row neither
    at, row = at[ok], row[ok]
    if len(at):
        _apply(sim, at, table.strength[row], table.stance[row], table.entity[row])


def _areas(sim: Simulation) -> tuple[np.ndarray, int]:
    """Each citizen's peer area (square of peer_cell_tiles tiles) and the number of areas."""
    crowd = sim.crowd
    k = sim.balance.opinion.peer_cell_tiles
    w, h = sim.level.width, sim.level.height
    bw = -(-w // k)
    cell = crowd.cell[: crowd.n]
    area = (cell // w // k) * bw + (cell % w) // k
    return area, bw * (-(-h // k))


def peer_influence(sim: Simulation) -> None:
    """Hourly: pull toward the mean opinion of the others in the area (advocates weigh more)."""
    crowd = sim.crowd
    n = crowd.n
    ob = sim.balance.opinion
    if not n or ob.peer_rate <= 0:
        return
    area, n_areas = _areas(sim)
    o = crowd.opinion[:n]
    wts = np.where(crowd.advocate[:n], np.float32(ob.advocate_weight), np.float32(1.0))
    total_w = np.bincount(area, weights=wts, minlength=n_areas)
    total_o = np.bincount(area, weights=wts * o, minlength=n_areas)
    others_w = total_w[area] - wts
    rows = (others_w > 1e-6).nonzero()[0]
    if not len(rows):
        return
    mean = ((total_o[area[rows]] - wts[rows] * o[rows]) / others_w[rows]).astype(np.float32)
    _apply(sim, rows, np.float32(ob.peer_rate), np.clip(mean, -1.0, 1.0), PEERS)


def seen_smiles(sim: Simulation) -> None:
    """Hourly: customized smiles seen in the area pull toward +1."""
    crowd = sim.crowd
    n = crowd.n
    ob = sim.balance.opinion
    if not n or ob.smile_pull <= 0:
        return
    cust = crowd.customized[:n]
    if not cust.any():
        return
    area, n_areas = _areas(sim)
    seen = np.bincount(area, weights=cust, minlength=n_areas)[area] - cust
    rows = (seen > 0).nonzero()[0]
    if len(rows):
        share = np.minimum(seen[rows] / ob.smile_saturation, 1.0).astype(np.float32)
        _apply(sim, rows, np.float32(ob.smile_pull) * share, np.float32(1.0), SMILES)


def media_drift(sim: Simulation) -> None:
    """Hourly: the Pure Smiles' media pull toward -1 (`sim.media_drift`)."""
    crowd = sim.crowd
    drift = float(sim.media_drift)
    if not crowd.n or not drift > 0:  # also skips NaN
        return
    rows = np.arange(crowd.n)
    _apply(sim, rows, np.float32(min(drift, 1.0)), np.float32(-1.0), MEDIA)
