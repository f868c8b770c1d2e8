"""Counter-events: start at their tick, occupy their hosts, end and pay off (trust, reputation,
advocates made at workshops, the record of events held).

Reads: Event, Lead, crowd.attending/state (workshop attendees), balance.events.
Writes: Event.state, Lead.hosting, Record (events held, living gallery, advocates, workshop
districts), Studio.trust/reputation, crowd.advocate; messages `event_started`, `event_ended`.
Phase: before the crowd, after the director.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.sim import crowd as crowd_codes
from game.sim.entities import event_name, events, lead, record

if TYPE_CHECKING:
    from game.sim.components import Event
    from game.sim.simulation import Simulation


def run(sim: Simulation) -> None:
    tick = sim.tick
    for ent, ev in events(sim):
        if ev.state == "scheduled" and tick >= ev.start_tick:
            _start(sim, ev)
        if ev.state == "active":
            if tick >= ev.host_end_tick:
                _free_hosts(sim, ev)
            if tick >= ev.end_tick:
                _finish(sim, ent, ev)


def _start(sim: Simulation, ev: Event) -> None:
    ev.state = "active"
    for key in ev.hosts:
        host = lead(sim, key)
        if host is not None and ev.host_end_tick > sim.tick:
            host.hosting = ev.number
    sim.post(
        "event_started",
        f"{event_name(ev.kind)} at {ev.name} has begun",
        pos=(ev.x, ev.y),
        number=ev.number,
        event_kind=ev.kind,
    )


def _free_hosts(sim: Simulation, ev: Event) -> None:
    for key in ev.hosts:
        host = lead(sim, key)
        if host is not None and host.hosting == ev.number:
            host.hosting = -1


def _finish(sim: Simulation, ent: int, ev: Event) -> None:
    ev.state = "over"
    _free_hosts(sim, ev)
    rec = record(sim)
    bal = getattr(sim.balance.events, ev.kind)
    rec.events_held += 1
    rec.events_held_by_kind[ev.kind] = rec.events_held_by_kind.get(ev.kind, 0) + 1
    turnout = min(1.0, ev.peak / max(ev.capacity, 1))
    studio = sim.studio()
    scale = 0.5 + 0.5 * turnout  # an empty event still earns half: it was seen
    studio.trust = float(min(100.0, studio.trust + bal.trust * scale))
    studio.reputation = float(min(100.0, studio.reputation + bal.reputation * scale))
    extra = ""
    if ev.kind == "living_gallery":
        rec.living_gallery_held = True
    if ev.kind == "community_workshop":
        c = sim.crowd
        made = (c.attending[: c.n] == ent) & (c.state[: c.n] == crowd_codes.ATTENDING)
        made &= ~c.advocate[: c.n]
        count = int(np.count_nonzero(made))
        c.advocate[: c.n] |= made
        rec.advocates_made += count
        if ev.district >= 0 and ev.district not in rec.workshop_districts:
            rec.workshop_districts.append(ev.district)
            rec.workshop_districts.sort()
        extra = f", {count} new advocates"
    sim.post(
        "event_ended",
        f"{event_name(ev.kind)} at {ev.name} is over: {ev.peak} attended at its peak{extra}",
        pos=(ev.x, ev.y),
        number=ev.number,
        event_kind=ev.kind,
        peak=ev.peak,
    )


def metrics(sim: Simulation) -> dict[str, float]:
    """Metric source: what the player has achieved with events."""
    rec = record(sim)
    return {
        "events_held": float(rec.events_held),
        "living_gallery_held": 1.0 if rec.living_gallery_held else 0.0,
        "workshop_districts": float(len(rec.workshop_districts)),
        "incidents": float(rec.incidents),
        "advocates": float(np.count_nonzero(sim.crowd.advocate[: sim.crowd.n])),
    }
