"""Every action a player, a bot or a replay can take: frozen dataclasses with a registered name.

A command is plain data plus two methods: `check(sim)` returns a readable reason when the command
is not allowed now (a message, not an exception), `apply(sim)` carries it out. The UI, the
policies and replays all go through `Simulation.step(commands)`.

`to_dict` / `from_dict` give a JSON-safe form ({"type": name, field: value, ...}); `from_dict`
checks every field's type and raises `CommandError` with a readable message on bad input.
"""

from __future__ import annotations

import dataclasses
import math
import typing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from game.sim.components import Lead
    from game.sim.simulation import Simulation


class CommandError(ValueError):
    """A command's JSON form cannot be turned into a command."""


COMMANDS: dict[str, type[Command]] = {}


def register(name: str) -> typing.Callable[[type[Command]], type[Command]]:
    """Class decorator: give a command its stable name and add it to the registry."""

    def deco(cls: type[Command]) -> type[Command]:
        if name in COMMANDS:
            raise RuntimeError(f"command name '{name}' registered twice")
        params = getattr(cls, "__dataclass_params__", None)
        if params is None or not params.frozen:
            raise RuntimeError(f"command {cls.__name__} must be a frozen dataclass")
        cls.name = name
        COMMANDS[name] = cls
        return cls

    return deco


@dataclass(frozen=True)
class Command:
    """Base of every command. Subclasses are frozen dataclasses decorated with `@register`."""

    name: ClassVar[str] = ""

    def check(self, sim: Simulation) -> str | None:
        """Why this command cannot be applied now, or None when it can."""
        return None

    def apply(self, sim: Simulation) -> None:
        """Carry the command out. Only called after `check` returned None."""
        raise NotImplementedError(f"{type(self).__name__}.apply")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.name}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @staticmethod
    def from_dict(data: Any) -> Command:
        """Build a command from its JSON form; raises CommandError naming the problem."""
        if not isinstance(data, dict):
            raise CommandError(f"a command must be a JSON object, got {type(data).__name__}")
        kind = data.get("type")
        if not isinstance(kind, str) or kind not in COMMANDS:
            known = ", ".join(sorted(COMMANDS))
            raise CommandError(f"unknown command type {kind!r} (known: {known})")
        cls = COMMANDS[kind]
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        extra = sorted(set(data) - set(fields) - {"type"})
        if extra:
            raise CommandError(f"{kind}: unknown field '{extra[0]}'")
        values: dict[str, Any] = {}
        for fname, f in fields.items():
            if fname not in data:
                if f.default is not dataclasses.MISSING:
                    continue
                raise CommandError(f"{kind}: missing field '{fname}'")
            values[fname] = _coerce(hints[fname], data[fname], f"{kind}.{fname}")
        return cls(**values)


def _coerce(tp: Any, v: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        if v is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _coerce(inner[0], v, where)
    if origin is tuple:
        if not isinstance(v, (list, tuple)) or len(v) > 64:
            raise CommandError(f"{where}: expected a list, got {v!r:.60}")
        item = args[0]
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_coerce(item, x, where) for x in v)
        if len(v) != len(args):
            raise CommandError(f"{where}: expected {len(args)} values, got {len(v)}")
        return tuple(_coerce(a, x, where) for a, x in zip(args, v, strict=True))
    if tp is bool:
        if not isinstance(v, bool):
            raise CommandError(f"{where}: expected true or false, got {v!r:.60}")
        return v
    if tp is int:
        if isinstance(v, bool) or not isinstance(v, int) or abs(v) > 2**53:
            raise CommandError(f"{where}: expected a whole number, got {v!r:.60}")
        return v
    if tp is float:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise CommandError(f"{where}: expected a finite number, got {v!r:.60}")
        return float(v)
    if tp is str:
        if not isinstance(v, str) or len(v) > 200:
            raise CommandError(f"{where}: expected a short string, got {v!r:.60}")
        return v
    raise CommandError(f"{where}: unsupported field type {tp!r}")


