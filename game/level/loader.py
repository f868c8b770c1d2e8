"""Load a Tiled .tmx map into a plain `LevelData` the simulation can use (no images, no pygame).

`game.level.tmx` reads and normalises the file (every unreadable case becomes one `LevelError`
naming the file); pytmx parses the normalised map without images; this module turns it into
numpy grids and typed objects, with every property converted through `game.level.schema`
(defaults filled in). Problems a designer can fix in Tiled (a capacity out of range, an unknown
object type...) do not stop loading: they are collected in `LevelData.problems`, and the
validator (`game.level.validator`) reports them with its own checks.
"""

from __future__ import annotations

import hashlib
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from game.level import schema
from game.level.tmx import LevelError, MapInfo, parse_with_pytmx, read_map

logger = logging.getLogger(__name__)

__all__ = [
    "LevelData",
    "LevelError",
    "LevelObject",
    "Problem",
    "load_level",
    "rasterise_districts",
]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a level: where (layer/object or map properties) and what."""

    where: str
    message: str
    severity: str = "error"  # or "warning"

    def format(self, file: str | Path) -> str:
        """`file: layer 'zones' object #12 'Neon Plaza' (venue): capacity -5 is below 1`."""
        parts = [str(file)]
        if self.severity == "warning":
            parts.append("warning")
        if self.where:
            parts.append(self.where)
        parts.append(self.message)
        return ": ".join(parts)


@dataclass(slots=True)
class LevelObject:
    """A typed Tiled object, in tile coordinates (x, y = top-left; points for polygons).

    `properties` holds the schema's properties as Python values (int, float, enum strings),
    defaults filled in, plus any extra properties the designer added (as read).
    """

    id: int
    name: str
    type: str
    x: float
    y: float
    width: float
    height: float
    properties: dict[str, Any] = field(default_factory=dict)
    points: tuple[tuple[float, float], ...] = ()
    layer: str = ""
    shape: str = "rectangle"  # rectangle / polygon / polyline / point / ellipse / tile / text

    @property
    def center(self) -> tuple[float, float]:
        if self.points:
            xs = [p[0] for p in self.points]
            ys = [p[1] for p in self.points]
            return (sum(xs) / len(xs), sum(ys) / len(ys))
        return (self.x + self.width / 2, self.y + self.height / 2)

    def label(self) -> str:
        return f"object #{self.id} '{self.name}' ({self.type})"

    def where(self) -> str:
        """`layer 'zones' object #12 'Neon Plaza' (venue)`: how problems name the object."""
        kind = f" ({self.type})" if self.type else ""
        return f"layer '{self.layer}' object #{self.id} '{self.name}'{kind}"


@dataclass(slots=True)
class LevelData:
    """Everything the simulation needs from a map; plain data, no pygame."""

    path: Path
    width: int  # tiles
    height: int  # tiles
    tile_size: int  # pixels
    walkable: np.ndarray  # bool [height, width]
    objects: list[LevelObject]
    properties: dict[str, Any]  # the map properties, converted, every default filled in
    file_hash: str
    # district label per tile: index into `districts`, -1 outside every district
    district_grid: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.int16))
    problems: list[Problem] = field(default_factory=list)  # found while loading
    tilesets: list[str] = field(default_factory=list)
    hidden_layers: list[str] = field(default_factory=list)

    @property
    def districts(self) -> list[LevelObject]:
        return self.of_type("district")

    def of_type(self, kind: str) -> list[LevelObject]:
        return [o for o in self.objects if o.type == kind]

    def prop(self, name: str, default: Any = None) -> Any:
        return self.properties.get(name, default)

    @property
    def title(self) -> str:
        return str(self.properties.get("title") or self.path.stem)

    def leads(self, which: str = "leads_available") -> tuple[str, ...]:
        """The lead names of `leads_available` or `leads_start`."""
        return schema.lead_list(self.properties.get(which, ""))


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_level(path: str | Path) -> LevelData:
    """Load `path`; raises LevelError with a readable message when it cannot be read at all."""
    p = Path(path)
    root, info = read_map(p)
    tmx = parse_with_pytmx(p, root)
    problems: list[Problem] = []
    width, height, ts = info.width, info.height, info.tile_size

    walkable = np.ones((height, width), dtype=bool)
    hidden: list[str] = []
    solid_lut = _solid_lookup(info)
    for layer in info.layers:
        gids = np.asarray(layer.gids, dtype=np.int64).reshape(height, width)
        blocked = solid_lut[np.clip(gids, 0, len(solid_lut) - 1)] & (gids < len(solid_lut))
        if not layer.visible:
            hidden.append(layer.name)
            if blocked.any():
                problems.append(
                    Problem(
                        f"layer '{layer.name}'", "is hidden: the game ignores its walls", "warning"
                    )  # fmt: skip
                )
            continue
        walkable &= ~blocked
    for name in info.hidden_object_layers:
        hidden.append(name)
        problems.append(
            Problem(f"layer '{name}'", "is hidden: the game ignores its objects", "warning")
        )
    for msg in info.missing_images:
        problems.append(Problem("", msg))

    objects: list[LevelObject] = []
    for group in tmx.objectgroups:
        layer_name = str(group.name or "")
        if layer_name in info.hidden_object_layers:
            continue
        for obj in group:
            lo = _convert_object(obj, layer_name, ts, info, problems)
            objects.append(lo)

    raw_map = dict(tmx.properties)
    props, errors, unknown = schema.resolve(schema.MAP_PROPERTIES, raw_map)
    for msg in errors:
        problems.append(Problem("map properties", msg))
    for key in unknown:
        problems.append(
            Problem("map properties", f"unknown map property '{key}' (ignored)", "warning")
        )
    if info.clipped_from is not None:
        ox, oy = info.clipped_from
        problems.append(
            Problem(
                "",
                f"infinite map: clipped to its painted area ({width}x{height} tiles "
                f"from tile {ox},{oy})",
                "warning",
            )  # fmt: skip
        )
    level = LevelData(
        path=p,
        width=width,
        height=height,
        tile_size=ts,
        walkable=walkable,
        objects=objects,
        properties=props,
        file_hash=file_digest(p),
        problems=problems,
        tilesets=list(info.tilesets),
        hidden_layers=hidden,
    )
    level.district_grid = rasterise_districts(level)
    return level


def _solid_lookup(info: MapInfo) -> np.ndarray:
    top = max(info.solid_gids, default=0)
    lut = np.zeros(top + 2, dtype=bool)
    for gid in info.solid_gids:
        lut[gid] = True
    return lut


def _object_type(obj: Any) -> str:
    kind = obj.__dict__.get("type") or obj.__dict__.get("class") or ""
    return str(kind).strip()


MAX_COORD_TILES = 1_000_000.0  # far beyond any map; keeps arithmetic on positions finite


def _convert_object(
    obj: Any, layer: str, ts: int, info: MapInfo, problems: list[Problem]
) -> LevelObject:
    oid = int(obj.__dict__.get("id") or 0)
    name = str(obj.__dict__.get("name") or "")
    kind = _object_type(obj)
    raw = dict(obj.properties)
    shape = info.shapes.get(oid, "rectangle")
    pts: tuple[tuple[float, float], ...] = ()
    # pytmx gives polygon points in absolute map pixels (object x/y already added)
    if shape in ("polygon", "polyline") and getattr(obj, "points", None):
        pts = tuple((float(px) / ts, float(py) / ts) for px, py in obj.points)
    lo = LevelObject(
        id=oid,
        name=name,
        type=kind,
        x=float(obj.x) / ts,
        y=float(obj.y) / ts,
        width=float(obj.width or 0) / ts,
        height=float(obj.height or 0) / ts,
        properties=raw,
        points=pts,
        layer=layer,
        shape=shape,
    )
    where = lo.where()
    coords = [lo.x, lo.y, lo.width, lo.height, *(c for pt in pts for c in pt)]
    if not all(math.isfinite(c) and abs(c) <= MAX_COORD_TILES for c in coords):
        problems.append(Problem(where, "has a position or size that is not a usable number"))
        lo.x = lo.y = lo.width = lo.height = 0.0
        lo.points = ()
    for key in raw:
        if key in schema.RESERVED_OBJECT_PROPERTIES:
            problems.append(
                Problem(
                    where,
                    f"has a custom property named '{key}', which clashes with the "
                    f"object's own {key}: rename or remove the property",
                )  # fmt: skip
            )
    otype = schema.OBJECT_TYPES.get(kind)
    if otype is None:
        if kind:
            problems.append(Problem(where, f"unknown object type '{kind}' (ignored)", "warning"))
        else:
            problems.append(Problem(where, "has no type or class (ignored)", "warning"))
        return lo
    values, errors, unknown = schema.resolve(otype.props, raw)
    lo.properties = values
    for msg in errors:
        problems.append(Problem(where, msg))
    for key in unknown:
        if key not in schema.RESERVED_OBJECT_PROPERTIES:
            problems.append(Problem(where, f"unknown property '{key}' (ignored)", "warning"))
    effective = {"tile": "rectangle", "ellipse": "rectangle"}.get(shape, shape)
    if effective == "rectangle" and (lo.width <= 0 or lo.height <= 0):
        effective = "point"
    if effective not in otype.shapes:
        want = " or ".join(f"a {s}" for s in otype.shapes)
        problems.append(Problem(where, f"is a {effective}; a {kind} must be {want}"))
    if oid in info.rotated:
        problems.append(Problem(where, "is rotated; the game ignores rotation", "warning"))
    return lo


def rasterise_districts(level: LevelData) -> np.ndarray:
    """Label every tile with the district whose polygon (or rectangle) holds its centre.

    Polygon points are absolute tile coordinates; a tile belongs to the first district (in map
    order) that holds its centre (even-odd rule), -1 when none does.
    """
    grid = np.full((level.height, level.width), -1, dtype=np.int16)
    ys, xs = np.mgrid[0 : level.height, 0 : level.width]
    cx, cy = xs + 0.5, ys + 0.5
    for i, d in enumerate(level.districts):
        if d.points:
            inside = np.zeros(grid.shape, dtype=bool)
            pts = d.points
            for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True):
                if y1 == y2:
                    continue  # a horizontal edge never crosses a horizontal ray
                crosses = (y1 > cy) != (y2 > cy)
                xint = x1 + (cy - y1) * (x2 - x1) / (y2 - y1)
                inside ^= crosses & (cx < xint)
        else:
            inside = (cx >= d.x) & (cx < d.x + d.width) & (cy >= d.y) & (cy < d.y + d.height)
        grid[inside & (grid < 0)] = i
    return grid
