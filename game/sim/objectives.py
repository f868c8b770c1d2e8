"""The objective grammar of a level's `win` and `lose` map properties: parse, evaluate, progress.

A level designer writes objectives as text in Tiled; the game parses them itself (never `eval`):

    win  = "leads >= 2 and customers >= 40 by day 5"
    lose = "credits < 0 for 2 days or traction >= 60% for 3 days"

Grammar (keywords and metric names are case-insensitive)::

    objective  := either
    either     := all ("or" all)*
    all        := unit ( "and" unit | modifier )*
    modifier   := "for" INT ("day" | "days")  |  "by" "day" INT
    unit       := "(" either ")"  |  METRIC OP NUMBER ["%"]
    OP         := "<" | "<=" | ">" | ">=" | "==" | "!="

`and` binds tighter than `or`. A modifier applies to everything before it up to the nearest `or`,
opening parenthesis or earlier modifier: `a and b by day 5` is `(a and b) by day 5`, and
`a for 2 days and b` is `(a for 2 days) and b`.

Meaning:

- a comparison is true while the metric compares true (metrics are the hourly city metrics);
- `X for N days` is true once X held at the end of N days in a row (it is checked every night);
- `X by day D` is true once X held at any check up to the end of day D, and stays true; if day D
  ends without it, it can never be met (`Verdict.failed`), which loses a level whose `win` it is.

Evaluation state (streaks, latches) is a list of ints, one slot per node, that the caller keeps
in a component so it is hashed and saved. `progress` reads it without changing it, for the UI:
"customers 23/40 · day 3 of 5".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Literal


class ObjectiveError(ValueError):
    """An objective text that does not parse; the message names the column and what was expected."""


MetricKind = Literal["count", "credits", "share", "score", "flag", "day", "opinion"]


@dataclass(frozen=True, slots=True)
class MetricInfo:
    """What a metric measures and how to show it."""

    kind: MetricKind
    doc: str


# Every metric an objective may name. Each is produced by a source in game/sim/systems/metrics.py
# (tests/sim/test_objectives.py checks that every one of them is sampled).
KNOWN_METRICS: dict[str, MetricInfo] = {
    "advocates": MetricInfo("count", "citizens made advocates at community workshops"),
    "clashes_lost": MetricInfo("count", "clashes with a rally that the Pure Smiles won"),
    "clashes_won": MetricInfo("count", "clashes with a rally that your event won"),
    "cohesion": MetricInfo("share", "tribe cohesion, 0 (divided) to 1 (united)"),
    "credits": MetricInfo("credits", "the studio's credits"),
    "customers": MetricInfo("count", "customers served since the level began"),
    "customized": MetricInfo("share", "share of citizens with a customized smile"),
    "day": MetricInfo("day", "the day number, 1 on the first day"),
    "equity": MetricInfo("share", "customization rate of the lowest income band over the highest"),
    "events_held": MetricInfo("count", "counter-events held to their end"),
    "incidents": MetricInfo("count", "failed advanced procedures"),
    "leads": MetricInfo("count", "leads recruited (Zara counts)"),
    "living_gallery_held": MetricInfo("flag", "1 once The Living Gallery has been held"),
    "mean_opinion": MetricInfo("opinion", "the city's mean opinion, -1 to 1"),
    "momentum": MetricInfo("score", "Pure Smiles momentum, 0 to 100"),
    "reputation": MetricInfo("score", "the studio's reputation, 0 to 100"),
    "support": MetricInfo("share", "share of citizens with opinion above 0.2"),
    "traction": MetricInfo("share", "share of citizens with opinion below -0.2"),
    "trust": MetricInfo("score", "the city's trust in the studio, 0 to 100"),
    "workshop_districts": MetricInfo("count", "districts that have held a community workshop"),
}

OPS = ("<=", ">=", "==", "!=", "<", ">")
_OP_TEXT = "<, <=, >, >=, ==, !="
MAX_TEXT = 2000
MAX_DEPTH = 32
MAX_DAYS = 10_000


# --------------------------------------------------------------------------- syntax tree


@dataclass(frozen=True, slots=True)
class Compare:
    metric: str
    op: str
    value: float
    col: int


@dataclass(frozen=True, slots=True)
class All:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Either:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class ForDays:
    inner: Node
    days: int
    slot: int  # state: the streak of day-ends at which `inner` held


@dataclass(frozen=True, slots=True)
class ByDay:
    inner: Node
    day: int
    slot: int  # state: 1 once `inner` held on or before `day`


Node = Compare | All | Either | ForDays | ByDay


@dataclass(frozen=True, slots=True)
class Objective:
    """A parsed objective. `size` is the length of its state list."""

    text: str
    root: Node
    size: int  # stateful nodes (for / by): one int each

    def metrics(self) -> set[str]:
        """Every metric the objective names."""
        out: set[str] = set()
        stack: list[Node] = [self.root]
        while stack:
            node = stack.pop()
            if isinstance(node, Compare):
                out.add(node.metric)
            elif isinstance(node, (All, Either)):
                stack.extend(node.items)
            else:
                stack.append(node.inner)
        return out

    def new_state(self) -> list[int]:
        return [0] * self.size


# --------------------------------------------------------------------------- parsing

_TOKEN = re.compile(
    r"(?P<num>-?(?:\d+\.?\d*|\.\d+))(?P<pct>%)?|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op><=|>=|==|!=|<|>)|(?P<lp>\()|(?P<rp>\))"
)


@dataclass(slots=True)
class _Tok:
    kind: str  # num, word, op, lp, rp, end
    text: str
    col: int  # 1-based column
    value: float = 0.0


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        m = _TOKEN.match(text, i)
        if m is None:
            raise _error(text, i + 1, f"unexpected character {text[i]!r}")
        col = i + 1
        if m.group("num") is not None:
            value = float(m.group("num"))
            if m.group("pct"):
                value /= 100.0
            toks.append(_Tok("num", m.group(0), col, value))
        elif m.group("word") is not None:
            toks.append(_Tok("word", m.group("word").lower(), col))
        else:
            kind = "op" if m.group("op") else ("lp" if m.group("lp") else "rp")
            toks.append(_Tok(kind, m.group(0), col))
        i = m.end()
    toks.append(_Tok("end", "", len(text) + 1))
    return toks


def _error(text: str, col: int, what: str) -> ObjectiveError:
    return ObjectiveError(f"objective {text!r}: at column {col}: {what}")


def _found(tok: _Tok) -> str:
    return "the end of the text" if tok.kind == "end" else f"'{tok.text}'"


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokenize(text)
        self.i = 0
        self.slots = 0
        self.depth = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def slot(self) -> int:
        self.slots += 1
        return self.slots - 1

    def fail(self, tok: _Tok, expected: str) -> ObjectiveError:
        return _error(self.text, tok.col, f"expected {expected}, found {_found(tok)}")

    def is_word(self, word: str) -> bool:
        tok = self.peek()
        return tok.kind == "word" and tok.text == word

    def either(self) -> Node:
        items = [self.all()]
        while self.is_word("or"):
            self.take()
            items.append(self.all())
        if len(items) == 1:
            return items[0]
        return Either(tuple(items))

    def all(self) -> Node:
        items = [self.unit()]
        while True:
            if self.is_word("and"):
                self.take()
                items.append(self.unit())
            elif self.is_word("for") or self.is_word("by"):
                inner = items[0] if len(items) == 1 else All(tuple(items))
                items = [self.modifier(inner)]
            else:
                break
        if len(items) == 1:
            return items[0]
        return All(tuple(items))

    def modifier(self, inner: Node) -> Node:
        kw = self.take()
        if kw.text == "for":
            n = self.count("a number of days after 'for'")
            unit = self.peek()
            if not (unit.kind == "word" and unit.text in ("day", "days")):
                raise self.fail(unit, f"'days' after 'for {n}'")
            self.take()
            return ForDays(inner, n, self.slot())
        day = self.peek()
        if not (day.kind == "word" and day.text == "day"):
            raise self.fail(day, "'day' after 'by' (as in 'by day 5')")
        self.take()
        d = self.count("a day number after 'by day'")
        return ByDay(inner, d, self.slot())

    def count(self, expected: str) -> int:
        tok = self.peek()
        if tok.kind != "num" or "%" in tok.text or not float(tok.value).is_integer():
            raise self.fail(tok, expected)
        n = int(tok.value)
        if not 1 <= n <= MAX_DAYS:
            raise _error(self.text, tok.col, f"{n} days is out of range (1 to {MAX_DAYS})")
        self.take()
        return n

    def unit(self) -> Node:
        tok = self.peek()
        if tok.kind == "lp":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _error(self.text, tok.col, f"parentheses nested deeper than {MAX_DEPTH}")
            self.take()
            node = self.either()
            close = self.peek()
            if close.kind != "rp":
                raise self.fail(close, f"')' to close the '(' at column {tok.col}")
            self.take()
            self.depth -= 1
            return node
        if tok.kind != "word" or tok.text in ("and", "or", "for", "by"):
            raise self.fail(tok, "a metric name or '('")
        if tok.text not in KNOWN_METRICS:
            known = ", ".join(sorted(KNOWN_METRICS))
            raise _error(self.text, tok.col, f"unknown metric '{tok.text}' (known: {known})")
        self.take()
        op = self.peek()
        if op.kind != "op":
            raise self.fail(op, f"a comparison ({_OP_TEXT}) after '{tok.text}'")
        self.take()
        num = self.peek()
        if num.kind != "num":
            raise self.fail(num, f"a number after '{tok.text} {op.text}'")
        self.take()
        info = KNOWN_METRICS[tok.text]
        if info.kind == "share" and not 0.0 <= num.value <= 1.0:
            raise _error(
                self.text,
                num.col,
                f"{tok.text} is a share from 0 to 1: write 0.6 or 60%, not {num.text}",
            )
        return Compare(tok.text, op.text, num.value, tok.col)


def parse(text: str) -> Objective:
    """Parse an objective; raises ObjectiveError naming the column and what was expected."""
    if not isinstance(text, str):
        raise ObjectiveError(f"an objective must be text, got {type(text).__name__}")
    if len(text) > MAX_TEXT:
        raise ObjectiveError(f"objective is {len(text)} characters long (at most {MAX_TEXT})")
    if not text.strip():
        raise ObjectiveError("objective is empty: expected a comparison such as 'customers >= 40'")
    p = _Parser(text)
    root = p.either()
    end = p.peek()
    if end.kind != "end":
        raise p.fail(end, "'and', 'or', 'for', 'by' or the end of the objective")
    return Objective(text, root, p.slots)


# --------------------------------------------------------------------------- evaluation


@dataclass(frozen=True, slots=True)
class Verdict:
    """`met`: the objective holds now. `failed`: it can never be met any more."""

    met: bool
    failed: bool


def _compare(value: float, op: str, target: float) -> bool:
    if math.isnan(value):
        return False
    if op == "<":
        return value < target
    if op == "<=":
        return value <= target
    if op == ">":
        return value > target
    if op == ">=":
        return value >= target
    if op == "==":
        return value == target
    return value != target


def evaluate(
    obj: Objective,
    state: list[int],
    values: dict[str, float],
    day: int,
    day_end: bool = False,
) -> Verdict:
    """Check `obj` against the metric `values` on `day`, updating `state` in place.

    Call it with `day_end=True` exactly once per in-game day, at night (that is when
    `for N days` streaks advance and `by day D` deadlines close), and as often as you like
    with `day_end=False` in between.
    """
    if len(state) != obj.size:
        raise ValueError(f"objective state has {len(state)} slots, expected {obj.size}")
    met, failed = _eval(obj.root, state, values, day, day_end, update=True)
    return Verdict(met, failed)


def _eval(
    node: Node,
    state: list[int],
    values: dict[str, float],
    day: int,
    day_end: bool,
    update: bool,
) -> tuple[bool, bool]:
    if isinstance(node, Compare):
        return _compare(values.get(node.metric, math.nan), node.op, node.value), False
    if isinstance(node, All):
        results = [_eval(n, state, values, day, day_end, update) for n in node.items]
        return all(m for m, _ in results), any(f for _, f in results)
    if isinstance(node, Either):
        results = [_eval(n, state, values, day, day_end, update) for n in node.items]
        return any(m for m, _ in results), all(f for _, f in results)
    if isinstance(node, ForDays):
        inner_met, inner_failed = _eval(node.inner, state, values, day, day_end, update)
        streak = state[node.slot]
        if day_end:
            streak = streak + 1 if inner_met else 0
            if update:
                state[node.slot] = streak
        return streak >= node.days, inner_failed
    # ByDay
    inner_met, inner_failed = _eval(node.inner, state, values, day, day_end, update)
    latched = state[node.slot] == 1
    if not latched and inner_met and day <= node.day:
        latched = True
        if update:
            state[node.slot] = 1
    if latched:
        return True, False
    closed = day > node.day or (day_end and day >= node.day)
    return False, closed or inner_failed


# --------------------------------------------------------------------------- progress


@dataclass(frozen=True, slots=True)
class Progress:
    """How far an objective is, for the UI: one readable line plus its verdict."""

    text: str
    met: bool
    failed: bool


def format_value(metric: str, value: float) -> str:
    """A metric value as a player reads it: 38%, 4,200 cr, 23."""
    if math.isnan(value):
        return "?"
    kind = KNOWN_METRICS[metric].kind if metric in KNOWN_METRICS else "count"
    if kind == "share":
        return f"{value * 100:.0f}%"
    if kind == "credits":
        return f"{value:,.0f} cr"
    if kind == "opinion":
        return f"{value:+.2f}"
    if kind in ("count", "day", "flag"):
        return f"{value:,.0f}"
    return f"{value:.0f}"


# plain ASCII: the UI font cannot draw ≥ ≤ ≠
_PRETTY_OP = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "==": "=", "!=": "!="}


def progress(obj: Objective, state: list[int], values: dict[str, float], day: int) -> Progress:
    """'customers 23/40 · day 3 of 5' and whether it is met, without changing `state`."""
    met, failed = _eval(obj.root, list(state), values, day, day_end=False, update=False)
    return Progress(_describe(obj.root, state, values, day, top=True), met, failed)


def _describe(
    node: Node, state: list[int], values: dict[str, float], day: int, top: bool = False
) -> str:
    if isinstance(node, Compare):
        v = values.get(node.metric, math.nan)
        shown = format_value(node.metric, v)
        target = format_value(node.metric, node.value)
        if node.op in (">=", ">") and KNOWN_METRICS[node.metric].kind in ("count", "credits"):
            unit = " cr" if KNOWN_METRICS[node.metric].kind == "credits" else ""
            plain = shown.removesuffix(" cr")
            prefix = "" if node.op == ">=" else ">"
            return f"{node.metric} {plain}/{prefix}{target.removesuffix(' cr')}{unit}"
        return f"{node.metric} {shown} (needs {_PRETTY_OP[node.op]} {target})"
    if isinstance(node, (All, Either)):
        word = " and " if isinstance(node, All) else " or "
        text = word.join(_describe(n, state, values, day) for n in node.items)
        return text if top else f"({text})"
    if isinstance(node, ForDays):
        inner = _describe(node.inner, state, values, day, top)
        return f"{inner} · {min(state[node.slot], node.days)} of {node.days} days"
    inner = _describe(node.inner, state, values, day, top)
    if state[node.slot] == 1:
        return f"{inner} · done by day {node.day}"
    if day > node.day:
        return f"{inner} · deadline day {node.day} passed"
    return f"{inner} · day {day} of {node.day}"


@dataclass(slots=True)
class ObjectivePair:
    """A level's parsed win and lose objectives (either may be absent)."""

    win: Objective | None = None
    lose: Objective | None = None
    errors: list[str] = field(default_factory=list)


def parse_level_objectives(win: str | None, lose: str | None) -> ObjectivePair:
    """Parse a level's `win` / `lose` texts; problems go to `errors` (prefixed with the key)."""
    pair = ObjectivePair()
    for key, text in (("win", win), ("lose", lose)):
        if text is None or (isinstance(text, str) and not text.strip()):
            continue
        try:
            obj = parse(text)
        except ObjectiveError as exc:
            pair.errors.append(f"{key}: {exc}")
            continue
        setattr(pair, key, obj)
    return pair
