"""Balance sweeps: many seeded headless games (levels × policies × seeds) on every local core or a
Dask cluster, written to CSV files a balance designer reads.

Each game's seed comes from the root seed and the game's index (`numpy.random.SeedSequence`), so
a result never depends on which worker ran it, and every policy plays the same seeds (paired
comparison). A failing game is recorded with its traceback in `failures.csv` and the sweep goes
on; `resume` skips games already in `games.csv`. Every game leaves a replay in `replays/`, and
its row carries the command that verifies it.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from game import __version__

logger = logging.getLogger(__name__)

FINAL_METRICS = (
    "support",
    "traction",
    "mean_opinion",
    "credits",
    "customers",
    "trust",
    "reputation",
    "momentum",
    "equity",
    "cohesion",
    "leads",
    "events_held",
    "clashes_won",
)
SERIES_METRICS = ("support", "traction", "credits", "customers", "trust", "momentum")
GAME_COLUMNS = (
    "level",
    "policy",
    "seed_index",
    "seed",
    "outcome",
    "reason",
    "day_ended",
    *FINAL_METRICS,
    "state_hash",
    "wall_seconds",
    "replay",
    "reproduce",
)
FAILURE_COLUMNS = ("level", "policy", "seed_index", "seed", "error", "traceback")
SERIES_COLUMNS = ("game", "hour", "metric", "value")


class SweepError(ValueError):
    """Bad sweep arguments (unknown policy, bad level...): one readable line."""


@dataclass(frozen=True, slots=True)
class GameSpec:
    """One game of a sweep; everything a worker needs, picklable and JSON-safe."""

    level: str
    policy: str
    seed_index: int
    seed: int
    days: int
    overrides: tuple[tuple[str, str], ...]
    out_dir: str

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.level, self.policy, self.seed_index)

    @property
    def game_id(self) -> str:
        return f"{Path(self.level).stem}|{self.policy}|{self.seed_index}"


def derive_seed(root_seed: int, index: int) -> int:
    """The seed of game `index` under `root_seed` (the same for every policy and level)."""
    return int(
        np.random.SeedSequence([int(root_seed), int(index)]).generate_state(1, np.uint64)[0] >> 1
    )


def parse_seed_range(text: str) -> range:
    """'0:200' -> range(0, 200); '5' -> range(5, 6)."""
    try:
        if ":" in text:
            a, b = text.split(":", 1)
            r = range(int(a), int(b))
        else:
            r = range(int(text), int(text) + 1)
    except ValueError:
        raise SweepError(f"--seeds '{text}' is not a range like 0:200") from None
    if len(r) == 0 or r.start < 0:
        raise SweepError(f"--seeds '{text}' is an empty or negative range")
    return r


# --------------------------------------------------------------------------- one game

_LEVELS: dict[str, Any] = {}
_BALANCES: dict[tuple[tuple[str, str], ...], Any] = {}


def _level(path: str) -> Any:
    from game.level import load_level

    if path not in _LEVELS:
        _LEVELS[path] = load_level(path)
    return _LEVELS[path]


def _balance(overrides: tuple[tuple[str, str], ...]) -> Any:
    from game.sim.balance import load_balance

    if overrides not in _BALANCES:
        _BALANCES[overrides] = load_balance(None, dict(overrides))
    return _BALANCES[overrides]


def play_game(spec: GameSpec) -> dict[str, Any]:
    """Play one game; returns {"row": ..., "series": [...]} or {"failure": ...}. Never raises."""
    t0 = time.perf_counter()
    try:
        from game.headless.policies import make_policy
        from game.headless.replay import write_replay
        from game.sim import calendar
        from game.sim.simulation import Simulation

        sim = Simulation(_level(spec.level), _balance(spec.overrides), spec.seed)
        try:
            policy = make_policy(spec.policy, spec.seed)
            end = spec.days * calendar.TICKS_PER_DAY
            while sim.tick < end and not sim.finished:
                sim.step(policy.decide(sim))
            from game.sim.systems.metrics import sample

            final = sample(sim)
            replay_path = (
                Path(spec.out_dir)
                / "replays"
                / (f"{Path(spec.level).stem}__{spec.policy}__{spec.seed_index}.jsonl")
            )
            write_replay(sim, replay_path)
            row: dict[str, Any] = {
                "level": spec.level,
                "policy": spec.policy,
                "seed_index": spec.seed_index,
                "seed": spec.seed,
                "outcome": sim.outcome.status,
                "reason": sim.outcome.reason,
                "day_ended": sim.day if sim.finished else spec.days,
                **{m: _fmt(final[m]) if m in final else "" for m in FINAL_METRICS},
                "state_hash": sim.state_hash(),
                "wall_seconds": round(time.perf_counter() - t0, 3),
                "replay": str(replay_path),
                "reproduce": f"python main.py replay {replay_path} --verify",
            }
            series = []
            for metric in SERIES_METRICS:
                for hour, value in enumerate(sim.metrics.series.get(metric, [])):
                    series.append(
                        {"game": spec.game_id, "hour": hour, "metric": metric, "value": _fmt(value)}
                    )
            return {"row": row, "series": series}
        finally:
            sim.close()
    except Exception as exc:  # a failing game is a result, not the end of the sweep
        return {
            "failure": {
                "level": spec.level,
                "policy": spec.policy,
                "seed_index": spec.seed_index,
                "seed": spec.seed,
                "error": f"{type(exc).__name__}: {exc}",
                "traceback": traceback.format_exc(),
            }
        }


def play_batch(specs: Sequence[GameSpec]) -> list[dict[str, Any]]:
    """Several games in one task (Dask batches games to keep task overhead low)."""
    return [play_game(s) for s in specs]


def _fmt(v: float) -> str:
    return repr(float(v)) if math.isfinite(v) else "nan"


# --------------------------------------------------------------------------- the sweep


@dataclass(slots=True)
class SweepResult:
    out: Path
    games_run: int
    skipped: int
    failures: int
    wall_seconds: float


def plan(
    levels: Sequence[str],
    policies: Sequence[str],
    seeds: range,
    days: int,
    overrides: dict[str, str],
    root_seed: int,
    out: Path,
) -> list[GameSpec]:
    ov = tuple(sorted(overrides.items()))
    return [
        GameSpec(str(level), policy, i, derive_seed(root_seed, i), days, ov, str(out))
        for level in levels
        for policy in policies
        for i in seeds
    ]


def done_keys(out: Path) -> set[tuple[str, str, int]]:
    """Games already recorded in `out/games.csv` (for --resume)."""
    path = out / "games.csv"
    keys: set[tuple[str, str, int]] = set()
    if not path.exists():
        return keys
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            try:
                if row.get("reproduce"):  # a complete row (a killed sweep may leave half a line)
                    keys.add((row["level"], row["policy"], int(row["seed_index"])))
            except (KeyError, TypeError, ValueError):
                continue
    return keys


class _CsvAppender:
    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        new = not path.exists() or path.stat().st_size == 0
        self.fh = path.open("a", newline="", encoding="utf-8")
        self.writer = csv.DictWriter(self.fh, fieldnames=list(columns))
        if new:
            self.writer.writeheader()

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        self.writer.writerows(rows)
        self.fh.flush()

    def close(self) -> None:
        self.fh.close()


def run_sweep(
    levels: Sequence[str],
    policies: Sequence[str],
    seeds: range,
    out: Path,
    days: int = 14,
    overrides: dict[str, str] | None = None,
    jobs: int | None = None,
    dask_address: str | None = None,
    resume: bool = False,
    root_seed: int = 2145,
    progress: bool = True,
    argv: Sequence[str] = (),
    client_factory: Callable[[str], Any] | None = None,
) -> SweepResult:
    """Run every game of the sweep and write the CSVs and the manifest into `out`."""
    from game.headless.policies import POLICIES
    from game.level import LevelError
    from game.sim.balance import BalanceError

    overrides = dict(overrides or {})
    for name in policies:
        if name not in POLICIES:
            raise SweepError(f"unknown policy '{name}' (known: {', '.join(sorted(POLICIES))})")
    try:
        _balance(tuple(sorted(overrides.items())))
        level_hashes = {str(lv): _level(str(lv)).file_hash for lv in levels}
    except (LevelError, BalanceError) as exc:
        raise SweepError(str(exc)) from None
    out.mkdir(parents=True, exist_ok=True)
    if not resume and (out / "games.csv").exists():
        raise SweepError(f"{out} already holds a sweep: use --resume or another --out")
    specs = plan(levels, policies, seeds, days, overrides, root_seed, out)
    skip = done_keys(out) if resume else set()
    todo = [s for s in specs if s.key not in skip]
    manifest = {
        "command_line": list(argv),
        "game_version": __version__,
        "git_commit": _git_commit(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "platform": platform.platform(),
        "root_seed": root_seed,
        "levels": level_hashes,
        "policies": list(policies),
        "seeds": [seeds.start, seeds.stop],
        "days": days,
        "balance_overrides": overrides,
        "games_planned": len(specs),
        "games_skipped": len(specs) - len(todo),
        "jobs": jobs or os.cpu_count(),
        "dask": dask_address,
    }
    _write_json(out / "manifest.json", manifest)
    t0 = time.perf_counter()
    games = _CsvAppender(out / "games.csv", GAME_COLUMNS)
    failures = _CsvAppender(out / "failures.csv", FAILURE_COLUMNS)
    series = _CsvAppender(out / "timeseries.csv", SERIES_COLUMNS)
    n_fail = 0
    bar = _progress(len(todo), progress)
    try:
        for result in _execute(todo, jobs, dask_address, client_factory):
            if "failure" in result:
                n_fail += 1
                failures.write([result["failure"]])
                logger.warning("game failed: %s", result["failure"]["error"])
            else:
                games.write([result["row"]])
                series.write(result["series"])
            bar.update(1)
    finally:
        bar.close()
        games.close()
        failures.close()
        series.close()
    _sort_csv(out / "games.csv", GAME_COLUMNS)
    wall = time.perf_counter() - t0
    manifest.update(games_run=len(todo), failures=n_fail, wall_seconds=round(wall, 2))
    _write_json(out / "manifest.json", manifest)
    return SweepResult(out, len(todo), len(specs) - len(todo), n_fail, wall)


def _execute(
    todo: list[GameSpec],
    jobs: int | None,
    dask_address: str | None,
    client_factory: Callable[[str], Any] | None,
) -> Iterator[dict[str, Any]]:
    if not todo:
        return
    if dask_address:
        yield from _execute_dask(todo, dask_address, client_factory)
        return
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        for spec in todo:
            yield play_game(spec)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn")  # no fork: each worker imports the game afresh
    with ctx.Pool(processes=jobs, maxtasksperchild=50) as pool:
        yield from pool.imap_unordered(play_game, todo, chunksize=1)


def _execute_dask(
    todo: list[GameSpec], address: str, client_factory: Callable[[str], Any] | None
) -> Iterator[dict[str, Any]]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise SweepError(
            "--dask needs the cluster extra: pip install 'smile-studio[cluster]'"
        ) from None
    client = client_factory(address) if client_factory else Client(address)
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        size = max(1, min(16, len(todo) // (workers * 4) or 1))
        batches = [todo[i : i + size] for i in range(0, len(todo), size)]
        futures = client.map(play_batch, batches, pure=False)
        for fut in as_completed(futures):
            yield from fut.result()
    finally:
        if client_factory is None:
            client.close()


def _progress(total: int, enabled: bool) -> Any:
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        enabled = False
    if not enabled:

        class _Null:
            def update(self, n: int) -> None: ...
            def close(self) -> None: ...

        return _Null()
    return tqdm(total=total, unit="game", desc="sweep", file=sys.stderr, smoothing=0.1)


def _sort_csv(path: Path, columns: Sequence[str]) -> None:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("reproduce")]
    rows.sort(key=lambda r: (r["level"], r["policy"], int(r["seed_index"])))
    _atomic_write(path, lambda fh: _write_rows(fh, columns, rows))


def _write_rows(fh: Any, columns: Sequence[str], rows: list[dict[str, Any]]) -> None:
    w = csv.DictWriter(fh, fieldnames=list(columns))
    w.writeheader()
    w.writerows(rows)


def _write_json(path: Path, obj: Any) -> None:
    _atomic_write(path, lambda fh: json.dump(obj, fh, indent=2, sort_keys=True))


def _atomic_write(path: Path, writer: Callable[[Any], None]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            cwd=Path(__file__).resolve().parent,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def spec_dict(spec: GameSpec) -> dict[str, Any]:
    return asdict(spec)
