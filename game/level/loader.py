"""Load a Tiled .tmx map into a plain `LevelData` the simulation can use.

pytmx parses the map without images (its default image loader keeps only file names), so this
works headless. Every failure becomes a `LevelError` whose message names the file.
"""

from __future__ import annotations

import hashlib
import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

logger = logging.getLogger(__name__)


class LevelError(ValueError):
    """A level that cannot be used; the message names the file and what is wrong."""


@dataclass(slots=True)
class LevelObject:
    """A typed Tiled object, in tile coordinates (x, y = top-left; points for polygons)."""

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

    @property
    def center(self) -> tuple[float, float]:
        if self.points:
            xs = [p[0] for p in self.points]
            ys = [p[1] for p in self.points]
            return (sum(xs) / len(xs), sum(ys) / len(ys))
        return (self.x + self.width / 2, self.y + self.height / 2)

    def label(self) -> str:
        return f"object #{self.id} '{self.name}' ({self.type})"


@dataclass(slots=True)
class LevelData:
    """Everything the simulation needs from a map; plain data, no pygame."""

    path: Path
    width: int  # tiles
    height: int  # tiles
    tile_size: int  # pixels
    walkable: np.ndarray  # bool [height, width]
    objects: list[LevelObject]
    properties: dict[str, Any]
    file_hash: str
    # district label per tile: index into `districts`, -1 outside every district
    district_grid: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.int16))

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


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_level(path: str | Path) -> LevelData:
    """Load `path`; raises LevelError with a readable message on any problem."""
    p = Path(path)
    if not p.is_file():
        raise LevelError(f"{p}: no such level file")
    try:
        root = ET.parse(p).getroot()
    except ET.ParseError as exc:
        raise LevelError(f"{p}: not valid XML ({exc})") from None
    if root.tag != "map":
        raise LevelError(f"{p}: not a Tiled map (root element is <{root.tag}>)")
    if root.get("orientation", "orthogonal") != "orthogonal":
        raise LevelError(f"{p}: only orthogonal maps are supported")

    import pytmx  # local: pytmx pulls in optional helpers at import

    try:
        tmx = pytmx.TiledMap(str(p))
    except Exception as exc:  # pytmx raises many kinds; all become one readable line
        raise LevelError(f"{p}: cannot be read by the map loader ({exc})") from None

    width, height, ts = int(tmx.width), int(tmx.height), int(tmx.tilewidth)
    walkable = np.ones((height, width), dtype=bool)
    for layer in tmx.visible_layers:
        if isinstance(layer, pytmx.TiledTileLayer):
            for x, y, gid in layer.iter_data():
                if gid and (tmx.get_tile_properties_by_gid(gid) or {}).get("solid"):
                    walkable[y, x] = False

    objects: list[LevelObject] = []
    for group in tmx.objectgroups:
        for obj in group:
            kind = (getattr(obj, "type", None) or getattr(obj, "class", None) or "").strip()
            pts: tuple[tuple[float, float], ...] = ()
            if getattr(obj, "points", None):
                pts = tuple((float(px) / ts, float(py) / ts) for px, py in obj.points)
            objects.append(
                LevelObject(
                    id=int(obj.id),
                    name=str(obj.name or ""),
                    type=kind,
                    x=float(obj.x) / ts,
                    y=float(obj.y) / ts,
                    width=float(obj.width or 0) / ts,
                    height=float(obj.height or 0) / ts,
                    properties=dict(obj.properties),
                    points=pts,
                    layer=str(group.name or ""),
                )
            )
    level = LevelData(
        path=p,
        width=width,
        height=height,
        tile_size=ts,
        walkable=walkable,
        objects=objects,
        properties=dict(tmx.properties),
        file_hash=file_digest(p),
    )
    level.district_grid = rasterise_districts(level)
    return level


def rasterise_districts(level: LevelData) -> np.ndarray:
    """Label every tile with the district whose polygon (or rectangle) holds its centre."""
    grid = np.full((level.height, level.width), -1, dtype=np.int16)
    ys, xs = np.mgrid[0 : level.height, 0 : level.width]
    cx, cy = xs + 0.5, ys + 0.5
    for i, d in enumerate(level.districts):
        if d.points:
            inside = np.zeros(grid.shape, dtype=bool)
            pts = d.points
            for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True):
                crosses = (y1 > cy) != (y2 > cy)
                with np.errstate(divide="ignore", invalid="ignore"):
                    xint = x1 + (cy - y1) * (x2 - x1) / (y2 - y1)
                inside ^= crosses & (cx < xint)
        else:
            inside = (cx >= d.x) & (cx < d.x + d.width) & (cy >= d.y) & (cy < d.y + d.height)
        grid[inside & (grid < 0)] = i
    return grid
