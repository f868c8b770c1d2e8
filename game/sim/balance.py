"""Gameplay numbers: one TOML file loaded into frozen dataclasses, every value checked at load.

Each section is a frozen dataclass; each number declares its allowed range with `num(lo, hi)`,
each word its choices with `word(*choices)`. The loader walks the dataclasses, so a new number
is one line here and one line in `game/data/balance.toml`. Every key must be present (no silent
defaults in code) and unknown keys are errors, so a typo never goes unnoticed.

A bad value raises `BalanceError` naming the file, the key, the value and the allowed range.
`overrides` ("studio.daily_rent=500") are validated the same way, for sweeps.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_BALANCE_PATH = Path(__file__).resolve().parent.parent / "data" / "balance.toml"


class BalanceError(ValueError):
    """A balance file or override that cannot be used; the message names the key."""


def num(lo: float, hi: float, doc: str = "") -> Any:
    """A number field allowed in [lo, hi]."""
    return field(metadata={"range": (lo, hi), "doc": doc})


def flag(doc: str = "") -> Any:
    """A true/false field."""
    return field(metadata={"doc": doc})


def word(*choices: str, doc: str = "") -> Any:
    """A string field that must be one of `choices`."""
    return field(metadata={"choices": choices, "doc": doc})


# --------------------------------------------------------------------------- sections


@dataclass(frozen=True, slots=True)
class CrowdBalance:
    """Citizens: how many, how they start, how fast they walk."""

    default_population: int = num(1, 200_000, "population when the level does not set one")
    opinion_noise: float = num(0.0, 1.0, "std-dev of the seeded noise on a citizen's start opinion")
    walk_speed: float = num(0.05, 3.0, "tiles per tick")
    district_tribe_share: float = num(0.0, 1.0, "share of a district's people of its tribe")
    district_income_share: float = num(0.0, 1.0, "share of a district's people of its income band")
    sort_interval: int = num(1, 10_000, "ticks between re-sorts of the crowd by map cell (speed)")


@dataclass(frozen=True, slots=True)
class RoutineBalance:
    """The daily routine: when citizens go out to their day zone and come home."""

    leave_hour: float = num(6.0, 14.0, "mean clock hour of going out")
    leave_spread_minutes: float = num(0.0, 240.0, "std-dev of the time of going out")
    return_hour: float = num(12.0, 23.5, "mean clock hour of heading home")
    return_spread_minutes: float = num(0.0, 240.0, "std-dev of the time of heading home")
    stay_home_share: float = num(0.0, 1.0, "share of citizens who stay home all day")
    commute_scale: float = num(1.0, 10_000.0, "tiles: day zones this much farther weigh 1/e")


@dataclass(frozen=True, slots=True)
class MovementBalance:
    """Walking along flow fields, spreading out in crowds."""

    speed_spread: float = num(0.0, 0.9, "each citizen's speed is walk_speed x (1 +/- this)")
    steering: float = num(0.05, 1.0, "share of the velocity turned toward the path each tick")
    separation: float = num(0.0, 2.0, "push down the crowd-density gradient, tiles/tick per person")
    crowding: float = num(0.0, 1.0, "push from the cell centre in a crowded cell, per person")
    separation_max: float = num(0.0, 1.0, "cap on the separation push, tiles per tick per axis")


@dataclass(frozen=True, slots=True)
class AttractionBalance:
    """Rallies and events drawing citizens out of their routine."""

    divert_per_hour: float = num(0.0, 60.0, "chance per hour to divert at pull 1 and full agreement")
    agreement_power: float = num(0.0, 8.0, "how sharply agreement with the stance matters")
    check_interval: int = num(1, 60, "ticks between diversion checks (speed; same rate per hour)")
    gather_density: float = num(0.5, 20.0, "people per tile where a crowd gathers")


@dataclass(frozen=True, slots=True)
class OpinionBalance:
    """Bounded-confidence opinion dynamics (DESIGN section 4)."""

    confidence: float = num(0.05, 2.0, "opinion gap at which an influence weighs about 1/e")
    min_weight: float = num(0.001, 1.0, "weight of an influence however far the gap (never 0)")
    peer_rate: float = num(0.0, 1.0, "hourly pull toward the mean opinion of the citizen's area")
    peer_cell_tiles: int = num(1, 64, "side of the square area (tiles) whose people are peers")
    advocate_weight: float = num(1.0, 20.0, "how much more an advocate's opinion weighs")
    smile_pull: float = num(0.0, 1.0, "hourly pull toward +1 from customized smiles seen nearby")
    smile_saturation: float = num(1.0, 1000.0, "customized smiles nearby for the full pull")


@dataclass(frozen=True, slots=True)
class TribeBalance:
    """One tooth tribe: where its opinion starts and how easily it moves."""

    baseline: float = num(-1.0, 1.0, "mean start opinion")
    susceptibility: float = num(0.0, 3.0, "multiplier on every opinion change")
    rally_affinity: float = num(0.0, 5.0, "multiplier on the chance to join a rally")
    event_affinity: float = num(0.0, 5.0, "multiplier on the chance to join a counter-event")


@dataclass(frozen=True, slots=True)
class StudioBalance:
    """The Smile Studio's books."""

    start_credits: int = num(0, 10_000_000, "credits when the level does not set them")
    daily_rent: int = num(0, 1_000_000, "rent settled every night")
    pricing_policy: str = word("standard", "premium", "sliding_scale", doc="start policy")
    bankrupt_days: int = num(1, 30, "nights in a row below 0 credits that lose the level")
    start_chairs: int = num(1, 20, "chairs when the level begins")
    max_chairs: int = num(1, 40, "chairs the studio can hold without the gallery wing")
    chair_cost: int = num(0, 1_000_000, "price of one more chair")
    start_sculptors: int = num(0, 20, "hired sculptors when the level begins")
    max_sculptors: int = num(0, 40, "sculptors the studio can employ")
    sculptor_hire_fee: int = num(0, 1_000_000, "one-off fee to hire a sculptor")
    sculptor_wage: int = num(0, 100_000, "each sculptor's wage, paid every night")
    open_hour: int = num(6, 23, "first hour customers are taken")
    close_hour: int = num(7, 24, "no new customers from this hour on")
    max_queue: int = num(0, 500, "customers waiting inside; more are turned away")
    max_walking_share: float = num(0.5, 20.0, "stop sending customers while this many queues' "
                                   "worth are already walking to the studio")
    customer_opinion: float = num(-1.0, 1.0, "citizens above this opinion may become customers")
    pick_minutes: int = num(1, 60, "customers are picked from the crowd every this many minutes")
    visit_rate: float = num(0.0, 1.0, "chance per hour a willing citizen who can pay visits")
    demand_at_zero_reputation: float = num(0.0, 5.0, "demand multiplier at reputation 0")
    demand_at_full_reputation: float = num(0.0, 5.0, "demand multiplier at reputation 100")
    picket_demand: float = num(0.0, 1.0, "demand multiplier while a Pure Smiles picket stands")
    budget_low: int = num(0, 100_000, "what a low-income citizen will pay for a service")
    budget_middle: int = num(0, 100_000, "what a middle-income citizen will pay")
    budget_high: int = num(0, 100_000, "what a high-income citizen will pay")
    premium_markup: float = num(1.0, 5.0, "price multiplier under the premium policy")
    sliding_low: float = num(0.1, 2.0, "sliding scale price multiplier, low income")
    sliding_middle: float = num(0.1, 2.0, "sliding scale price multiplier, middle income")
    sliding_high: float = num(0.1, 3.0, "sliding scale price multiplier, high income")
    premium_reputation_per_day: float = num(-10.0, 10.0, "daily reputation change, premium")
    premium_trust_per_day: float = num(-10.0, 10.0, "daily trust change under premium prices")
    sliding_trust_per_day: float = num(-10.0, 10.0, "daily trust change under the sliding scale")
    min_price_share: float = num(0.1, 1.0, "lowest price a service may be set to, x its list price")
    max_price_share: float = num(1.0, 5.0, "highest price a service may be set to, x list price")
    start_trust: float = num(0.0, 100.0, "trust when the level begins")
    start_reputation: float = num(0.0, 100.0, "reputation when the level begins")
    trust_per_service: float = num(0.0, 10.0, "trust gained per customer served well")
    reputation_per_service: float = num(0.0, 10.0, "reputation gained per customer served well")
    zara_quality: float = num(1.0, 5.0, "reputation gain multiplier while Zara works the studio")
    turned_away_reputation: float = num(0.0, 10.0, "reputation lost per customer turned away")
    incident_trust: float = num(0.0, 100.0, "trust lost per incident")
    incident_reputation: float = num(0.0, 100.0, "reputation lost per incident")
    incident_momentum: float = num(0.0, 100.0, "Pure Smiles momentum gained per incident")
    ar_booth_cost: int = num(0, 1_000_000, "the AR booth upgrade (Arian, Story Smile)")
    gallery_wing_cost: int = num(0, 1_000_000, "the gallery wing (Crystal Facets, more chairs)")
    workshop_room_cost: int = num(0, 1_000_000, "the workshop room (community workshops)")
    gallery_wing_chairs: int = num(0, 20, "extra chairs the gallery wing makes room for")
    gallery_wing_reputation: float = num(0.0, 100.0, "reputation when the gallery wing opens")
    charter_cost: int = num(0, 1_000_000, "Dr. Roth's Transparency Charter")
    charter_trust: float = num(0.0, 100.0, "trust gained at once when the charter is adopted")
    charter_trust_per_day: float = num(0.0, 10.0, "trust gained every night under the charter")


