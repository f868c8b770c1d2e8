"""Build the six shipped levels of the 2145 city (deterministic; re-run to rebuild).

Each level is a plan: streets, canals, districts (polygons with a tribe, an income band and a
character) and a few special blocks (the Smile Studio, the gallery, the clinic, the AR lab, the
summit hall, Pure Smiles squares, markets, parks). The builder lays streets and canals, cuts the
rest into blocks, fills every block according to its district (courtyard housing, towers,
warehouses, parks, plazas, markets, landmarks), paints the tiles of `assets/tiles/*.tsx`, and
places the typed objects of the level contract (studio, venues, rally points, districts, homes,
daytime zones, lead spots). Maps are written as CSV-encoded .tmx with external tilesets.

`python tools/make_levels.py [OUT_DIR]` (default `levels/`). Randomness: `random.Random(seed)`
per level, so the output is the same on every run.
"""

from __future__ import annotations

import os
import random
import sys
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.make_tilesets import LANDMARKS, TILESETS, Tileset  # noqa: E402

OUT = ROOT / "levels"
T = 32

# terrain codes
LAND, ROAD, SIDEWALK, PLAZA, PARK, WATER, BRIDGE, BUILDING, LANDMARK = range(9)
COURTYARD, YARD, PATH, MARKET = range(9, 13)
WALKABLE = {ROAD, SIDEWALK, PLAZA, PARK, BRIDGE, COURTYARD, YARD, PATH, MARKET}
H_AXIS, V_AXIS = 1, 2

TRIBE_STYLE = {"chrome": "chrome", "glowfangs": "glowfang", "naturals": "natural",
               "drifters": "drifter"}  # fmt: skip
LANDMARK_SIZE = {lm.name: (lm.w, lm.h) for lm in LANDMARKS}


# ---------------------------------------------------------------------------- gids
class Gids:
    """Tile name -> global id in a map that lists TILESETS in order (firstgid 1, ...)."""

    def __init__(self, tilesets: Iterable[Tileset]) -> None:
        self.first: dict[str, int] = {}
        self.lookup: dict[str, int] = {}
        gid = 1
        for ts in tilesets:
            self.first[ts.name] = gid
            for i, tile in enumerate(ts.tiles):
                self.lookup.setdefault(tile.name, gid + i)
            gid += len(ts.tiles)

    def __call__(self, name: str) -> int:
        return self.lookup[name]


GID = Gids(TILESETS)


# ---------------------------------------------------------------------------- plan
@dataclass(slots=True)
class District:
    name: str
    tribe: str
    income: str
    character: str  # residential / commercial / industrial / civic / mixed
    polygon: list[tuple[int, int]]

    def contains(self, x: float, y: float) -> bool:
        inside = False
        pts = self.polygon
        for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
        return inside


@dataclass(slots=True)
class Special:
    kind: str  # studio gallery clinic ar_lab hall rally market park plaza stage
    at: tuple[int, int]  # a tile inside the block
    name: str
    lead: str = ""
    weight: float = 1.0


@dataclass(slots=True)
class Obj:
    kind: str
    name: str
    x: float  # tiles
    y: float
    w: float = 0.0
    h: float = 0.0
    props: list[tuple[str, str, str, str]] = field(default_factory=list)  # name,type,ptype,value
    polygon: list[tuple[float, float]] | None = None
    point: bool = False
    layer: str = "places"


CHARACTER_MIX = {
    "residential": [("res", 8), ("park", 1), ("towers", 1)],
    "commercial": [("towers", 5), ("res", 3), ("market", 1), ("plaza", 1)],
    "industrial": [("industrial", 4), ("res", 4), ("market", 1)],
    "civic": [("res", 5), ("towers", 2), ("plaza", 1), ("park", 1)],
    "mixed": [("res", 6), ("towers", 3), ("plaza", 1), ("market", 1)],
}


