"""The fixed-step clock of the play scene and the interpolation of crowd positions.

The simulation advances in fixed ticks (10 per real second at 1x; DESIGN §3); drawing runs at the
display's rate. `FixedStep` turns real frame time into a whole number of ticks to run, keeps the
remainder as `alpha` (0..1, how far the drawing is between the last two ticks) and caps the steps
per frame so a slow frame never snowballs (the backlog is dropped instead).

`CrowdInterpolator` keeps the positions before the latest tick and draws
`prev + (cur - prev) * alpha`. The crowd may reorder its rows (swap-remove, re-sorting for
locality), so previous positions are matched to current rows by the stable `crowd.uid`;
citizens without a match, or that moved further than a walk could take them in one tick
(e.g. sent home at night), are drawn at their current position: nobody flies across the map.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

TICKS_PER_SECOND = 10  # at 1x
SPEEDS = (1, 2, 4, 8)  # keys 1-4 and the speed buttons
MAX_STEPS_PER_FRAME = 12  # 8x at 60 fps needs ~1.3; more means the machine is behind
MAX_FRAME_SECONDS = 0.25  # a longer frame (a drag of the window, a breakpoint) counts as this
MAX_INTERPOLATION_JUMP = 3.0  # tiles per tick; a longer move is a teleport, not a walk


@dataclass(slots=True)
class FixedStep:
    """Real seconds -> simulation ticks at the chosen speed; pause keeps alpha frozen."""

    speed: int = 1
    paused: bool = False
    accumulator: float = 0.0  # in ticks
    dropped_ticks: int = 0  # ticks given up to the step cap (a sign the machine is too slow)
    max_steps: int = MAX_STEPS_PER_FRAME

    def set_speed(self, speed: int) -> None:
        if speed not in SPEEDS:
            raise ValueError(f"speed {speed} is not one of {SPEEDS}")
        self.speed = speed
        self.paused = False

    def toggle_pause(self) -> None:
        self.paused = not self.paused

    def advance(self, frame_seconds: float) -> int:
        """Add a frame's real time; returns how many ticks to run now (at most `max_steps`)."""
        if self.paused:
            return 0
        self.accumulator += min(max(frame_seconds, 0.0), MAX_FRAME_SECONDS) * (
            TICKS_PER_SECOND * self.speed
        )
        steps = int(self.accumulator)
        if steps > self.max_steps:
            self.dropped_ticks += steps - self.max_steps
            steps = self.max_steps
            self.accumulator = 0.0  # drop the backlog rather than spiral
        else:
            self.accumulator -= steps
        return steps

    @property
    def alpha(self) -> float:
        """How far between the previous tick and the current one the drawing stands (0..1)."""
        return min(max(self.accumulator, 0.0), 1.0)

    @property
    def label(self) -> str:
        return "paused" if self.paused else f"{self.speed}x"


@dataclass(slots=True)
class CrowdInterpolator:
    """Previous and current crowd positions, matched by uid, for drawing between ticks."""

    max_jump: float = MAX_INTERPOLATION_JUMP
    _prev_pos: np.ndarray | None = None
    _prev_uid: np.ndarray | None = None
    _from: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), np.float32))
    _delta: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), np.float32))
    _n: int = -1
    rematched: int = 0  # how many ticks needed the uid match (rows were reordered)

    def before_step(self, pos: np.ndarray, uid: np.ndarray) -> None:
        """Remember the live rows' positions before a tick runs (`pos`/`uid` are live views)."""
        self._prev_pos = pos.copy()
        self._prev_uid = uid.copy()

    def after_step(self, pos: np.ndarray, uid: np.ndarray) -> None:
        """Match the remembered positions to the rows as they are after the tick."""
        n = len(pos)
        self._n = n
        start = pos.copy()
        prev_pos, prev_uid = self._prev_pos, self._prev_uid
        if prev_pos is not None and prev_uid is not None and len(prev_uid):
            if len(prev_uid) == n and np.array_equal(prev_uid, uid):
                start = prev_pos.copy()
            else:
                self.rematched += 1
                order = np.argsort(prev_uid, kind="stable")
                sorted_uid = prev_uid[order]
                at = np.searchsorted(sorted_uid, uid).clip(0, len(sorted_uid) - 1)
                found = sorted_uid[at] == uid
                start[found] = prev_pos[order[at[found]]]
        delta = pos - start
        jump = np.abs(delta).max(axis=1) > self.max_jump if n else np.zeros(0, bool)
        start[jump] = pos[jump]
        delta[jump] = 0.0
        self._from, self._delta = start, delta

    def reset(self) -> None:
        """Forget the previous tick (draw current positions until the next step)."""
        self._prev_pos = self._prev_uid = None
        self._n = -1

    def positions(self, pos: np.ndarray, alpha: float) -> np.ndarray:
        """Where to draw the live rows `pos` at `alpha` (float32 [n, 2], tiles)."""
        if self._n != len(pos) or alpha >= 1.0:
            return pos
        if alpha <= 0.0:
            return self._from
        return self._from + self._delta * np.float32(alpha)
