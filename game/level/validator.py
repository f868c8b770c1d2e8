"""Check a loaded level against the contract and list every problem, one a line.

Rules (each problem names the layer, object id, name and type where there is one):

- exactly one studio; at least one venue, rally point and home;
- a lead spot for every lead the level lets the player recruit (`leads_available` minus
  `leads_start`), and `leads_start` within `leads_available`;
- objects inside the map, their centres not on solid tiles;
- every venue, rally point, lead spot, daytime zone and the studio reachable on foot from the
  homes (flood fill over the walkable grid), and every home able to reach the studio;
- property types and ranges (found by the loader through the schema);
- `win` / `lose` parse with the game's objective grammar and name only known metrics;
- population within its range and at most `schema.MAX_DENSITY` citizens a walkable tile;
- tilesets and their images found (the loader refuses missing tilesets outright).

Warnings (unknown object types, hidden layers, no districts...) do not make a level invalid.
`load_checked(path)` is what the game uses: it refuses a level with errors, listing them all.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from game.level import schema
from game.level.loader import LevelData, LevelError, LevelObject, Problem, load_level

LEAD_NAMES = {"zara": "Zara Kline", "roth": "Dr. Eli Roth", "milo": "Milo Trevane",
              "arian": "Arian Verus"}  # fmt: skip
# objects the crowd and the player must be able to walk to
MUST_REACH = ("studio", "venue", "rally_point", "lead", "daytime")


class LevelInvalid(LevelError):
    """A level that loads but breaks the contract; `problems` holds every error and warning."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        lines = [p.format(path) for p in errors]
        head = f"{path}: {len(errors)} problem{'s' if len(errors) != 1 else ''} in this level"
        super().__init__("\n".join([head, *lines]))


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def load_checked(path: str | Path) -> LevelData:
    """Load and validate; raises LevelError (unreadable) or LevelInvalid (problems)."""
    level = load_level(path)
    problems = validate(level)
    if errors_in(problems):
        raise LevelInvalid(Path(path), problems)
    return level


def validate(level: LevelData) -> list[Problem]:
    """Every problem with `level`: the loader's, then each rule's, in a stable order."""
    out = list(level.problems)
    out += _counts(level)
    out += _leads(level)
    out += _placement(level)
    out += _reachability(level)
    out += _population(level)
    out += _objectives(level)
    if not level.districts:
        out.append(Problem("", "no districts: every citizen gets the default tribe and "
                           "income", "warning"))  # fmt: skip
    if not level.of_type("daytime"):
        out.append(Problem("", "no daytime zones: citizens have nowhere to go by day", "warning"))
    if not level.tilesets:
        out.append(Problem("", "no tilesets: the map has no tiles to draw", "warning"))
    return out


# ------------------------------------------------------------------------------ rules
def _counts(level: LevelData) -> list[Problem]:
    out = []
    studios = level.of_type("studio")
    if not studios:
        out.append(Problem("", "no studio: place exactly one object of type 'studio'"))
    for extra in studios[1:]:
        out.append(
            Problem(extra.where(), f"is one of {len(studios)} studios: a level has exactly one")
        )
    for kind, what in (("venue", "venue"), ("rally_point", "rally point"), ("home", "home")):
        if not level.of_type(kind):
            out.append(Problem("", f"no {what}: place at least one object of type '{kind}'"))
    return out


def _leads(level: LevelData) -> list[Problem]:
    out = []
    available = level.leads("leads_available")
    start = level.leads("leads_start")
    for lead in start:
        if lead not in available:
            out.append(Problem("map properties",
                               f"leads_start names '{lead}', who is not in leads_available"))  # fmt: skip
    spots: dict[str, list[LevelObject]] = {}
    for o in level.of_type("lead"):
        spots.setdefault(str(o.properties.get("lead", "")), []).append(o)
    for lead in available:
        if lead not in start and lead not in spots:
            out.append(
                Problem(
                    "",
                    f"no lead spot for '{lead}': the level lets the player recruit "
                    f"{LEAD_NAMES.get(lead, lead)}, so place a 'lead' object with "
                    f"lead = {lead}",
                )  # fmt: skip
            )
    for lead, objs in spots.items():
        for o in objs[1:]:
            out.append(Problem(o.where(), f"is a second spot for '{lead}' (the first is used)",
                               "warning"))  # fmt: skip
        if lead not in available:
            out.append(Problem(objs[0].where(), f"is a spot for '{lead}', who is not in "
                               "leads_available (ignored)", "warning"))  # fmt: skip
    return out


def _tile_of(o: LevelObject) -> tuple[float, float]:
    return o.center if (o.points or o.width > 0) else (o.x, o.y)


