"""The per-tick table of things that pull citizens: rallies, counter-events, the studio.

Contract between the gameplay systems (which own Rally / Event / Studio components and rebuild
this table every tick, early in the schedule) and the crowd systems (which read it to divert,
gather and influence citizens, and write back how many attend each row).

The table is derived state: it is rebuilt from components each tick, so it is not hashed or saved.
Row order is the order rows were added, which must be deterministic (sort by entity id).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# kinds
RALLY = 0  # Pure Smiles rally: stance -1
EVENT = 1  # a player's counter-event: stance from its type
STUDIO = 2  # the studio, for customers only (no opinion influence)


@dataclass(slots=True)
class AttractorTable:
    """Struct of arrays, one row per active attractor. Positions in tiles."""

    entity: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # esper id
    kind: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    x: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    y: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    radius: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))  # reach, tiles
    pull: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))  # draw, 0..1+
    stance: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))  # -1..1
    strength: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))  # k per tick
    capacity: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    # opinion window: only citizens with lo <= opinion <= hi are drawn (ethics forum: undecided)
    min_opinion: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    max_opinion: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    # written by the crowd each tick: citizens currently attending each row
    attendance: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))

    def __len__(self) -> int:
        return len(self.entity)

    @classmethod
    def from_rows(cls, rows: list[dict[str, float]]) -> AttractorTable:
        """Build from dicts with the keys above (missing opinion window = whole range)."""
        t = cls()
        if not rows:
            return t

        def col(key: str, dtype: type, default: float | None = None) -> np.ndarray:
            return np.array([r.get(key, default) for r in rows], dtype=dtype)

        t.entity = col("entity", np.int64)
        t.kind = col("kind", np.int8)
        t.x, t.y = col("x", np.float32), col("y", np.float32)
        t.radius, t.pull = col("radius", np.float32), col("pull", np.float32)
        t.stance, t.strength = col("stance", np.float32, 0.0), col("strength", np.float32, 0.0)
        t.capacity = col("capacity", np.int32)
        t.min_opinion = col("min_opinion", np.float32, -1.0)
        t.max_opinion = col("max_opinion", np.float32, 1.0)
        t.attendance = np.zeros(len(rows), np.int32)
        return t

    def row_of(self, entity: int) -> int | None:
        hits = np.nonzero(self.entity == entity)[0]
        return int(hits[0]) if len(hits) else None
