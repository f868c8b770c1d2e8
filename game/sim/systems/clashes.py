"""Attendance and clashes: after the crowd has moved, copy each row's attendance into its rally or
event, open a clash where an active event and an active rally stand close together (any distance
for The Living Gallery), and resolve it when either side ends: the side with the larger crowd
times its host quality wins, swings nearby opinion toward its stance and moves momentum.

Reads: sim.attractors.attendance, Rally, Event, Lead names, crowd.pos/opinion/tribe,
balance.clash/tribes. Writes: Rally/Event attendance and peak, Rally.contested, Clash, Record
(clashes won/lost), Director.momentum, crowd.opinion; messages `clash_started`, `clash_resolved`.
Phase: after the crowd.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import esper
import numpy as np

from game.sim.components import Clash, Event, Rally
from game.sim.entities import (
    LEAD_NAMES,
    clashes,
    director,
    event_by_number,
    event_name,
    events,
    rallies,
    rally_by_number,
    record,
)

if TYPE_CHECKING:
    from game.sim.simulation import Simulation


def run(sim: Simulation) -> None:
    active_rallies = [(e, r) for e, r in rallies(sim) if r.state == "active"]
    active_events = [(e, ev) for e, ev in events(sim) if ev.state == "active"]
    _copy_attendance(sim, active_rallies, active_events)
    _open(sim, active_rallies, active_events)
    for _, clash in clashes(sim):
        if not clash.resolved:
            _update(sim, clash)


def _copy_attendance(
    sim: Simulation, active_rallies: list[tuple[int, Rally]], active_events: list[tuple[int, Event]]
) -> None:
    table = sim.attractors
    pairs: list[tuple[int, Rally | Event]] = [*active_rallies, *active_events]
    for ent, comp in pairs:
        row = table.row_of(ent)
        n = int(table.attendance[row]) if row is not None else 0
        comp.attendance = n
        comp.peak = max(comp.peak, n)


def in_reach(sim: Simulation, ev: Event, r: Rally) -> bool:
    """Whether an event and a rally are close enough to clash."""
    if ev.kind == "living_gallery":
        return True
    d2 = (ev.x - r.x) ** 2 + (ev.y - r.y) ** 2
    return bool(d2 <= sim.balance.clash.distance**2)


def _open(
    sim: Simulation, active_rallies: list[tuple[int, Rally]], active_events: list[tuple[int, Event]]
) -> None:
    for _, r in active_rallies:
        if r.contested:
            continue
        for _, ev in active_events:
            if in_reach(sim, ev, r):
                r.contested = True
                esper.create_entity(
                    Clash(
                        rally=r.number,
                        event=ev.number,
                        x=r.x,
                        y=r.y,
                        started_tick=sim.tick,
                        rally_peak=r.attendance,
                        event_peak=ev.attendance,
                    )
                )
                sim.post(
                    "clash_started",
                    f"Clash! Your {event_name(ev.kind)} at {ev.name} meets the Pure Smiles "
                    f"rally at {r.name}",
                    pos=(r.x, r.y),
                    rally=r.number,
                    event=ev.number,
                )
                break


def _update(sim: Simulation, clash: Clash) -> None:
    found_r = rally_by_number(sim, clash.rally)
    found_e = event_by_number(sim, clash.event)
    if found_r is None or found_e is None:
        clash.resolved = True  # a side vanished (cannot happen before the night's tidy-up)
        return
    _, r = found_r
    _, ev = found_e
    if r.state == "active":
        clash.rally_peak = max(clash.rally_peak, r.attendance)
    if ev.state == "active":
        clash.event_peak = max(clash.event_peak, ev.attendance)
    if r.state != "active" or ev.state != "active":
        resolve(sim, clash, r, ev)


def resolve(sim: Simulation, clash: Clash, r: Rally, ev: Event) -> None:
    """Decide a clash, swing opinion around it and move momentum."""
    bal = sim.balance.clash
    event_score = clash.event_peak * ev.quality
    rally_score = clash.rally_peak * r.quality
    won = event_score > rally_score
    clash.resolved = True
    clash.winner = "studio" if won else "pure_smiles"
    stance = ev.stance if won else -1.0
    _swing(sim, [(r.x, r.y), (ev.x, ev.y)], stance)
    d = director(sim)
    rec = record(sim)
    if won:
        rec.clashes_won += 1
        d.momentum = float(max(0.0, d.momentum - bal.momentum_swing))
        verdict = f"you won. Pure Smiles momentum −{bal.momentum_swing:.0f}"
    else:
        rec.clashes_lost += 1
        d.momentum = float(min(100.0, d.momentum + bal.momentum_swing))
        verdict = f"the Pure Smiles won. Their momentum +{bal.momentum_swing:.0f}"
    hosts = ", ".join(LEAD_NAMES.get(h, h) for h in ev.hosts)
    sim.post(
        "clash_resolved",
        f"Clash at {r.name}: your {event_name(ev.kind)} drew {clash.event_peak} (hosted by "
        f"{hosts}) against the Pure Smiles' {clash.rally_peak} — {verdict}",
        pos=(r.x, r.y),
        winner=clash.winner,
        event_crowd=clash.event_peak,
        rally_crowd=clash.rally_peak,
        rally=r.number,
        event=ev.number,
    )


def _swing(sim: Simulation, places: list[tuple[float, float]], stance: float) -> None:
    """Move opinion near `places` toward `stance` by the clash swing, times each tribe's
    susceptibility (vectorised)."""
    bal = sim.balance.clash
    c = sim.crowd
    n = c.n
    if n == 0 or bal.opinion_swing <= 0:
        return
    pos = c.pos[:n]
    near = np.zeros(n, dtype=bool)
    r2 = bal.swing_radius**2
    for x, y in places:
        near |= (pos[:, 0] - x) ** 2 + (pos[:, 1] - y) ** 2 <= r2
    idx = np.nonzero(near)[0]
    if len(idx) == 0:
        return
    tribes = sorted(sim.balance.tribes)
    sus = np.array([sim.balance.tribes[t].susceptibility for t in tribes], dtype=np.float32)
    k = np.float32(bal.opinion_swing) * sus[c.tribe[idx]]
    op = c.opinion[idx]
    c.opinion[idx] = np.clip(op + k * (np.float32(stance) - op), -1.0, 1.0)


def metrics(sim: Simulation) -> dict[str, float]:
    """Metric source: clashes won and lost."""
    rec = record(sim)
    return {"clashes_won": float(rec.clashes_won), "clashes_lost": float(rec.clashes_lost)}
