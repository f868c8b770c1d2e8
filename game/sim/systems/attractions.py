"""Rebuild `sim.attractors` from the active rallies and events and the studio, every tick.

The crowd reads the table to divert, gather and influence citizens and writes `attendance` per
row; `clashes.run` copies that attendance back into the components after the crowd has moved.

Rows of a rally or event never change while it is active, so the table is rebuilt only when the
set of active entities changes (it is derived state: after a load it is rebuilt on the first
tick).

Reads: Rally, Event, Studio, Director, balance.director/studio. Writes: sim.attractors.
Phase: before the crowd, after the director and the events (so today's starts and ends count).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import attractors as at
from game.sim.components import Studio
from game.sim.entities import all_of, events, rallies

if TYPE_CHECKING:
    from game.sim.simulation import Simulation


def rows(sim: Simulation) -> list[dict[str, float]]:
    """One row per active rally and event, plus the studio; sorted by entity id."""
    out: list[dict[str, float]] = []
    max_op = sim.balance.director.max_opinion
    for ent, r in rallies(sim):
        if r.state == "active":
            out.append(
                {
                    "entity": ent,
                    "kind": at.RALLY,
                    "x": r.x,
                    "y": r.y,
                    "radius": r.radius,
                    "pull": r.pull,
                    "stance": -1.0,
                    "strength": r.strength,
                    "capacity": r.capacity,
                    "min_opinion": -1.0,
                    "max_opinion": max_op,
                }
            )
    for ent, ev in events(sim):
        if ev.state == "active":
            out.append(
                {
                    "entity": ent,
                    "kind": at.EVENT,
                    "x": ev.x,
                    "y": ev.y,
                    "radius": ev.radius,
                    "pull": ev.pull,
                    "stance": ev.stance,
                    "strength": ev.strength,
                    "capacity": ev.capacity,
                    "min_opinion": ev.min_opinion,
                    "max_opinion": ev.max_opinion,
                }
            )
    for ent, s in all_of(sim, Studio):
        out.append(
            {
                "entity": ent,
                "kind": at.STUDIO,
                "x": s.x,
                "y": s.y,
                "radius": 0.0,
                "pull": 0.0,
                "stance": 0.0,
                "strength": 0.0,
                "capacity": sim.balance.studio.max_queue,
            }
        )
    out.sort(key=lambda row: row["entity"])
    return out


def active_ids(sim: Simulation) -> list[int]:
    """Entity ids the table must hold now, sorted."""
    ids = [ent for ent, r in rallies(sim) if r.state == "active"]
    ids += [ent for ent, ev in events(sim) if ev.state == "active"]
    ids += [ent for ent, _ in all_of(sim, Studio)]
    return sorted(ids)


def run(sim: Simulation) -> None:
    # A row's numbers never change while it is active, so the table only needs rebuilding when
    # the set of active rallies and events changes (the crowd rewrites attendance every tick).
    ids = active_ids(sim)
    table = sim.attractors
    if len(table) == len(ids) and table.entity.tolist() == ids:
        return
    sim.attractors = at.AttractorTable.from_rows(rows(sim))
