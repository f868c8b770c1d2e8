"""What happened in a tick: a flat list of messages the UI, the logs and the bots read.

Systems append with `sim.post(kind, text, **data)`. A message is plain data; `pos` (tile
coordinates) lets the UI move the camera to where it happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Message:
    """One thing that happened at `tick`. `kind` is a stable snake_case name."""

    tick: int
    kind: str
    text: str
    data: dict[str, Any] = field(default_factory=dict)
    pos: tuple[float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"tick": self.tick, "kind": self.kind, "text": self.text}
        if self.data:
            out["data"] = self.data
        if self.pos is not None:
            out["pos"] = list(self.pos)
        return out


# Kinds posted by the foundation; later systems add their own (documented where posted).
COMMAND_REJECTED = "command_rejected"
COMMAND_APPLIED = "command_applied"
DAY_STARTED = "day_started"
DAY_ENDED = "day_ended"
OUTCOME = "outcome"
