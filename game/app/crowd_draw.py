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
        s = 2 if camera.scale_x >= 0.9 else 1
        m = MARGIN * s + s
        # cull in tile space first: only the visible citizens are transformed
        x0 = (camera.view_x + m / camera.scale_x) / tile_size
        x1 = (camera.view_x + (w - m) / camera.scale_x) / tile_size
        y0 = (camera.view_y + m / camera.scale_y) / tile_size
        y1 = (camera.view_y + (h - m) / camera.scale_y) / tile_size
        px, py = pos_tiles[:, 0], pos_tiles[:, 1]
        rows = np.flatnonzero((px >= x0) & (px < x1) & (py >= y0) & (py < y1))
        sx, sy = camera.world_to_screen_array(pos_tiles[rows] * np.float32(tile_size))
        ok = (sx >= m) & (sx < w - m) & (sy >= m) & (sy < h - m)  # rounding at the edges
        if not ok.all():
            rows, sx, sy = rows[ok], sx[ok], sy[ok]
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
        pix2d = pygame.surfarray.pixels2d(surface)
        try:
            flat, pitch = _flat_view(pix2d)
            at = sy.astype(np.int64) * pitch + sx
            if cust.any():  # the halo first, so the citizen's own shape sits on top
                for group, halo in ((cust & ~sup, "halo"), (cust & sup, "halo_plus")):
                    if group.any():
                        ga = at[group]
                        for dx, dy in zip(*shapes[halo], strict=True):
                            flat[ga + (dy * pitch + dx)] = self._glow
            for group, shape in ((sup, "support"), (und, "undecided"), (ag, "against")):
                if not group.any():
                    continue
                ga, gc = at[group], col[group]
                for dx, dy in zip(*shapes[shape], strict=True):
                    flat[ga + (dy * pitch + dx)] = gc
            if adv.any():
                aa = at[adv]
                for dx, dy in zip(*shapes["banner"], strict=True):
                    flat[aa + (dy * pitch + dx)] = self._banner
        finally:
            del pix2d
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


def _flat_view(pix2d: np.ndarray) -> tuple[np.ndarray, int]:
    """A 1-D view of a surface's pixels and its row pitch in pixels.

    `surfarray.pixels2d` is [x, y] with y strided by the surface pitch; the transposed array
    is row-major, so one flat index `y * pitch + x` reaches every pixel (1-D fancy indexing is
    much cheaper than 2-D).
    """
    t = pix2d.T
    pitch = t.strides[0] // t.itemsize
    h, w = t.shape
    flat = np.lib.stride_tricks.as_strided(t, shape=((h - 1) * pitch + w,), strides=(t.itemsize,))
    return flat, pitch
