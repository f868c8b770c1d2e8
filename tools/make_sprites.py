"""Draw the portraits and map sprites of the four leads and the Pure Smiles (deterministic).

    python tools/make_sprites.py [--out assets/ui]

Writes `portraits/<who>.png` (96x96, for panels) and `sprites/<who>.png` (24x32, on the map) for
zara, roth, milo, arian and pure_smiles. Everything is drawn with pygame primitives from fixed
numbers (no randomness, no fonts), so the same pygame version gives the same pixels. Files are
written atomically (temp + os.replace). No window is opened.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "assets" / "ui"
WHO = ("zara", "roth", "milo", "arian", "pure_smiles")

Colour = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Look:
    """How one character is drawn."""

    skin: Colour
    hair: Colour
    outfit: Colour
    accent: Colour  # the neon of their frame and their teeth's art
    teeth: tuple[Colour, ...]  # left-to-right colours of the smile


LOOKS: dict[str, Look] = {
    # Zara Kline, Smile Sculptor: magenta hair, chrome inlays
    "zara": Look(
        (196, 140, 110),
        (255, 60, 200),
        (40, 30, 70),
        (255, 80, 220),
        ((210, 230, 255), (120, 240, 255), (230, 240, 250), (120, 240, 255), (210, 230, 255)),
    ),
    # Dr. Eli Roth: white coat, glasses, clean enamel with one gold charter mark
    "roth": Look(
        (232, 196, 160),
        (90, 80, 90),
        (225, 232, 240),
        (90, 255, 190),
        ((245, 245, 240), (245, 245, 240), (255, 210, 80), (245, 245, 240), (245, 245, 240)),
    ),
    # Milo Trevane, cultural advocate: locs, every tribe's colour in one smile
    "milo": Look(
        (120, 80, 56),
        (40, 30, 30),
        (255, 150, 40),
        (255, 190, 60),
        ((255, 90, 90), (255, 200, 60), (90, 230, 120), (80, 170, 255), (200, 110, 255)),
    ),
    # Arian Verus, AI Dentience Artist: a visor and AR-lit enamel
    "arian": Look(
        (170, 180, 205),
        (60, 70, 110),
        (30, 40, 80),
        (80, 200, 255),
        ((120, 255, 250), (60, 200, 255), (160, 120, 255), (60, 200, 255), (120, 255, 250)),
    ),
    # The Pure Smiles: a uniform, one natural norm
    "pure_smiles": Look(
        (214, 200, 186),
        (235, 232, 222),
        (245, 240, 228),
        (255, 170, 40),
        ((250, 250, 246),) * 5,
    ),
}


def _frame(surf: pygame.Surface, accent: Colour) -> None:
    w, h = surf.get_size()
    for i in range(h):  # a dark violet gradient
        t = i / max(h - 1, 1)
        surf.fill((int(18 + 20 * t), int(12 + 8 * t), int(40 + 30 * t)), (0, i, w, 1))
    for k, a in ((0, 1.0), (2, 0.55), (4, 0.25)):
        c = tuple(int(v * a) for v in accent)
        pygame.draw.rect(surf, c, (k, k, w - 2 * k, h - 2 * k), 2, border_radius=8)


def _smile(surf: pygame.Surface, cx: int, cy: int, width: int, look: Look) -> None:
    """A wide open smile with one coloured tooth per entry of look.teeth."""
    n = len(look.teeth)
    h = max(width // 4, 4)
    pygame.draw.ellipse(surf, (70, 20, 40), (cx - width // 2, cy - h // 2, width, h))
    tw = width // (n + 1)
    x0 = cx - tw * n // 2
    for i, col in enumerate(look.teeth):
        pygame.draw.rect(surf, col, (x0 + i * tw + 1, cy - h // 2 + 1, tw - 1, h // 2))
    pygame.draw.arc(surf, look.accent, (cx - width // 2, cy - h, width, h * 2), 3.5, 5.9, 1)


def draw_portrait(who: str, size: int = 96) -> pygame.Surface:
    """A 96x96 bust in a neon frame."""
    look = LOOKS[who]
    s = pygame.Surface((size, size))
    _frame(s, look.accent)
    cx = size // 2
    # shoulders and outfit
    pygame.draw.ellipse(s, look.outfit, (cx - 38, 70, 76, 50))
    if who == "roth":  # coat lapels
        pygame.draw.polygon(s, (180, 190, 205), [(cx - 12, 72), (cx, 92), (cx + 12, 72)])
        pygame.draw.circle(s, look.accent, (cx + 18, 84), 3)
    elif who == "pure_smiles":  # the movement's emblem: a plain circle
        pygame.draw.circle(s, look.accent, (cx, 86), 7, 2)
    elif who == "milo":  # a scarf in stripes
        for i, col in enumerate(look.teeth):
            pygame.draw.rect(s, col, (cx - 20 + i * 8, 70, 8, 6))
    else:
        pygame.draw.line(s, look.accent, (cx - 24, 78), (cx + 24, 78), 2)
    # neck, head
    pygame.draw.rect(s, look.skin, (cx - 7, 58, 14, 14))
    if who == "arian":
        pygame.draw.polygon(
            s,
            look.skin,
            [(cx, 14), (cx + 22, 26), (cx + 22, 52), (cx, 66), (cx - 22, 52), (cx - 22, 26)],
        )
    else:
        pygame.draw.ellipse(s, look.skin, (cx - 21, 16, 42, 50))
    # hair
    if who == "zara":
        pygame.draw.polygon(
            s, look.hair, [(cx - 24, 34), (cx - 10, 6), (cx + 4, 14), (cx + 26, 4), (cx + 22, 34)]
        )
    elif who == "roth":
        pygame.draw.ellipse(s, look.hair, (cx - 22, 12, 44, 16))
    elif who == "milo":
        for i in range(7):
            x = cx - 24 + i * 8
            pygame.draw.rect(s, look.hair, (x, 12 + (i % 2) * 2, 5, 30 + (i % 3) * 6))
        pygame.draw.ellipse(s, look.hair, (cx - 22, 10, 44, 16))
    elif who == "arian":
        pygame.draw.polygon(s, look.hair, [(cx, 10), (cx + 24, 24), (cx - 24, 24)])
    else:  # pure smiles: neat cap
        pygame.draw.rect(s, look.hair, (cx - 22, 12, 44, 12), border_radius=6)
    # eyes
    if who == "arian":
        pygame.draw.rect(s, look.accent, (cx - 18, 34, 36, 7), border_radius=3)
        pygame.draw.line(s, (255, 255, 255), (cx - 14, 36), (cx + 6, 36), 1)
    else:
        for ex in (cx - 9, cx + 9):
            pygame.draw.circle(s, (250, 250, 255), (ex, 38), 4)
            pygame.draw.circle(s, (30, 20, 40), (ex, 38), 2)
        if who == "roth":
            for ex in (cx - 9, cx + 9):
                pygame.draw.circle(s, look.accent, (ex, 38), 6, 1)
            pygame.draw.line(s, look.accent, (cx - 3, 38), (cx + 3, 38), 1)
    _smile(s, cx, 53, 26 if who != "pure_smiles" else 18, look)
    return s


def draw_map_sprite(who: str) -> pygame.Surface:
    """A 24x32 figure with a transparent background, the lead's neon as an outline."""
    look = LOOKS[who]
    s = pygame.Surface((24, 32), pygame.SRCALPHA)
    s.fill((0, 0, 0, 0))
    pygame.draw.ellipse(s, (0, 0, 0, 110), (3, 26, 18, 6))  # shadow
    pygame.draw.polygon(s, look.outfit, [(5, 27), (12, 13), (19, 27)])  # body
    pygame.draw.polygon(s, look.accent, [(5, 27), (12, 13), (19, 27)], 1)
    pygame.draw.circle(s, look.skin, (12, 9), 6)
    pygame.draw.circle(s, look.accent, (12, 9), 7, 1)
    if who == "arian":
        pygame.draw.line(s, look.accent, (8, 8), (16, 8), 2)
    elif who == "pure_smiles":
        pygame.draw.circle(s, look.accent, (12, 21), 2, 1)
    else:
        pygame.draw.arc(s, look.hair, (5, 1, 14, 10), 0.2, 2.9, 3)
    for i, col in enumerate(look.teeth[1:4]):  # the smile, one pixel per tooth
        s.set_at((11 + i - 1, 11), (*col, 255))
    return s


def _save_png(surf: pygame.Surface, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".png", dir=path.parent)
    os.close(fd)
    try:
        pygame.image.save(surf, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def make_all(out: Path) -> list[Path]:
    """Draw every portrait and map sprite into `out`; returns the files written."""
    written = []
    for who in WHO:
        for sub, surf in (("portraits", draw_portrait(who)), ("sprites", draw_map_sprite(who))):
            p = out / sub / f"{who}.png"
            _save_png(surf, p)
            written.append(p)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder (default assets/ui)")
    args = ap.parse_args(argv)
    try:
        files = make_all(args.out)
    except (OSError, pygame.error) as exc:
        print(f"error: cannot write sprites to {args.out}: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {len(files)} files under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
