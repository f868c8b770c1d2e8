"""Gameplay numbers: one TOML file loaded into frozen dataclasses, every value checked at load.

Each section is a frozen dataclass; each number declares its allowed range with `num(lo, hi)`,
each word its choices with `word(*choices)`. The loader walks the dataclasses, so a new number
is one line here and one line in `game/data/balance.toml`. Every key must be present (no silent
defaults in code) and unknown keys are errors, so a typo never goes unnoticed.

A bad value raises `BalanceError` naming the file, the key, the value and the allowed range.
`overrides` ("studio.daily_rent=500") are validated the same way, for sweeps.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_BALANCE_PATH = Path(__file__).resolve().parent.parent / "data" / "balance.toml"


class BalanceError(ValueError):
    """A balance file or override that cannot be used; the message names the key."""


def num(lo: float, hi: float, doc: str = "") -> Any:
    """A number field allowed in [lo, hi]."""
    return field(metadata={"range": (lo, hi), "doc": doc})


def word(*choices: str, doc: str = "") -> Any:
    """A string field that must be one of `choices`."""
    return field(metadata={"choices": choices, "doc": doc})


# --------------------------------------------------------------------------- sections


@dataclass(frozen=True, slots=True)
class CrowdBalance:
    """Citizens: how many, how they start, how fast they walk."""

    default_population: int = num(1, 200_000, "population when the level does not set one")
    opinion_noise: float = num(0.0, 1.0, "std-dev of the seeded noise on a citizen's start opinion")
    walk_speed: float = num(0.05, 3.0, "tiles per tick")


@dataclass(frozen=True, slots=True)
class TribeBalance:
    """One tooth tribe: where its opinion starts and how easily it moves."""

    baseline: float = num(-1.0, 1.0, "mean start opinion")
    susceptibility: float = num(0.0, 3.0, "multiplier on every opinion change")


@dataclass(frozen=True, slots=True)
class StudioBalance:
    """The Smile Studio's books."""

    start_credits: int = num(0, 10_000_000, "credits when the level does not set them")
    daily_rent: int = num(0, 1_000_000, "rent settled every night")
    pricing_policy: str = word("standard", "premium", "sliding_scale", doc="start policy")


@dataclass(frozen=True, slots=True)
class Balance:
    """Every gameplay number. Sections are added here as systems land."""

    crowd: CrowdBalance
    tribes: dict[str, TribeBalance]
    studio: StudioBalance

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def digest(self) -> str:
        """sha256 of the canonical JSON of every value (replays record it)."""
        blob = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()


# --------------------------------------------------------------------------- loading


