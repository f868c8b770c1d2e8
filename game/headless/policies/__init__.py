"""Scripted players for headless games and balance sweeps.

A policy sees only what a player sees (the simulation's public view) and acts only through the
same commands the UI issues. `decide(sim)` is called once per tick and returns the commands to
submit; policies that read the view should do so through `game.sim.view` (read-only), never by
writing to the simulation. Each policy gets its own seeded generator, so the same game seed gives
the same game.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.simulation import Simulation


class Policy:
    """Base class: a deterministic scripted player."""

    name = "policy"
    #: how often (ticks) the policy looks at the game; a human does not act every minute
    interval = 30

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(np.random.SeedSequence([int(seed), 0x9E3779B9]))

    def decide(self, sim: Simulation) -> list[Command]:
        if sim.tick % self.interval:
            return []
        return self.act(sim)

    def act(self, sim: Simulation) -> list[Command]:
        raise NotImplementedError


POLICIES: dict[str, Callable[[int], Policy]] = {}


def register(cls: type[Policy]) -> type[Policy]:
    POLICIES[cls.name] = cls
    return cls


def make_policy(name: str, seed: int) -> Policy:
    if name not in POLICIES:
        raise KeyError(f"unknown policy '{name}' (known: {', '.join(sorted(POLICIES))})")
    return POLICIES[name](seed)


from game.headless.policies import (  # noqa: E402,F401  (registers)
    advocate,
    balanced,
    greedy,
    idle,
    random_player,
)
