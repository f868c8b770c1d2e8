"""The simulation: esper world, crowd arrays, seeded rng, tick and calendar, one schedule.

`Simulation(level, balance, seed)` owns all state. `step(commands)` applies the commands due at
the current tick (queued ones first, then those passed in), runs `schedule.DAY` in order, and
after the day's last tick runs `schedule.NIGHT` and moves to the next morning. Nothing here reads
the wall clock, a global random generator or a screen.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
from collections import deque
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import esper
import numpy as np

from game.level.loader import LevelData
from game.sim import calendar, schedule
from game.sim.attractors import AttractorTable
from game.sim.balance import Balance
from game.sim.commands import Command
from game.sim.components import Studio
from game.sim.crowd import Crowd
from game.sim.messages import COMMAND_REJECTED, DAY_ENDED, DAY_STARTED, OUTCOME, Message
from game.sim.metrics import MetricsHistory

logger = logging.getLogger(__name__)

_world_ids = itertools.count(1)


@dataclass(slots=True)
class Outcome:
    """'ongoing' until an objective decides the level: 'won' or 'lost', with the reason."""

    status: str = "ongoing"
    reason: str = ""


class Simulation:
    """One running level. Headless by construction."""

    def __init__(self, level: LevelData, balance: Balance, seed: int, fresh: bool = True) -> None:
        """A new game on `level`; `fresh=False` leaves the world empty for a save to fill."""
        self.level = level
        self.balance = balance
        self.seed = int(seed)
        self.rng = np.random.default_rng(self.seed)
        self.world = f"sim-{next(_world_ids)}"
        self.tick = 0
        self.outcome = Outcome()
        self.metrics = MetricsHistory()
        self.messages: list[Message] = []  # this tick's
        self.message_log: deque[Message] = deque(maxlen=2000)  # recent, for the UI
        # every command as (tick submitted, tick due, JSON form): replays re-submit from this
        self.command_log: list[tuple[int, int, dict[str, Any]]] = []
        self._queue: dict[int, list[Command]] = {}
        self.day_hashes: list[tuple[int, int, str]] = []  # (day, tick after the night, hash)
        self.attractors = AttractorTable()  # derived each tick by gameplay, read by the crowd
        self.media_drift = 0.0  # derived each tick by Pure Smiles: opinion pull to -1 per hour
        population = int(level.prop("population", balance.crowd.default_population))
        self.crowd = Crowd(capacity=max(population, 1))
        self.activate()
        esper.clear_database()
        if not fresh:
            return
        self.crowd.spawn(level, balance, self.rng)
        self._create_entities()
        self.metrics.record(self.tick, schedule.metrics.sample(self))

    # ------------------------------------------------------------------ world

    def activate(self) -> None:
        """Make this simulation's esper world the current one (esper state is global)."""
        if esper.current_world != self.world:
            esper.switch_world(self.world)

    def close(self) -> None:
        """Drop this simulation's esper world."""
        if self.world in esper.list_worlds():
            if esper.current_world == self.world:
                esper.switch_world("default")
            esper.delete_world(self.world)

    def _create_entities(self) -> None:
        from game.sim.setup import create_entities  # gameplay owns what a level starts with

        create_entities(self)

    def studio(self) -> Studio:
        self.activate()
        return esper.get_component(Studio)[0][1]

    # ------------------------------------------------------------------ time

    @property
    def day(self) -> int:
        return calendar.day_of(self.tick)

    @property
    def clock(self) -> str:
        return calendar.describe(self.tick)

    @property
    def finished(self) -> bool:
        return self.outcome.status != "ongoing"

    # ------------------------------------------------------------------ commands

    def submit(self, command: Command, at_tick: int | None = None) -> None:
        """Queue `command` for `at_tick` (default: the next step)."""
        t = self.tick if at_tick is None else int(at_tick)
        if t < self.tick:
            raise ValueError(f"tick {t} is in the past (now {self.tick})")
        self.command_log.append((self.tick, t, command.to_dict()))
        self._queue.setdefault(t, []).append(command)

    def apply(self, command: Command) -> str | None:
        """Check and apply one command now; returns the rejection reason or None."""
        self.command_log.append((self.tick, self.tick, command.to_dict()))
        return self._apply(command)

    def _apply(self, command: Command) -> str | None:
        self.activate()
        reason = command.check(self)
        if reason is not None:
            self.post(COMMAND_REJECTED, reason, command=command.name)
            return reason
        command.apply(self)
        return None

    # ------------------------------------------------------------------ stepping

    def post(
        self, kind: str, text: str, pos: tuple[float, float] | None = None, **data: Any
    ) -> None:
        """Record that something happened this tick."""
        msg = Message(self.tick, kind, text, data, pos)
        self.messages.append(msg)
        self.message_log.append(msg)

    def end(self, status: str, reason: str) -> None:
        """Decide the level (once)."""
        if self.finished:
            return
        self.outcome = Outcome(status, reason)
        self.post(OUTCOME, f"Level {status}: {reason}", status=status, reason=reason)

    def step(self, commands: Iterable[Command] = ()) -> list[Message]:
        """Advance one tick; returns this tick's messages."""
        self.activate()
        self.messages = []
        if self.tick % calendar.TICKS_PER_DAY == 0:
            self.post(DAY_STARTED, f"Day {self.day} begins", day=self.day)
        for command in commands:
            self.submit(command)
        for command in self._queue.pop(self.tick, []):
            self._apply(command)
        for system in schedule.DAY:
            system(self)
        if calendar.is_last_tick_of_day(self.tick):
            for system in schedule.NIGHT:
                system(self)
            self.post(DAY_ENDED, f"Night falls on day {self.day}", day=self.day)
            self.tick += 1
            self.day_hashes.append((self.day - 1, self.tick, self.state_hash()))
        else:
            self.tick += 1
        return self.messages

    def run_ticks(self, n: int) -> None:
        for _ in range(n):
            self.step()

    # ------------------------------------------------------------------ state

    def next_entity_id(self) -> int:
        """The id esper gives the next entity of this world (saved so loads stay in step)."""
        self.activate()
        return int(repr(esper._entity_count)[6:-1])  # itertools.count(N) -> N; no public API

    def set_next_entity_id(self, value: int) -> None:
        self.activate()
        esper._entity_count = itertools.count(int(value))

    def components_snapshot(self) -> list[list[Any]]:
        """Every entity's components as [entity, [[class name, fields], ...]], sorted."""
        self.activate()
        out: list[list[Any]] = []
        for ent in sorted(esper.get_entities()):
            comps: list[Any] = sorted(
                esper.components_for_entity(ent), key=lambda c: type(c).__name__
            )
            out.append([ent, [[type(c).__name__, asdict(c)] for c in comps]])
        return out

    def state_hash(self) -> str:
        """sha256 over every piece of simulation state."""
        h = hashlib.sha256()

        def add_json(obj: Any) -> None:
            h.update(json.dumps(obj, sort_keys=True, separators=(",", ":")).encode())

        add_json({"tick": self.tick, "seed": self.seed, "outcome": asdict(self.outcome)})
        add_json({"next_entity": self.next_entity_id()})
        add_json(self.rng.bit_generator.state)
        add_json({str(t): [c.to_dict() for c in cs] for t, cs in sorted(self._queue.items())})
        add_json(self.components_snapshot())
        add_json(self.metrics.to_dict())
        add_json({"n": self.crowd.n, "next_uid": self.crowd.next_uid})
        for name, arr in self.crowd.arrays().items():
            h.update(name.encode())
            h.update(f"{arr.dtype.str}{arr.shape}".encode())
            h.update(np.ascontiguousarray(arr).tobytes())
        return h.hexdigest()
