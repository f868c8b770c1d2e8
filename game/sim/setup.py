"""Create a new level's gameplay entities from its map: the studio, the leads, the venues, the
rally points, the Pure Smiles director, the record of achievements and the objectives.

Map properties are read with the contract's defaults (docs/contracts.md), so a map that leaves a
property out plays with the documented value. Called once by `Simulation` for a fresh game.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import esper

from game.level.loader import LevelData, LevelError
from game.sim.components import (
    Director,
    Lead,
    Objectives,
    RallyPoint,
    Record,
    Studio,
    StudioFloor,
    Venue,
)
from game.sim.entities import LEAD_KEYS, LEAD_NAMES
from game.sim.objectives import ObjectiveError, parse

if TYPE_CHECKING:
    from game.sim.simulation import Simulation

DIFFICULTIES = ("story", "normal", "hard")


def lead_list(value: Any, default: str) -> list[str]:
    """'zara, roth' -> ['zara', 'roth'] (unknown names are dropped; the validator reports them)."""
    text = default if value is None else str(value)
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    return [k for k in LEAD_KEYS if k in names]


def district_at(level: LevelData, x: float, y: float) -> int:
    """Index of the district holding tile (x, y), -1 outside every district."""
    grid = level.district_grid
    if grid.size == 0:
        return -1
    tx = min(max(int(x), 0), grid.shape[1] - 1)
    ty = min(max(int(y), 0), grid.shape[0] - 1)
    return int(grid[ty, tx])


def check_objectives(level: LevelData) -> tuple[str, str]:
    """The level's win and lose texts; raises LevelError naming the property on a parse error."""
    texts: list[str] = []
    for key in ("win", "lose"):
        text = level.prop(key, "")
        text = "" if text is None else str(text)
        if text.strip():
            try:
                parse(text)
            except ObjectiveError as exc:
                raise LevelError(f"{level.path}: map property '{key}': {exc}") from None
        texts.append(text)
    return texts[0], texts[1]


def create_entities(sim: Simulation) -> None:
    """Populate a fresh simulation's esper world from its level (entity ids in a fixed order)."""
    level, bal = sim.level, sim.balance
    studios = sorted(level.of_type("studio"), key=lambda o: o.id)
    sx, sy = studios[0].center if studios else (level.width / 2, level.height / 2)
    credits = int(level.prop("start_credits", bal.studio.start_credits))
    esper.create_entity(
        Studio(
            x=float(sx),
            y=float(sy),
            credits=credits,
            pricing_policy=bal.studio.pricing_policy,
            credits_at_day_start=credits,
            trust=float(bal.studio.start_trust),
            reputation=float(bal.studio.start_reputation),
            sculptors=int(bal.studio.start_sculptors),
            services_off=sorted(k for k, s in bal.services.items() if not s.enabled_at_start),
            prices={k: int(s.price) for k, s in sorted(bal.services.items())},
        )
    )
    chairs = int(bal.studio.start_chairs)
    esper.create_entity(
        StudioFloor(
            chair_uid=[-1] * chairs,
            chair_service=[""] * chairs,
            chair_price=[0] * chairs,
            chair_end=[0] * chairs,
        )
    )
    esper.create_entity(Record())
    difficulty = str(level.prop("difficulty", "normal")).lower()
    esper.create_entity(
        Director(
            momentum=float(min(max(float(level.prop("momentum_start", 30.0)), 0.0), 100.0)),
            difficulty=difficulty if difficulty in DIFFICULTIES else "normal",
            rally_frequency=float(level.prop("rally_frequency", 1.0)),
            aggression=float(level.prop("aggression", 1.0)),
        )
    )
    win, lose = check_objectives(level)
    esper.create_entity(Objectives(win=win, lose=lose))

    available = lead_list(level.prop("leads_available"), ",".join(LEAD_KEYS))
    start = lead_list(level.prop("leads_start"), "zara")
    spots = {
        str(o.properties.get("lead", "")).lower(): o.center
        for o in sorted(level.of_type("lead"), key=lambda o: o.id)
    }
    for key in LEAD_KEYS:
        x, y = spots.get(key, (sx, sy))
        recruited = key in start
        esper.create_entity(
            Lead(
                key=key,
                name=LEAD_NAMES[key],
                spot_x=float(x),
                spot_y=float(y),
                available=key in available or recruited,
                recruited=recruited,
                energy=float(bal.leads.max_energy),
                assignment="studio",
            )
        )
    for o in sorted(level.of_type("venue"), key=lambda o: o.id):
        cx, cy = o.center
        esper.create_entity(
            Venue(
                object_id=o.id,
                name=o.name or f"venue #{o.id}",
                kind=str(o.properties.get("kind", "plaza")),
                capacity=int(o.properties.get("capacity", 200)),
                x=float(cx),
                y=float(cy),
                district=district_at(level, cx, cy),
            )
        )
    for o in sorted(level.of_type("rally_point"), key=lambda o: o.id):
        cx, cy = o.center
        esper.create_entity(
            RallyPoint(
                object_id=o.id,
                name=o.name or f"rally point #{o.id}",
                capacity=int(o.properties.get("capacity", 400)),
                weight=float(o.properties.get("weight", 1.0)),
                x=float(cx),
                y=float(cy),
            )
        )
