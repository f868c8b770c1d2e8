"""Plain data for the few hundred ECS entities (the studio, leads, venues, events, rallies...).

Every component is a `@component` dataclass of JSON-safe values (int, float, str, bool, lists,
tuples, dicts of those): `state_hash` and saves serialise them with `dataclasses.asdict`, and
saves rebuild them by class name from `COMPONENTS`. No logic here: systems hold the logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

COMPONENTS: dict[str, type[Any]] = {}


def component(cls: type[T]) -> type[T]:
    """Register a component class by name (saves rebuild components from it)."""
    if cls.__name__ in COMPONENTS:
        raise RuntimeError(f"component {cls.__name__} registered twice")
    COMPONENTS[cls.__name__] = cls
    return cls


@component
@dataclass(slots=True)
class Studio:
    """The Smile Studio's books and policy (one entity)."""

    x: float
    y: float
    credits: int
    pricing_policy: str
    credits_at_day_start: int = 0
    days_in_debt: int = 0
    trust: float = 50.0  # 0..100
    reputation: float = 30.0  # 0..100
    sculptors: int = 1
    upgrades: list[str] = field(default_factory=list)  # built: ar_booth, gallery_wing, ...
    services_off: list[str] = field(default_factory=list)  # services the player switched off
    prices: dict[str, int] = field(default_factory=dict)  # list price per service
    charter: bool = False  # Dr. Roth's Transparency Charter adopted
    revenue_today: int = 0
    wages_today: int = 0
    spent_today: int = 0  # fees, events, purchases (not wages or rent)


@component
@dataclass(slots=True)
class StudioFloor:
    """Who is inside the studio: the queue and the chairs, by citizen uid (never by row)."""

    queue: list[int] = field(default_factory=list)  # uids waiting, first come first served
    chair_uid: list[int] = field(default_factory=list)  # per chair: uid in it, -1 free
    chair_service: list[str] = field(default_factory=list)  # per chair: service being done
    chair_price: list[int] = field(default_factory=list)  # per chair: what the customer pays
    chair_end: list[int] = field(default_factory=list)  # per chair: tick the service ends
    sent: int = 0  # customers sent walking to the studio since the level began
    arrived: int = 0
    turned_away: int = 0
    served: int = 0  # customers served since the level began
    served_by_band: list[int] = field(default_factory=lambda: [0, 0, 0])  # low, middle, high


@component
@dataclass(slots=True)
class Record:
    """What the player has achieved in this level (objectives read it)."""

    events_held: int = 0
    events_held_by_kind: dict[str, int] = field(default_factory=dict)
    living_gallery_held: bool = False
    clashes_won: int = 0
    clashes_lost: int = 0
    incidents: int = 0
    advocates_made: int = 0
    workshop_districts: list[int] = field(default_factory=list)  # indices into level.districts
    unite_ready_day: int = 0  # Milo can unite the tribes again from this day
    next_event: int = 1  # number given to the next booked event


@component
@dataclass(slots=True)
class Lead:
    """One of the four leads. `assignment` is 'studio' or 'resting' once recruited."""

    key: str  # zara, roth, milo, arian
    name: str
    spot_x: float  # the lead's map spot (where the player recruits them)
    spot_y: float
    available: bool  # the level lets the player recruit them
    recruited: bool = False
    energy: float = 100.0
    assignment: str = "studio"
    hosting: int = -1  # number of the event they are hosting right now, -1 none


@component
@dataclass(slots=True)
class Venue:
    """A place where the player can stage counter-events (a Tiled `venue` object)."""

    object_id: int
    name: str
    kind: str
    capacity: int
    x: float
    y: float
    district: int  # index into level.districts, -1 outside every district


@component
@dataclass(slots=True)
class RallyPoint:
    """A place where the Pure Smiles rally (a Tiled `rally_point` object)."""

    object_id: int
    name: str
    capacity: int
    weight: float
    x: float
    y: float


@component
@dataclass(slots=True)
class Rally:
    """A Pure Smiles rally: planned in the morning, announced hours ahead, then held."""

    number: int
    point: int  # object id of the rally point
    name: str
    x: float
    y: float
    announce_tick: int
    start_tick: int
    end_tick: int
    capacity: int
    radius: float
    pull: float
    strength: float
    quality: float
    state: str = "planned"  # planned, announced, active, over
    attendance: int = 0
    peak: int = 0
    contested: bool = False  # an event clashed with it


@component
@dataclass(slots=True)
class Event:
    """A counter-event the player booked: scheduled, active, over or cancelled."""

    number: int
    kind: str
    venue: int  # object id of the venue
    name: str  # the venue's name
    x: float
    y: float
    hosts: list[str]
    start_tick: int
    end_tick: int
    host_end_tick: int  # hosts are busy from start_tick until this tick
    cost: int
    capacity: int
    radius: float
    pull: float
    stance: float
    strength: float
    min_opinion: float
    max_opinion: float
    quality: float
    district: int
    state: str = "scheduled"  # scheduled, active, over, cancelled
    attendance: int = 0
    peak: int = 0


@component
@dataclass(slots=True)
class Clash:
    """A counter-event and a rally overlapping in time and place; resolved when one ends."""

    rally: int  # rally number
    event: int  # event number
    x: float  # the rally point
    y: float
    started_tick: int
    rally_peak: int = 0
    event_peak: int = 0
    resolved: bool = False
    winner: str = ""  # 'studio' or 'pure_smiles' once resolved


@component
@dataclass(slots=True)
class Director:
    """The Pure Smiles movement's state."""

    momentum: float
    difficulty: str
    rally_frequency: float
    aggression: float
    next_rally: int = 1
    planned_day: int = 0  # last day whose rallies were planned
    picket: bool = False
    ordinance_days: int = 0  # nights in a row at or above the ordinance traction
    rallies_held: int = 0


@component
@dataclass(slots=True)
class Objectives:
    """The level's win and lose texts and their evaluation state (streaks and latches)."""

    win: str
    lose: str
    win_state: list[int] = field(default_factory=list)
    lose_state: list[int] = field(default_factory=list)