def load_balance(
    path: str | Path | None = None, overrides: dict[str, str] | None = None
) -> Balance:
    """Read, override and validate a balance file (the shipped one by default)."""
    p = Path(path) if path is not None else DEFAULT_BALANCE_PATH
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise BalanceError(f"{p}: cannot read the balance file ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BalanceError(f"{p}: not valid TOML: {exc}") from None
    for key, raw in (overrides or {}).items():
        _apply_override(data, key, raw, p)
    return balance_from_dict(data, source=str(p))


def balance_from_dict(data: dict[str, Any], source: str = "<balance>") -> Balance:
    """Validate a plain dict (as read from TOML) into a `Balance`."""
    if not isinstance(data, dict):
        raise BalanceError(f"{source}: the balance must be a table of sections")
    return typing.cast(Balance, _build(Balance, data, "", source))


def parse_override(text: str) -> tuple[str, str]:
    """'studio.daily_rent=500' -> ('studio.daily_rent', '500')."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise BalanceError(f"override '{text}' is not of the form section.key=value")
    return key.strip(), value.strip()


def _apply_override(data: dict[str, Any], key: str, raw: str, source: Path) -> None:
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw  # a bare word, e.g. pricing_policy=premium
    node = data
    parts = key.split(".")
    for part in parts[:-1]:
        nxt = node.get(part)
        if not isinstance(nxt, dict):
            raise BalanceError(f"{source}: override '{key}': there is no section '{part}'")
        node = nxt
    if parts[-1] not in node:
        raise BalanceError(f"{source}: override '{key}': unknown key")
    node[parts[-1]] = value


def _build(cls: type, data: Any, where: str, source: str) -> Any:
    if not isinstance(data, dict):
        raise BalanceError(f"{source}: '{where}' must be a table, got {data!r}")
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted(set(data) - set(names))
    if unknown:
        key = f"{where}.{unknown[0]}" if where else unknown[0]
        raise BalanceError(f"{source}: unknown key '{key}' (known here: {', '.join(names)})")
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        key = f"{where}.{f.name}" if where else f.name
        if f.name not in data:
            raise BalanceError(f"{source}: missing key '{key}'")
        values[f.name] = _value(hints[f.name], f, data[f.name], key, source)
    return cls(**values)


def _value(tp: Any, f: dataclasses.Field[Any], v: Any, key: str, source: str) -> Any:
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        return _build(typing.cast(type, tp), v, key, source)
    if origin is dict:
        _, item_tp = typing.get_args(tp)
        if not isinstance(v, dict) or not v:
            raise BalanceError(f"{source}: '{key}' must be a non-empty table")
        return {name: _build(item_tp, item, f"{key}.{name}", source) for name, item in v.items()}
    if origin is tuple:
        (item_tp, _ellipsis) = typing.get_args(tp)
        if not isinstance(v, list) or not v:
            raise BalanceError(f"{source}: '{key}' must be a non-empty list, got {v!r}")
        return tuple(_scalar(item_tp, f, x, f"{key}[{i}]", source) for i, x in enumerate(v))
    return _scalar(tp, f, v, key, source)


def _scalar(tp: Any, f: dataclasses.Field[Any], v: Any, key: str, source: str) -> Any:
    if tp is bool:
        if not isinstance(v, bool):
            raise BalanceError(f"{source}: '{key}' = {v!r} must be true or false")
        return v
    if tp is str:
        choices = f.metadata.get("choices")
        if not isinstance(v, str) or (choices and v not in choices):
            allowed = ", ".join(choices) if choices else "a string"
            raise BalanceError(f"{source}: '{key}' = {v!r} is not one of: {allowed}")
        return v
    if tp in (int, float):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise BalanceError(f"{source}: '{key}' = {v!r} must be a number")
        if tp is int and isinstance(v, float):
            if not v.is_integer():
                raise BalanceError(f"{source}: '{key}' = {v!r} must be a whole number")
            v = int(v)
        if not math.isfinite(v):
            raise BalanceError(f"{source}: '{key}' = {v!r} must be finite")
        lo, hi = f.metadata.get("range", (-math.inf, math.inf))
        if not lo <= v <= hi:
            raise BalanceError(
                f"{source}: '{key}' = {v!r} is out of range (allowed {_fmt(lo)} to {_fmt(hi)})"
            )
        return tp(v)
    raise TypeError(f"balance field '{key}' has an unsupported type {tp!r}")  # a code bug


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def describe_fields(cls: type = Balance, where: str = "") -> list[tuple[str, str, str]]:
    """(key, allowed, doc) for every leaf number, for docs and `--set` help."""
    out: list[tuple[str, str, str]] = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        key = f"{where}.{f.name}" if where else f.name
        tp = hints[f.name]
        if dataclasses.is_dataclass(tp):
            out += describe_fields(typing.cast(type, tp), key)
        elif typing.get_origin(tp) is dict:
            out += describe_fields(typing.get_args(tp)[1], f"{key}.<name>")
        else:
            if "range" in f.metadata:
                lo, hi = f.metadata["range"]
                allowed = f"{_fmt(lo)} .. {_fmt(hi)}"
            else:
                allowed = " | ".join(f.metadata.get("choices", ()))
            out.append((key, allowed, f.metadata.get("doc", "")))
    return out
