"""Saves: a versioned zip of `state.json` (everything but the crowd) and `crowd.npz`.

No pickle anywhere: components are JSON (rebuilt by class name from `COMPONENTS`), crowd arrays
are `.npz` read with `allow_pickle=False`. Writing is atomic (temp file in the same folder,
flush + fsync, `os.replace`, fsync of the folder), so a crash during a save leaves the previous
save intact. Loading checks everything (format version, level hash, array names, shapes, dtypes,
finite values, ranges, component fields, and finally that the rebuilt state hashes to the hash
recorded at save time) before it returns a new `Simulation`; a bad file raises `SaveError` with
one readable line and nothing running is touched.
"""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import esper
import numpy as np

from game import __version__
from game.level.loader import LevelData, LevelError, load_level
from game.sim.balance import BalanceError, balance_from_dict
from game.sim.commands import Command, CommandError
from game.sim.components import COMPONENTS
from game.sim.messages import Message
from game.sim.simulation import Outcome, Simulation

logger = logging.getLogger(__name__)

SAVE_FORMAT = 1
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # refuse zip members that would unpack larger than this
MAX_STATE_JSON_BYTES = 256 * 1024 * 1024

# Migrations: version N -> N+1, applied in a chain to older saves' state dicts.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class SaveError(ValueError):
    """A save that cannot be written or loaded; the message names the file and the problem."""


@dataclass(slots=True)
class LoadResult:
    sim: Simulation
    warnings: list[str] = field(default_factory=list)


def walkable_digest(level: LevelData) -> str:
    import hashlib

    return hashlib.sha256(
        np.packbits(level.walkable).tobytes() + bytes(str(level.walkable.shape), "ascii")
    ).hexdigest()


# --------------------------------------------------------------------------- writing


