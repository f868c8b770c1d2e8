"""`balanced`: a sensible human plan.

- **Books**: keeps a cash reserve for rent and wages; standard prices while money is short and
  the sliding scale once the studio is comfortable (with a margin either way, so it does not
  flip back and forth); a chair and a sculptor when customers queue.
- **Leads**: recruits each lead as soon as they will come and the fee leaves the reserve; builds
  the AR booth that brings Arian Verus; adopts Dr. Roth's Transparency Charter.
- **Rallies first**: answers every announced rally with the strongest counter-event that will
  clash with it (a Counter-Rally, else a Showcase, an Ethics Forum, a Community Workshop); keeps
  the two leads who answer best (Milo, Zara) free for that.
- **The Living Gallery**: once all four leads are in, against the next announced rally.
- **Quiet time**: Milo unites the tribes when the tribes drift apart; one Community Workshop at a
  time in a district that has not had one (hosted by a lead who is not needed for rallies); an
  AR Installation where the Pure Smiles rally most, when money allows; an Ethics Forum when trust
  is low.

It reads only the public view and issues commands the view accepts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.headless.policies import Policy, register
from game.headless.policies.common import (
    announced_rallies,
    answer_rally,
    build,
    charter,
    grow_studio,
    ok,
)
from game.sim import calendar
from game.sim.commands import RecruitLead, ScheduleEvent, SetPricingPolicy, UniteTheTribes
from game.sim.entities import EVENT_KINDS
from game.sim.view import SimView

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.simulation import Simulation

MIN_RESERVE = 800  # credits always kept back
BILL_MARGIN = 1.25  # ... and at least this many nights' rent and wages
ANSWER_ORDER = ("counter_rally", "showcase", "ethics_forum", "community_workshop")
RALLY_HOSTS = ("milo", "zara")  # the leads who answer rallies best: not spent on workshops
WORKSHOP_HOSTS = ("roth", "arian", "zara", "milo")  # who hosts a workshop, first choice first
UNITE_BELOW = 0.85  # Milo unites the tribes when cohesion falls below this
FORUM_TRUST = 70.0  # an Ethics Forum in quiet time while trust is below this


@register
class Balanced(Policy):
    name = "balanced"
    #: event kinds this player never uses (the `balanced-no-KIND` ablation players set one)
    forbidden: frozenset[str] = frozenset()

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.reserve = MIN_RESERVE  # credits kept back for the night's rent and wages
        self.answered: set[int] = set()  # rallies already answered (by number)
        self.workshop_districts: set[int] = set()  # districts it has booked a workshop in

    def act(self, sim: Simulation) -> list[Command]:
        view = SimView(sim)
        r = view.resources()
        bill = sim.balance.studio.daily_rent + sim.balance.studio.sculptor_wage * r.sculptors
        self.reserve = max(MIN_RESERVE, round(BILL_MARGIN * bill))
        cmds: list[Command] = []
        cmds += self._books(view)
        cmds += self._leads(view)
        if cmds:  # money changed hands: look again next time with fresh numbers
            return cmds
        cmds += self._answer_rallies(view, sim)
        if "living_gallery" not in self.forbidden:
            cmds += self._living_gallery(view, sim)
        if cmds:
            return cmds
        return self._quiet_time(view, sim)

    # ------------------------------------------------------------------ the books

    def _books(self, view: SimView) -> list[Command]:
        r = view.resources()
        out: list[Command] = []
        if r.pricing_policy != "sliding_scale" and r.credits > 5 * self.reserve:
            out.append(SetPricingPolicy("sliding_scale"))
        elif r.pricing_policy == "sliding_scale" and r.credits < 2 * self.reserve:
            out.append(SetPricingPolicy("standard"))
        out = [c for c in out if ok(view, c)]
        return out + grow_studio(view, reserve=self.reserve * 2, max_chairs=5)

    def _leads(self, view: SimView) -> list[Command]:
        r = view.resources()
        out: list[Command] = []
        for ld in view.leads():
            if ld.available and not ld.recruited and ld.recruit_blocker is None:
                if r.credits - ld.fee >= self.reserve:
                    out.append(RecruitLead(ld.key))
        if out:
            return out[:1]
        arian = next((ld for ld in view.leads() if ld.key == "arian"), None)
        if arian is not None and arian.available and not arian.recruited:
            fee = arian.fee
            out += build(view, "ar_booth", reserve=self.reserve + fee)
        if not out:
            out += charter(view) if r.credits > 3 * self.reserve else []
        return out

    # ------------------------------------------------------------------ rallies

    def _answer_rallies(self, view: SimView, sim: Simulation) -> list[Command]:
        kinds = tuple(k for k in ANSWER_ORDER if k not in self.forbidden)
        out: list[Command] = []
        for rally in announced_rallies(view):
            if rally.number in self.answered:
                continue
            cmd = answer_rally(view, sim, rally, kinds, reserve=self.reserve // 2)
            if cmd is not None:
                self.answered.add(rally.number)
                out.append(cmd)
                break  # one booking per look: the view changes with it
        return out

    def _living_gallery(self, view: SimView, sim: Simulation) -> list[Command]:
        if view.achievements()["living_gallery_held"]:
            return []
        if any(e.side == "studio" and e.kind == "living_gallery" for e in view.calendar()):
            return []
        leads = view.leads()
        if sum(1 for ld in leads if ld.recruited) < 4:
            return []
        rallies = announced_rallies(view)
        if not rallies:
            return []
        start = max(sim.tick + sim.balance.events.setup_minutes, rallies[0].start_tick)
        for v in sorted(view.venues(), key=lambda v: -v.capacity):
            cmd = ScheduleEvent("living_gallery", v.object_id, start)
            if ok(view, cmd):
                return [cmd]
        return []

    # ------------------------------------------------------------------ quiet time

    def _quiet_time(self, view: SimView, sim: Simulation) -> list[Command]:
        r = view.resources()
        m = view.metrics()
        hour = calendar.hour_of(sim.tick)
        if r.credits < 2 * self.reserve or not 7 <= hour < 18:
            return []
        if m.get("cohesion", 1.0) < UNITE_BELOW:
            unite = UniteTheTribes()
            if ok(view, unite) and self._spare(view, "milo", 35.0 + 35.0):
                return [unite]
        booked = [e for e in view.calendar() if e.side == "studio" and e.state == "scheduled"]
        if booked:  # one quiet-time booking at a time
            return []
        if "community_workshop" not in self.forbidden:
            if "workshop_room" not in r.upgrades:
                got = build(view, "workshop_room", reserve=self.reserve * 2)
                if got:
                    return got
            cmd = self._workshop(view, sim)
            if cmd is not None:
                return [cmd]
        if "ethics_forum" not in self.forbidden and r.trust < FORUM_TRUST:
            cmd = self._forum(view, sim)
            if cmd is not None:
                return [cmd]
        if "ar_installation" not in self.forbidden and r.credits > 4 * self.reserve:
            cmd = self._installation(view, sim)
            if cmd is not None:
                return [cmd]
        return []

    def _spare(self, view: SimView, key: str, energy: float) -> bool:
        """Whether lead `key` has joined, is free and keeps `energy` (for rallies) after a job."""
        ld = next((ld for ld in view.leads() if ld.key == key), None)
        return ld is not None and ld.recruited and not ld.hosting and ld.energy >= energy

    def _workshop(self, view: SimView, sim: Simulation) -> Command | None:
        t = next((t for t in view.event_types() if t.kind == "community_workshop"), None)
        if t is None or view.resources().credits - t.cost < self.reserve:
            return None
        venues = [
            v
            for v in view.venues()
            if v.district >= 0 and v.district not in self.workshop_districts
        ]
        if not venues:
            return None
        start = sim.tick + sim.balance.events.setup_minutes
        if calendar.day_of(start + t.minutes - 1) != sim.day:
            return None
        hosts = [
            k
            for k in WORKSHOP_HOSTS
            if self._spare(view, k, t.energy + (35.0 if k in RALLY_HOSTS else 0.0))
        ]
        for v in sorted(venues, key=lambda v: (v.district, v.object_id)):
            for host in hosts:
                cmd = ScheduleEvent("community_workshop", v.object_id, start, host)
                if ok(view, cmd):
                    self.workshop_districts.add(v.district)
                    return cmd
        return None

    def _forum(self, view: SimView, sim: Simulation) -> Command | None:
        if not self._spare(view, "roth", 25.0):
            return None
        start = sim.tick + sim.balance.events.setup_minutes
        for v in sorted(view.venues(), key=lambda v: -v.capacity):
            cmd = ScheduleEvent("ethics_forum", v.object_id, start)
            if ok(view, cmd):
                return cmd
        return None

    def _installation(self, view: SimView, sim: Simulation) -> Command | None:
        """An AR Installation at the venue nearest the rally points the Pure Smiles used most."""
        if not self._spare(view, "arian", 25.0):
            return None
        if any(
            e.side == "studio"
            and e.kind == "ar_installation"
            and e.state in ("scheduled", "active")
            for e in view.calendar()
        ):
            return None
        seen = [e for e in view.calendar(include_over=True) if e.side == "pure_smiles"]
        start = sim.tick + sim.balance.events.setup_minutes
        venues = view.venues()
        if seen:
            venues.sort(
                key=lambda v: (min((v.x - e.x) ** 2 + (v.y - e.y) ** 2 for e in seen), v.object_id)
            )
        for v in venues:
            cmd = ScheduleEvent("ar_installation", v.object_id, start)
            if ok(view, cmd):
                return cmd
        return None


def _ablation(kind: str) -> type[Balanced]:
    """`balanced-no-KIND`: the same plan, never staging events of `kind` (for the sweep that
    shows every event type is worth having: see docs/balance.md)."""
    cls = type(
        f"BalancedNo{kind.title().replace('_', '')}",
        (Balanced,),
        {"name": f"balanced-no-{kind}", "forbidden": frozenset({kind}), "__module__": __name__},
    )
    return register(cls)  # type: ignore[return-value]


ABLATIONS = tuple(_ablation(kind).name for kind in EVENT_KINDS)
