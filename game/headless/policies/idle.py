"""`idle`: the player who does nothing at all (doing nothing must lose)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.headless.policies import Policy, register

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.simulation import Simulation


@register
class Idle(Policy):
    name = "idle"

    def act(self, sim: Simulation) -> list[Command]:
        return []
