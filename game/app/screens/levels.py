"""What the menus show about levels before one is played: the campaign's acts, the custom
levels found on disk (with the validator's verdict), and objectives in words.

`peek(path)` reads only a map's properties (title, act, intro...) so the campaign screen opens
at once; the custom-level screen checks each level with the real validator
(`game.level.validator.load_checked`) and keeps its problems to show instead of crashing.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from game.level.loader import LevelData, LevelError
from game.sim.objectives import KNOWN_METRICS, ObjectiveError, parse
from game.userdata import CAMPAIGN

logger = logging.getLogger(__name__)

MAX_PEEK_BYTES = 64 * 1024 * 1024


@dataclass(slots=True)
class LevelInfo:
    """A level's map properties as the menus need them."""

    path: Path
    title: str
    act: int = 0
    intro: str = ""
    win: str = ""
    lose: str = ""
    population: int = 0
    difficulty: str = "normal"
    start_credits: int = 0
    leads_available: tuple[str, ...] = ()
    leads_start: tuple[str, ...] = ()
    error: str = ""  # the file could not be read at all

    @classmethod
    def of(cls, level: LevelData) -> LevelInfo:
        p = level.properties
        return cls(
            path=Path(level.path),
            title=level.title,
            act=int(p.get("act", 0) or 0),
            intro=str(p.get("intro", "") or ""),
            win=str(p.get("win", "") or ""),
            lose=str(p.get("lose", "") or ""),
            population=int(p.get("population", 0) or 0),
            difficulty=str(p.get("difficulty", "normal") or "normal"),
            start_credits=int(p.get("start_credits", 0) or 0),
            leads_available=level.leads("leads_available"),
            leads_start=level.leads("leads_start"),
        )


def _split(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split(",") if x.strip())


def _int(text: str, default: int = 0) -> int:
    try:
        return int(float(text))
    except ValueError:
        return default


def peek(path: Path) -> LevelInfo:
    """The map properties of `path` without loading the map (never raises)."""
    info = LevelInfo(path=path, title=path.stem)
    try:
        if path.stat().st_size > MAX_PEEK_BYTES:
            raise ValueError("the file is implausibly large")
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError, ValueError, RecursionError) as exc:
        info.error = f"{path.name}: cannot be read ({exc})"
        return info
    props = {}
    node = root.find("properties")
    if node is not None:
        for p in node.findall("property"):
            value = p.get("value")
            if value is None:
                value = p.text or ""
            props[p.get("name", "")] = value
    info.title = props.get("title") or path.stem
    info.act = _int(props.get("act", "0"))
    info.intro = props.get("intro", "")
    info.win = props.get("win", "")
    info.lose = props.get("lose", "")
    info.population = _int(props.get("population", "10000"), 10000)
    info.difficulty = props.get("difficulty", "normal") or "normal"
    info.start_credits = _int(props.get("start_credits", "5000"), 5000)
    info.leads_available = _split(props.get("leads_available", "zara,roth,milo,arian"))
    info.leads_start = _split(props.get("leads_start", "zara"))
    return info


def campaign(levels_dir: Path) -> list[LevelInfo]:
    """The five acts in order (a missing file is listed with its error)."""
    out = []
    for stem in CAMPAIGN:
        path = levels_dir / f"{stem}.tmx"
        info = peek(path)
        if not path.exists():
            info.error = f"{path}: the level file is missing"
        out.append(info)
    return out


def next_act(stem: str) -> str | None:
    """The campaign act after `stem` (None after the last or for a non-campaign level)."""
    if stem in CAMPAIGN:
        i = CAMPAIGN.index(stem)
        if i + 1 < len(CAMPAIGN):
            return CAMPAIGN[i + 1]
    return None


# --------------------------------------------------------------------------- custom levels


@dataclass(slots=True)
class CustomLevel:
    """A .tmx found in a levels folder, and what the validator said (once checked)."""

    path: Path
    source: str  # 'shipped' or 'yours'
    info: LevelInfo
    checked: bool = False
    problems: list[str] = field(default_factory=list)  # errors, one a line
    warnings: list[str] = field(default_factory=list)
    level: LevelData | None = None  # once checked and valid (for the preview)

    @property
    def ok(self) -> bool:
        return self.checked and not self.problems

    def check(self) -> None:
        """Run the game's validator on the file; never raises."""
        from game.level.validator import LevelInvalid, load_checked, validate

        try:
            level = load_checked(self.path)
        except LevelInvalid as exc:
            self.problems = [
                p.format(self.path.name) for p in exc.problems if p.severity == "error"
            ]
            self.warnings = [
                p.format(self.path.name) for p in exc.problems if p.severity != "error"
            ]
        except LevelError as exc:
            self.problems = [line for line in str(exc).splitlines() if line.strip()]
        except Exception as exc:  # a user's file must never take the menu down
            logger.exception("%s: unexpected error while checking", self.path)
            self.problems = [f"{self.path.name}: unexpected error ({type(exc).__name__}: {exc})"]
        else:
            self.level = level
            self.info = LevelInfo.of(level)
            self.warnings = [
                p.format(self.path.name) for p in validate(level) if p.severity != "error"
            ]
        self.checked = True  # last: the menu reads the other fields once this is set


def find_levels(shipped: Path, user: Path) -> list[CustomLevel]:
    """Every .tmx in the shipped levels folder and the player's own, by folder then name."""
    out: list[CustomLevel] = []
    for folder, source in ((shipped, "shipped"), (user, "yours")):
        try:
            paths = sorted(p for p in folder.glob("*.tmx") if p.is_file())
        except OSError:
            continue
        for p in paths:
            out.append(CustomLevel(p, source, peek(p)))
    return out


# --------------------------------------------------------------------------- objectives

_OP_WORDS = {
    ">=": "at least",
    "<=": "at most",
    ">": "above",
    "<": "below",
    "==": "exactly",
    "!=": "not",
}
_COMPARE = re.compile(r"([A-Za-z_]+)\s*(>=|<=|==|!=|>|<)\s*(-?[0-9.]+)(\s*%)?")


def pretty_objective(text: str) -> str:
    """'leads >= 2 and traction < 0.6' -> 'leads at least 2 and traction below 60%'."""

    def one(m: re.Match[str]) -> str:
        metric, op, num, pct = m.group(1), m.group(2), m.group(3), m.group(4)
        info = KNOWN_METRICS.get(metric.lower())
        value = num
        try:
            v = float(num)
        except ValueError:
            v = None
        if v is not None and info is not None:
            if pct:
                value = f"{v:g}%"
            elif info.kind == "share" and abs(v) <= 1.0:
                value = f"{v * 100:g}%"
            elif info.kind == "credits":
                value = f"{v:,.0f} cr"
            else:
                value = f"{v:g}"
        return f"{metric.replace('_', ' ')} {_OP_WORDS[op]} {value}"

    return _COMPARE.sub(one, text.strip())


def metrics_in(text: str) -> list[tuple[str, str]]:
    """(metric, what it measures) for each known metric an objective names, in order."""
    if not text.strip():
        return []
    try:
        parse(text)
    except ObjectiveError:
        return []
    seen: list[tuple[str, str]] = []
    for m in _COMPARE.finditer(text):
        key = m.group(1).lower()
        if key in KNOWN_METRICS and key not in (m for m, _ in seen):
            seen.append((key, KNOWN_METRICS[key].doc))
    return seen
