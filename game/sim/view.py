"""A read-only public view of a running level: what a player can see, for the UI and the bots.

Everything here is a frozen copy made on request: resources, leads (with why they cannot be
recruited yet), services and prices, the calendar of announced rallies and booked events (secret
rally plans are not shown), objective progress, venues, event types and the messages. A bot that
plays through this view and `Simulation.step(commands)` sees exactly what a person sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.sim import calendar
from game.sim.entities import (
    EVENT_KINDS,
    LEAD_NAMES,
    LEAD_TITLES,
    UPGRADE_GIVES,
    UPGRADES,
    director,
    event_name,
    events,
    floor,
    has_lead,
    leads,
    objectives,
    rallies,
    record,
    service_name,
    venue,
    venues,
)
from game.sim.objectives import Progress, progress
from game.sim.systems import studio as studio_rules

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.messages import Message
    from game.sim.simulation import Simulation


@dataclass(frozen=True, slots=True)
class Resources:
    day: int
    clock: str
    credits: int
    credits_change_today: int
    trust: float
    reputation: float
    momentum: float
    pricing_policy: str
    chairs: int
    sculptors: int
    staff: int  # hands that can work a chair now
    queue: int
    busy_chairs: int
    customers: int
    turned_away: int
    upgrades: tuple[str, ...]
    charter: bool
    picket: bool
    days_in_debt: int
    ordinance_days: int


@dataclass(frozen=True, slots=True)
class LeadView:
    key: str
    name: str
    title: str
    available: bool
    recruited: bool
    energy: float
    assignment: str  # studio, resting, hosting, or 'not recruited'
    hosting: str  # what they are hosting now, '' if nothing
    spot: tuple[float, float]
    fee: int
    recruit_blocker: str | None  # why RecruitLead would be refused now; None: it would work


@dataclass(frozen=True, slots=True)
class ServiceView:
    key: str
    name: str
    list_price: int
    price_by_band: tuple[int, int, int]  # what low / middle / high incomes pay now
    chair_minutes: int
    offered: bool  # switched on and unlocked
    switched_on: bool
    locked: str | None  # why it cannot be offered yet
    incident_risk: float  # now (0 with Dr. Roth on staff)


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    side: str  # 'pure_smiles' or 'studio'
    number: int
    kind: str  # 'rally' or an event kind
    title: str
    place: str
    x: float
    y: float
    start_tick: int
    end_tick: int
    state: str
    attendance: int
    peak: int
    capacity: int  # most it can hold: a rally's expected size, an event's room
    hosts: tuple[str, ...]

    @property
    def when(self) -> str:
        return f"{calendar.describe(self.start_tick)}–{calendar.clock_text(self.end_tick)}"


@dataclass(frozen=True, slots=True)
class EventType:
    kind: str
    name: str
    host: str  # a lead key, 'any' or 'all'
    cost: int
    minutes: int
    energy: float
    radius: float
    min_venue_capacity: int


@dataclass(frozen=True, slots=True)
class VenueView:
    object_id: int
    name: str
    kind: str
    capacity: int
    x: float
    y: float
    district: int


@dataclass(frozen=True, slots=True)
class ObjectiveView:
    key: str  # 'win' or 'lose'
    text: str
    progress: str
    met: bool
    failed: bool


@dataclass(frozen=True, slots=True)
class UpgradeView:
    key: str
    name: str
    gives: str
    cost: int
    built: bool


class SimView:
    """What a player can see of `sim`. Cheap to build; every method returns fresh copies."""

    def __init__(self, sim: Simulation) -> None:
        self._sim = sim

    # ------------------------------------------------------------------ resources

    def resources(self) -> Resources:
        sim = self._sim
        s = sim.studio()
        fl = floor(sim)
        d = director(sim)
        return Resources(
            day=sim.day,
            clock=calendar.clock_text(sim.tick),
            credits=s.credits,
            credits_change_today=s.credits - s.credits_at_day_start,
            trust=s.trust,
            reputation=s.reputation,
            momentum=d.momentum,
            pricing_policy=s.pricing_policy,
            chairs=len(fl.chair_uid),
            sculptors=s.sculptors,
            staff=studio_rules.staff(sim, s),
            queue=len(fl.queue),
            busy_chairs=sum(1 for u in fl.chair_uid if u >= 0),
            customers=fl.served,
            turned_away=fl.turned_away,
            upgrades=tuple(s.upgrades),
            charter=s.charter,
            picket=d.picket,
            days_in_debt=s.days_in_debt,
            ordinance_days=d.ordinance_days,
        )

    def metrics(self) -> dict[str, float]:
        """The latest hourly metrics."""
        return dict(self._sim.metrics.latest())

    def series(self, name: str) -> tuple[list[int], list[float]]:
        """An hourly series (ticks, values) for the graphs."""
        m = self._sim.metrics
        return list(m.ticks), list(m.series.get(name, []))

    # ------------------------------------------------------------------ leads

    def leads(self) -> list[LeadView]:
        from game.sim.commands import RecruitLead

        sim = self._sim
        out = []
        for c in leads(sim):
            hosting = ""
            if c.hosting >= 0:
                for _, ev in events(sim):
                    if ev.number == c.hosting:
                        hosting = f"{event_name(ev.kind)} at {ev.name}"
            if not c.recruited:
                assignment = "not recruited"
            elif hosting:
                assignment = "hosting"
            else:
                assignment = c.assignment
            blocker = None if c.recruited else RecruitLead(c.key).check(sim)
            out.append(
                LeadView(
                    key=c.key,
                    name=LEAD_NAMES[c.key],
                    title=LEAD_TITLES[c.key],
                    available=c.available,
                    recruited=c.recruited,
                    energy=c.energy,
                    assignment=assignment,
                    hosting=hosting,
                    spot=(c.spot_x, c.spot_y),
                    fee=getattr(sim.balance.leads, c.key).fee,
                    recruit_blocker=blocker,
                )
            )
        return out

    # ------------------------------------------------------------------ studio

    def services(self) -> list[ServiceView]:
        sim = self._sim
        s = sim.studio()
        on_offer = set(studio_rules.offered(sim, s))
        roth = has_lead(sim, "roth")
        out = []
        for key in sorted(sim.balance.services):
            sb = sim.balance.services[key]
            bands = tuple(studio_rules.price_for(sim, s, key, b) for b in range(3))
            out.append(
                ServiceView(
                    key=key,
                    name=service_name(key),
                    list_price=s.prices.get(key, sb.price),
                    price_by_band=(bands[0], bands[1], bands[2]),
                    chair_minutes=sb.chair_minutes,
                    offered=key in on_offer,
                    switched_on=key not in s.services_off,
                    locked=studio_rules.locked_reason(sim, s, key),
                    incident_risk=0.0 if roth else sb.incident_risk,
                )
            )
        return out

    def upgrades(self) -> list[UpgradeView]:
        sim = self._sim
        built = set(sim.studio().upgrades)
        return [
            UpgradeView(
                key=k,
                name=name,
                gives=UPGRADE_GIVES[k],
                cost=getattr(sim.balance.studio, f"{k}_cost"),
                built=k in built,
            )
            for k, name in UPGRADES.items()
        ]

    # ------------------------------------------------------------------ calendar

    def calendar(self, include_over: bool = False) -> list[CalendarEntry]:
        """Announced rallies and booked events, by start time (secret plans are not shown)."""
        sim = self._sim
        out: list[CalendarEntry] = []
        for _, r in rallies(sim):
            if r.state == "planned" or (r.state == "over" and not include_over):
                continue
            out.append(
                CalendarEntry(
                    side="pure_smiles",
                    number=r.number,
                    kind="rally",
                    title="Pure Smiles rally",
                    place=r.name,
                    x=r.x,
                    y=r.y,
                    start_tick=r.start_tick,
                    end_tick=r.end_tick,
                    state=r.state,
                    attendance=r.attendance,
                    peak=r.peak,
                    capacity=r.capacity,
                    hosts=(),
                )
            )
        for _, ev in events(sim):
            if ev.state in ("over", "cancelled") and not include_over:
                continue
            out.append(
                CalendarEntry(
                    side="studio",
                    number=ev.number,
                    kind=ev.kind,
                    title=event_name(ev.kind),
                    place=ev.name,
                    x=ev.x,
                    y=ev.y,
                    start_tick=ev.start_tick,
                    end_tick=ev.end_tick,
                    state=ev.state,
                    attendance=ev.attendance,
                    peak=ev.peak,
                    capacity=ev.capacity,
                    hosts=tuple(ev.hosts),
                )
            )
        out.sort(key=lambda e: (e.start_tick, e.side, e.number))
        return out

    def event_types(self) -> list[EventType]:
        sim = self._sim
        out = []
        for kind, (name, host) in EVENT_KINDS.items():
            eb = getattr(sim.balance.events, kind)
            out.append(
                EventType(
                    kind=kind,
                    name=name,
                    host=host,
                    cost=eb.cost,
                    minutes=eb.duration_minutes,
                    energy=eb.energy,
                    radius=eb.radius,
                    min_venue_capacity=eb.min_venue_capacity,
                )
            )
        return out

    def venues(self) -> list[VenueView]:
        return [
            VenueView(v.object_id, v.name, v.kind, v.capacity, v.x, v.y, v.district)
            for v in venues(self._sim)
        ]

    def would_clash(self, kind: str, venue_id: int, start_tick: int) -> list[CalendarEntry]:
        """Announced rallies an event booked like this would clash with (for the scheduler)."""
        sim = self._sim
        v = venue(sim, venue_id)
        if v is None or kind not in EVENT_KINDS:
            return []
        end = start_tick + getattr(sim.balance.events, kind).duration_minutes
        out = []
        for entry in self.calendar():
            if entry.side != "pure_smiles" or not (
                entry.start_tick < end and start_tick < entry.end_tick
            ):
                continue
            if kind == "living_gallery":
                out.append(entry)
                continue
            d2 = (v.x - entry.x) ** 2 + (v.y - entry.y) ** 2
            if d2 <= sim.balance.clash.distance**2:
                out.append(entry)
        return out

    def check(self, command: Command) -> str | None:
        """Why `command` would be refused now (None: it would be carried out). Changes nothing."""
        self._sim.activate()
        return command.check(self._sim)

    # ------------------------------------------------------------------ objectives

    def objectives(self) -> list[ObjectiveView]:
        from game.sim.systems.objectives import parsed

        sim = self._sim
        o = objectives(sim)
        values = sim.metrics.latest()
        out = []
        for key, text, state in (("win", o.win, o.win_state), ("lose", o.lose, o.lose_state)):
            obj = parsed(text)
            if obj is None:
                continue
            st = state if len(state) == obj.size else obj.new_state()
            p: Progress = progress(obj, st, values, sim.day)
            out.append(ObjectiveView(key, text, p.text, p.met, p.failed))
        return out

    def outcome(self) -> tuple[str, str]:
        return self._sim.outcome.status, self._sim.outcome.reason

    def achievements(self) -> dict[str, int]:
        rec = record(self._sim)
        return {
            "events_held": rec.events_held,
            "living_gallery_held": int(rec.living_gallery_held),
            "clashes_won": rec.clashes_won,
            "clashes_lost": rec.clashes_lost,
            "incidents": rec.incidents,
            "advocates_made": rec.advocates_made,
            "workshop_districts": len(rec.workshop_districts),
        }

    # ------------------------------------------------------------------ messages

    def messages(self, since_tick: int = 0) -> list[Message]:
        """Messages a player sees (from `message_log`), oldest first."""
        return [m for m in self._sim.message_log if m.tick >= since_tick]
