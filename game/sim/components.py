"""Plain data for the few hundred ECS entities (the studio, leads, venues, events, rallies...).

Every component is a `@component` dataclass of JSON-safe values (int, float, str, bool, lists,
tuples, dicts of those): `state_hash` and saves serialise them with `dataclasses.asdict`, and
saves rebuild them by class name from `COMPONENTS`. No logic here: systems hold the logic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

COMPONENTS: dict[str, type[Any]] = {}


def component(cls: type[T]) -> type[T]:
    """Register a component class by name (saves rebuild components from it)."""
    if cls.__name__ in COMPONENTS:
        raise RuntimeError(f"component {cls.__name__} registered twice")
    COMPONENTS[cls.__name__] = cls
    return cls


@component
@dataclass(slots=True)
class Studio:
    """The Smile Studio's books and policy (one entity)."""

    x: float
    y: float
    credits: int
    pricing_policy: str
    credits_at_day_start: int = 0
    days_in_debt: int = 0
