"""Replays: a game's seed, level hash, balance and command log, with a state hash every day.

A replay file is JSON lines:

    {"replay": "smile-studio", "format": 1, "game_version": ..., "level": PATH, "level_hash": ...,
     "seed": N, "balance": {...}, "balance_hash": ..., "end_tick": T, "end_hash": ...}
    {"submit": S, "at": T, "command": {...}}      one per submitted command, in order
    {"day": D, "tick": T, "hash": H}               one per night the game went through

Replaying re-submits every command at the tick it was submitted and checks each day's hash;
`verify` stops at the first day whose hash differs and names it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import __version__
from game.level.loader import LevelData, LevelError, load_level
from game.sim.balance import Balance, BalanceError, balance_from_dict
from game.sim.commands import Command, CommandError
from game.sim.simulation import Simulation

REPLAY_FORMAT = 1
MAX_LINE = 1_000_000


class ReplayError(ValueError):
    """A replay file that cannot be used; the message names the file, the line and the problem."""


@dataclass(slots=True)
class Replay:
    path: Path
    level: str
    level_hash: str
    seed: int
    balance: Balance
    end_tick: int
    end_hash: str
    commands: list[tuple[int, int, Command]] = field(default_factory=list)
    day_hashes: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(slots=True)
class VerifyResult:
    ok: bool
    days_checked: int
    message: str
    sim: Simulation | None = None


def replay_lines(sim: Simulation) -> Iterator[dict[str, Any]]:
    """The JSON objects of `sim`'s replay so far."""
    yield {
        "replay": "smile-studio",
        "format": REPLAY_FORMAT,
        "game_version": __version__,
        "level": str(sim.level.path),
        "level_hash": sim.level.file_hash,
        "seed": sim.seed,
        "balance": sim.balance.to_dict(),
        "balance_hash": sim.balance.digest(),
        "end_tick": sim.tick,
        "end_hash": sim.state_hash(),
    }
    for submit, at, cmd in sim.command_log:
        yield {"submit": submit, "at": at, "command": cmd}
    for day, tick, h in sim.day_hashes:
        yield {"day": day, "tick": tick, "hash": h}


def write_replay(sim: Simulation, path: str | Path) -> Path:
    """Write `sim`'s replay atomically."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for obj in replay_lines(sim):
                fh.write(json.dumps(obj, separators=(",", ":")) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def read_replay(path: str | Path) -> Replay:
    """Parse and check a replay file; raises ReplayError naming the line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReplayError(f"{p}: no such replay file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReplayError(f"{p}: cannot read the replay ({exc})") from None
    lines = text.splitlines()
    if not lines:
        raise ReplayError(f"{p}: empty replay file")
    objs: list[dict[str, Any]] = []
    for i, line in enumerate(lines, 1):
        if len(line) > MAX_LINE:
            raise ReplayError(f"{p}: line {i} is too long")
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise ReplayError(f"{p}: line {i} is not JSON ({exc})") from None
        if not isinstance(obj, dict):
            raise ReplayError(f"{p}: line {i} must be a JSON object")
        objs.append(obj)
    head = objs[0]
    if head.get("replay") != "smile-studio":
        raise ReplayError(f"{p}: not a Smile Studio replay (line 1 has no replay header)")
    if head.get("format") != REPLAY_FORMAT:
        raise ReplayError(f"{p}: replay format {head.get('format')!r} is not {REPLAY_FORMAT}")
    try:
        balance = balance_from_dict(head["balance"], source=f"{p} (balance)")
        rep = Replay(
            path=p,
            level=str(head["level"]),
            level_hash=str(head["level_hash"]),
            seed=_int(head["seed"]),
            balance=balance,
            end_tick=_int(head["end_tick"]),
            end_hash=str(head["end_hash"]),
        )
    except BalanceError as exc:
        raise ReplayError(str(exc)) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise ReplayError(f"{p}: line 1: bad or missing header field ({exc})") from None
    if balance.digest() != head.get("balance_hash"):
        raise ReplayError(f"{p}: the balance in the header does not match its hash")
    for i, obj in enumerate(objs[1:], 2):
        try:
            if "command" in obj:
                cmd = Command.from_dict(obj["command"])
                rep.commands.append((_int(obj["submit"]), _int(obj["at"]), cmd))
            elif "day" in obj:
                rep.day_hashes.append((_int(obj["day"]), _int(obj["tick"]), str(obj["hash"])))
            else:
                raise ReplayError(f"{p}: line {i}: neither a command nor a day hash")
        except CommandError as exc:
            raise ReplayError(f"{p}: line {i}: {exc}") from None
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ReplayError):
                raise
            raise ReplayError(f"{p}: line {i}: bad field ({exc})") from None
    return rep


def _int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v < 2**63:
        raise ValueError(f"{v!r} is not a whole number >= 0")
    return v


def commands_by_tick(rep: Replay) -> dict[int, list[tuple[int, Command]]]:
    """The recorded commands grouped by the tick they were submitted at: (tick due, command)."""
    by_tick: dict[int, list[tuple[int, Command]]] = {}
    for submit, at, cmd in rep.commands:
        by_tick.setdefault(submit, []).append((at, cmd))
    return by_tick


def resubmit(sim: Simulation, due: list[tuple[int, Command]]) -> None:
    """Submit, at the current tick, what the recording submitted at this tick."""
    for at, cmd in due:
        sim.submit(cmd, None if at == sim.tick else at)


def replay(
    rep: Replay,
    level: LevelData | None = None,
    level_loader: Callable[[str | Path], LevelData] = load_level,
    stop_at_mismatch: bool = True,
    on_step: Callable[[Simulation], None] | None = None,
) -> VerifyResult:
    """Play `rep` headless to its end, checking every day's hash (and the final one)."""
    if level is None:
        try:
            level = level_loader(rep.level)
        except LevelError as exc:
            raise ReplayError(f"{rep.path}: its level cannot be loaded: {exc}") from None
    if level.file_hash != rep.level_hash:
        raise ReplayError(f"{rep.path}: the level {level.path} has changed since it was recorded")
    sim = Simulation(level, rep.balance, rep.seed)
    by_tick = commands_by_tick(rep)
    expected = {day: (tick, h) for day, tick, h in rep.day_hashes}
    checked = 0
    while sim.tick < rep.end_tick:
        resubmit(sim, by_tick.pop(sim.tick, []))
        sim.step()
        if on_step is not None:
            on_step(sim)
        if sim.day_hashes and sim.day_hashes[-1][1] == sim.tick:
            day, _tick, h = sim.day_hashes[-1]
            if day in expected:
                checked += 1
                if expected[day][1] != h and stop_at_mismatch:
                    return VerifyResult(
                        False, checked, f"day {day}: state hash differs from the recording", sim
                    )
    if sim.state_hash() != rep.end_hash:
        return VerifyResult(False, checked, f"the final state (tick {sim.tick}) differs", sim)
    return VerifyResult(True, checked, f"{checked} day(s) and the final state match", sim)
