"""Gameplay look-ups and names: the singletons (studio, floor, record, director, objectives),
the leads, venues, rally points, rallies and events, always in entity-id order.

The names the player reads (leads, event types, services, upgrades) live here too, so commands,
systems and the view word things the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import esper

from game.sim.components import (
    Clash,
    Director,
    Event,
    Lead,
    Objectives,
    Rally,
    RallyPoint,
    Record,
    Studio,
    StudioFloor,
    Venue,
)

if TYPE_CHECKING:
    from game.sim.simulation import Simulation

T = TypeVar("T")

LEAD_KEYS = ("zara", "roth", "milo", "arian")
LEAD_NAMES = {
    "zara": "Zara Kline",
    "roth": "Dr. Eli Roth",
    "milo": "Milo Trevane",
    "arian": "Arian Verus",
}
LEAD_SHORT = {"zara": "Zara", "roth": "Dr. Roth", "milo": "Milo", "arian": "Arian"}
LEAD_TITLES = {
    "zara": "Smile Sculptor",
    "roth": "ethical enhancements",
    "milo": "cultural advocate",
    "arian": "AI Dentience Artist",
}
ASSIGNMENTS = ("studio", "resting")

# event kind -> (name the player reads, host: a lead key, 'any' or 'all')
EVENT_KINDS: dict[str, tuple[str, str]] = {
    "showcase": ("Showcase", "zara"),
    "counter_rally": ("Counter-Rally", "milo"),
    "ar_installation": ("AR Installation", "arian"),
    "ethics_forum": ("Ethics Forum", "roth"),
    "community_workshop": ("Community Workshop", "any"),
    "living_gallery": ("The Living Gallery", "all"),
}

SERVICE_NAMES = {
    "chrome_inlay": "Chrome Inlay",
    "bioluminescent_enamel": "Bioluminescent Enamel",
    "crystal_facets": "Crystal Facets",
    "story_smile": "Story Smile",
}

UPGRADES = {
    "ar_booth": "AR booth",
    "gallery_wing": "gallery wing",
    "workshop_room": "workshop room",
}
UPGRADE_GIVES = {
    "ar_booth": "lets Arian Verus join and the Story Smile be offered",
    "gallery_wing": "makes room for more chairs and unlocks Crystal Facets",
    "workshop_room": "lets you stage Community Workshops",
}

INCOME_BANDS = ("low", "middle", "high")


def service_name(key: str) -> str:
    return SERVICE_NAMES.get(key, key.replace("_", " ").title())


def event_name(kind: str) -> str:
    return EVENT_KINDS[kind][0] if kind in EVENT_KINDS else kind.replace("_", " ")


def a_event(kind: str) -> str:
    """'a Showcase', 'an Ethics Forum', 'The Living Gallery'."""
    name = event_name(kind)
    if name.startswith("The "):
        return name
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


# --------------------------------------------------------------------------- queries


# esper hands out one cached list per component type and builds a new one only when an entity
# or a component is added or removed; the id-sorted copy is kept next to the list it was made
# from, so look-ups sort once per such change instead of on every call (several per tick).
_SORTED: dict[type, tuple[list[Any], list[Any]]] = {}


def _sorted(cls: type[T]) -> list[tuple[int, T]]:
    found = esper.get_component(cls)
    hit = _SORTED.get(cls)
    if hit is not None and hit[0] is found:
        return hit[1]
    out = sorted(found, key=lambda ec: ec[0])
    _SORTED[cls] = (found, out)
    return out


def all_of(sim: Simulation, cls: type[T]) -> list[tuple[int, T]]:
    """Every (entity, component) of `cls`, sorted by entity id."""
    sim.activate()
    return list(_sorted(cls))


def _one(sim: Simulation, cls: type[T]) -> T:
    sim.activate()
    found = _sorted(cls)
    if not found:
        raise LookupError(f"no {cls.__name__} entity in this simulation")
    return found[0][1]


def studio(sim: Simulation) -> Studio:
    return _one(sim, Studio)


def floor(sim: Simulation) -> StudioFloor:
    return _one(sim, StudioFloor)


def record(sim: Simulation) -> Record:
    return _one(sim, Record)


def director(sim: Simulation) -> Director:
    return _one(sim, Director)


def objectives(sim: Simulation) -> Objectives:
    return _one(sim, Objectives)


def leads(sim: Simulation) -> list[Lead]:
    return [c for _, c in all_of(sim, Lead)]


def lead(sim: Simulation, key: str) -> Lead | None:
    for c in leads(sim):
        if c.key == key:
            return c
    return None


def venues(sim: Simulation) -> list[Venue]:
    return [c for _, c in all_of(sim, Venue)]


def venue(sim: Simulation, object_id: int) -> Venue | None:
    for v in venues(sim):
        if v.object_id == object_id:
            return v
    return None


def rally_points(sim: Simulation) -> list[RallyPoint]:
    return [c for _, c in all_of(sim, RallyPoint)]


def rallies(sim: Simulation) -> list[tuple[int, Rally]]:
    return all_of(sim, Rally)


def events(sim: Simulation) -> list[tuple[int, Event]]:
    return all_of(sim, Event)


def event_by_number(sim: Simulation, number: int) -> tuple[int, Event] | None:
    for ent, ev in events(sim):
        if ev.number == number:
            return ent, ev
    return None


def rally_by_number(sim: Simulation, number: int) -> tuple[int, Rally] | None:
    for ent, r in rallies(sim):
        if r.number == number:
            return ent, r
    return None


def clashes(sim: Simulation) -> list[tuple[int, Clash]]:
    return all_of(sim, Clash)


def leads_on_staff(sim: Simulation) -> list[Lead]:
    """Recruited leads working the studio right now (not resting, not hosting)."""
    return [c for c in leads(sim) if c.recruited and c.assignment == "studio" and c.hosting < 0]


def has_lead(sim: Simulation, key: str) -> bool:
    c = lead(sim, key)
    return c is not None and c.recruited