def _placement(level: LevelData) -> list[Problem]:
    out = []
    w, h = level.width, level.height
    for o in level.objects:
        if o.type not in schema.OBJECT_TYPES:
            continue
        if o.points:
            xs = [p[0] for p in o.points]
            ys = [p[1] for p in o.points]
            x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        else:
            x0, y0, x1, y1 = o.x, o.y, o.x + o.width, o.y + o.height
        is_point = not o.points and (o.width <= 0 or o.height <= 0)
        if is_point:
            outside = not (0 <= x0 < w and 0 <= y0 < h)
        else:
            outside = x1 <= 0 or y1 <= 0 or x0 >= w or y0 >= h
        if outside:
            out.append(Problem(o.where(), f"is outside the map (at {x0:g}, {y0:g}; the map is "
                               f"{w}x{h} tiles)"))  # fmt: skip
            continue
        if o.type == "district":
            continue  # districts may run off the map edge
        if x0 < 0 or y0 < 0 or x1 > w or y1 > h:
            out.append(Problem(o.where(), f"reaches outside the map ({x0:g}, {y0:g} to "
                               f"{x1:g}, {y1:g}; the map is {w}x{h} tiles)"))  # fmt: skip
            continue
        cx, cy = _tile_of(o)
        tx, ty = min(int(math.floor(cx)), w - 1), min(int(math.floor(cy)), h - 1)
        if not level.walkable[ty, tx]:
            out.append(Problem(o.where(), f"stands on a solid tile at ({tx}, {ty}): its centre "
                               "must be on street, plaza or park"))  # fmt: skip
    return out


def components(walkable: np.ndarray) -> np.ndarray:
    """Label the 4-connected walkable areas (-1 for solid tiles)."""
    h, w = walkable.shape
    flat = walkable.ravel()
    label = np.full(h * w, -1, dtype=np.int32)
    n = 0
    for start in np.flatnonzero(flat):
        if label[start] >= 0:
            continue
        label[start] = n
        q = deque([int(start)])
        while q:
            i = q.popleft()
            y, x = divmod(i, w)
            for j, ok in ((i - 1, x > 0), (i + 1, x < w - 1), (i - w, y > 0), (i + w, y < h - 1)):
                if ok and flat[j] and label[j] < 0:
                    label[j] = n
                    q.append(j)
        n += 1
    return label.reshape(h, w)


def _cell(level: LevelData, o: LevelObject) -> tuple[int, int] | None:
    cx, cy = _tile_of(o)
    tx, ty = int(math.floor(cx)), int(math.floor(cy))
    if 0 <= tx < level.width and 0 <= ty < level.height and level.walkable[ty, tx]:
        return tx, ty
    return None


def _reachability(level: LevelData) -> list[Problem]:
    homes = [(o, _cell(level, o)) for o in level.of_type("home")]
    homes = [(o, c) for o, c in homes if c is not None]
    if not homes:
        return []
    labels = components(level.walkable)
    home_areas = {int(labels[c[1], c[0]]) for _, c in homes}
    out = []
    for o in level.objects:
        if o.type not in MUST_REACH:
            continue
        c = _cell(level, o)
        if c is None:
            continue  # reported by _placement
        if int(labels[c[1], c[0]]) not in home_areas:
            out.append(Problem(o.where(), "cannot be reached on foot from any home (walls or "
                               "water cut it off)"))  # fmt: skip
    studios = [_cell(level, s) for s in level.of_type("studio")]
    if len(studios) == 1 and studios[0] is not None:
        studio_area = int(labels[studios[0][1], studios[0][0]])
        if studio_area in home_areas:
            for o, c in homes:
                if int(labels[c[1], c[0]]) != studio_area:
                    out.append(Problem(o.where(), "is cut off from the studio: its citizens "
                                       "could never walk there"))  # fmt: skip
    return out


def _population(level: LevelData) -> list[Problem]:
    pop = level.properties.get("population")
    bad = any(p.where == "map properties" and p.message.startswith("population ")
              for p in level.problems)  # fmt: skip
    if not isinstance(pop, int) or bad:
        return []
    cells = int(level.walkable.sum())
    limit = int(cells * schema.MAX_DENSITY)
    if pop > limit:
        return [
            Problem(
                "map properties",
                f"population {pop} is too many for {cells} walkable "
                f"tiles (at most {schema.MAX_DENSITY:g} a tile: {limit})",
            )  # fmt: skip
        ]
    return []


def _objectives(level: LevelData) -> list[Problem]:
    try:
        from game.sim.objectives import ObjectiveError, parse
    except ImportError:  # the objective grammar is not part of this build
        return [Problem("map properties", "win/lose not checked: the objective grammar "
                        "(game/sim/objectives.py) is missing", "warning")]  # fmt: skip
    out = []
    for key in ("win", "lose"):
        text = str(level.properties.get(key) or "")
        if not text.strip():
            continue
        try:
            parse(text)
        except ObjectiveError as exc:
            out.append(Problem("map properties", f"{key}: {exc}"))
    act = level.properties.get("act")
    if isinstance(act, int) and act >= 1 and not str(level.properties.get("win") or "").strip():
        out.append(Problem("map properties", f"act {act} has no win objective: the level can "
                           "never be won", "warning"))  # fmt: skip
    return out


# ------------------------------------------------------------------------------ command line
def check_paths(paths: Iterable[str | Path], emit=print) -> int:  # noqa: ANN001 - a callable
    """The `validate-level` command: 0 all clean, 1 problems, 2 a file could not be read."""
    status = 0
    for path in paths:
        try:
            level = load_level(path)
        except LevelError as exc:
            emit(str(exc))
            status = 2
            continue
        problems = validate(level)
        for p in problems:
            emit(p.format(path))
        errors = errors_in(problems)
        if errors:
            status = max(status, 1)
        else:
            warn = len(problems)
            extra = f", {warn} warning{'s' if warn != 1 else ''}" if warn else ""
            emit(f"{path}: ok ({level.width}x{level.height} tiles, {len(level.objects)} "
                 f"objects{extra})")  # fmt: skip
    return status