# ---------------------------------------------------------------------------- builder
class City:
    def __init__(self, w: int, h: int, seed: int) -> None:
        self.w, self.h = w, h
        self.rng = random.Random(seed)
        self.terr = [[LAND] * w for _ in range(h)]
        self.axis = [[0] * w for _ in range(h)]
        self.dash = [[False] * w for _ in range(h)]
        self.buildings: list[tuple[int, int, int, int, str]] = []  # x y w h style
        self.landmarks: list[tuple[int, int, str]] = []
        self.decor: dict[tuple[int, int], str] = {}
        self.objects: list[Obj] = []
        self.districts: list[District] = []
        self.specials: list[Special] = []

    # ------------------------------------------------------------ streets & water
    def water(self, x0: int, y0: int, x1: int, y1: int) -> None:
        for y in range(max(0, y0), min(self.h, y1)):
            for x in range(max(0, x0), min(self.w, x1)):
                self.terr[y][x] = WATER

    def road(self, x0: int, y0: int, x1: int, y1: int, axis: int) -> None:
        """A road over [x0,x1) x [y0,y1); `axis` H_AXIS runs east-west."""
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(self.w, x1), min(self.h, y1)
        mid_y, mid_x = y0 + (y1 - y0) // 2, x0 + (x1 - x0) // 2
        for y in range(y0, y1):
            for x in range(x0, x1):
                t = self.terr[y][x]
                if t in (WATER, BRIDGE):
                    self.terr[y][x] = BRIDGE
                else:
                    self.terr[y][x] = ROAD
                self.axis[y][x] |= axis
                if (axis == H_AXIS and y == mid_y and (y1 - y0) % 2) or (
                    axis == V_AXIS and x == mid_x and (x1 - x0) % 2
                ):
                    self.dash[y][x] = True

    def hroad(self, y: int, width: int = 3, x0: int = 0, x1: int | None = None) -> None:
        self.road(x0, y, self.w if x1 is None else x1, y + width, H_AXIS)

    def vroad(self, x: int, width: int = 3, y0: int = 0, y1: int | None = None) -> None:
        self.road(x, y0, x + width, self.h if y1 is None else y1, V_AXIS)

    def ring(self, x0: int, y0: int, x1: int, y1: int, width: int = 3) -> None:
        self.hroad(y0, width, x0, x1)
        self.hroad(y1 - width, width, x0, x1)
        self.vroad(x0, width, y0, y1)
        self.vroad(x1 - width, width, y0, y1)

    # ------------------------------------------------------------ blocks
    def blocks(self) -> list[tuple[int, int, int, int]]:
        """Cut the unassigned land into rectangles (components, split greedily)."""
        seen = [[False] * self.w for _ in range(self.h)]
        rects = []
        for y in range(self.h):
            for x in range(self.w):
                if self.terr[y][x] != LAND or seen[y][x]:
                    continue
                x1 = x
                while x1 < self.w and self.terr[y][x1] == LAND and not seen[y][x1]:
                    x1 += 1
                y1 = y + 1
                while y1 < self.h and all(
                    self.terr[y1][i] == LAND and not seen[y1][i] for i in range(x, x1)
                ):
                    y1 += 1
                for yy in range(y, y1):
                    for xx in range(x, x1):
                        seen[yy][xx] = True
                rects.append((x, y, x1 - x, y1 - y))
        return rects

    def set(self, x: int, y: int, code: int) -> None:
        if 0 <= x < self.w and 0 <= y < self.h:
            self.terr[y][x] = code

    def rect(self, x: int, y: int, w: int, h: int, code: int) -> None:
        for yy in range(y, y + h):
            for xx in range(x, x + w):
                self.set(xx, yy, code)

    def building(self, x: int, y: int, w: int, h: int, style: str) -> None:
        if w < 2 or h < 2:
            self.rect(x, y, w, h, COURTYARD)
            return
        self.rect(x, y, w, h, BUILDING)
        self.buildings.append((x, y, w, h, style))

    def landmark(self, x: int, y: int, kind: str) -> None:
        w, h = LANDMARK_SIZE[kind]
        self.rect(x, y, w, h, LANDMARK)
        self.landmarks.append((x, y, kind))

    def district_at(self, x: float, y: float) -> District:
        for d in self.districts:
            if d.contains(x, y):
                return d
        return self.districts[0]

    # ------------------------------------------------------------ fills
    def strip(self, x: int, y: int, w: int, h: int, style: str, horizontal: bool) -> None:
        """Split a strip of building land into buildings of 3..6 tiles along its length."""
        length = w if horizontal else h
        pos = 0
        while pos < length:
            n = min(self.rng.randint(3, 6), length - pos)
            if length - pos - n < 2:
                n = length - pos
            if horizontal:
                self.building(x + pos, y, n, h, style)
            else:
                self.building(x, y + pos, w, n, style)
            pos += n

    def fill_res(self, ix: int, iy: int, iw: int, ih: int, style: str) -> tuple[int, ...]:
        """Courtyard housing: a ring of buildings around a courtyard with passages."""
        if iw < 7 or ih < 7:
            return self.fill_small(ix, iy, iw, ih, style)
        d = 3 if min(iw, ih) >= 12 else 2
        self.strip(ix, iy, iw, d, style, True)
        self.strip(ix, iy + ih - d, iw, d, style, True)
        self.strip(ix, iy + d, d, ih - 2 * d, style, False)
        self.strip(ix + iw - d, iy + d, d, ih - 2 * d, style, False)
        cx, cy, cw, ch = ix + d, iy + d, iw - 2 * d, ih - 2 * d
        self.rect(cx, cy, cw, ch, COURTYARD)
        # passages: south and north always, east sometimes
        gx = ix + iw // 2
        self._cut(gx, iy + ih - d, 1, d)
        self._cut(gx, iy, 1, d)
        if self.rng.random() < 0.5:
            self._cut(ix + iw - d, iy + ih // 2, d, 1)
        for _ in range(max(1, cw * ch // 12)):
            tx, ty = cx + self.rng.randrange(cw), cy + self.rng.randrange(ch)
            self.decor[(tx, ty)] = self.rng.choice(["tree", "planter", "bench", "tree_glow"])
        return (cx, cy, cw, ch)

    def _cut(self, x: int, y: int, w: int, h: int) -> None:
        """Open a passage through buildings (splitting any building it crosses)."""
        for b in list(self.buildings):
            bx, by, bw, bh, style = b
            if x < bx + bw and bx < x + w and y < by + bh and by < y + h:
                self.buildings.remove(b)
                self.rect(bx, by, bw, bh, COURTYARD)
                # rebuild what is left on either side of the cut
                if bw >= bh:  # a horizontal strip: cut it left and right of the passage
                    self.building(bx, by, x - bx, bh, style)
                    self.building(x + w, by, bx + bw - x - w, bh, style)
                else:
                    self.building(bx, by, bw, y - by, style)
                    self.building(bx, y + h, bw, by + bh - y - h, style)
        self.rect(x, y, w, h, COURTYARD)

    def fill_small(self, ix: int, iy: int, iw: int, ih: int, style: str) -> tuple[int, ...]:
        """Small block: buildings on both sides of a central alley."""
        if iw >= ih:
            mid = iy + ih // 2
            self.strip(ix, iy, iw, mid - iy, style, True)
            self.rect(ix, mid, iw, 1, COURTYARD)
            self.strip(ix, mid + 1, iw, iy + ih - mid - 1, style, True)
            return (ix, mid, iw, 1)
        mid = ix + iw // 2
        self.strip(ix, iy, mid - ix, ih, style, False)
        self.rect(mid, iy, 1, ih, COURTYARD)
        self.strip(mid + 1, iy, ix + iw - mid - 1, ih, style, False)
        return (mid, iy, 1, ih)

    def fill_towers(self, ix: int, iy: int, iw: int, ih: int, style: str) -> tuple[int, ...]:
        """Office towers in the quadrants of a plaza cross."""
        mx, my = ix + iw // 2, iy + ih // 2
        pw = 2 if iw >= 10 else 1
        ph = 2 if ih >= 10 else 1
        x0, y0 = mx - pw // 2, my - ph // 2
        self.rect(ix, y0, iw, ph, PLAZA)
        self.rect(x0, iy, pw, ih, PLAZA)
        styles = ["tower", style, style, "tower"] if self.rng.random() < 0.5 else ["tower"] * 4
        q = 0
        for qx, qw in ((ix, x0 - ix), (x0 + pw, ix + iw - x0 - pw)):
            for qy, qh in ((iy, y0 - iy), (y0 + ph, iy + ih - y0 - ph)):
                self.building(qx, qy, qw, qh, styles[q])
                q += 1
        self.decor[(mx, my)] = "holo_fountain"
        return (ix, iy, iw, ih)

    def fill_industrial(self, ix: int, iy: int, iw: int, ih: int) -> tuple[int, ...]:
        self.rect(ix, iy, iw, ih, YARD)
        mx = ix + iw // 2
        if iw >= 8 and ih >= 6:
            self.building(ix + 1, iy + 1, mx - ix - 2, ih - 2, "drifter")
            self.building(mx + 1, iy + 1, ix + iw - mx - 2, ih - 2, "drifter")
        for y in range(iy, iy + ih, 3):
            self.decor[(mx, y)] = "lamp_magenta"
        return (ix, iy, iw, ih)

    def fill_park(self, ix: int, iy: int, iw: int, ih: int) -> tuple[int, ...]:
        self.rect(ix, iy, iw, ih, PARK)
        mx, my = ix + iw // 2, iy + ih // 2
        self.rect(ix, my, iw, 1, PATH)
        self.rect(mx, iy, 1, ih, PATH)
        if iw >= 12 and ih >= 10:  # a pond in one quadrant
            self.water(ix + 2, iy + 2, mx - 1, my - 1)
        for y in range(iy, iy + ih):
            for x in range(ix, ix + iw):
                if self.terr[y][x] == PARK and self.rng.random() < 0.22:
                    self.decor[(x, y)] = self.rng.choice(["tree", "tree", "tree_glow", "hedge"])
        self.decor[(mx, my)] = "holo_fountain"
        return (ix, iy, iw, ih)

    def fill_plaza(self, ix: int, iy: int, iw: int, ih: int, inlay: bool = True) -> tuple[int, ...]:
        """A square: shops round the edge with wide openings, an open plaza inside."""
        if iw >= 11 and ih >= 10:
            d = 2
            self.strip(ix, iy, iw, d, "tower" if inlay else "natural", True)
            self.strip(ix, iy + ih - d, iw, d, "tower" if inlay else "natural", True)
            self.strip(ix, iy + d, d, ih - 2 * d, "tower" if inlay else "natural", False)
            self.strip(ix + iw - d, iy + d, d, ih - 2 * d, "tower" if inlay else "natural", False)
            mx, my = ix + iw // 2, iy + ih // 2
            self._cut_wide(mx - 1, iy, 3, d)
            self._cut_wide(mx - 1, iy + ih - d, 3, d)
            self._cut_wide(ix, my - 1, d, 3)
            self._cut_wide(ix + iw - d, my - 1, d, 3)
            self.rect(ix + d, iy + d, iw - 2 * d, ih - 2 * d, PLAZA)
            ix, iy, iw, ih = ix + d, iy + d, iw - 2 * d, ih - 2 * d
        else:
            self.rect(ix, iy, iw, ih, PLAZA)
        if inlay:
            self.decor[(ix + iw // 2, iy + ih // 2)] = "holo_fountain"
        for x in range(ix, ix + iw, 3):
            self.decor[(x, iy)] = "tree_glow" if inlay else "tree"
        for x in range(ix + 1, ix + iw, 4):
            self.decor[(x, iy + ih - 1)] = "bench"
        return (ix, iy, iw, ih)

    def _cut_wide(self, x: int, y: int, w: int, h: int) -> None:
        for b in list(self.buildings):
            bx, by, bw, bh, style = b
            if x < bx + bw and bx < x + w and y < by + bh and by < y + h:
                self.buildings.remove(b)
                self.rect(bx, by, bw, bh, PLAZA)
                if bw >= bh:  # cut across a horizontal strip
                    self.building(bx, by, x - bx, bh, style)
                    self.building(x + w, by, bx + bw - x - w, bh, style)
                else:
                    self.building(bx, by, bw, y - by, style)
                    self.building(bx, y + h, bw, by + bh - y - h, style)
        self.rect(x, y, w, h, PLAZA)

    def fill_market(self, ix: int, iy: int, iw: int, ih: int) -> tuple[int, ...]:
        self.rect(ix, iy, iw, ih, MARKET)
        mw, mh = LANDMARK_SIZE["market"]
        top = iy
        if iw >= mw + 2 and ih >= mh + 4:
            self.landmark(ix + (iw - mw) // 2, iy, "market")
            top = iy + mh + 1
        stalls = ["stall_magenta", "stall_cyan", "stall_amber"]
        for y in range(top, iy + ih - 1, 2):
            for x in range(ix + 1, ix + iw - 1, 2):
                if self.rng.random() < 0.7:
                    self.decor[(x, y)] = self.rng.choice(stalls)
        return (ix, top, iw, iy + ih - top)

    def fill_landmark(
        self, ix: int, iy: int, iw: int, ih: int, kind: str, style: str
    ) -> tuple[int, ...]:
        """A landmark at the top of the block, a plaza forecourt below, housing round it."""
        lw, lh = LANDMARK_SIZE[kind]
        lx = ix + (iw - lw) // 2
        self.rect(ix, iy, iw, ih, PLAZA)
        self.landmark(lx, iy, kind)
        side_l, side_r = lx - ix - 1, ix + iw - (lx + lw) - 1
        if side_l >= 2:
            self.strip(ix, iy, side_l, lh, style, False)
        if side_r >= 2:
            self.strip(lx + lw + 1, iy, side_r, lh, style, False)
        fy = iy + lh
        fh = min(ih - lh, 5)
        rest = iy + ih - (fy + fh)
        if rest >= 2:  # a row of buildings behind the forecourt, with a passage
            self.strip(ix, fy + fh, iw, rest, style, True)
            self._cut(ix + iw // 2, fy + fh, 1, rest)
        elif rest > 0:
            fh += rest
        for x in range(ix, ix + iw, 3):
            self.decor[(x, fy + fh - 1)] = "lamp_magenta" if kind == "studio" else "lamp"
        if kind == "stage":
            for x in range(ix, ix + iw, 3):
                self.decor[(x, fy)] = "banner_pure"
        if kind == "studio":
            self.decor[(lx - 1, fy)] = "billboard_magenta"
            self.decor[(lx + lw, fy)] = "billboard_magenta"
            self.decor[(lx + lw // 2, fy + fh // 2)] = "holo_fountain"
        return (ix, fy, iw, fh)

    # ------------------------------------------------------------ build everything
    def build(self) -> None:
        used: set[str] = set()
        for bx, by, bw, bh in self.blocks():
            sp = self.special_in(bx, by, bw, bh)
            if sp is not None and bw >= 5 and bh >= 5:
                used.add(sp.name)
            self.fill_block(bx, by, bw, bh)
        missing = [sp.name for sp in self.specials if sp.name not in used]
        if missing:
            raise SystemExit(f"specials not placed (not inside a big enough block): {missing}")

    def special_in(self, bx: int, by: int, bw: int, bh: int) -> Special | None:
        for sp in self.specials:
            if bx <= sp.at[0] < bx + bw and by <= sp.at[1] < by + bh:
                return sp
        return None

    def fill_block(self, bx: int, by: int, bw: int, bh: int) -> None:
        self.rect(bx, by, bw, bh, SIDEWALK)
        ix, iy, iw, ih = bx + 1, by + 1, bw - 2, bh - 2
        if iw < 3 or ih < 3:  # slivers stay pavement
            return
        d = self.district_at(bx + bw / 2, by + bh / 2)
        style = TRIBE_STYLE[d.tribe]
        sp = self.special_in(bx, by, bw, bh)
        if sp is not None:
            self.fill_special(sp, ix, iy, iw, ih, style, d)
            return
        kinds, weights = zip(*CHARACTER_MIX[d.character], strict=True)
        kind = self.rng.choices(kinds, weights)[0]
        if kind in ("park", "market") and (iw < 6 or ih < 6):
            kind = "res"
        if kind == "plaza" and (iw < 11 or ih < 10):
            kind = "towers"
        if kind == "towers" and (iw < 6 or ih < 6):
            kind = "res"
        n = sum(1 for o in self.objects if o.kind in ("home", "daytime", "venue")) + 1
        if kind == "res":
            area = self.fill_res(ix, iy, iw, ih, style)
            weight = round(iw * ih / 40, 1)
            self.objects.append(
                Obj("home", f"{d.name} Flats {n}", bx, by, bw, bh,
                    [("residents", "float", "", f"{min(weight, 100.0)}")], layer="zones")
            )  # fmt: skip
            del area
        elif kind == "towers":
            self.fill_towers(ix, iy, iw, ih, style)
            self.objects.append(
                Obj("daytime", f"{d.name} Towers {n}", bx, by, bw, bh,
                    [("kind", "string", "daytime_kind", "work"),
                     ("weight", "float", "", f"{round(iw * ih / 30, 1)}")], layer="zones")
            )  # fmt: skip
        elif kind == "industrial":
            self.fill_industrial(ix, iy, iw, ih)
            self.objects.append(
                Obj("daytime", f"{d.name} Works {n}", bx, by, bw, bh,
                    [("kind", "string", "daytime_kind", "work"),
                     ("weight", "float", "", f"{round(iw * ih / 30, 1)}")], layer="zones")
            )  # fmt: skip
        elif kind == "park":
            self.fill_park(ix, iy, iw, ih)
            self.venue(f"{d.name} Park", "park", ix, iy, iw, ih)
        elif kind == "plaza":
            self.fill_plaza(ix, iy, iw, ih)
            self.objects.append(
                Obj("daytime", f"{d.name} Square {n}", ix, iy, iw, ih,
                    [("kind", "string", "daytime_kind", "plaza"),
                     ("weight", "float", "", "1.0")], layer="zones")
            )  # fmt: skip
        elif kind == "market":
            area = self.fill_market(ix, iy, iw, ih)
            self.market_objects(f"{d.name} Market", area)

    def market_objects(self, name: str, area: tuple[int, ...]) -> None:
        x, y, w, h = area
        self.objects.append(
            Obj("daytime", name, x, y, w, h,
                [("kind", "string", "daytime_kind", "market"),
                 ("weight", "float", "", f"{round(w * h / 20, 1)}")], layer="zones")
        )  # fmt: skip

    def venue(self, name: str, kind: str, x: int, y: int, w: int, h: int) -> None:
        cap = max(20, min(5000, w * h * 6))
        self.objects.append(
            Obj("venue", name, x, y, w, h,
                [("kind", "string", "venue_kind", kind), ("capacity", "int", "", str(cap))])
        )  # fmt: skip

    def fill_special(
        self, sp: Special, ix: int, iy: int, iw: int, ih: int, style: str, d: District
    ) -> None:
        if sp.kind in ("studio", "gallery", "clinic", "ar_lab", "hall"):
            x, y, w, h = self.fill_landmark(ix, iy, iw, ih, sp.kind, style)
            if sp.kind == "studio":
                self.objects.append(Obj("studio", sp.name, x, y, w, h))
            else:
                self.venue(sp.name, sp.kind, x, y, w, h)
            if sp.lead:
                self.objects.append(
                    Obj("lead", _lead_name(sp.lead), x + w / 2, y + h / 2,
                        props=[("lead", "string", "lead", sp.lead)], point=True)
                )  # fmt: skip
        elif sp.kind == "rally":
            x, y, w, h = self.fill_landmark(ix, iy, iw, ih, "stage", style)
            cap = max(50, min(10000, w * h * 8))
            self.objects.append(
                Obj("rally_point", sp.name, x, y, w, h,
                    [("capacity", "int", "", str(cap)), ("weight", "float", "", str(sp.weight))])
            )  # fmt: skip
        elif sp.kind == "market":
            area = self.fill_market(ix, iy, iw, ih)
            self.market_objects(sp.name, area)
            self.venue(sp.name, "market", *area)
        elif sp.kind == "park":
            self.fill_park(ix, iy, iw, ih)
            self.venue(sp.name, "park", ix, iy, iw, ih)
        elif sp.kind in ("plaza", "stage"):
            self.fill_plaza(ix, iy, iw, ih)
            self.venue(sp.name, sp.kind, ix, iy, iw, ih)
            if sp.lead:
                self.objects.append(
                    Obj("lead", _lead_name(sp.lead), ix + iw / 2 + 0.5, iy + ih / 2 + 0.5,
                        props=[("lead", "string", "lead", sp.lead)], point=True)
                )  # fmt: skip
        elif sp.kind == "rally_plaza":
            self.fill_plaza(ix, iy, iw, ih)
            for x in range(ix, ix + iw, 3):
                self.decor[(x, iy)] = "banner_pure"
            self.objects.append(
                Obj("rally_point", sp.name, ix, iy, iw, ih,
                    [("capacity", "int", "", str(max(50, min(10000, iw * ih * 8)))),
                     ("weight", "float", "", str(sp.weight))])
            )  # fmt: skip
        else:
            raise ValueError(f"unknown special {sp.kind}")

    # ------------------------------------------------------------ tiles
    def walkable(self, x: int, y: int) -> bool:
        return self.terr[y][x] in WALKABLE

    def paint(self) -> tuple[list[list[int]], list[list[int]], list[list[int]]]:
        ground = [[0] * self.w for _ in range(self.h)]
        roofs = [[0] * self.w for _ in range(self.h)]
        decor = [[0] * self.w for _ in range(self.h)]
        rng = self.rng
        for y in range(self.h):
            for x in range(self.w):
                t = self.terr[y][x]
                ground[y][x] = (
                    GID(self._ground_tile(x, y, t, rng)) if self._ground_tile(x, y, t, rng) else 0
                )
        for bx, by, bw, bh, style in self.buildings:
            for y in range(by, by + bh):
                for x in range(bx, bx + bw):
                    v = "n" if y == by else ("s" if y == by + bh - 1 else "")
                    hpart = "w" if x == bx else ("e" if x == bx + bw - 1 else "")
                    part = (v + hpart) or "c"
                    roofs[y][x] = GID(f"{style}_{part}")
                    ground[y][x] = 0
            # roof details and signs
            for x in range(bx, bx + bw):
                if bh >= 2 and rng.random() < 0.28:
                    colour = {"chrome": "cyan", "glowfang": "magenta", "tower": "magenta",
                              "natural": "amber", "drifter": "amber"}[style]  # fmt: skip
                    if style == "tower" and rng.random() < 0.5:
                        colour = "cyan"
                    decor[by + bh - 1][x] = GID(f"sign_{colour}_{rng.randrange(3)}")
            for y in range(by + 1, by + bh - 1):
                for x in range(bx + 1, bx + bw - 1):
                    if rng.random() < 0.12:
                        decor[y][x] = GID(rng.choice(["vent", "skylight", "antenna", "drone_pad"]))
        for lx, ly, kind in self.landmarks:
            lw, lh = LANDMARK_SIZE[kind]
            for dy in range(lh):
                for dx in range(lw):
                    roofs[ly + dy][lx + dx] = GID(f"{kind}_{dx}_{dy}")
                    ground[ly + dy][lx + dx] = 0
        # street lamps along the kerb
        for y in range(self.h):
            for x in range(self.w):
                if self.terr[y][x] == SIDEWALK and (x * 7 + y * 3) % 11 == 0:
                    if any(
                        self._terr(x + dx, y + dy) == ROAD
                        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
                    ):
                        decor[y][x] = GID("lamp")
        for (x, y), name in self.decor.items():
            if self.terr[y][x] in WALKABLE:
                decor[y][x] = GID(name)
        return ground, roofs, decor

    def _terr(self, x: int, y: int) -> int:
        if 0 <= x < self.w and 0 <= y < self.h:
            return self.terr[y][x]
        return -1

    def _ground_tile(self, x: int, y: int, t: int, rng: random.Random) -> str:
        if t == ROAD:
            a = self.axis[y][x]
            if a == H_AXIS | V_AXIS:
                return "intersection"
            if a == H_AXIS and any(
                self.axis[y][x + dx] == 3 for dx in (-1, 1) if 0 <= x + dx < self.w
            ):
                return "crosswalk_v"
            if a == V_AXIS and any(
                self.axis[y + dy][x] == 3 for dy in (-1, 1) if 0 <= y + dy < self.h
            ):
                return "crosswalk_h"
            if self.dash[y][x] and (x if a == H_AXIS else y) % 2 == 0:
                return "road_dash_h" if a == H_AXIS else "road_dash_v"
            return "asphalt"
        if t == BRIDGE:
            return "bridge_h" if self.axis[y][x] & H_AXIS else "bridge_v"
        if t == SIDEWALK:
            r = (x * 31 + y * 17) % 23
            return "sidewalk_1" if r == 0 else ("sidewalk_2" if r == 7 else "sidewalk_0")
        if t == PLAZA:
            r = (x * 13 + y * 7) % 19
            return "plaza_1" if r == 0 else ("plaza_2" if r == 9 else "plaza_0")
        if t == MARKET:
            return "plaza_0"
        if t == PARK:
            return "grass_1" if (x * 5 + y * 11) % 7 == 0 else "grass_0"
        if t == PATH:
            h = self._terr(x - 1, y) == PATH or self._terr(x + 1, y) == PATH
            v = self._terr(x, y - 1) == PATH or self._terr(x, y + 1) == PATH
            return "path_x" if h and v else ("path_h" if h else "path_v")
        if t == WATER:
            mask = 0
            for bit, (dx, dy) in ((1, (0, -1)), (2, (1, 0)), (4, (0, 1)), (8, (-1, 0))):
                n = self._terr(x + dx, y + dy)
                if n in (WATER, BRIDGE, -1):
                    mask |= bit
            return f"water_{mask}"
        if t == COURTYARD:
            return "courtyard"
        if t == YARD:
            return "hazard_yard" if (x + y) % 9 == 0 else "yard"
        if t in (BUILDING, LANDMARK):
            return ""
        return "sidewalk_0"  # LAND left over

    # ------------------------------------------------------------ checks
    def check_reachable(self, title: str) -> None:
        """Every place object must be reachable on foot from the homes (flood fill)."""
        homes = [o for o in self.objects if o.kind == "home"]
        seen = [[False] * self.w for _ in range(self.h)]
        q: deque[tuple[int, int]] = deque()
        for o in homes:
            cx, cy = int(o.x + o.w / 2), int(o.y + o.h / 2)
            if not self.walkable(cx, cy):
                raise SystemExit(f"{title}: home {o.name} centre is not walkable")
            seen[cy][cx] = True
            q.append((cx, cy))
        while q:
            x, y = q.popleft()
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nx, ny = x + dx, y + dy
                if 0 <= nx < self.w and 0 <= ny < self.h and not seen[ny][nx]:
                    if self.walkable(nx, ny):
                        seen[ny][nx] = True
                        q.append((nx, ny))
        for o in self.objects:
            if o.kind == "district":
                continue
            cx, cy = (int(o.x), int(o.y)) if o.point else (int(o.x + o.w / 2), int(o.y + o.h / 2))
            if not seen[cy][cx]:
                raise SystemExit(f"{title}: {o.kind} {o.name} at {cx},{cy} is unreachable")


def _lead_name(lead: str) -> str:
    return {"zara": "Zara Kline", "roth": "Dr. Eli Roth", "milo": "Milo Trevane",
            "arian": "Arian Verus"}[lead]  # fmt: skip


# ---------------------------------------------------------------------------- writing
def _csv(rows: list[list[int]]) -> str:
    return ",\n".join(",".join(str(v) for v in row) for row in rows)


def _prop(name: str, ptype: str, propertytype: str, value: str) -> str:
    t = f' type="{ptype}"' if ptype and ptype != "string" else ""
    pt = f" propertytype={quoteattr(propertytype)}" if propertytype else ""
    return f"<property name={quoteattr(name)}{t}{pt} value={quoteattr(value)}/>"


@dataclass(slots=True)
class LevelPlan:
    file: str
    width: int
    height: int
    seed: int
    properties: list[tuple[str, str, str, str]]
    layout: object  # callable(City) that lays streets, water, districts and specials


def write_tmx(city: City, plan: LevelPlan, path: Path) -> None:
    ground, roofs, decor = city.paint()
    w, h = city.w, city.h
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" '
        f'renderorder="right-down" width="{w}" height="{h}" tilewidth="{T}" '
        f'tileheight="{T}" infinite="0" backgroundcolor="#0e0c18" nextlayerid="7" '
        f'nextobjectid="{len(city.objects) + len(city.districts) + 1}">',
        " <properties>",
    ]
    lines += [f"  {_prop(*p)}" for p in plan.properties]
    lines.append(" </properties>")
    for ts in TILESETS:
        rel = os.path.relpath(ROOT / "assets" / "tiles" / f"{ts.name}.tsx", path.parent)
        lines.append(f' <tileset firstgid="{GID.first[ts.name]}" source="{Path(rel).as_posix()}"/>')
    for lid, (name, data) in enumerate((("ground", ground), ("buildings", roofs),
                                        ("decor", decor)), start=1):  # fmt: skip
        lines.append(f' <layer id="{lid}" name="{name}" width="{w}" height="{h}">')
        lines.append('  <data encoding="csv">')
        lines.append(_csv(data))
        lines.append("</data>")
        lines.append(" </layer>")
    oid = 1
    groups = (
        ("districts", 4, "#ff3cc8", [_district_obj(d) for d in city.districts]),
        ("zones", 5, "#28e6ff", [o for o in city.objects if o.layer == "zones"]),
        ("places", 6, "#ffb028", [o for o in city.objects if o.layer == "places"]),
    )
    for gname, gid, colour, objs in groups:
        extra = ' opacity="0.6"' if gname == "districts" else ""
        lines.append(f' <objectgroup id="{gid}" name="{gname}" color="{colour}"{extra}>')
        for o in objs:
            lines += _object_xml(oid, o)
            oid += 1
        lines.append(" </objectgroup>")
    lines.append("</map>")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _district_obj(d: District) -> Obj:
    xs = [p[0] for p in d.polygon]
    ys = [p[1] for p in d.polygon]
    x0, y0 = min(xs), min(ys)
    if len(d.polygon) == 4 and len(set(xs)) == 2 and len(set(ys)) == 2:
        return Obj("district", d.name, x0, y0, max(xs) - x0, max(ys) - y0,
                   [("tribe", "string", "tribe", d.tribe),
                    ("income", "string", "income", d.income)], layer="districts")  # fmt: skip
    return Obj("district", d.name, x0, y0, 0, 0,
               [("tribe", "string", "tribe", d.tribe), ("income", "string", "income", d.income)],
               polygon=[(px - x0, py - y0) for px, py in d.polygon], layer="districts")  # fmt: skip


def _num(v: float) -> str:
    v = v * T
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _object_xml(oid: int, o: Obj) -> list[str]:
    head = f'  <object id="{oid}" name={quoteattr(o.name)} type="{o.kind}" x="{_num(o.x)}" y="{_num(o.y)}"'
    if o.w and o.h and o.polygon is None and not o.point:
        head += f' width="{_num(o.w)}" height="{_num(o.h)}"'
    out = [head + ">"]
    if o.props:
        out.append("   <properties>")
        out += [f"    {_prop(*p)}" for p in o.props]
        out.append("   </properties>")
    if o.polygon is not None:
        pts = " ".join(f"{_num(px)},{_num(py)}" for px, py in o.polygon)
        out.append(f'   <polygon points="{pts}"/>')
    if o.point:
        out.append("   <point/>")
    out.append("  </object>")
    return out


# ---------------------------------------------------------------------------- the levels
STD_LOSE = "credits < 0 for 2 days or traction >= 0.6 for 3 days"


def props(
    title: str,
    act: int,
    intro: str,
    population: int,
    credits: int,
    difficulty: str,
    win: str,
    lose: str,
    rally_frequency: float,
    momentum: float,
    aggression: float,
    available: str,
    start: str,
) -> list[tuple[str, str, str, str]]:
    return [
        ("title", "string", "", title),
        ("act", "int", "", str(act)),
        ("intro", "string", "", intro),
        ("population", "int", "", str(population)),
        ("start_credits", "int", "", str(credits)),
        ("difficulty", "string", "difficulty", difficulty),
        ("win", "string", "", win),
        ("lose", "string", "", lose),
        ("rally_frequency", "float", "", str(rally_frequency)),
        ("momentum_start", "float", "", str(momentum)),
        ("aggression", "float", "", str(aggression)),
        ("leads_available", "string", "", available),
        ("leads_start", "string", "", start),
    ]


def rect_poly(x0: int, y0: int, x1: int, y1: int) -> list[tuple[int, int]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def layout_act1(c: City) -> None:
    """Lumen Quarter: a tight grid around the studio, a canal and the docks to the south."""
    c.water(0, 57, c.w, 60)
    for x, wd in ((14, 3), (31, 3), (47, 5), (65, 3), (82, 3)):
        c.vroad(x, wd)
    for y in (13, 28, 43):
        c.hroad(y, 3)
    c.districts = [
        District("Lumen Heart", "glowfangs", "middle", "mixed", rect_poly(31, 28, 68, 57)),
        District("Chrome Row", "chrome", "high", "commercial",
                 [(50, 0), (100, 0), (100, 57), (68, 57), (68, 28), (50, 28)]),
        District("Old Lumen", "naturals", "middle", "residential",
                 [(0, 0), (50, 0), (50, 28), (31, 28), (31, 57), (0, 57)]),
        District("Drift Docks", "drifters", "low", "industrial", rect_poly(0, 57, 100, 75)),
    ]  # fmt: skip
    c.specials = [
        Special("studio", (38, 35), "Smile Studio", lead="zara"),
        Special("plaza", (56, 35), "Neon Plaza"),
        Special("clinic", (73, 20), "Roth Ethics Clinic", lead="roth"),
        Special("park", (22, 35), "Lantern Park"),
        Special("rally", (22, 20), "Old Lumen Square", weight=1.5),
        Special("rally_plaza", (90, 50), "Chrome Steps", weight=0.8),
        Special("market", (56, 70), "Dockside Market"),
        Special("gallery", (38, 5), "Kline Gallery Annex"),
    ]


def layout_act2(c: City) -> None:
    """Halcyon Heights: a grand boulevard, Purity Square, staggered old-town streets."""
    c.water(100, 0, c.w, 37)  # the reservoir in the north-east
    c.hroad(37, 5)  # the boulevard
    for x in (16, 34, 70, 88):
        c.vroad(x, 3, 0, 37)
    c.vroad(52, 5)  # the civic axis
    for x in (24, 42, 62, 80, 97):
        c.vroad(x, 3, 42, c.h)
    c.hroad(12, 3, 0, 52)
    c.hroad(18, 3, 57, c.w)
    c.hroad(58, 3)
    c.districts = [
        District("Halcyon Heights", "naturals", "high", "residential", rect_poly(0, 0, 52, 37)),
        District("Pure Row", "naturals", "middle", "civic", rect_poly(52, 0, 110, 37)),
        District("Gallery Mile", "glowfangs", "middle", "mixed", rect_poly(0, 37, 42, 80)),
        District("Lumen Fringe", "chrome", "middle", "commercial", rect_poly(42, 37, 80, 80)),
        District("Rust Steps", "drifters", "low", "industrial", rect_poly(80, 37, 110, 80)),
    ]
    c.specials = [
        Special("rally", (60, 27), "Purity Square", weight=2.5),
        Special("rally_plaza", (25, 5), "Halcyon Green Steps", weight=1.2),
        Special("rally_plaza", (90, 70), "Rust Steps Forum", weight=0.8),
        Special("studio", (70, 50), "Smile Studio", lead="zara"),
        Special("gallery", (10, 50), "Trevane Gallery", lead="milo"),
        Special("clinic", (45, 50), "Roth Ethics Clinic", lead="roth"),
        Special("plaza", (33, 50), "Mile Plaza"),
        Special("park", (8, 20), "Halcyon Park"),
        Special("market", (90, 50), "Step Market"),
        Special("stage", (33, 70), "Fringe Stage"),
    ]


def layout_act3(c: City) -> None:
    """Summit Harbor: a harbour in the east, a canal to the west, the summit hall on the quay."""
    c.water(100, 0, c.w, c.h)  # harbour
    c.water(0, 40, 100, 44)  # the Summit canal
    for x, wd in ((12, 3), (28, 3), (45, 5), (64, 3), (82, 3)):
        c.vroad(x, wd)
    for y in (14, 28, 55, 70):
        c.hroad(y, 3, 0, 100)
    c.hroad(45, 3, 0, 100)  # quay road south of the canal
    c.vroad(104, 3, 10, 75)  # the pier road
    c.hroad(10, 3, 85, 115)
    c.hroad(72, 3, 85, 115)
    c.districts = [
        District("Summit Quay", "chrome", "high", "civic", rect_poly(45, 0, 120, 40)),
        District("Lantern Docks", "drifters", "low", "industrial", rect_poly(64, 44, 120, 85)),
        District("Violet Rise", "glowfangs", "middle", "mixed", rect_poly(0, 0, 45, 40)),
        District("Reed Terraces", "naturals", "middle", "residential", rect_poly(0, 44, 64, 85)),
    ]
    c.specials = [
        Special("hall", (55, 20), "Summit Hall"),
        Special("rally", (72, 20), "Summit Plaza", weight=3.0),
        Special("studio", (20, 20), "Smile Studio", lead="zara"),
        Special("gallery", (36, 34), "Trevane Gallery", lead="milo"),
        Special("clinic", (20, 50), "Roth Ethics Clinic", lead="roth"),
        Special("ar_lab", (72, 62), "Verus AR Lab", lead="arian"),
        Special("park", (36, 62), "Reed Park"),
        Special("rally_plaza", (92, 60), "Dock Rally Ground", weight=1.0),
        Special("rally_plaza", (5, 62), "Terrace Steps", weight=1.0),
        Special("plaza", (55, 34), "Canal Walk"),
        Special("market", (90, 80), "Lantern Market"),
    ]


def layout_act4(c: City) -> None:
    """The Mended Wards: four wards split by canals, rejoined by bridges and Concord Isle."""
    c.water(53, 0, 58, c.h)
    c.water(0, 38, c.w, 43)
    for x in (14, 34, 73, 93):
        c.vroad(x, 3)
    for y in (14, 28, 52, 66):
        c.hroad(y, 3)
    c.districts = [
        District("Chrome Ward", "chrome", "high", "commercial", rect_poly(0, 0, 55, 40)),
        District("Fang Ward", "glowfangs", "middle", "mixed", rect_poly(55, 0, 110, 40)),
        District("Green Ward", "naturals", "middle", "residential", rect_poly(0, 40, 55, 80)),
        District("Drift Ward", "drifters", "low", "industrial", rect_poly(55, 40, 110, 80)),
    ]
    c.specials = [
        Special("studio", (24, 20), "Smile Studio", lead="zara"),
        Special("clinic", (83, 20), "Transparency Clinic", lead="roth"),
        Special("gallery", (24, 58), "Trevane Gallery", lead="milo"),
        Special("ar_lab", (83, 58), "Verus AR Lab", lead="arian"),
        Special("plaza", (45, 33), "Concord Plaza"),
        Special("park", (65, 33), "Mending Garden"),
        Special("market", (45, 48), "Unity Market"),
        Special("stage", (65, 48), "Ward Stage"),
        Special("rally_plaza", (5, 5), "Chrome Gate", weight=1.0),
        Special("rally_plaza", (100, 72), "Drift Yard", weight=1.5),
        Special("rally_plaza", (5, 72), "Green Commons", weight=1.2),
    ]


def layout_act5(c: City) -> None:
    """Resonance Ring: a ring road round Resonance Park, a workshop hub in every district."""
    c.ring(8, 6, 112, 84, 3)
    c.vroad(34, 3)
    c.vroad(83, 3)
    c.hroad(24, 3)
    c.hroad(63, 3)
    c.vroad(58, 5, 6, 84)
    c.hroad(43, 5, 8, 112)
    c.districts = [
        District("North Chime", "chrome", "high", "commercial", rect_poly(30, 0, 90, 23)),
        District(
            "Glow Reach", "glowfangs", "middle", "mixed", [(90, 0), (120, 0), (120, 45), (90, 45)]
        ),
        District(
            "Ember Flats",
            "drifters",
            "low",
            "industrial",
            [(90, 45), (120, 45), (120, 90), (90, 90)],
        ),
        District("South Bell", "naturals", "middle", "residential", rect_poly(30, 67, 90, 90)),
        District("Reed Reach", "naturals", "low", "residential", rect_poly(0, 45, 30, 90)),
        District("Chrome Reach", "chrome", "middle", "mixed", rect_poly(0, 0, 30, 45)),
        District("Resonance Core", "glowfangs", "middle", "civic", rect_poly(30, 23, 90, 67)),
    ]
    c.specials = [
        Special("park", (45, 33), "Resonance Park NW"),
        Special("park", (72, 55), "Resonance Park SE"),
        Special("studio", (45, 55), "Smile Studio Hub", lead="zara"),
        Special("gallery", (72, 33), "Living Gallery", lead="milo"),
        Special("clinic", (45, 10), "North Chime Clinic", lead="roth"),
        Special("ar_lab", (100, 33), "Glow Reach AR Lab", lead="arian"),
        Special("hall", (104, 60), "Ember Workshop Hall"),
        Special("plaza", (45, 78), "South Bell Workshop"),
        Special("market", (12, 60), "Reed Workshop Market"),
        Special("stage", (20, 33), "Chrome Reach Stage"),
        Special("rally_plaza", (72, 10), "Chime Rally Steps", weight=1.0),
        Special("rally_plaza", (72, 78), "Bell Rally Steps", weight=1.0),
        Special("rally_plaza", (2, 85), "Reed Corner", weight=0.7),
    ]


def layout_sandbox(c: City) -> None:
    """Open City: every quarter of 2145 along the river, room for 100,000 citizens."""
    c.water(96, 0, 102, 70)  # the river, north half
    c.water(96, 70, c.w, 75)  # bends east
    xs = [12, 26, 40, 54, 68, 82, 106, 120, 134, 148, 162, 176, 190]
    for x in xs:
        c.vroad(x, 5 if x in (54, 148) else 3)
    for y in (12, 26, 40, 54, 78, 92, 106, 120, 134):
        c.hroad(y, 5 if y in (54, 106) else 3)
    c.districts = [
        District("Lumen Quarter", "glowfangs", "middle", "mixed", rect_poly(0, 0, 54, 54)),
        District("Halcyon Heights", "naturals", "high", "residential", rect_poly(54, 0, 96, 54)),
        District("Chrome Row", "chrome", "high", "commercial", rect_poly(102, 0, 148, 54)),
        District("Summit Quay", "chrome", "middle", "civic", rect_poly(148, 0, 200, 54)),
        District("Reed Terraces", "naturals", "middle", "residential", rect_poly(0, 54, 54, 106)),
        District("Gallery Mile", "glowfangs", "middle", "mixed", rect_poly(54, 54, 96, 106)),
        District("River Works", "drifters", "low", "industrial", rect_poly(102, 54, 148, 106)),
        District("Glow Reach", "glowfangs", "low", "mixed", rect_poly(148, 54, 200, 106)),
        District("Drift Docks", "drifters", "low", "industrial", rect_poly(0, 106, 70, 150)),
        District("South Bell", "naturals", "low", "residential", rect_poly(70, 106, 140, 150)),
        District("Ember Flats", "drifters", "middle", "mixed", rect_poly(140, 106, 200, 150)),
    ]
    c.specials = [
        Special("studio", (47, 47), "Smile Studio Flagship", lead="zara"),
        Special("clinic", (115, 33), "Roth Ethics Clinic", lead="roth"),
        Special("gallery", (75, 65), "Trevane Gallery", lead="milo"),
        Special("ar_lab", (155, 65), "Verus AR Lab", lead="arian"),
        Special("hall", (160, 33), "Summit Hall"),
        Special("hall", (115, 85), "River Works Hall"),
        Special("rally", (75, 33), "Purity Square", weight=2.0),
        Special("rally", (30, 85), "Terrace Rally Stage", weight=1.2),
        Special("rally_plaza", (185, 90), "Glow Reach Steps", weight=1.0),
        Special("rally_plaza", (30, 140), "Dock Gate", weight=1.0),
        Special("rally_plaza", (127, 140), "Bell Commons", weight=1.0),
        Special("rally_plaza", (127, 5), "Chrome Crossing", weight=0.8),
        Special("plaza", (33, 33), "Neon Plaza"),
        Special("plaza", (185, 20), "Quay Plaza"),
        Special("park", (5, 5), "Lantern Park"),
        Special("park", (75, 95), "Mile Park"),
        Special("park", (180, 125), "Ember Park"),
        Special("market", (60, 140), "Dockside Market"),
        Special("market", (140, 60), "Works Market"),
        Special("stage", (95, 127), "Bell Stage"),
        Special("stage", (10, 60), "Reed Stage"),
    ]


LEVELS = (
    LevelPlan(
        "act1-neon-opening.tmx", 100, 75, 2145_1,
        props("Neon Opening", 1,
              "Zara Kline opens the Smile Studio in the Lumen Quarter. Win the first customers, "
              "keep the credits up, and bring Dr. Eli Roth on board before the Pure Smiles "
              "find their voice.",
              6000, 5000, "story", "leads >= 2 and customers >= 40 by day 5", STD_LOSE,
              0.5, 20, 0.6, "zara,roth", "zara"),
        layout_act1,
    ),
    LevelPlan(
        "act2-pure-smiles-rise.tmx", 110, 80, 2145_2,
        props("The Pure Smiles Rise", 2,
              "Halcyon Heights fills with white banners: the Pure Smiles rally on Purity Square. "
              "Milo Trevane answers from his gallery. Hold traction under 45% through day 7 "
              "and stage three counter-events.",
              10000, 6000, "normal", "day >= 7 and events_held >= 3",
              "traction >= 0.45 or credits < 0 for 2 days", 1.5, 40, 1.0,
              "zara,roth,milo", "zara,roth"),
        layout_act2,
    ),
    LevelPlan(
        "act3-the-summit.tmx", 120, 85, 2145_3,
        props("The Summit", 3,
              "The summit at Summit Hall: the Pure Smiles march on Summit Plaza. Recruit Arian "
              "Verus, win the clash and unveil The Living Gallery.",
              10000, 8000, "normal",
              "living_gallery_held >= 1 and clashes_won >= 1 by day 10", STD_LOSE,
              2.0, 55, 1.4, "zara,roth,milo,arian", "zara,roth,milo"),
        layout_act3,
    ),
    LevelPlan(
        "act4-aftermath.tmx", 110, 80, 2145_4,
        props("Aftermath", 4,
              "After the summit the wards are split by more than canals. Heal the rifts: unite "
              "the tooth tribes, make customization fair, and rebuild trust.",
              10000, 7000, "normal",
              "cohesion >= 0.6 and equity >= 0.8 and trust >= 70 by day 12", STD_LOSE,
              1.0, 35, 1.0, "zara,roth,milo,arian", "zara,roth,milo,arian"),
        layout_act4,
    ),
    LevelPlan(
        "act5-resonance-day.tmx", 120, 90, 2145_5,
        props("Resonance Day", 5,
              "Resonance Day: studios become community hubs. Hold a workshop in every district "
              "and keep the Pure Smiles under 15% traction for two days.",
              10000, 9000, "hard",
              "workshop_districts >= 7 and traction < 0.15 for 2 days", STD_LOSE,
              1.2, 30, 1.2, "zara,roth,milo,arian", "zara,roth,milo,arian"),
        layout_act5,
    ),
    LevelPlan(
        "sandbox-open-city.tmx", 200, 150, 2145_0,
        props("Open City", 0,
              "The whole neon city of 2145 along the river: a hundred thousand citizens, every "
              "tribe, every quarter. No objectives: play as long as you like.",
              100000, 20000, "normal", "", "", 1.0, 30, 1.0, "zara,roth,milo,arian", "zara"),
        layout_sandbox,
    ),
)  # fmt: skip


def build_level(plan: LevelPlan) -> City:
    city = City(plan.width, plan.height, plan.seed)
    plan.layout(city)  # type: ignore[operator]
    city.build()
    title = plan.file
    city.check_reachable(title)
    return city


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    for plan in LEVELS:
        city = build_level(plan)
        path = out / plan.file
        write_tmx(city, plan, path)
        counts: dict[str, int] = {}
        for o in city.objects:
            counts[o.kind] = counts.get(o.kind, 0) + 1
        counts["district"] = len(city.districts)
        print(f"wrote {path} ({plan.width}x{plan.height}) {dict(sorted(counts.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
