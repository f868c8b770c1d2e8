"""`advocate`: events and workshops first — recruits every lead it can, answers every rally,
and fills the free days with Community Workshops; prices on the sliding scale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.headless.policies import Policy, register
from game.headless.policies.common import (
    announced_rallies,
    answer_rally,
    build,
    recruit_everyone,
    set_policy,
    workshop_somewhere,
)
from game.sim.view import SimView

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.simulation import Simulation


@register
class Advocate(Policy):
    name = "advocate"

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.answered: set[int] = set()
        self.workshop_districts: set[int] = set()

    def act(self, sim: Simulation) -> list[Command]:
        view = SimView(sim)
        cmds: list[Command] = set_policy(view, "sliding_scale")
        cmds += recruit_everyone(view)
        cmds += build(view, "workshop_room", reserve=500)
        for rally in announced_rallies(view):
            if rally.number in self.answered:
                continue
            cmd = answer_rally(view, sim, rally)
            if cmd is not None:
                self.answered.add(rally.number)
                cmds.append(cmd)
        if not cmds:
            cmd = workshop_somewhere(view, sim, self.workshop_districts, reserve=300)
            if cmd is not None:
                venue = next(v for v in view.venues() if v.object_id == cmd.venue)  # type: ignore[attr-defined]
                self.workshop_districts.add(venue.district)
                cmds.append(cmd)
        return cmds
