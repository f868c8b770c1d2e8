"""Draw the neon-2145 tilesets (32x32 tiles) and write their PNGs and external .tsx files.

Deterministic: everything is drawn with pygame primitives and a tiny built-in pixel font, and
the only randomness is `random.Random` seeded per tile, so re-running reproduces the same
pixels. Run from anywhere: `python tools/make_tilesets.py [OUT_DIR]` (default `assets/tiles`).

Four tilesets:
- `neon-ground`: streets with lane markings and crosswalks, sidewalks, plazas, parks, yards,
  canals (16 quay variants, solid) and bridges;
- `neon-roofs`: buildings in five styles (chrome, glowfang, natural, drifter, tower), each a
  9-slice of roof tiles with glowing edges (all solid);
- `neon-landmarks`: the Smile Studio, gallery, clinic, AR lab, rally stage, convention hall and
  market hall, each a block of tiles (all solid);
- `neon-decor`: neon signs (magenta, cyan, amber), lamps, trees, benches, stalls, roof details
  (drawn over the other layers, never solid).

Other tools import `TILESETS` to look tiles up by name (`gid_of`).
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "tiles"
T = 32

Color = tuple[int, int, int] | tuple[int, int, int, int]
Draw = Callable[[pygame.Surface, random.Random], None]

# ---------------------------------------------------------------------------- palette
NIGHT = (14, 12, 24)
ASPHALT = (26, 24, 38)
ASPHALT_LINE = (34, 32, 50)
DASH = (236, 176, 58)
ZEBRA = (150, 148, 178)
SIDEWALK = (58, 56, 80)
SIDEWALK_JOINT = (46, 44, 66)
CURB = (44, 170, 200)
PLAZA = (78, 62, 104)
PLAZA_JOINT = (64, 50, 88)
MAGENTA = (255, 60, 200)
CYAN = (40, 230, 255)
AMBER = (255, 176, 40)
VIOLET = (170, 90, 255)
LIME = (150, 255, 110)
WHITE = (236, 240, 255)
GRASS = (20, 74, 62)
GRASS_BLADE = (34, 104, 84)
PATH = (96, 84, 92)
WATER = (10, 38, 82)
RIPPLE = (36, 96, 156)
QUAY = (118, 116, 146)
YARD = (66, 66, 70)
PURE_BLUE = (150, 200, 255)


# ---------------------------------------------------------------------------- pixel font
FONT = {
    "A": ("010", "101", "111", "101", "101"),
    "B": ("110", "101", "110", "101", "110"),
    "C": ("011", "100", "100", "100", "011"),
    "D": ("110", "101", "101", "101", "110"),
    "E": ("111", "100", "110", "100", "111"),
    "G": ("011", "100", "101", "101", "011"),
    "H": ("101", "101", "111", "101", "101"),
    "I": ("111", "010", "010", "010", "111"),
    "K": ("101", "101", "110", "101", "101"),
    "L": ("100", "100", "100", "100", "111"),
    "M": ("101", "111", "111", "101", "101"),
    "N": ("110", "101", "101", "101", "101"),
    "O": ("010", "101", "101", "101", "010"),
    "P": ("110", "101", "110", "100", "100"),
    "R": ("110", "101", "110", "101", "101"),
    "S": ("011", "100", "010", "001", "110"),
    "T": ("111", "010", "010", "010", "010"),
    "U": ("101", "101", "101", "101", "111"),
    "V": ("101", "101", "101", "101", "010"),
    "W": ("101", "101", "111", "111", "101"),
    "F": ("111", "100", "110", "100", "100"),
    "X": ("101", "101", "010", "101", "101"),
    "Y": ("101", "101", "010", "010", "010"),
    "2": ("110", "001", "010", "100", "111"),
    "1": ("010", "110", "010", "010", "111"),
    "4": ("101", "101", "111", "001", "001"),
    "5": ("111", "100", "110", "001", "110"),
    " ": ("000", "000", "000", "000", "000"),
}


def text(surf: pygame.Surface, s: str, x: int, y: int, col: Color, scale: int = 1) -> int:
    """Draw `s` in the 3x5 pixel font at (x, y); returns the width drawn."""
    cx = x
    for ch in s:
        glyph = FONT[ch]
        for gy, row in enumerate(glyph):
            for gx, bit in enumerate(row):
                if bit == "1":
                    surf.fill(col, pygame.Rect(cx + gx * scale, y + gy * scale, scale, scale))
        cx += 4 * scale
    return cx - x - scale


def text_width(s: str, scale: int = 1) -> int:
    return len(s) * 4 * scale - scale


def glow_text(surf: pygame.Surface, s: str, x: int, y: int, col: Color, scale: int = 1) -> None:
    halo = (*col[:3], 70)
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        text(surf, s, x + dx, y + dy, halo, scale)
    text(surf, s, x, y, col, scale)


def dim(col: Color, f: float) -> tuple[int, int, int]:
    return (int(col[0] * f), int(col[1] * f), int(col[2] * f))


def glow_line(surf: pygame.Surface, col: Color, a: tuple[int, int], b: tuple[int, int]) -> None:
    pygame.draw.line(surf, (*col[:3], 80), a, b, 3)
    pygame.draw.line(surf, col, a, b, 1)


# ---------------------------------------------------------------------------- ground
def fill(col: Color) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        s.fill(col)

    return draw


def asphalt(s: pygame.Surface, r: random.Random) -> None:
    s.fill(ASPHALT)
    for _ in range(10):
        x, y = r.randrange(T), r.randrange(T)
        s.set_at((x, y), ASPHALT_LINE)


def road_dash(horizontal: bool) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        asphalt(s, r)
        if horizontal:
            s.fill(DASH, pygame.Rect(4, 15, 14, 2))
        else:
            s.fill(DASH, pygame.Rect(15, 4, 2, 14))

    return draw


def road_edge(side: str) -> Draw:
    """Asphalt with a solid white edge line on one side (lane edge)."""

    def draw(s: pygame.Surface, r: random.Random) -> None:
        asphalt(s, r)
        rect = {
            "n": pygame.Rect(0, 1, T, 1),
            "s": pygame.Rect(0, T - 2, T, 1),
            "w": pygame.Rect(1, 0, 1, T),
            "e": pygame.Rect(T - 2, 0, 1, T),
        }[side]
        s.fill((96, 94, 120), rect)

    return draw


def crosswalk(horizontal_stripes: bool) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        asphalt(s, r)
        for i in range(4):
            if horizontal_stripes:  # for crossing a vertical road
                s.fill(ZEBRA, pygame.Rect(3, 2 + i * 8, T - 6, 4))
            else:
                s.fill(ZEBRA, pygame.Rect(2 + i * 8, 3, 4, T - 6))

    return draw


def intersection(s: pygame.Surface, r: random.Random) -> None:
    asphalt(s, r)
    pygame.draw.circle(s, (40, 38, 58), (16, 16), 5, 1)


def sidewalk(variant: int) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        s.fill(SIDEWALK)
        for k in (0, 16):
            s.fill(SIDEWALK_JOINT, pygame.Rect(0, k, T, 1))
            s.fill(SIDEWALK_JOINT, pygame.Rect(k + (8 if variant else 0), 0, 1, T))
        if variant == 1:
            pygame.draw.rect(s, (36, 34, 52), pygame.Rect(12, 12, 8, 8))  # drain
            for i in range(3):
                s.fill((70, 68, 96), pygame.Rect(13, 13 + i * 3, 6, 1))
        if variant == 2:  # glowing paver
            s.fill(dim(CYAN, 0.55), pygame.Rect(2, 18, 12, 12))

    return draw


def plaza(variant: int) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        s.fill(PLAZA)
        for k in range(0, T, 8):
            s.fill(PLAZA_JOINT, pygame.Rect(0, k, T, 1))
            s.fill(PLAZA_JOINT, pygame.Rect(k, 0, 1, T))
        if variant == 1:
            pygame.draw.circle(s, (*MAGENTA, 90), (16, 16), 12, 3)
            pygame.draw.circle(s, MAGENTA, (16, 16), 12, 1)
        if variant == 2:
            pygame.draw.polygon(s, (*CYAN, 110), [(16, 4), (28, 16), (16, 28), (4, 16)], 1)
            s.fill(dim(CYAN, 0.7), pygame.Rect(14, 14, 4, 4))

    return draw


def grass(variant: int) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        s.fill(GRASS)
        for _ in range(26):
            x, y = r.randrange(1, T - 1), r.randrange(2, T)
            s.fill(GRASS_BLADE, pygame.Rect(x, y - 2, 1, 2))
        if variant == 1:
            for _ in range(5):
                x, y = r.randrange(3, T - 3), r.randrange(3, T - 3)
                s.set_at((x, y), (*LIME, 255))

    return draw


def park_path(horizontal: bool) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        grass(0)(s, r)
        rect = pygame.Rect(0, 9, T, 14) if horizontal else pygame.Rect(9, 0, 14, T)
        s.fill(PATH, rect)
        for _ in range(12):
            x = r.randrange(rect.left, rect.right)
            y = r.randrange(rect.top, rect.bottom)
            s.set_at((x, y), (110, 98, 104))

    return draw


def path_cross(s: pygame.Surface, r: random.Random) -> None:
    grass(0)(s, r)
    s.fill(PATH, pygame.Rect(0, 9, T, 14))
    s.fill(PATH, pygame.Rect(9, 0, 14, T))


def yard(s: pygame.Surface, r: random.Random) -> None:
    s.fill(YARD)
    for _ in range(14):
        s.set_at((r.randrange(T), r.randrange(T)), (78, 78, 82))
    s.fill((56, 56, 60), pygame.Rect(0, 0, T, 1))


def hazard_yard(s: pygame.Surface, r: random.Random) -> None:
    yard(s, r)
    for i in range(-T, T, 8):
        pygame.draw.line(s, (180, 140, 30), (i, T - 2), (i + 6, T - 8), 3)


def courtyard(s: pygame.Surface, r: random.Random) -> None:
    s.fill((62, 58, 70))
    for k in range(0, T, 16):
        s.fill((52, 48, 60), pygame.Rect(0, k, T, 1))
        s.fill((52, 48, 60), pygame.Rect(k, 0, 1, T))
    if r.random() < 0.5:
        s.fill(GRASS, pygame.Rect(4, 4, 8, 8))


def water(mask: int) -> Draw:
    """Canal water; `mask` bits N=1 E=2 S=4 W=8 say which neighbours are water too."""

    def draw(s: pygame.Surface, r: random.Random) -> None:
        s.fill(WATER)
        for _ in range(6):
            x, y = r.randrange(2, T - 8), r.randrange(4, T - 4)
            s.fill(RIPPLE, pygame.Rect(x, y, 6, 1))
        q = 4
        if not mask & 1:
            s.fill(QUAY, pygame.Rect(0, 0, T, q))
            s.fill(CYAN, pygame.Rect(0, q, T, 1))
        if not mask & 4:
            s.fill(QUAY, pygame.Rect(0, T - q, T, q))
            s.fill(CYAN, pygame.Rect(0, T - q - 1, T, 1))
        if not mask & 8:
            s.fill(QUAY, pygame.Rect(0, 0, q, T))
            s.fill(CYAN, pygame.Rect(q, 0, 1, T))
        if not mask & 2:
            s.fill(QUAY, pygame.Rect(T - q, 0, q, T))
            s.fill(CYAN, pygame.Rect(T - q - 1, 0, 1, T))

    return draw


def bridge(horizontal: bool) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        s.fill(WATER)
        if horizontal:  # road runs east-west, railings north and south
            s.fill((44, 42, 60), pygame.Rect(0, 2, T, T - 4))
            for y in (2, T - 4):
                s.fill(QUAY, pygame.Rect(0, y, T, 2))
                s.fill(CYAN, pygame.Rect(0, y + (2 if y == 2 else -1), T, 1))
        else:
            s.fill((44, 42, 60), pygame.Rect(2, 0, T - 4, T))
            for x in (2, T - 4):
                s.fill(QUAY, pygame.Rect(x, 0, 2, T))
                s.fill(CYAN, pygame.Rect(x + (2 if x == 2 else -1), 0, 1, T))

    return draw


# ---------------------------------------------------------------------------- roofs
@dataclass(frozen=True, slots=True)
class RoofStyle:
    name: str
    roof: tuple[int, int, int]
    detail: tuple[int, int, int]
    neon: tuple[int, int, int]
    pattern: str


ROOF_STYLES = (
    RoofStyle("chrome", (84, 94, 118), (110, 122, 150), CYAN, "stripes"),
    RoofStyle("glowfang", (66, 36, 88), (92, 52, 120), MAGENTA, "dots"),
    RoofStyle("natural", (62, 80, 56), (80, 104, 70), AMBER, "moss"),
    RoofStyle("drifter", (88, 58, 44), (112, 76, 56), (255, 120, 40), "corrugated"),
    RoofStyle("tower", (28, 32, 54), (40, 46, 76), VIOLET, "windows"),
)
SLICES = ("nw", "n", "ne", "w", "c", "e", "sw", "s", "se")


def roof(style: RoofStyle, part: str) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        s.fill(style.roof)
        if style.pattern == "stripes":
            for y in range(3, T, 6):
                s.fill(style.detail, pygame.Rect(0, y, T, 2))
        elif style.pattern == "dots":
            for y in range(4, T, 8):
                for x in range(4, T, 8):
                    s.fill(style.detail, pygame.Rect(x, y, 2, 2))
        elif style.pattern == "moss":
            for _ in range(30):
                s.fill(style.detail, pygame.Rect(r.randrange(T), r.randrange(T), 2, 2))
        elif style.pattern == "corrugated":
            for x in range(0, T, 4):
                s.fill(style.detail, pygame.Rect(x, 0, 2, T))
        elif style.pattern == "windows":
            for y in range(3, T, 7):
                for x in range(3, T, 7):
                    lit = r.random() < 0.35
                    col = (220, 200, 120) if lit else style.detail
                    s.fill(col, pygame.Rect(x, y, 4, 4))
        # facade on the south side: a darker band with lit windows gives the roof depth
        if "s" in part and part != "e" and part != "w" and part != "c":
            s.fill(dim(style.roof, 0.45), pygame.Rect(0, T - 9, T, 9))
            for x in range(3, T - 3, 6):
                if r.random() < 0.6:
                    s.fill(dim(style.neon, 0.8), pygame.Rect(x, T - 6, 3, 3))
        # neon edges where the building ends
        edge = 2
        if part.startswith("n"):
            s.fill((*style.neon, 255), pygame.Rect(0, 0, T, edge))
            s.fill(dim(style.neon, 0.4), pygame.Rect(0, edge, T, 1))
        if part.startswith("s"):
            s.fill((*style.neon, 255), pygame.Rect(0, T - edge, T, edge))
        if part.endswith("w"):
            s.fill((*style.neon, 255), pygame.Rect(0, 0, edge, T))
            s.fill(dim(style.neon, 0.4), pygame.Rect(edge, 0, 1, T))
        if part.endswith("e"):
            s.fill((*style.neon, 255), pygame.Rect(T - edge, 0, edge, T))
            s.fill(dim(style.neon, 0.4), pygame.Rect(T - edge - 1, 0, 1, T))

    return draw


# ---------------------------------------------------------------------------- landmarks
@dataclass(frozen=True, slots=True)
class Landmark:
    """A building made of w x h tiles, drawn whole and cut into tiles."""

    name: str
    w: int
    h: int
    draw: Callable[[pygame.Surface], None]


def _outline(s: pygame.Surface, col: Color, inset: int = 0, width: int = 3) -> None:
    rect = s.get_rect().inflate(-2 * inset, -2 * inset)
    pygame.draw.rect(s, (*col[:3], 90), rect.inflate(2, 2), width + 2)
    pygame.draw.rect(s, col, rect, width)


def draw_studio(s: pygame.Surface) -> None:
    """The Smile Studio: a magenta-and-white jewel box with a giant glowing tooth."""
    w, h = s.get_size()
    s.fill((58, 18, 62))
    pygame.draw.rect(s, (96, 30, 100), pygame.Rect(8, 8, w - 16, h - 16))
    for y in range(14, h - 14, 10):
        s.fill((112, 40, 118), pygame.Rect(10, y, w - 20, 3))
    _outline(s, MAGENTA, 2, 4)
    _outline(s, CYAN, 10, 2)
    # the tooth
    cx, top = w // 2, 22
    tooth = [
        (cx - 30, top + 8),
        (cx - 18, top),
        (cx, top + 8),
        (cx + 18, top),
        (cx + 30, top + 8),
        (cx + 28, top + 40),
        (cx + 18, top + 66),
        (cx + 8, top + 66),
        (cx, top + 44),
        (cx - 8, top + 66),
        (cx - 18, top + 66),
        (cx - 28, top + 40),
    ]
    pygame.draw.polygon(s, (*CYAN, 120), [(x, y) for x, y in tooth], 6)
    pygame.draw.polygon(s, WHITE, tooth)
    pygame.draw.polygon(s, CYAN, tooth, 2)
    # the smile on the tooth
    pygame.draw.arc(s, MAGENTA, pygame.Rect(cx - 14, top + 12, 28, 20), 3.5, 5.9, 3)
    s.fill(MAGENTA, pygame.Rect(cx - 8, top + 14, 4, 4))
    s.fill(MAGENTA, pygame.Rect(cx + 4, top + 14, 4, 4))
    # the sign
    sign = "SMILE STUDIO"
    tw = text_width(sign, 2)
    s.fill((20, 6, 24), pygame.Rect((w - tw) // 2 - 4, h - 30, tw + 8, 16))
    glow_text(s, sign, (w - tw) // 2, h - 27, (255, 120, 230), 2)


def draw_gallery(s: pygame.Surface) -> None:
    w, h = s.get_size()
    s.fill((60, 54, 84))
    pygame.draw.rect(s, (92, 84, 124), pygame.Rect(6, 6, w - 12, h - 12))
    cols = (MAGENTA, CYAN, AMBER, LIME, VIOLET)
    for i in range(5):
        x = 16 + i * ((w - 32) // 5)
        frame = pygame.Rect(x, 18, (w - 32) // 5 - 8, 30)
        s.fill((30, 26, 44), frame)
        pygame.draw.rect(s, cols[i], frame, 2)
        pygame.draw.circle(s, cols[(i + 2) % 5], frame.center, 6)
    _outline(s, VIOLET, 2, 3)
    glow_text(s, "GALLERY", (w - text_width("GALLERY", 2)) // 2, h - 30, WHITE, 2)


def draw_clinic(s: pygame.Surface) -> None:
    w, h = s.get_size()
    s.fill((24, 70, 76))
    pygame.draw.rect(s, (40, 104, 110), pygame.Rect(6, 6, w - 12, h - 12))
    cx, cy = w // 2, h // 2 - 6
    pygame.draw.rect(s, WHITE, pygame.Rect(cx - 6, cy - 20, 12, 40))
    pygame.draw.rect(s, WHITE, pygame.Rect(cx - 20, cy - 6, 40, 12))
    pygame.draw.rect(s, CYAN, pygame.Rect(cx - 20, cy - 20, 40, 40), 2)
    _outline(s, CYAN, 2, 3)
    glow_text(s, "CLINIC", (w - text_width("CLINIC", 2)) // 2, h - 22, WHITE, 2)


def draw_ar_lab(s: pygame.Surface) -> None:
    w, h = s.get_size()
    s.fill((16, 20, 36))
    for y in range(8, h - 8, 12):
        for x in range(8 + (y // 12 % 2) * 7, w - 8, 14):
            pygame.draw.polygon(
                s, (40, 90, 120), [(x, y - 5), (x + 5, y - 2), (x + 5, y + 3), (x, y + 6)], 1
            )
    cx, cy = w // 2, h // 2 - 6
    pygame.draw.ellipse(s, (*CYAN, 255), pygame.Rect(cx - 26, cy - 12, 52, 24), 3)
    pygame.draw.circle(s, MAGENTA, (cx, cy), 8)
    pygame.draw.circle(s, WHITE, (cx, cy), 3)
    _outline(s, CYAN, 2, 3)
    glow_text(s, "AR LAB", (w - text_width("AR LAB", 2)) // 2, h - 22, CYAN, 2)


def draw_stage(s: pygame.Surface) -> None:
    """The Pure Smiles rally stage: clinical white and pale blue, one uniform smile."""
    w, h = s.get_size()
    s.fill((190, 200, 220))
    pygame.draw.rect(s, (226, 232, 245), pygame.Rect(4, 4, w - 8, h - 8))
    pygame.draw.circle(s, PURE_BLUE, (w // 2, h // 2 - 6), 16)
    pygame.draw.arc(s, WHITE, pygame.Rect(w // 2 - 10, h // 2 - 14, 20, 14), 3.6, 5.8, 3)
    pygame.draw.rect(s, PURE_BLUE, s.get_rect(), 3)
    text(s, "PURE", (w - text_width("PURE", 2)) // 2, h - 14, (60, 90, 150), 2)


def draw_hall(s: pygame.Surface) -> None:
    w, h = s.get_size()
    s.fill((72, 52, 28))
    for x in range(6, w - 6, 12):
        s.fill((104, 76, 40), pygame.Rect(x, 6, 6, h - 12))
    pygame.draw.rect(s, (30, 22, 14), pygame.Rect(w // 2 - 60, h // 2 - 20, 120, 40))
    glow_text(s, "HALL 2145", (w - text_width("HALL 2145", 2)) // 2, h // 2 - 5, AMBER, 2)
    _outline(s, AMBER, 2, 3)


def draw_market(s: pygame.Surface) -> None:
    w, h = s.get_size()
    s.fill((40, 30, 40))
    stripes = (MAGENTA, AMBER, CYAN)
    for i, x in enumerate(range(4, w - 4, 16)):
        s.fill(dim(stripes[i % 3], 0.7), pygame.Rect(x, 6, 12, h - 12))
    _outline(s, AMBER, 2, 2)
    glow_text(s, "MARKET", (w - text_width("MARKET", 2)) // 2, h // 2 - 5, WHITE, 2)


LANDMARKS = (
    Landmark("studio", 4, 4, draw_studio),
    Landmark("gallery", 5, 3, draw_gallery),
    Landmark("clinic", 3, 3, draw_clinic),
    Landmark("ar_lab", 3, 3, draw_ar_lab),
    Landmark("stage", 3, 2, draw_stage),
    Landmark("hall", 6, 4, draw_hall),
    Landmark("market", 4, 2, draw_market),
)


# ---------------------------------------------------------------------------- decor
def sign(col: tuple[int, int, int], word: str) -> Draw:
    """A glowing sign hanging on a roof's south edge (transparent elsewhere)."""

    def draw(s: pygame.Surface, r: random.Random) -> None:
        box = pygame.Rect(2, 17, 28, 11)
        s.fill((12, 8, 20, 230), box)
        pygame.draw.rect(s, (*col, 110), box.inflate(2, 2), 2)
        pygame.draw.rect(s, col, box, 1)
        text(s, word, 16 - text_width(word) // 2, 20, col)

    return draw


def lamp(s: pygame.Surface, r: random.Random) -> None:
    pygame.draw.circle(s, (*CYAN, 40), (16, 16), 10)
    pygame.draw.circle(s, (*CYAN, 90), (16, 16), 5)
    pygame.draw.circle(s, WHITE, (16, 16), 2)


def lamp_magenta(s: pygame.Surface, r: random.Random) -> None:
    pygame.draw.circle(s, (*MAGENTA, 40), (16, 16), 10)
    pygame.draw.circle(s, (*MAGENTA, 90), (16, 16), 5)
    pygame.draw.circle(s, WHITE, (16, 16), 2)


def tree(col: tuple[int, int, int], glow: tuple[int, int, int]) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        pygame.draw.circle(s, (0, 0, 0, 70), (18, 19), 12)
        pygame.draw.circle(s, col, (16, 16), 12)
        for _ in range(6):
            pygame.draw.circle(s, dim(col, 1.3), (r.randrange(9, 23), r.randrange(9, 23)), 3)
        pygame.draw.circle(s, glow, (16, 16), 12, 1)

    return draw


def bench(s: pygame.Surface, r: random.Random) -> None:
    s.fill((110, 90, 120), pygame.Rect(6, 12, 20, 6))
    s.fill(AMBER, pygame.Rect(6, 18, 20, 1))


def stall(col: tuple[int, int, int]) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        s.fill((30, 24, 34), pygame.Rect(4, 6, 24, 20))
        for i, x in enumerate(range(4, 28, 6)):
            s.fill(col if i % 2 == 0 else WHITE, pygame.Rect(x, 6, 6, 10))
        s.fill(AMBER, pygame.Rect(10, 20, 3, 3))
        s.fill(CYAN, pygame.Rect(18, 20, 3, 3))

    return draw


def vent(s: pygame.Surface, r: random.Random) -> None:
    s.fill((60, 62, 74), pygame.Rect(8, 8, 14, 14))
    pygame.draw.circle(s, (30, 30, 40), (15, 15), 5)
    pygame.draw.line(s, (90, 92, 110), (10, 15), (20, 15), 1)


def skylight(s: pygame.Surface, r: random.Random) -> None:
    s.fill((*CYAN, 150), pygame.Rect(8, 10, 16, 10))
    pygame.draw.rect(s, WHITE, pygame.Rect(8, 10, 16, 10), 1)


def antenna(s: pygame.Surface, r: random.Random) -> None:
    pygame.draw.line(s, (150, 150, 170), (16, 26), (16, 6), 2)
    pygame.draw.circle(s, (255, 40, 60), (16, 6), 3)


def billboard(col: tuple[int, int, int], word: str) -> Draw:
    def draw(s: pygame.Surface, r: random.Random) -> None:
        box = pygame.Rect(3, 6, 26, 18)
        s.fill((*col, 60), box.inflate(4, 4))
        s.fill((10, 8, 18), box)
        pygame.draw.rect(s, col, box, 1)
        text(s, word, 16 - text_width(word) // 2, 10, col)
        s.fill(dim(col, 0.7), pygame.Rect(8, 17, 16, 3))

    return draw


def banner(s: pygame.Surface, r: random.Random) -> None:
    """A Pure Smiles banner: pale blue, one plain white smile."""
    s.fill((200, 220, 245), pygame.Rect(6, 4, 20, 24))
    pygame.draw.arc(s, (60, 90, 150), pygame.Rect(10, 8, 12, 10), 3.6, 5.8, 2)
    pygame.draw.rect(s, PURE_BLUE, pygame.Rect(6, 4, 20, 24), 1)


def planter(s: pygame.Surface, r: random.Random) -> None:
    s.fill((70, 60, 70), pygame.Rect(6, 6, 20, 20))
    pygame.draw.circle(s, GRASS_BLADE, (16, 16), 8)
    pygame.draw.circle(s, LIME, (16, 16), 8, 1)


def holo_fountain(s: pygame.Surface, r: random.Random) -> None:
    pygame.draw.circle(s, (*CYAN, 60), (16, 16), 14)
    pygame.draw.circle(s, CYAN, (16, 16), 14, 1)
    pygame.draw.circle(s, (*MAGENTA, 120), (16, 16), 8, 2)
    pygame.draw.circle(s, WHITE, (16, 16), 3)


def drone_pad(s: pygame.Surface, r: random.Random) -> None:
    pygame.draw.circle(s, (80, 80, 96), (16, 16), 12)
    pygame.draw.circle(s, AMBER, (16, 16), 12, 1)
    text(s, "H", 15, 14, AMBER)


def hedge_dot(s: pygame.Surface, r: random.Random) -> None:
    pygame.draw.circle(s, (28, 90, 60), (16, 16), 7)
    pygame.draw.circle(s, (*LIME, 120), (16, 16), 7, 1)


# ---------------------------------------------------------------------------- tilesets
@dataclass(slots=True)
class TileDef:
    name: str
    draw: Draw | None  # None: the tile is cut from a landmark drawing
    solid: bool = False


@dataclass(slots=True)
class Tileset:
    name: str
    columns: int
    tiles: list[TileDef] = field(default_factory=list)
    landmarks: tuple[Landmark, ...] = ()
    transparent: bool = False

    def index(self, tile: str) -> int:
        for i, t in enumerate(self.tiles):
            if t.name == tile:
                return i
        raise KeyError(f"tileset {self.name} has no tile {tile!r}")


def _ground() -> Tileset:
    ts = Tileset("neon-ground", 8)
    add = ts.tiles.append
    add(TileDef("asphalt", asphalt))
    add(TileDef("road_dash_h", road_dash(True)))
    add(TileDef("road_dash_v", road_dash(False)))
    add(TileDef("crosswalk_h", crosswalk(True)))
    add(TileDef("crosswalk_v", crosswalk(False)))
    add(TileDef("intersection", intersection))
    for side in "nswe":
        add(TileDef(f"road_edge_{side}", road_edge(side)))
    for v in range(3):
        add(TileDef(f"sidewalk_{v}", sidewalk(v)))
    for v in range(3):
        add(TileDef(f"plaza_{v}", plaza(v)))
    for v in range(2):
        add(TileDef(f"grass_{v}", grass(v)))
    add(TileDef("path_h", park_path(True)))
    add(TileDef("path_v", park_path(False)))
    add(TileDef("path_x", path_cross))
    add(TileDef("yard", yard))
    add(TileDef("hazard_yard", hazard_yard))
    add(TileDef("courtyard", courtyard))
    add(TileDef("bridge_h", bridge(True)))
    add(TileDef("bridge_v", bridge(False)))
    for mask in range(16):
        add(TileDef(f"water_{mask}", water(mask), solid=True))
    return ts


def _roofs() -> Tileset:
    ts = Tileset("neon-roofs", 9)
    for style in ROOF_STYLES:
        for part in SLICES:
            ts.tiles.append(TileDef(f"{style.name}_{part}", roof(style, part), solid=True))
    return ts


LANDMARK_COLUMNS = 12


def _landmarks() -> Tileset:
    """Landmarks keep their shape in the sheet (shelf-packed), so a designer can stamp one."""
    ts = Tileset("neon-landmarks", LANDMARK_COLUMNS, landmarks=LANDMARKS)
    cells: dict[tuple[int, int], str] = {}
    x = y = shelf = 0
    for lm in LANDMARKS:
        if x + lm.w > LANDMARK_COLUMNS:
            x, y, shelf = 0, y + shelf, 0
        for dy in range(lm.h):
            for dx in range(lm.w):
                cells[(x + dx, y + dy)] = f"{lm.name}_{dx}_{dy}"
        x, shelf = x + lm.w, max(shelf, lm.h)
    rows = y + shelf
    for cy in range(rows):
        for cx in range(LANDMARK_COLUMNS):
            name = cells.get((cx, cy))
            if name is None:
                ts.tiles.append(TileDef(f"empty_{cx}_{cy}", None))
            else:
                ts.tiles.append(TileDef(name, None, solid=True))
    return ts


def _decor() -> Tileset:
    ts = Tileset("neon-decor", 8, transparent=True)
    add = ts.tiles.append
    words = {"magenta": ("SMILE", "GLOW", "2145"), "cyan": ("DENT", "CHROM", "AR"),
             "amber": ("NOODL", "BAR", "OPEN")}  # fmt: skip
    cols = {"magenta": MAGENTA, "cyan": CYAN, "amber": AMBER}
    for cname, ws in words.items():
        for i, word in enumerate(ws):
            add(TileDef(f"sign_{cname}_{i}", sign(cols[cname], word)))
    add(TileDef("lamp", lamp))
    add(TileDef("lamp_magenta", lamp_magenta))
    add(TileDef("tree", tree((24, 110, 70), (*LIME, 140))))
    add(TileDef("tree_glow", tree((60, 40, 110), (*MAGENTA, 160))))
    add(TileDef("bench", bench))
    add(TileDef("stall_magenta", stall(MAGENTA)))
    add(TileDef("stall_cyan", stall(CYAN)))
    add(TileDef("stall_amber", stall(AMBER)))
    add(TileDef("vent", vent))
    add(TileDef("skylight", skylight))
    add(TileDef("antenna", antenna))
    add(TileDef("billboard_magenta", billboard(MAGENTA, "SMILE")))
    add(TileDef("billboard_cyan", billboard(CYAN, "AR")))
    add(TileDef("banner_pure", banner))
    add(TileDef("planter", planter))
    add(TileDef("holo_fountain", holo_fountain))
    add(TileDef("drone_pad", drone_pad))
    add(TileDef("hedge", hedge_dot))
    return ts


TILESETS: tuple[Tileset, ...] = (_ground(), _roofs(), _landmarks(), _decor())


def tileset(name: str) -> Tileset:
    for ts in TILESETS:
        if ts.name == name:
            return ts
    raise KeyError(name)


def render(ts: Tileset) -> pygame.Surface:
    """The tileset image: tiles left to right, top to bottom, `columns` a row."""
    rows = (len(ts.tiles) + ts.columns - 1) // ts.columns
    sheet = pygame.Surface((ts.columns * T, rows * T), pygame.SRCALPHA)
    sheet.fill((0, 0, 0, 0))
    cut: dict[str, pygame.Surface] = {}
    for lm in ts.landmarks:
        big = pygame.Surface((lm.w * T, lm.h * T), pygame.SRCALPHA)
        big.fill((0, 0, 0, 0))
        lm.draw(big)
        for y in range(lm.h):
            for x in range(lm.w):
                cut[f"{lm.name}_{x}_{y}"] = big.subsurface(pygame.Rect(x * T, y * T, T, T))
    for i, tile in enumerate(ts.tiles):
        surf = pygame.Surface((T, T), pygame.SRCALPHA)
        surf.fill((0, 0, 0, 0) if ts.transparent else (*NIGHT, 255))
        if tile.draw is not None:
            seed = sum(ord(c) * (k + 1) for k, c in enumerate(f"{ts.name}/{tile.name}"))
            tile.draw(surf, random.Random(seed))
        elif tile.name in cut:
            surf.blit(cut[tile.name], (0, 0))
        else:  # an unused cell of the landmark sheet
            surf.fill((0, 0, 0, 0))
        sheet.blit(surf, ((i % ts.columns) * T, (i // ts.columns) * T))
    return sheet


def tsx_text(ts: Tileset, image_w: int, image_h: int) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="1.8" tiledversion="1.8.2" name="{ts.name}" tilewidth="{T}" '
        f'tileheight="{T}" tilecount="{len(ts.tiles)}" columns="{ts.columns}">',
        f' <image source="{ts.name}.png" width="{image_w}" height="{image_h}"/>',
    ]
    for i, tile in enumerate(ts.tiles):
        if tile.solid:
            lines += [
                f' <tile id="{i}">',
                "  <properties>",
                '   <property name="solid" type="bool" value="true"/>',
                "  </properties>",
                " </tile>",
            ]
    lines.append("</tileset>")
    return "\n".join(lines) + "\n"


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_all(out: Path) -> list[Path]:
    """Write every tileset's PNG and .tsx into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in TILESETS:
        sheet = render(ts)
        png = out / f"{ts.name}.png"
        tmp = png.with_name(png.name + ".tmp.png")
        pygame.image.save(sheet, str(tmp))
        os.replace(tmp, png)
        tsx = out / f"{ts.name}.tsx"
        _write_atomic(tsx, tsx_text(ts, *sheet.get_size()).encode())
        written += [png, tsx]
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    for path in write_all(out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
