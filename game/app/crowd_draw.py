"""The crowd drawn straight from the numpy arrays: vectorised pixel writes, no sprite per citizen.

Every visible citizen is a few pixels written through `pygame.surfarray.pixels2d` in one numpy
assignment per pixel offset (a handful of assignments per frame, whatever the population).
Colour follows opinion through the chosen palette, and so that no information is carried by
colour alone each opinion group has its own shape:

- supporters (opinion > 0.2): a plus `+`
- undecided: a small square
- Pure-Smiles-leaning (opinion < -0.2): a cross `x`

Customized citizens glow (a diamond halo in the palette's glow colour); advocates carry a small
banner above them. At high zoom every pixel of a shape becomes a 2x2 block.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.app.camera import Camera
from game.app.palette import SUPPORT_THRESHOLD, OpinionPalette, opinion_index

Offsets = tuple[tuple[int, int], ...]

SHAPE_SUPPORT: Offsets = ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1))  # +
SHAPE_UNDECIDED: Offsets = ((0, 0), (1, 0), (0, 1), (1, 1))  # square
SHAPE_AGAINST: Offsets = ((0, 0), (-1, -1), (1, 1), (-1, 1), (1, -1))  # x
HALO: Offsets = ((-2, 0), (2, 0), (0, -2), (0, 2), (-1, -1), (1, 1), (-1, 1), (1, -1))
HALO_PLUS: Offsets = ((-2, 0), (2, 0), (0, -2), (0, 2))  # the + already fills its diagonals' gaps
BANNER: Offsets = ((-1, -3), (0, -3), (1, -3))
MARGIN = 3  # pixels a shape may reach from its centre (times the scale)


def _scaled(offsets: Offsets, s: int) -> tuple[np.ndarray, np.ndarray]:
    """Offsets with each pixel grown to an s x s block: (dx array, dy array)."""
    out = [(dx * s + i, dy * s + j) for dx, dy in offsets for i in range(s) for j in range(s)]
    arr = np.array(out, dtype=np.int32)
    return arr[:, 0], arr[:, 1]


class CrowdDrawer:
    """Draws the crowd onto a 32-bit surface; `pick` finds the citizen under a screen point."""

    def __init__(self, palette: OpinionPalette) -> None:
        self.palette = palette
        self._mapped_for: tuple[str, int] | None = None
        self._lut = np.zeros(256, np.uint32)
        self._glow = np.uint32(0)
        self._banner = np.uint32(0)
        self._shapes = {s: {} for s in (1, 2)}  # scale -> name -> (dx, dy)
        for s in (1, 2):
            for name, offs in (
                ("support", SHAPE_SUPPORT),
                ("undecided", SHAPE_UNDECIDED),
                ("against", SHAPE_AGAINST),
                ("halo", HALO),
                ("halo_plus", HALO_PLUS),
                ("banner", BANNER),
            ):
                self._shapes[s][name] = _scaled(offs, s)
        # the last frame's screen positions, for picking
        self.last_rows = np.zeros(0, np.int64)
        self.last_sx = np.zeros(0, np.int32)
        self.last_sy = np.zeros(0, np.int32)

    def set_palette(self, palette: OpinionPalette) -> None:
        self.palette = palette
        self._mapped_for = None

    def _map_colours(self, surface: pygame.Surface) -> None:
        key = (self.palette.name, surface.get_bitsize())
        if self._mapped_for == key:
            return
        lut = self.palette.lut()
        self._lut = np.array([surface.map_rgb(tuple(int(v) for v in c)) for c in lut], np.uint32)
        self._glow = np.uint32(surface.map_rgb(self.palette.glow))
        self._banner = np.uint32(surface.map_rgb(self.palette.advocate))
        self._mapped_for = key

    def draw(
        self,
        surface: pygame.Surface,
        camera: Camera,
        pos_tiles: np.ndarray,
        opinion: np.ndarray,
        customized: np.ndarray,
        advocate: np.ndarray,
        tile_size: int,
    ) -> int:
        """Write the visible citizens into `surface`; returns how many were drawn."""
        self._map_colours(surface)
        w, h = surface.get_size()
        s = 2 if camera.scale_x >= 2.0 else 1
        m = MARGIN * s + s
        world = pos_tiles * np.float32(tile_size)
        sx, sy = camera.world_to_screen_array(world)
        vis = (sx >= m) & (sx < w - m) & (sy >= m) & (sy < h - m)
        rows = np.flatnonzero(vis)
        sx, sy = sx[rows], sy[rows]
        self.last_rows, self.last_sx, self.last_sy = rows, sx, sy
        if not len(rows):
            return 0
        op = opinion[rows]
        col = self._lut[opinion_index(op)]
        shapes = self._shapes[s]
        sup = op > SUPPORT_THRESHOLD
        ag = op < -SUPPORT_THRESHOLD
        und = ~(sup | ag)
        cust = customized[rows]
        adv = advocate[rows]
        pix = pygame.surfarray.pixels2d(surface)
        try:
            if cust.any():  # the halo first, so the citizen's own shape sits on top
                for group, halo in ((cust & ~sup, "halo"), (cust & sup, "halo_plus")):
                    if group.any():
                        gx, gy = sx[group], sy[group]
                        for dx, dy in zip(*shapes[halo], strict=True):
                            pix[gx + dx, gy + dy] = self._glow
            for group, shape in ((sup, "support"), (und, "undecided"), (ag, "against")):
                if not group.any():
                    continue
                gx, gy, gc = sx[group], sy[group], col[group]
                for dx, dy in zip(*shapes[shape], strict=True):
                    pix[gx + dx, gy + dy] = gc
            if adv.any():
                ax, ay = sx[adv], sy[adv]
                for dx, dy in zip(*shapes["banner"], strict=True):
                    pix[ax + dx, ay + dy] = self._banner
        finally:
            del pix
        return len(rows)

    def pick(self, x: int, y: int, radius: int = 6) -> int | None:
        """The row of the citizen drawn nearest to screen (x, y) within `radius`, or None."""
        if not len(self.last_rows):
            return None
        d2 = (self.last_sx - x) ** 2 + (self.last_sy - y) ** 2
        i = int(np.argmin(d2))
        if d2[i] > radius * radius:
            return None
        return int(self.last_rows[i])