# --------------------------------------------------------------------------- commands

PRICING_POLICIES = ("standard", "premium", "sliding_scale")


@register("set_pricing_policy")
@dataclass(frozen=True)
class SetPricingPolicy(Command):
    """Switch the studio's pricing policy: standard, premium or sliding_scale."""

    policy: str

    def check(self, sim: Simulation) -> str | None:
        if self.policy not in PRICING_POLICIES:
            return f"pricing policy '{self.policy}' is not one of: {', '.join(PRICING_POLICIES)}"
        if sim.studio().pricing_policy == self.policy:
            return f"the {self.policy.replace('_', ' ')} policy is already in effect"
        return None

    def apply(self, sim: Simulation) -> None:
        sim.studio().pricing_policy = self.policy
        sim.post("policy_changed", f"Pricing policy is now {self.policy.replace('_', ' ')}")


# --------------------------------------------------------------------------- gameplay commands
# Rejections are written for players: say what is missing and what the numbers are now.


def _cr(amount: float) -> str:
    return f"{int(amount):,} cr"


def _afford(sim: Simulation, cost: int, what: str) -> str | None:
    credits = sim.studio().credits
    if credits < cost:
        return f"{what} costs {_cr(cost)}: you have {_cr(credits)}"
    return None


def _lead_named(sim: Simulation, key: str) -> tuple[Lead | None, str | None]:
    from game.sim.entities import LEAD_KEYS, lead

    c = lead(sim, key)
    if key not in LEAD_KEYS or c is None:
        return None, f"there is no lead '{key}' (leads: {', '.join(LEAD_KEYS)})"
    return c, None


def _hosting_text(sim: Simulation, number: int) -> str:
    from game.sim.entities import event_by_number, event_name

    found = event_by_number(sim, number)
    if found is None:
        return "an event"
    ev = found[1]
    return f"the {event_name(ev.kind)} at {ev.name}"


@register("recruit_lead")
@dataclass(frozen=True)
class RecruitLead(Command):
    """Recruit a lead at their map spot (zara, roth, milo, arian), paying their fee."""

    lead: str

    def check(self, sim: Simulation) -> str | None:
        from game.sim.entities import LEAD_NAMES, LEAD_SHORT, UPGRADES, record

        c, err = _lead_named(sim, self.lead)
        if c is None:
            return err
        name, short = LEAD_NAMES[c.key], LEAD_SHORT[c.key]
        if not c.available:
            return f"{name} is not in this part of the city"
        if c.recruited:
            return f"{name} has already joined the studio"
        bal = getattr(sim.balance.leads, c.key)
        studio = sim.studio()
        if bal.trust_required > 0 and studio.trust < bal.trust_required:
            return (
                f"{short} joins when trust ≥ {bal.trust_required:.0f} — "
                f"trust is {int(studio.trust)}"
            )
        held = record(sim).events_held
        if bal.events_required > 0 and held < bal.events_required:
            first = (
                "your first counter-event"
                if bal.events_required == 1
                else (f"{bal.events_required} counter-events")
            )
            return f"{short} joins after {first} — {held} held so far"
        if bal.needs_upgrade != "none" and bal.needs_upgrade not in studio.upgrades:
            return f"{short} joins once the {UPGRADES[bal.needs_upgrade]} is built"
        if studio.credits < bal.fee:
            return f"{short}'s fee is {_cr(bal.fee)} — you have {_cr(studio.credits)}"
        return None

    def apply(self, sim: Simulation) -> None:
        from game.sim.entities import LEAD_NAMES, lead

        c = lead(sim, self.lead)
        assert c is not None
        fee = getattr(sim.balance.leads, c.key).fee
        studio = sim.studio()
        studio.credits -= fee
        studio.spent_today += fee
        c.recruited = True
        c.assignment = "studio"
        c.energy = float(sim.balance.leads.max_energy)
        sim.post(
            "lead_recruited",
            f"{LEAD_NAMES[c.key]} joins the Smile Studio" + (f" (fee {_cr(fee)})" if fee else ""),
            pos=(c.spot_x, c.spot_y),
            lead=c.key,
        )