@dataclass(frozen=True, slots=True)
class ServiceBalance:
    """One service the studio sells."""

    price: int = num(0, 100_000, "list price under the standard policy")
    chair_minutes: int = num(5, 600, "time in the chair")
    incident_risk: float = num(0.0, 1.0, "chance of an incident unless Dr. Roth is on staff")
    needs_lead: str = word("none", "zara", "roth", "milo", "arian", doc="lead who must be on staff")
    needs_upgrade: str = word(
        "none", "ar_booth", "gallery_wing", "workshop_room", doc="upgrade that must be built"
    )
    enabled_at_start: bool = flag("offered when the level begins")


@dataclass(frozen=True, slots=True)
class LeadBalance:
    """One lead: what it takes to recruit them and how well they host."""

    fee: int = num(0, 1_000_000, "credits paid when they join")
    trust_required: float = num(0.0, 100.0, "trust needed before they join (0: none)")
    events_required: int = num(0, 100, "counter-events held before they join (0: none)")
    needs_upgrade: str = word(
        "none", "ar_booth", "gallery_wing", "workshop_room", doc="upgrade needed before they join"
    )
    hosting: float = num(0.1, 5.0, "host quality: how strongly their events weigh in a clash")


@dataclass(frozen=True, slots=True)
class LeadsBalance:
    """The four leads, their energy, and Milo's Unite the Tribes."""

    zara: LeadBalance
    roth: LeadBalance
    milo: LeadBalance
    arian: LeadBalance
    max_energy: float = num(1.0, 1000.0, "full energy")
    rest_per_hour: float = num(0.0, 100.0, "energy restored per hour resting")
    studio_per_hour: float = num(0.0, 100.0, "energy spent per hour working the studio")
    night_restore: float = num(0.0, 1000.0, "energy restored every night")
    unite_cost: int = num(0, 1_000_000, "credits for Unite the Tribes")
    unite_energy: float = num(0.0, 1000.0, "Milo's energy for Unite the Tribes")
    unite_strength: float = num(0.0, 1.0, "share of each tribe's gap to the city's mean closed")
    unite_cooldown_days: int = num(0, 30, "days before Milo can unite the tribes again")


