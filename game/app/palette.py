"""Colours of the play scene: the opinion palettes (neon and colour-blind safe) and UI constants.

An opinion palette is a 256-entry lookup table from opinion (-1 Pure Smiles .. +1 self-expression)
to RGB, built from three stops. The colour-blind palette uses the Okabe-Ito orange and blue,
which stay apart for protanopia, deuteranopia and tritanopia, with a luminance ramp so the
opinion also reads in greyscale. The crowd never carries meaning by colour alone: the crowd
renderer also draws a different shape per opinion group (see `game/app/crowd_draw.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RGB = tuple[int, int, int]

# the window
BG = (10, 8, 22)
TEXT = (226, 232, 255)
TEXT_DIM = (150, 150, 190)
NEON_PINK = (255, 60, 200)
NEON_CYAN = (60, 235, 255)
NEON_AMBER = (255, 170, 40)
NEON_VIOLET = (150, 90, 255)
PANEL_BG = (16, 12, 34)

# support / traction thresholds shown by the legend and the shapes (DESIGN §4)
SUPPORT_THRESHOLD = 0.2

TRIBE_COLOURS: dict[str, RGB] = {
    "chrome": (120, 200, 255),
    "naturals": (140, 220, 120),
    "glowfangs": (255, 90, 210),
    "drifters": (230, 200, 120),
}
FALLBACK_TRIBE_COLOURS: tuple[RGB, ...] = (
    (200, 160, 255),
    (120, 255, 200),
    (255, 150, 120),
    (180, 180, 180),
)


@dataclass(frozen=True, slots=True)
class OpinionPalette:
    """Three colour stops for opinion -1, 0 and +1, plus the glow of customized smiles."""

    name: str
    label: str
    against: RGB  # -1: the Pure Smiles
    undecided: RGB  # 0
    support: RGB  # +1: self-expression
    glow: RGB  # halo around customized citizens
    advocate: RGB  # the banner over advocates

    def lut(self) -> np.ndarray:
        """uint8 [256, 3]: entry i is the colour of opinion -1 + 2*i/255."""
        t = np.linspace(-1.0, 1.0, 256, dtype=np.float32)[:, None]
        a, m, s = (
            np.array(c, dtype=np.float32) for c in (self.against, self.undecided, self.support)
        )
        neg = m + (a - m) * (-t).clip(0, 1)
        pos = m + (s - m) * t.clip(0, 1)
        return np.where(t < 0, neg, pos).round().astype(np.uint8)

    def colour(self, opinion: float) -> RGB:
        i = int(round((max(-1.0, min(1.0, opinion)) + 1.0) * 127.5))
        r, g, b = self.lut()[i]
        return int(r), int(g), int(b)


PALETTES: dict[str, OpinionPalette] = {
    "neon": OpinionPalette(
        "neon",
        "neon",
        against=(255, 150, 30),
        undecided=(165, 150, 200),
        support=(40, 235, 255),
        glow=(255, 200, 255),
        advocate=(255, 255, 255),
    ),
    "colorblind": OpinionPalette(
        "colorblind",
        "colour-blind safe",
        against=(230, 159, 0),  # Okabe-Ito orange
        undecided=(200, 200, 200),
        support=(0, 114, 178),  # Okabe-Ito blue, darker: the ramp also reads in greyscale
        glow=(255, 255, 255),
        advocate=(240, 228, 66),  # Okabe-Ito yellow
    ),
}


def opinion_index(opinion: np.ndarray) -> np.ndarray:
    """Opinion -1..1 -> LUT index 0..255 (uint8), NaN-safe."""
    o = np.nan_to_num(opinion, nan=0.0)
    return ((o.clip(-1.0, 1.0) + 1.0) * 127.5 + 0.5).astype(np.uint8)


def tribe_colour(name: str, index: int) -> RGB:
    return TRIBE_COLOURS.get(name, FALLBACK_TRIBE_COLOURS[index % len(FALLBACK_TRIBE_COLOURS)])