@register("assign_lead")
@dataclass(frozen=True)
class AssignLead(Command):
    """Put a recruited lead to work in the studio or let them rest (restores energy)."""

    lead: str
    assignment: str

    def check(self, sim: Simulation) -> str | None:
        from game.sim.entities import ASSIGNMENTS, LEAD_NAMES

        c, err = _lead_named(sim, self.lead)
        if c is None:
            return err
        if self.assignment not in ASSIGNMENTS:
            return f"assignment '{self.assignment}' is not one of: {', '.join(ASSIGNMENTS)}"
        name = LEAD_NAMES[c.key]
        if not c.recruited:
            return f"{name} has not joined the studio yet"
        if c.assignment == self.assignment:
            doing = "working the studio" if self.assignment == "studio" else "resting"
            return f"{name} is already {doing}"
        return None

    def apply(self, sim: Simulation) -> None:
        from game.sim.entities import LEAD_NAMES, lead

        c = lead(sim, self.lead)
        assert c is not None
        c.assignment = self.assignment
        doing = "works the studio" if self.assignment == "studio" else "rests"
        sim.post("lead_assigned", f"{LEAD_NAMES[c.key]} now {doing}", lead=c.key)


@register("schedule_event")
@dataclass(frozen=True)
class ScheduleEvent(Command):
    """Book a counter-event of `kind` at the venue with Tiled object id `venue`, starting at
    `start_tick`. `host` names the hosting lead where the type allows a choice (Community
    Workshop); otherwise it may be left empty."""

    kind: str
    venue: int
    start_tick: int
    host: str = ""

    def hosts(self, sim: Simulation) -> list[str]:
        from game.sim.entities import EVENT_KINDS, LEAD_KEYS

        rule = EVENT_KINDS[self.kind][1]
        if rule == "all":
            return list(LEAD_KEYS)
        if rule == "any":
            return [self.host] if self.host else []
        return [rule]

    def check(self, sim: Simulation) -> str | None:
        from game.sim import calendar
        from game.sim.entities import EVENT_KINDS, LEAD_NAMES, a_event, event_name, events, venue

        if self.kind not in EVENT_KINDS:
            return f"there is no event type '{self.kind}' (types: {', '.join(EVENT_KINDS)})"
        name = event_name(self.kind)
        a_name = a_event(self.kind)
        eb = getattr(sim.balance.events, self.kind)
        rules = sim.balance.events
        v = venue(sim, self.venue)
        if v is None:
            return f"there is no venue #{self.venue} on this map"
        earliest = sim.tick + rules.setup_minutes
        if self.start_tick < sim.tick:
            return f"that start time has passed: it is now {calendar.describe(sim.tick)}"
        if self.start_tick < earliest:
            return (
                f"{a_name} needs {rules.setup_minutes} minutes to set up: start at "
                f"{calendar.describe(earliest)} or later"
            )
        last_day = sim.day + rules.max_days_ahead
        if calendar.day_of(self.start_tick) > last_day:
            return (
                f"events can be booked at most {rules.max_days_ahead} days ahead "
                f"(until day {last_day})"
            )
        end = self.start_tick + eb.duration_minutes
        if eb.duration_minutes <= calendar.TICKS_PER_DAY and calendar.day_of(
            end - 1
        ) != calendar.day_of(self.start_tick):
            latest = calendar.TICKS_PER_DAY - eb.duration_minutes
            return (
                f"{a_name} lasts {_duration(eb.duration_minutes)} and must end by 24:00: "
                f"start by {calendar.clock_text(latest)}"
            )
        studio = sim.studio()
        if self.kind == "community_workshop" and "workshop_room" not in studio.upgrades:
            return "Community Workshops need the workshop room: build it first"
        booked = [ev for _, ev in events(sim) if ev.state != "cancelled"]
        if self.kind == "living_gallery" and any(ev.kind == "living_gallery" for ev in booked):
            return "The Living Gallery can be held once per level, and it is already booked"
        if v.capacity < eb.min_venue_capacity:
            return (
                f"{v.name} holds {v.capacity}: {a_name} needs a venue for at least "
                f"{eb.min_venue_capacity}"
            )
        for ev in booked:
            if ev.venue == v.object_id and ev.start_tick < end and self.start_tick < ev.end_tick:
                return (
                    f"{v.name} is booked for {a_event(ev.kind)} from "
                    f"{calendar.describe(ev.start_tick)} to {calendar.clock_text(ev.end_tick)}"
                )
        host_rule = EVENT_KINDS[self.kind][1]
        if host_rule == "any" and not self.host:
            return f"say who hosts the {name} (any lead who has joined)"
        if host_rule not in ("any", "all") and self.host and self.host != host_rule:
            return f"{a_name} is hosted by {LEAD_NAMES[host_rule]}"
        host_end = self.start_tick + eb.host_minutes
        for key in self.hosts(sim):
            c, err = _lead_named(sim, key)
            if c is None:
                return err
            lead_name = LEAD_NAMES[key]
            if not c.recruited:
                if host_rule == "all":
                    return f"The Living Gallery needs all four leads: {lead_name} has not joined"
                return f"{lead_name} has not joined the studio yet"
            for ev in booked:
                if (
                    key in ev.hosts
                    and ev.state != "over"
                    and ev.start_tick < host_end
                    and self.start_tick < ev.host_end_tick
                ):
                    return f"{lead_name} is hosting {_hosting_text(sim, ev.number)} then"
            if c.energy < eb.energy:
                return (
                    f"{lead_name} has {int(c.energy)} energy: {a_name} needs "
                    f"{eb.energy:.0f} (resting restores it)"
                )
        return _afford(sim, eb.cost, a_name[0].upper() + a_name[1:])

    def apply(self, sim: Simulation) -> None:
        import esper

        from game.sim import calendar
        from game.sim.components import Event
        from game.sim.entities import LEAD_NAMES, event_name, lead, record, venue

        eb = getattr(sim.balance.events, self.kind)
        v = venue(sim, self.venue)
        assert v is not None
        hosts = self.hosts(sim)
        host_leads = [lead(sim, k) for k in hosts]
        energy = sum(c.energy for c in host_leads if c) / max(len(host_leads), 1)
        hosting = sum(getattr(sim.balance.leads, k).hosting for k in hosts) / max(len(hosts), 1)
        # how well it is hosted: the hosts' skill, less when they are tired; a better-hosted
        # event draws harder (pull) and weighs more in a clash (quality)
        hosted = hosting * (0.6 + 0.4 * energy / sim.balance.leads.max_energy)
        for c in host_leads:
            if c is not None:
                c.energy = float(max(0.0, c.energy - eb.energy))
        rec = record(sim)
        number = rec.next_event
        rec.next_event += 1
        studio = sim.studio()
        studio.credits -= eb.cost
        studio.spent_today += eb.cost
        end = self.start_tick + eb.duration_minutes
        esper.create_entity(
            Event(
                number=number,
                kind=self.kind,
                venue=v.object_id,
                name=v.name,
                x=v.x,
                y=v.y,
                hosts=hosts,
                start_tick=self.start_tick,
                end_tick=end,
                host_end_tick=self.start_tick + eb.host_minutes,
                cost=eb.cost,
                capacity=max(1, min(eb.max_capacity, int(v.capacity * eb.capacity_share))),
                radius=float(eb.radius),
                pull=float(eb.pull * hosted),
                stance=float(eb.stance),
                strength=float(eb.strength),
                min_opinion=float(eb.min_opinion),
                max_opinion=float(eb.max_opinion),
                quality=float(hosted * eb.quality),
                district=v.district,
            )
        )
        who = ", ".join(LEAD_NAMES[k] for k in hosts)
        sim.post(
            "event_scheduled",
            f"{event_name(self.kind)} booked at {v.name}, {calendar.describe(self.start_tick)}–"
            f"{calendar.clock_text(end)}, hosted by {who} ({_cr(eb.cost)})",
            pos=(v.x, v.y),
            number=number,
            event_kind=self.kind,
        )


