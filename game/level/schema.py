"""The Tiled level contract, written once: object types, their properties, the map properties.

Everything else is derived from this module: the loader converts and range-checks properties
with it, the validator checks against it, and `tools/gen_tiled_project.py` generates the Tiled
project file, `objecttypes.xml`, the object templates and the reference tables of
`docs/levels.md` from it. The names are fixed by `docs/contracts.md`; add, never rename.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Enums: Tiled custom property types (designers get dropdowns). Tribe names are the keys of
# `[tribes.*]` in the balance file (a test keeps them in step).
ENUMS: dict[str, tuple[str, ...]] = {
    "tribe": ("chrome", "naturals", "glowfangs", "drifters"),
    "income": ("low", "middle", "high"),
    "venue_kind": ("plaza", "gallery", "hall", "park", "market", "clinic", "ar_lab", "stage"),
    "daytime_kind": ("work", "market", "plaza"),
    "lead": ("zara", "roth", "milo", "arian"),
    "difficulty": ("story", "normal", "hard"),
}
ENUM_DOCS: dict[str, str] = {
    "tribe": "a tooth tribe of the city",
    "income": "an income band: 0 low, 1 middle, 2 high",
    "venue_kind": "what kind of place a venue is",
    "daytime_kind": "what citizens do in a daytime zone",
    "lead": "one of the four leads",
    "difficulty": "how hard the Pure Smiles push",
}

# Property value types: "int", "float", "string", "bool", an enum name from ENUMS, or
# "leads" (a comma-separated list of lead names, stored as a string).
BASIC_TYPES = ("int", "float", "string", "bool", "leads")


@dataclass(frozen=True, slots=True)
class Prop:
    """One property: its type, default (used when Tiled leaves it out), range and meaning."""

    name: str
    type: str
    default: Any
    doc: str
    lo: float | None = None
    hi: float | None = None

    @property
    def enum(self) -> tuple[str, ...] | None:
        return ENUMS.get(self.type)

    @property
    def tiled_type(self) -> str:
        """The Tiled property type the value is written as."""
        if self.type in ENUMS:
            return "string"
        if self.type == "leads":
            return "string"
        return self.type

    def describe_range(self) -> str:
        if self.enum:
            return " / ".join(self.enum)
        if self.type == "leads":
            return "comma list of " + ", ".join(ENUMS["lead"])
        if self.lo is not None and self.hi is not None:
            return f"{_fmt(self.lo)} to {_fmt(self.hi)}"
        if self.lo is not None:
            return f"at least {_fmt(self.lo)}"
        return ""


@dataclass(frozen=True, slots=True)
class ObjectType:
    """A typed Tiled object (`type` or `class` attribute) and the shapes it may have."""

    name: str
    shapes: tuple[str, ...]  # rectangle / polygon / point
    doc: str
    props: tuple[Prop, ...] = ()
    color: str = "#ffffff"  # object colour in Tiled
    size: tuple[int, int] = (4, 3)  # template size in tiles (rectangles)

    def prop(self, name: str) -> Prop | None:
        for p in self.props:
            if p.name == name:
                return p
        return None


OBJECT_TYPES: dict[str, ObjectType] = {
    t.name: t
    for t in (
        ObjectType(
            "studio",
            ("rectangle",),
            "The Smile Studio: where customers walk to (exactly one per level). Place it on the "
            "walkable forecourt of the studio building.",
            (),
            "#ff3cc8",
            (4, 3),
        ),
        ObjectType(
            "venue",
            ("rectangle",),
            "A place where the player stages counter-events; attendees stand inside it.",
            (
                Prop("kind", "venue_kind", "plaza", "what kind of place it is"),
                Prop("capacity", "int", 200, "how many attendees fit", 1, 5000),
            ),
            "#28e6ff",
            (5, 4),
        ),
        ObjectType(
            "rally_point",
            ("rectangle",),
            "A square where the Pure Smiles may hold a rally.",
            (
                Prop("capacity", "int", 400, "how many people the rally can draw", 1, 10000),
                Prop("weight", "float", 1.0, "how often the Pure Smiles pick it", 0, 10),
            ),
            "#f0f0ff",
            (6, 4),
        ),
        ObjectType(
            "district",
            ("polygon", "rectangle"),
            "A part of the city: the tribe and income band of the citizens who live there.",
            (
                Prop("tribe", "tribe", "drifters", "the tooth tribe living here"),
                Prop("income", "income", "middle", "the income band living here"),
            ),
            "#a05aff",
            (20, 15),
        ),
        ObjectType(
            "home",
            ("rectangle",),
            "Housing: citizens live here and walk out each morning. Its centre must be walkable.",
            (
                Prop(
                    "residents",
                    "float",
                    1.0,
                    "share of the population living here (relative to other homes)",
                    0,
                    100,
                ),
            ),
            "#78ff78",
            (8, 8),
        ),
        ObjectType(
            "daytime",
            ("rectangle",),
            "Where citizens spend the day: work, market or plaza.",
            (
                Prop("kind", "daytime_kind", "work", "what citizens do here"),
                Prop("weight", "float", 1.0, "how many go here (relative to other zones)", 0, 100),
            ),
            "#ffb028",
            (8, 8),
        ),
        ObjectType(
            "lead",
            ("point", "rectangle"),
            "A lead's map spot: where the lead is and where the player recruits them.",
            (Prop("lead", "lead", "zara", "which lead stands here"),),
            "#fff03c",
            (1, 1),
        ),
    )
}

MAP_PROPERTIES: tuple[Prop, ...] = (
    Prop("title", "string", "", "the level's name shown to the player (default: file name)"),
    Prop("act", "int", 0, "campaign act 1..5; 0 = sandbox", 0, 5),
    Prop("intro", "string", "", "briefing text shown before the level starts"),
    Prop("population", "int", 10000, "number of citizens", 1, 200000),
    Prop("start_credits", "int", 5000, "the studio's credits on day 1", 0, 10_000_000),
    Prop("difficulty", "difficulty", "normal", "how hard the Pure Smiles push"),
    Prop("win", "string", "", "win objective in the objective grammar (empty: none)"),
    Prop("lose", "string", "", "lose objective in the objective grammar (empty: none)"),
    Prop("rally_frequency", "float", 1.0, "Pure Smiles rallies per day", 0, 10),
    Prop("momentum_start", "float", 30.0, "Pure Smiles momentum on day 1", 0, 100),
    Prop("aggression", "float", 1.0, "Pure Smiles aggression multiplier", 0, 3),
    Prop("leads_available", "leads", "zara,roth,milo,arian", "leads the player can have"),
    Prop("leads_start", "leads", "zara", "leads recruited when the level starts"),
)
MAP_PROPERTY = {p.name: p for p in MAP_PROPERTIES}

# Properties Tiled itself gives every object: a custom property of the same name is refused.
RESERVED_OBJECT_PROPERTIES = ("name", "type", "id", "class")
# Citizens per walkable tile above which a level is refused as too crowded.
MAX_DENSITY = 10.0


class ConvertError(ValueError):
    """A property value that cannot be converted; the message says why (no file/object)."""


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no", ""):
        return False
    raise ConvertError(f"'{value}' is not true or false")


def convert(prop: Prop, value: Any) -> Any:
    """`value` (as pytmx read it: str, int, float or bool) as the schema's Python type.

    Raises ConvertError with a message such as "capacity -5 is below 1".
    """
    name = prop.name
    if prop.type == "bool":
        return _as_bool(value)
    if prop.type == "int":
        if isinstance(value, bool):
            raise ConvertError(f"{name} {value!r} is not a whole number")
        if isinstance(value, float):
            if not value.is_integer():
                raise ConvertError(f"{name} {_fmt(value)} is not a whole number")
            out: Any = int(value)
        else:
            try:
                out = int(str(value).strip())
            except ValueError:
                raise ConvertError(f"{name} '{value}' is not a whole number") from None
    elif prop.type == "float":
        if isinstance(value, bool):
            raise ConvertError(f"{name} {value!r} is not a number")
        try:
            out = float(str(value).strip()) if not isinstance(value, int | float) else float(value)
        except ValueError:
            raise ConvertError(f"{name} '{value}' is not a number") from None
        if out != out or out in (float("inf"), float("-inf")):
            raise ConvertError(f"{name} {value} is not a finite number")
    elif prop.type in ENUMS:
        text = str(value).strip()
        allowed = ENUMS[prop.type]
        if text not in allowed:
            raise ConvertError(f"{name} '{text}' is not one of {', '.join(allowed)}")
        return text
    elif prop.type == "leads":
        text = str(value)
        items = [s.strip() for s in text.split(",") if s.strip()]
        bad = [s for s in items if s not in ENUMS["lead"]]
        if bad:
            raise ConvertError(
                f"{name} names unknown lead '{bad[0]}' (known: {', '.join(ENUMS['lead'])})"
            )
        return ",".join(items)
    else:  # string
        return "" if value is None else str(value)
    if prop.lo is not None and out < prop.lo:
        raise ConvertError(f"{name} {_fmt(out)} is below {_fmt(prop.lo)}")
    if prop.hi is not None and out > prop.hi:
        raise ConvertError(f"{name} {_fmt(out)} is above {_fmt(prop.hi)}")
    return out


def defaults(props: tuple[Prop, ...]) -> dict[str, Any]:
    return {p.name: p.default for p in props}


def lead_list(text: str) -> tuple[str, ...]:
    """'zara, roth' -> ('zara', 'roth')."""
    return tuple(s.strip() for s in str(text).split(",") if s.strip())


def resolve(
    props: tuple[Prop, ...], raw: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Schema properties with defaults filled in; returns (values, errors, unknown names).

    A value that cannot be converted keeps the default and adds an error message.
    """
    values = defaults(props)
    errors: list[str] = []
    by_name = {p.name: p for p in props}
    unknown = []
    for key, value in raw.items():
        prop = by_name.get(key)
        if prop is None:
            unknown.append(key)
            values[key] = value
            continue
        try:
            values[key] = convert(prop, value)
        except ConvertError as exc:
            errors.append(str(exc))
    return values, errors, unknown