@dataclass(frozen=True, slots=True)
class EventBalance:
    """One counter-event type."""

    cost: int = num(0, 1_000_000, "credits to stage it")
    duration_minutes: int = num(10, 10_000, "how long it stands (in-game minutes of daytime)")
    host_minutes: int = num(0, 10_000, "how long its hosts are busy from the start")
    energy: float = num(0.0, 1000.0, "energy it costs each host")
    stance: float = num(-1.0, 1.0, "the opinion it pulls attendees toward")
    strength: float = num(0.0, 1.0, "opinion pull per minute on attendees (k)")
    radius: float = num(0.0, 10_000.0, "reach in tiles")
    pull: float = num(0.0, 5.0, "draw: how likely a citizen in reach is to come")
    capacity_share: float = num(0.0, 100.0, "capacity as a share of the venue's capacity")
    max_capacity: int = num(1, 1_000_000, "capacity cap whatever the venue")
    min_venue_capacity: int = num(0, 1_000_000, "smallest venue it can be staged at")
    min_opinion: float = num(-1.0, 1.0, "only citizens at or above this opinion are drawn")
    max_opinion: float = num(-1.0, 1.0, "only citizens at or below this opinion are drawn")
    trust: float = num(0.0, 100.0, "trust gained when it ends")
    reputation: float = num(0.0, 100.0, "reputation gained when it ends")
    quality: float = num(0.1, 5.0, "multiplier on the host's quality in a clash")


