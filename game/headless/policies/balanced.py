"""`balanced`: a sensible human plan. Keeps the books (a cash reserve, chairs when the queue
grows), recruits each lead as soon as they will come, builds what unlocks them, answers every
announced rally with a counter-event that clashes with it, adopts the Transparency Charter,
stages the Living Gallery when all four leads are in, unites the tribes when it can, and fills
quiet days with workshops in districts that have not had one."""

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
    recruit_everyone,
    set_policy,
    workshop_somewhere,
)
from game.sim.commands import ScheduleEvent, UniteTheTribes
from game.sim.view import SimView

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.simulation import Simulation

RESERVE = 800  # credits kept back for rent and wages


@register
class Balanced(Policy):
    name = "balanced"

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.answered: set[int] = set()
        self.workshop_districts: set[int] = set()
        self.forbidden: frozenset[str] = frozenset()  # event kinds this player never uses

    def act(self, sim: Simulation) -> list[Command]:
        view = SimView(sim)
        r = view.resources()
        cmds: list[Command] = []
        cmds += set_policy(view, "sliding_scale" if r.credits > 4 * RESERVE else "standard")
        cmds += recruit_everyone(view)
        if "ar_booth" not in r.upgrades and any(
            ld.key == "arian" and ld.available for ld in view.leads()
        ):
            cmds += build(view, "ar_booth", reserve=RESERVE * 2)
        cmds += charter(view)
        cmds += grow_studio(view, reserve=RESERVE * 2, max_chairs=5)
        kinds = tuple(
            k
            for k in ("counter_rally", "showcase", "ethics_forum", "community_workshop")
            if k not in self.forbidden
        )
        for rally in announced_rallies(view):
            if rally.number in self.answered:
                continue
            cmd = answer_rally(view, sim, rally, kinds, reserve=RESERVE // 2)
            if cmd is not None:
                self.answered.add(rally.number)
                cmds.append(cmd)
        if (
            "living_gallery" not in self.forbidden
            and view.achievements()["living_gallery_held"] == 0
        ):
            cmds += self._living_gallery(view, sim)
        unite = UniteTheTribes()
        if ok(view, unite):
            cmds.append(unite)
        if not cmds and "community_workshop" not in self.forbidden and r.credits > RESERVE * 2:
            if "workshop_room" not in r.upgrades:
                cmds += build(view, "workshop_room", reserve=RESERVE * 2)
            cmd = workshop_somewhere(view, sim, self.workshop_districts, reserve=RESERVE)
            if cmd is not None:
                venue = next(v for v in view.venues() if v.object_id == cmd.venue)  # type: ignore[attr-defined]
                self.workshop_districts.add(venue.district)
                cmds.append(cmd)
        if not cmds and "ar_installation" not in self.forbidden and r.credits > RESERVE * 3:
            cmds += self._installation(view, sim)
        return cmds

    def _living_gallery(self, view: SimView, sim: Simulation) -> list[Command]:
        if not all(ld.recruited for ld in view.leads() if ld.available):
            return []
        if sum(1 for ld in view.leads() if ld.recruited) < 4:
            return []
        start = sim.tick + sim.balance.events.setup_minutes
        rallies = announced_rallies(view)
        if rallies:  # stage it against the next rally: a city-wide clash
            start = max(start, rallies[0].start_tick)
        for v in sorted(view.venues(), key=lambda v: -v.capacity):
            cmd = ScheduleEvent("living_gallery", v.object_id, start)
            if ok(view, cmd):
                return [cmd]
        return []

    def _installation(self, view: SimView, sim: Simulation) -> list[Command]:
        start = sim.tick + sim.balance.events.setup_minutes
        for v in sorted(view.venues(), key=lambda v: v.object_id):
            cmd = ScheduleEvent("ar_installation", v.object_id, start)
            if ok(view, cmd):
                return [cmd]
        return []
