"""Building blocks the scripted players share. Everything reads the public view (`SimView`) and
returns commands; nothing here writes to the simulation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import calendar
from game.sim.commands import (
    AdoptTransparencyCharter,
    BuildUpgrade,
    BuyChair,
    Command,
    HireSculptor,
    RecruitLead,
    ScheduleEvent,
    SetPricingPolicy,
)
from game.sim.view import CalendarEntry, SimView

if TYPE_CHECKING:
    from game.sim.simulation import Simulation

# hosts in order of preference, for an event that answers a rally
ANSWER_KINDS = ("counter_rally", "showcase", "ethics_forum", "community_workshop")


def ok(view: SimView, cmd: Command) -> bool:
    """Would the game accept `cmd` now?"""
    return view.check(cmd) is None


def first_ok(view: SimView, cmds: list[Command]) -> Command | None:
    for c in cmds:
        if ok(view, c):
            return c
    return None


def recruit_everyone(view: SimView) -> list[Command]:
    """Recruit every lead whose conditions are met now."""
    return [
        RecruitLead(ld.key)
        for ld in view.leads()
        if ld.available and not ld.recruited and ld.recruit_blocker is None
    ]


def set_policy(view: SimView, policy: str) -> list[Command]:
    cmd = SetPricingPolicy(policy)
    return [cmd] if view.resources().pricing_policy != policy and ok(view, cmd) else []


def grow_studio(view: SimView, reserve: int, max_chairs: int = 6) -> list[Command]:
    """Buy a chair or hire a sculptor when customers wait and the books allow it."""
    r = view.resources()
    if r.credits < reserve:
        return []
    if r.queue >= 3 and r.chairs < max_chairs:
        for c in (BuyChair(), HireSculptor()):
            if ok(view, c):
                return [c]
    if r.staff < r.chairs:
        c = HireSculptor()
        if ok(view, c):
            return [c]
    return []


def build(view: SimView, upgrade: str, reserve: int) -> list[Command]:
    r = view.resources()
    if upgrade in r.upgrades:
        return []
    cmd = BuildUpgrade(upgrade)
    cost = next((u.cost for u in view.upgrades() if u.key == upgrade), 0)
    return [cmd] if r.credits - cost >= reserve and ok(view, cmd) else []


def charter(view: SimView) -> list[Command]:
    cmd = AdoptTransparencyCharter()
    return [cmd] if not view.resources().charter and ok(view, cmd) else []


def announced_rallies(view: SimView) -> list[CalendarEntry]:
    return [e for e in view.calendar() if e.side == "pure_smiles" and e.state == "announced"]


def answer_rally(
    view: SimView,
    sim: Simulation,
    rally: CalendarEntry,
    kinds: tuple[str, ...] = ANSWER_KINDS,
    reserve: int = 0,
) -> Command | None:
    """A counter-event that will clash with `rally`: the first kind with a free host, at the
    closest venue in clash reach, starting with the rally (or as soon as it can)."""
    credits = view.resources().credits
    types = {t.kind: t for t in view.event_types()}
    venues = sorted(view.venues(), key=lambda v: (v.x - rally.x) ** 2 + (v.y - rally.y) ** 2)
    starts = [max(rally.start_tick, sim.tick + sim.balance.events.setup_minutes)]
    for kind in kinds:
        t = types.get(kind)
        if t is None or credits - t.cost < reserve:
            continue
        hosts = [""]
        if t.host == "any":
            hosts = [ld.key for ld in view.leads() if ld.recruited]
        for venue in venues[:4]:
            for start in starts:
                if start >= rally.end_tick:
                    continue
                if not view.would_clash(kind, venue.object_id, start):
                    continue
                for host in hosts:
                    cmd = ScheduleEvent(kind, venue.object_id, start, host)
                    if ok(view, cmd):
                        return cmd
    return None


def workshop_somewhere(
    view: SimView, sim: Simulation, held_districts: set[int], reserve: int
) -> Command | None:
    """A Community Workshop tomorrow morning-ish in a district without one yet."""
    t = next((t for t in view.event_types() if t.kind == "community_workshop"), None)
    if t is None or view.resources().credits - t.cost < reserve:
        return None
    hosts = [ld.key for ld in view.leads() if ld.recruited and ld.energy >= t.energy]
    if not hosts:
        return None
    start = sim.tick + sim.balance.events.setup_minutes + 30
    if calendar.hour_of(start) >= 19 or calendar.day_of(start) != sim.day:
        return None
    venues = sorted(view.venues(), key=lambda v: (v.district in held_districts, v.object_id))
    for v in venues:
        for host in hosts:
            cmd = ScheduleEvent("community_workshop", v.object_id, start, host)
            if ok(view, cmd):
                return cmd
    return None