def _duration(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h} h" if m == 0 else f"{h} h {m} min"


@register("cancel_event")
@dataclass(frozen=True)
class CancelEvent(Command):
    """Cancel a booked event (by its number) before it starts; part of the cost is refunded."""

    event: int

    def check(self, sim: Simulation) -> str | None:
        from game.sim.entities import event_by_number, event_name

        found = event_by_number(sim, self.event)
        if found is None:
            return f"there is no booked event #{self.event}"
        ev = found[1]
        what = f"the {event_name(ev.kind)} at {ev.name}"
        if ev.state == "cancelled":
            return f"{what} is already cancelled"
        if ev.state != "scheduled":
            return f"{what} has already begun: it cannot be cancelled"
        return None

    def apply(self, sim: Simulation) -> None:
        from game.sim.entities import event_by_number, event_name, lead

        found = event_by_number(sim, self.event)
        assert found is not None
        ev = found[1]
        ev.state = "cancelled"
        refund = int(ev.cost * sim.balance.events.cancel_refund)
        sim.studio().credits += refund
        energy = getattr(sim.balance.events, ev.kind).energy
        for key in ev.hosts:
            c = lead(sim, key)
            if c is not None:
                c.energy = float(min(sim.balance.leads.max_energy, c.energy + energy))
        sim.post(
            "event_cancelled",
            f"{event_name(ev.kind)} at {ev.name} cancelled: {_cr(refund)} refunded",
            pos=(ev.x, ev.y),
            number=ev.number,
        )


