"""`greedy`: maximises credits — premium prices, more chairs and staff, no spending on events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.headless.policies import Policy, register
from game.headless.policies.common import grow_studio, recruit_everyone, set_policy
from game.sim.view import SimView

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.simulation import Simulation


@register
class Greedy(Policy):
    name = "greedy"

    def act(self, sim: Simulation) -> list[Command]:
        view = SimView(sim)
        cmds = set_policy(view, "premium")
        cmds += [c for c in recruit_everyone(view) if c.lead == "roth"]  # type: ignore[attr-defined]
        cmds += grow_studio(view, reserve=1500, max_chairs=8)
        return cmds
