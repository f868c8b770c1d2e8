"""The citizens: one struct of numpy arrays (not ECS entities).

Capacity-sized arrays with `n` live rows at the front; `arrays()` returns the live views in a
fixed order, which `state_hash` and saves use. Foundation version: spawning only; the crowd
issue adds routine, movement, attraction and opinion systems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from game.level.loader import LevelData
    from game.sim.balance import Balance

# state codes
AT_HOME = 0


class Crowd:
    """Struct of arrays for up to `capacity` citizens."""

    def __init__(self, capacity: int) -> None:
        self.capacity = int(capacity)
        self.n = 0
        self.next_uid = 0
        c = self.capacity
        self.uid = np.zeros(c, dtype=np.int64)
        self.pos = np.zeros((c, 2), dtype=np.float32)  # tiles, x/y
        self.vel = np.zeros((c, 2), dtype=np.float32)
        self.state = np.zeros(c, dtype=np.uint8)
        self.home = np.zeros(c, dtype=np.int32)
        self.tribe = np.zeros(c, dtype=np.uint8)
        self.opinion = np.zeros(c, dtype=np.float32)

    _FIELDS = ("uid", "pos", "vel", "state", "home", "tribe", "opinion")

    def arrays(self) -> dict[str, np.ndarray]:
        """The live rows of every per-citizen array, by name (fixed order)."""
        return {name: getattr(self, name)[: self.n] for name in self._FIELDS}

    def spawn(self, level: LevelData, balance: Balance, rng: np.random.Generator) -> None:
        """Fill the crowd from the level's homes, with seeded opinion noise."""
        population = int(level.prop("population", balance.crowd.default_population))
        population = min(population, self.capacity)
        homes = [h.center for h in level.of_type("home")] or [(level.width / 2, level.height / 2)]
        tribe_names = sorted(balance.tribes)
        home_idx = rng.integers(0, len(homes), size=population)
        centers = np.array(homes, dtype=np.float32)
        self.n = population
        self.uid[:population] = np.arange(population)
        self.next_uid = population
        self.home[:population] = home_idx
        self.pos[:population] = centers[home_idx]
        self.tribe[:population] = rng.integers(0, len(tribe_names), size=population)
        baselines = np.array([balance.tribes[t].baseline for t in tribe_names], dtype=np.float32)
        noise = rng.normal(0.0, balance.crowd.opinion_noise, size=population).astype(np.float32)
        self.opinion[:population] = np.clip(baselines[self.tribe[:population]] + noise, -1, 1)