def _chair_room(sim: Simulation) -> int:
    s = sim.studio()
    b = sim.balance.studio
    return b.max_chairs + (b.gallery_wing_chairs if "gallery_wing" in s.upgrades else 0)


@register("buy_chair")
@dataclass(frozen=True)
class BuyChair(Command):
    """Buy one more chair for the studio."""

    def check(self, sim: Simulation) -> str | None:
        from game.sim.entities import floor

        room = _chair_room(sim)
        if len(floor(sim).chair_uid) >= room:
            if (
                "gallery_wing" not in sim.studio().upgrades
                and sim.balance.studio.gallery_wing_chairs
            ):
                return f"the studio has room for {room} chairs: build the gallery wing for more"
            return f"the studio has no room for more than {room} chairs"
        return _afford(sim, sim.balance.studio.chair_cost, "A chair")

    def apply(self, sim: Simulation) -> None:
        from game.sim.entities import floor

        fl = floor(sim)
        cost = sim.balance.studio.chair_cost
        s = sim.studio()
        s.credits -= cost
        s.spent_today += cost
        fl.chair_uid.append(-1)
        fl.chair_service.append("")
        fl.chair_price.append(0)
        fl.chair_end.append(0)
        sim.post("chair_bought", f"A new chair: {len(fl.chair_uid)} in the studio ({_cr(cost)})")


@register("hire_sculptor")
@dataclass(frozen=True)
class HireSculptor(Command):
    """Hire a sculptor to work a chair (a fee now and a wage every night)."""

    def check(self, sim: Simulation) -> str | None:
        b = sim.balance.studio
        if sim.studio().sculptors >= b.max_sculptors:
            return f"the studio cannot employ more than {b.max_sculptors} sculptors"
        return _afford(sim, b.sculptor_hire_fee, "Hiring a sculptor")

    def apply(self, sim: Simulation) -> None:
        b = sim.balance.studio
        s = sim.studio()
        s.credits -= b.sculptor_hire_fee
        s.spent_today += b.sculptor_hire_fee
        s.sculptors += 1
        sim.post(
            "sculptor_hired",
            f"A sculptor joins: {s.sculptors} on staff (wage {_cr(b.sculptor_wage)} a day)",
        )