def save_state(sim: Simulation) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The JSON part and the arrays of a save."""
    state: dict[str, Any] = {
        "format_version": SAVE_FORMAT,
        "game_version": __version__,
        "level_path": str(sim.level.path),
        "level_hash": sim.level.file_hash,
        "walkable_hash": walkable_digest(sim.level),
        "balance": sim.balance.to_dict(),
        "seed": sim.seed,
        "tick": sim.tick,
        "next_entity": sim.next_entity_id(),
        "rng": sim.rng.bit_generator.state,
        "outcome": dataclasses.asdict(sim.outcome),
        "queue": {str(t): [c.to_dict() for c in cs] for t, cs in sorted(sim._queue.items())},
        "components": sim.components_snapshot(),
        "metrics": sim.metrics.to_dict(),
        "crowd": {"capacity": sim.crowd.capacity, "n": sim.crowd.n, "next_uid": sim.crowd.next_uid},
        "command_log": [[s, t, c] for s, t, c in sim.command_log],
        "day_hashes": [list(x) for x in sim.day_hashes],
        "messages": [m.to_dict() for m in list(sim.message_log)[-300:]],
        "state_hash": sim.state_hash(),
    }
    arrays = {name: np.ascontiguousarray(a) for name, a in sim.crowd.arrays().items()}
    return state, arrays


def save_game(sim: Simulation, path: str | Path) -> Path:
    """Write `sim` to `path` atomically; raises SaveError (the old file is left intact)."""
    target = Path(path)
    state, arrays = save_state(sim)
    npz = io.BytesIO()
    np.savez_compressed(npz, **arrays)  # type: ignore[arg-type]
    blob = json.dumps(state, separators=(",", ":")).encode()
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SaveError(f"{target}: cannot write the save ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("state.json", blob)
                zf.writestr("crowd.npz", npz.getvalue())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise SaveError(f"{target}: cannot write the save ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _fsync_dir(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not supported on this platform
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


# --------------------------------------------------------------------------- reading


def read_save(path: str | Path) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Read and structurally check a save file; raises SaveError."""
    p = Path(path)
    try:
        with zipfile.ZipFile(p) as zf:
            infos = {i.filename: i for i in zf.infolist()}
            for name in ("state.json", "crowd.npz"):
                if name not in infos:
                    raise SaveError(f"{p}: not a Smile Studio save (no {name} inside)")
            if infos["state.json"].file_size > MAX_STATE_JSON_BYTES:
                raise SaveError(f"{p}: state.json is implausibly large")
            if infos["crowd.npz"].file_size > MAX_MEMBER_BYTES:
                raise SaveError(f"{p}: crowd.npz is implausibly large")
            raw_state = zf.read("state.json")
            raw_npz = zf.read("crowd.npz")
    except SaveError:
        raise
    except FileNotFoundError:
        raise SaveError(f"{p}: no such save file") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise SaveError(f"{p}: not a readable save ({exc})") from None
    except OSError as exc:
        raise SaveError(f"{p}: cannot read the save ({exc.strerror or exc})") from None
    except Exception as exc:  # zlib.error and friends from a corrupted member
        raise SaveError(f"{p}: the save is corrupted ({type(exc).__name__}: {exc})") from None
    try:
        state = json.loads(raw_state)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise SaveError(f"{p}: state.json is not valid JSON ({exc})") from None
    if not isinstance(state, dict):
        raise SaveError(f"{p}: state.json must hold an object")
    state = _migrate(state, p)
    try:
        with np.load(io.BytesIO(raw_npz), allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
    except Exception as exc:  # np.load raises many kinds on garbage
        raise SaveError(f"{p}: crowd.npz is not readable ({type(exc).__name__}: {exc})") from None
    return state, arrays


def _migrate(state: dict[str, Any], p: Path) -> dict[str, Any]:
    version = state.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(f"{p}: no save format version")
    if version > SAVE_FORMAT:
        raise SaveError(
            f"{p}: save format {version} is newer than this game understands ({SAVE_FORMAT}); "
            "update the game to load it"
        )
    while version < SAVE_FORMAT:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SaveError(f"{p}: save format {version} is too old to upgrade")
        state = step(state)
        version += 1
        state["format_version"] = version
    return state


def load_game(
    path: str | Path,
    level: LevelData | None = None,
    level_loader: Callable[[str | Path], LevelData] = load_level,
) -> LoadResult:
    """Rebuild a simulation from a save. `level` defaults to the level file the save names."""
    p = Path(path)
    state, arrays = read_save(p)
    warnings: list[str] = []

    def need(key: str, kind: type | tuple[type, ...]) -> Any:
        v = state.get(key)
        if not isinstance(v, kind) or isinstance(v, bool) and kind is not bool:
            raise SaveError(f"{p}: '{key}' is missing or has the wrong type")
        return v

    if level is None:
        try:
            level = level_loader(need("level_path", str))
        except LevelError as exc:
            raise SaveError(f"{p}: its level cannot be loaded: {exc}") from None
    if need("level_hash", str) != level.file_hash:
        if need("walkable_hash", str) != walkable_digest(level):
            raise SaveError(
                f"{p}: the level {level.path} has changed its walkable map since this save; "
                "the save cannot be loaded on it"
            )
        warnings.append(f"the level file {level.path} has changed since this save was made")
    try:
        balance = balance_from_dict(need("balance", dict), source=f"{p} (balance)")
    except BalanceError as exc:
        raise SaveError(str(exc)) from None
    tick = need("tick", int)
    if tick < 0:
        raise SaveError(f"{p}: tick {tick} is negative")

    sim = Simulation(level, balance, need("seed", int), fresh=False)
    try:
        _restore(sim, state, arrays, p)
    except SaveError:
        sim.close()
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        sim.close()
        raise SaveError(f"{p}: the save is inconsistent ({type(exc).__name__}: {exc})") from None
    if sim.state_hash() != state.get("state_hash"):
        sim.close()
        raise SaveError(f"{p}: the restored state does not match the save's checksum")
    return LoadResult(sim, warnings)


def _restore(
    sim: Simulation, state: dict[str, Any], arrays: dict[str, np.ndarray], p: Path
) -> None:
    sim.tick = int(state["tick"])
    try:
        sim.rng.bit_generator.state = state["rng"]
    except (TypeError, ValueError, KeyError) as exc:
        raise SaveError(f"{p}: the random generator state is invalid ({exc})") from None
    out = state["outcome"]
    sim.outcome = Outcome(str(out["status"]), str(out["reason"]))
    queue = state["queue"]
    try:
        sim._queue = {int(t): [Command.from_dict(c) for c in cs] for t, cs in queue.items()}
        sim.command_log = [
            (int(s), int(t), Command.from_dict(c).to_dict()) for s, t, c in state["command_log"]
        ]
    except CommandError as exc:
        raise SaveError(f"{p}: a saved command is invalid: {exc}") from None
    sim.day_hashes = [(int(d), int(t), str(h)) for d, t, h in state["day_hashes"]]
    m = state["metrics"]
    sim.metrics.ticks = [int(t) for t in m["ticks"]]
    sim.metrics.series = {str(k): [float(v) for v in vs] for k, vs in m["series"].items()}
    for md in state["messages"]:
        pos = tuple(md["pos"]) if md.get("pos") is not None else None
        sim.message_log.append(
            Message(
                int(md["tick"]), str(md["kind"]), str(md["text"]), dict(md.get("data", {})), pos
            )
        )  # type: ignore[arg-type]
    _restore_components(sim, state["components"], int(state["next_entity"]), p)
    _restore_crowd(sim, state["crowd"], arrays, p)


def _restore_components(sim: Simulation, snapshot: list[Any], next_entity: int, p: Path) -> None:
    sim.activate()
    esper.clear_database()
    last = 0
    for ent, comps in snapshot:
        ent = int(ent)
        if ent <= last:
            raise SaveError(f"{p}: entity ids are not increasing ({ent})")
        last = ent
        built = []
        for name, fields in comps:
            cls = COMPONENTS.get(name)
            if cls is None:
                raise SaveError(f"{p}: unknown component '{name}' on entity {ent}")
            names = {f.name for f in dataclasses.fields(cls)}
            if not isinstance(fields, dict) or set(fields) != names:
                raise SaveError(f"{p}: component {name} on entity {ent} has wrong fields")
            built.append(cls(**fields))
        sim.set_next_entity_id(ent)
        if esper.create_entity(*built) != ent:
            raise SaveError(f"{p}: entity {ent} could not be restored with its id")
    if next_entity <= last:
        raise SaveError(f"{p}: next entity id {next_entity} is not above the last one ({last})")
    sim.set_next_entity_id(next_entity)


def _restore_crowd(
    sim: Simulation, meta: dict[str, Any], arrays: dict[str, np.ndarray], p: Path
) -> None:
    crowd = sim.crowd
    n = int(meta["n"])
    capacity = int(meta["capacity"])
    if not 0 <= n <= capacity <= 10_000_000:
        raise SaveError(f"{p}: crowd size {n} / capacity {capacity} is not plausible")
    fresh = type(crowd)(capacity)
    sim.crowd = fresh
    expected = fresh.arrays()  # n = 0: names, dtypes and trailing shapes
    if set(arrays) != set(expected):
        missing = sorted(set(expected) - set(arrays))
        extra = sorted(set(arrays) - set(expected))
        raise SaveError(f"{p}: crowd arrays differ (missing {missing}, unexpected {extra})")
    for name, ref in expected.items():
        a = arrays[name]
        if a.dtype != ref.dtype or a.shape != (n, *ref.shape[1:]):
            raise SaveError(
                f"{p}: crowd array '{name}' is {a.dtype}{a.shape}, expected {ref.dtype}{(n, *ref.shape[1:])}"
            )
        if a.dtype.kind == "f" and not np.isfinite(a).all():
            raise SaveError(f"{p}: crowd array '{name}' holds non-finite values")
    op = arrays["opinion"]
    if len(op) and (op.min() < -1 or op.max() > 1):
        raise SaveError(f"{p}: crowd opinions outside [-1, 1]")
    pos = arrays["pos"]
    lv = sim.level
    if len(pos) and (
        pos.min() < 0 or (pos[:, 0] >= lv.width).any() or (pos[:, 1] >= lv.height).any()
    ):
        raise SaveError(f"{p}: citizens outside the map")
    next_uid = int(meta["next_uid"])
    _check_crowd_ranges(sim, arrays, n, next_uid, p)
    fresh.n = n
    fresh.next_uid = next_uid
    for name in expected:
        getattr(fresh, name)[:n] = arrays[name]


def _check_crowd_ranges(
    sim: Simulation, a: dict[str, np.ndarray], n: int, next_uid: int, p: Path
) -> None:
    """Every index a crowd array holds must point at something that exists."""
    from game.sim import crowd as C

    lv = sim.level
    nav = C.Navigation(lv)
    places = len(nav.homes) + len(nav.day_zones)
    limits = {
        "state": (0, C.IN_STUDIO),
        "tribe": (0, len(sim.balance.tribes) - 1),
        "income": (0, 2),
        "district": (-1, len(lv.districts) - 1),
        "home": (0, len(nav.homes) - 1),
        "day_zone": (0, len(nav.day_zones) - 1),
        "goal": (min(C.GOAL_ATTRACTOR, C.GOAL_STUDIO), places),
        "cell": (0, lv.width * lv.height - 1),
        "leave_minute": (0, 24 * 60),
        "return_minute": (0, 24 * 60),
        "uid": (0, next_uid - 1),
        "log_tick": (-1, 2**31 - 1),
    }
    for name, (lo, hi) in limits.items():
        arr = a.get(name)
        if arr is None or not len(arr):
            continue
        if int(arr.min()) < lo or int(arr.max()) > hi:
            raise SaveError(f"{p}: crowd array '{name}' holds values outside {lo}..{hi}")
    if n and len(np.unique(a["uid"])) != n:
        raise SaveError(f"{p}: crowd uids are not unique")
    if "speed" in a and len(a["speed"]) and (a["speed"].min() < 0 or a["speed"].max() > 10):
        raise SaveError(f"{p}: crowd walking speeds are not plausible")
    if n and "cell" in a:
        xy = a["pos"].astype(np.int64)
        if not np.array_equal(a["cell"], xy[:, 1] * lv.width + xy[:, 0]):
            raise SaveError(f"{p}: crowd cells do not match positions")
        if not lv.walkable.ravel()[a["cell"]].all():
            raise SaveError(f"{p}: citizens stand in walls")
