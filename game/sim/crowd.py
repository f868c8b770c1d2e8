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

# State codes (the contract between the crowd systems and the gameplay systems).
AT_HOME = 0  # at home (night, or not gone out yet)
TO_DAY = 1  # walking to the day zone
AT_DAY = 2  # at the day zone (work, market, plaza)
TO_HOME = 3  # walking home
TO_ATTRACTOR = 4  # diverted to a rally / event (`attending` holds its entity id)
ATTENDING = 5  # standing at a rally / event (`attending` holds its entity id)
TO_STUDIO = 6  # a customer walking to the studio (set by the studio system via send_to_studio)
AT_STUDIO = 7  # arrived at the studio: the studio system queues, serves or turns them away
IN_STUDIO = 8  # queued or in a chair: the crowd does not move them until released
STATE_NAMES = (
    "at home",
    "to work",
    "at work",
    "going home",
    "drawn to an event",
    "attending",
    "to the studio",
    "at the studio",
    "in the studio",
)


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
        self.income = np.zeros(c, dtype=np.uint8)  # 0 low, 1 middle, 2 high
        self.district = np.full(c, -1, dtype=np.int16)  # index into level.districts, -1 none
        self.customized = np.zeros(c, dtype=bool)
        self.advocate = np.zeros(c, dtype=bool)
        self.attending = np.full(c, -1, dtype=np.int64)  # entity id of the rally/event, -1 none

    _FIELDS = (
        "uid",
        "pos",
        "vel",
        "state",
        "home",
        "tribe",
        "opinion",
        "income",
        "district",
        "customized",
        "advocate",
        "attending",
    )

    def send_to_studio(self, idx: np.ndarray) -> None:
        """Make citizens `idx` customers walking to the studio (state TO_STUDIO)."""
        self.state[idx] = TO_STUDIO

    def release(self, idx: np.ndarray) -> None:
        """Hand citizens `idx` back to their daily routine (after the studio or an event)."""
        self.state[idx] = TO_HOME
        self.attending[idx] = -1

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