@dataclass(frozen=True, slots=True)
class EventsBalance:
    """Counter-events: booking rules and each type."""

    showcase: EventBalance
    counter_rally: EventBalance
    ar_installation: EventBalance
    ethics_forum: EventBalance
    community_workshop: EventBalance
    living_gallery: EventBalance
    setup_minutes: int = num(0, 1080, "the earliest start is this long after booking")
    max_days_ahead: int = num(0, 30, "how many days ahead an event can be booked")
    cancel_refund: float = num(0.0, 1.0, "share of the cost refunded on cancelling")


@dataclass(frozen=True, slots=True)
class DirectorBalance:
    """The Pure Smiles: rallies, momentum, pickets, media drift and the ordinance."""

    story: float = num(0.1, 5.0, "difficulty multiplier on rallies and drift, story")
    normal: float = num(0.1, 5.0, "difficulty multiplier, normal")
    hard: float = num(0.1, 5.0, "difficulty multiplier, hard")
    max_rallies_per_day: int = num(0, 50, "rallies a day at most")
    momentum_rally_weight: float = num(0.0, 5.0, "extra rallies per day at momentum 100, x freq")
    announce_hours: float = num(0.0, 18.0, "hours between announcing a rally and its start")
    earliest_hour: int = num(6, 23, "earliest start hour of a rally")
    latest_hour: int = num(6, 23, "latest start hour of a rally")
    duration_minutes: int = num(10, 1080, "how long a rally stands")
    radius: float = num(0.0, 10_000.0, "a rally's reach in tiles")
    size: float = num(0.0, 1.0, "share of the rally point's capacity a rally holds at momentum 50")
    pull: float = num(0.0, 5.0, "a rally's draw at momentum 50")
    strength: float = num(0.0, 1.0, "a rally's opinion pull per minute (k) at momentum 50")
    max_opinion: float = num(-1.0, 1.0, "only citizens at or below this opinion are drawn")
    weakness_noise: float = num(0.0, 1.0, "random noise when picking the weakest rally point")
    uncontested_gain: float = num(0.0, 100.0, "momentum gained by a rally no event contested")
    daily_opinion_weight: float = num(0.0, 100.0, "nightly momentum change per (traction-support)")
    daily_drift: float = num(-20.0, 20.0, "nightly momentum change whatever happens")
    media_drift: float = num(0.0, 1.0, "opinion pull toward -1 per hour at momentum 100")
    picket_momentum: float = num(0.0, 101.0, "momentum at which a picket stands at the studio")
    ordinance_traction: float = num(0.0, 1.0, "traction that counts toward the ordinance")
    ordinance_days: int = num(1, 30, "nights in a row at that traction that revoke the permit")


@dataclass(frozen=True, slots=True)
class ClashBalance:
    """An event and a rally overlapping in time and place."""

    distance: float = num(0.0, 10_000.0, "tiles between event and rally that make a clash")
    momentum_swing: float = num(0.0, 100.0, "momentum lost (or gained) by the Pure Smiles")
    opinion_swing: float = num(0.0, 1.0, "share of the gap to the winner's stance closed nearby")
    swing_radius: float = num(0.0, 10_000.0, "tiles around the clash whose citizens swing")
    rally_quality: float = num(0.1, 5.0, "a rally's quality in a clash at momentum 50")


@dataclass(frozen=True, slots=True)
class Balance:
    """Every gameplay number. Sections are added here as systems land."""

    crowd: CrowdBalance
    routine: RoutineBalance
    movement: MovementBalance
    attraction: AttractionBalance
    opinion: OpinionBalance
    tribes: dict[str, TribeBalance]
    studio: StudioBalance
    services: dict[str, ServiceBalance]
    leads: LeadsBalance
    events: EventsBalance
    director: DirectorBalance
    clash: ClashBalance

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def digest(self) -> str:
        """sha256 of the canonical JSON of every value (replays record it)."""
        blob = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()


# --------------------------------------------------------------------------- loading