@register("dismiss_sculptor")
@dataclass(frozen=True)
class DismissSculptor(Command):
    """Let a hired sculptor go (saves their wage)."""

    def check(self, sim: Simulation) -> str | None:
        if sim.studio().sculptors <= 0:
            return "there are no hired sculptors to dismiss"
        return None

    def apply(self, sim: Simulation) -> None:
        s = sim.studio()
        s.sculptors -= 1
        sim.post("sculptor_dismissed", f"A sculptor leaves: {s.sculptors} on staff")


@register("build_upgrade")
@dataclass(frozen=True)
class BuildUpgrade(Command):
    """Build a studio upgrade: ar_booth, gallery_wing or workshop_room."""

    upgrade: str

    def check(self, sim: Simulation) -> str | None:
        from game.sim.entities import UPGRADES

        if self.upgrade not in UPGRADES:
            return f"there is no upgrade '{self.upgrade}' (upgrades: {', '.join(UPGRADES)})"
        name = UPGRADES[self.upgrade]
        if self.upgrade in sim.studio().upgrades:
            return f"the {name} is already built"
        cost = getattr(sim.balance.studio, f"{self.upgrade}_cost")
        return _afford(sim, cost, f"The {name}")

    def apply(self, sim: Simulation) -> None:
        from game.sim.entities import UPGRADE_GIVES, UPGRADES

        s = sim.studio()
        cost = getattr(sim.balance.studio, f"{self.upgrade}_cost")
        s.credits -= cost
        s.spent_today += cost
        s.upgrades.append(self.upgrade)
        s.upgrades.sort()
        if self.upgrade == "gallery_wing":
            s.reputation = float(
                min(100.0, s.reputation + sim.balance.studio.gallery_wing_reputation)
            )
        sim.post(
            "upgrade_built",
            f"The {UPGRADES[self.upgrade]} is open: it {UPGRADE_GIVES[self.upgrade]}",
            pos=(s.x, s.y),
            upgrade=self.upgrade,
        )


def _service_known(sim: Simulation, service: str) -> str | None:
    if service not in sim.balance.services:
        return (
            f"there is no service '{service}' (services: {', '.join(sorted(sim.balance.services))})"
        )
    return None


@register("set_service")
@dataclass(frozen=True)
class SetService(Command):
    """Offer (`enabled` true) or stop offering a service."""

    service: str
    enabled: bool

    def check(self, sim: Simulation) -> str | None:
        from game.sim.entities import service_name
        from game.sim.systems.studio import locked_reason

        err = _service_known(sim, self.service)
        if err:
            return err
        s = sim.studio()
        on = self.service not in s.services_off
        name = service_name(self.service)
        if self.enabled == on:
            return f"{name} is already {'offered' if on else 'off'}"
        if self.enabled:
            return locked_reason(sim, s, self.service)
        return None

    def apply(self, sim: Simulation) -> None:
        from game.sim.entities import service_name

        s = sim.studio()
        if self.enabled:
            s.services_off.remove(self.service)
        else:
            s.services_off.append(self.service)
            s.services_off.sort()
        state = "offered again" if self.enabled else "no longer offered"
        sim.post("service_changed", f"{service_name(self.service)} is {state}")


@register("set_service_price")
@dataclass(frozen=True)
class SetServicePrice(Command):
    """Set a service's list price (the pricing policy applies on top)."""

    service: str
    price: int

    def check(self, sim: Simulation) -> str | None:
        from game.sim.entities import service_name

        err = _service_known(sim, self.service)
        if err:
            return err
        b = sim.balance.studio
        base = sim.balance.services[self.service].price
        lo, hi = int(round(base * b.min_price_share)), int(round(base * b.max_price_share))
        name = service_name(self.service)
        if not lo <= self.price <= hi:
            return f"{name}'s price must be between {_cr(lo)} and {_cr(hi)}"
        if sim.studio().prices.get(self.service) == self.price:
            return f"{name} already costs {_cr(self.price)}"
        return None

    def apply(self, sim: Simulation) -> None:
        from game.sim.entities import service_name

        sim.studio().prices[self.service] = self.price
        sim.post("price_changed", f"{service_name(self.service)} now costs {_cr(self.price)}")