def load_balance(
    path: str | Path | None = None, overrides: dict[str, str] | None = None
) -> Balance:
    """Read, override and validate a balance file (the shipped one by default)."""
    p = Path(path) if path is not None else DEFAULT_BALANCE_PATH
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise BalanceError(f"{p}: cannot read the balance file ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BalanceError(f"{p}: not valid TOML: {exc}") from None
    for key, raw in (overrides or {}).items():
        _apply_override(data, key, raw, p)
    return balance_from_dict(data, source=str(p))


def balance_from_dict(data: dict[str, Any], source: str = "<balance>") -> Balance:
    """Validate a plain dict (as read from TOML) into a `Balance`."""
    if not isinstance(data, dict):
        raise BalanceError(f"{source}: the balance must be a table of sections")
    return typing.cast(Balance, _build(Balance, data, "", source))


def parse_override(text: str) -> tuple[str, str]:
    """'studio.daily_rent=500' -> ('studio.daily_rent', '500')."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise BalanceError(f"override '{text}' is not of the form section.key=value")
    return key.strip(), value.strip()


def _apply_override(data: dict[str, Any], key: str, raw: str, source: Path) -> None:
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw  # a bare word, e.g. pricing_policy=premium
    node = data
    parts = key.split(".")
    for part in parts[:-1]:
        nxt = node.get(part)
        if not isinstance(nxt, dict):
            raise BalanceError(f"{source}: override '{key}': there is no section '{part}'")
        node = nxt
    if parts[-1] not in node:
        raise BalanceError(f"{source}: override '{key}': unknown key")
    node[parts[-1]] = value


def _build(cls: type, data: Any, where: str, source: str) -> Any:
    if not isinstance(data, dict):
        raise BalanceError(f"{source}: '{where}' must be a table, got {data!r}")
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted(set(data) - set(names))
    if unknown:
        key = f"{where}.{unknown[0]}" if where else unknown[0]
        raise BalanceError(f"{source}: unknown key '{key}' (known here: {', '.join(names)})")
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        key = f"{where}.{f.name}" if where else f.name
        if f.name not in data:
            raise BalanceError(f"{source}: missing key '{key}'")
        values[f.name] = _value(hints[f.name], f, data[f.name], key, source)
    return cls(**values)


def _value(tp: Any, f: dataclasses.Field[Any], v: Any, key: str, source: str) -> Any:
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        return _build(typing.cast(type, tp), v, key, source)
    if origin is dict:
        _, item_tp = typing.get_args(tp)
        if not isinstance(v, dict) or not v:
            raise BalanceError(f"{source}: '{key}' must be a non-empty table")
        return {name: _build(item_tp, item, f"{key}.{name}", source) for name, item in v.items()}
    if origin is tuple:
        (item_tp, _ellipsis) = typing.get_args(tp)
        if not isinstance(v, list) or not v:
            raise BalanceError(f"{source}: '{key}' must be a non-empty list, got {v!r}")
        return tuple(_scalar(item_tp, f, x, f"{key}[{i}]", source) for i, x in enumerate(v))
    return _scalar(tp, f, v, key, source)


def _scalar(tp: Any, f: dataclasses.Field[Any], v: Any, key: str, source: str) -> Any:
    if tp is bool:
        if not isinstance(v, bool):
            raise BalanceError(f"{source}: '{key}' = {v!r} must be true or false")
        return v
    if tp is str:
        choices = f.metadata.get("choices")
        if not isinstance(v, str) or (choices and v not in choices):
            allowed = ", ".join(choices) if choices else "a string"
            raise BalanceError(f"{source}: '{key}' = {v!r} is not one of: {allowed}")
        return v
    if tp in (int, float):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise BalanceError(f"{source}: '{key}' = {v!r} must be a number")
        if tp is int and isinstance(v, float):
            if not v.is_integer():
                raise BalanceError(f"{source}: '{key}' = {v!r} must be a whole number")
            v = int(v)
        if not math.isfinite(v):
            raise BalanceError(f"{source}: '{key}' = {v!r} must be finite")
        lo, hi = f.metadata.get("range", (-math.inf, math.inf))
        if not lo <= v <= hi:
            raise BalanceError(
                f"{source}: '{key}' = {v!r} is out of range (allowed {_fmt(lo)} to {_fmt(hi)})"
            )
        return tp(v)
    raise TypeError(f"balance field '{key}' has an unsupported type {tp!r}")  # a code bug


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def describe_fields(cls: type = Balance, where: str = "") -> list[tuple[str, str, str]]:
    """(key, allowed, doc) for every leaf number, for docs and `--set` help."""
    out: list[tuple[str, str, str]] = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        key = f"{where}.{f.name}" if where else f.name
        tp = hints[f.name]
        if dataclasses.is_dataclass(tp):
            out += describe_fields(typing.cast(type, tp), key)
        elif typing.get_origin(tp) is dict:
            out += describe_fields(typing.get_args(tp)[1], f"{key}.<name>")
        else:
            if "range" in f.metadata:
                lo, hi = f.metadata["range"]
                allowed = f"{_fmt(lo)} .. {_fmt(hi)}"
            else:
                allowed = " | ".join(f.metadata.get("choices", ()))
            out.append((key, allowed, f.metadata.get("doc", "")))
    return out