@register("adopt_transparency_charter")
@dataclass(frozen=True)
class AdoptTransparencyCharter(Command):
    """Dr. Roth's Transparency Charter: trust now and a little every night."""

    def check(self, sim: Simulation) -> str | None:
        from game.sim.entities import has_lead

        if sim.studio().charter:
            return "the Transparency Charter is already in force"
        if not has_lead(sim, "roth"):
            return "the Transparency Charter needs Dr. Eli Roth: he has not joined yet"
        return _afford(sim, sim.balance.studio.charter_cost, "The Transparency Charter")

    def apply(self, sim: Simulation) -> None:
        b = sim.balance.studio
        s = sim.studio()
        s.credits -= b.charter_cost
        s.spent_today += b.charter_cost
        s.charter = True
        s.trust = float(min(100.0, s.trust + b.charter_trust))
        sim.post(
            "charter_adopted",
            f"Dr. Roth's Transparency Charter is in force: trust +{b.charter_trust:.0f} now, "
            f"+{b.charter_trust_per_day:.0f} every night",
            pos=(s.x, s.y),
        )


@register("unite_the_tribes")
@dataclass(frozen=True)
class UniteTheTribes(Command):
    """Milo brings the tooth tribes together: every tribe less supportive than the city as a
    whole closes part of the gap (cohesion rises)."""

    def check(self, sim: Simulation) -> str | None:
        from game.sim.entities import lead, record

        b = sim.balance.leads
        milo = lead(sim, "milo")
        if milo is None or not milo.recruited:
            return "Unite the Tribes needs Milo Trevane: he has not joined yet"
        if milo.hosting >= 0:
            return f"Milo Trevane is hosting {_hosting_text(sim, milo.hosting)} right now"
        ready = record(sim).unite_ready_day
        if sim.day < ready:
            return f"Milo can unite the tribes again on day {ready}"
        if milo.energy < b.unite_energy:
            return (
                f"Milo Trevane has {int(milo.energy)} energy: uniting the tribes needs "
                f"{b.unite_energy:.0f}"
            )
        return _afford(sim, b.unite_cost, "Uniting the tribes")

    def apply(self, sim: Simulation) -> None:
        import numpy as np

        from game.sim.entities import lead, record

        b = sim.balance.leads
        milo = lead(sim, "milo")
        assert milo is not None
        milo.energy = float(max(0.0, milo.energy - b.unite_energy))
        s = sim.studio()
        s.credits -= b.unite_cost
        s.spent_today += b.unite_cost
        record(sim).unite_ready_day = sim.day + b.unite_cooldown_days
        c = sim.crowd
        n = c.n
        if n:
            tribes = sorted(sim.balance.tribes)
            t = c.tribe[:n].astype(np.int64)
            op = c.opinion[:n].astype(np.float64)
            counts = np.bincount(t, minlength=len(tribes))
            sums = np.bincount(t, weights=op, minlength=len(tribes))
            means = np.divide(sums, counts, out=np.zeros(len(tribes)), where=counts > 0)
            gap = np.maximum(0.0, float(op.mean()) - means)  # only tribes below the city move
            shift = (b.unite_strength * gap)[t]
            c.opinion[:n] = np.clip(op + shift, -1.0, 1.0).astype(np.float32)
        sim.post(
            "tribes_united",
            "Milo Trevane brings the tooth tribes together: the most divided tribes soften",
            pos=(milo.spot_x, milo.spot_y),
        )
