"""The camera over the city map: centre and zoom in world pixels, clamped to the map.

Pure arithmetic (no pygame), so it is tested without a window. World pixels are tile coordinates
times the tile size; screen pixels are relative to the map viewport's top-left corner. The map
renderer (pyscroll) is told the centre and zoom and reports the exact view rectangle it used;
`set_view` takes that rectangle so the crowd, markers and overlays line up with the tiles to the
pixel.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

ZOOM_STEP = 1.25
MAX_ZOOM = 4.0
ABS_MIN_ZOOM = 0.125
# Zoom levels whose tile size is a whole number of pixels for 32-pixel tiles: the map renderer
# keeps pre-scaled tiles for each, so drawing the map is one blit at every level.
ZOOM_LEVELS = (
    0.125,
    0.1875,
    0.25,
    0.375,
    0.5,
    0.625,
    0.75,
    0.875,
    1.0,
    1.25,
    1.5,
    2.0,
    2.5,
    3.0,
    4.0,
)


@dataclass(slots=True)
class Camera:
    """What part of the map is shown. `view_*` is the world rectangle last drawn."""

    map_w: int  # world pixels
    map_h: int
    viewport_w: int  # screen pixels
    viewport_h: int
    cx: float = 0.0
    cy: float = 0.0
    zoom: float = 1.0
    view_x: float = 0.0
    view_y: float = 0.0
    view_w: float = 1.0
    view_h: float = 1.0
    levels: tuple[float, ...] = ()  # allowed zooms (empty: any zoom between the limits)

    def __post_init__(self) -> None:
        self.cx, self.cy = self.map_w / 2, self.map_h / 2
        self.zoom = self.clamp_zoom(self.zoom)
        self.clamp()

    # ------------------------------------------------------------------ limits

    @property
    def min_zoom(self) -> float:
        """The widest zoom that still keeps the whole viewport on the map."""
        fit = max(self.viewport_w / max(self.map_w, 1), self.viewport_h / max(self.map_h, 1))
        return max(fit, ABS_MIN_ZOOM)

    @property
    def max_zoom(self) -> float:
        return max(MAX_ZOOM, self.min_zoom)

    def clamp_zoom(self, z: float) -> float:
        """`z` within the limits; with `levels`, the nearest allowed level that fits the map."""
        lo, hi = self.min_zoom, self.max_zoom
        z = float(min(max(z, lo), hi))
        allowed = [lv for lv in self.levels if lo - 1e-9 <= lv <= hi + 1e-9]
        if not allowed:
            return z
        return min(allowed, key=lambda lv: (abs(lv - z), lv))

    def _next_level(self, factor: float) -> float:
        """The allowed level one step in the direction of `factor` (> 1 zooms in)."""
        z = self.zoom
        if factor > 1:
            up = [lv for lv in self.levels if lv > z + 1e-9]
            return self.clamp_zoom(min(up)) if up else self.clamp_zoom(z)
        down = [lv for lv in self.levels if lv < z - 1e-9]
        return self.clamp_zoom(max(down)) if down else self.clamp_zoom(z)

    def clamp(self) -> None:
        """Keep the centre where the view stays inside the map; refresh the view rectangle."""
        vw, vh = self.viewport_w / self.zoom, self.viewport_h / self.zoom
        self.cx = min(max(self.cx, vw / 2), max(self.map_w - vw / 2, vw / 2))
        self.cy = min(max(self.cy, vh / 2), max(self.map_h - vh / 2, vh / 2))
        self.view_x, self.view_y = self.cx - vw / 2, self.cy - vh / 2
        self.view_w, self.view_h = vw, vh

    # ------------------------------------------------------------------ moves

    def resize(self, viewport_w: int, viewport_h: int) -> None:
        self.viewport_w, self.viewport_h = max(int(viewport_w), 1), max(int(viewport_h), 1)
        self.zoom = self.clamp_zoom(self.zoom)
        self.clamp()

    def center_on(self, wx: float, wy: float) -> None:
        self.cx, self.cy = float(wx), float(wy)
        self.clamp()

    def pan(self, dx_screen: float, dy_screen: float) -> None:
        """Move the view by screen pixels (the map slides the other way)."""
        self.cx += dx_screen / self.zoom
        self.cy += dy_screen / self.zoom
        self.clamp()

    def zoom_at(self, factor: float, sx: float, sy: float) -> None:
        """Zoom by `factor` keeping the world point under screen (sx, sy) in place."""
        wx, wy = self.screen_to_world(sx, sy)
        if self.levels:
            self.zoom = self._next_level(factor)
        else:
            self.zoom = self.clamp_zoom(self.zoom * factor)
        self.cx = wx - (sx - self.viewport_w / 2) / self.zoom
        self.cy = wy - (sy - self.viewport_h / 2) / self.zoom
        self.clamp()

    def set_view(self, x: float, y: float, w: float, h: float) -> None:
        """Adopt the exact rectangle the map renderer drew (after its own rounding)."""
        self.view_x, self.view_y = float(x), float(y)
        self.view_w, self.view_h = max(float(w), 1.0), max(float(h), 1.0)

    # ------------------------------------------------------------------ transforms

    @property
    def scale_x(self) -> float:
        """Screen pixels per world pixel, horizontally (equals zoom up to rounding)."""
        return self.viewport_w / self.view_w

    @property
    def scale_y(self) -> float:
        return self.viewport_h / self.view_h

    def world_to_screen(self, wx: float, wy: float) -> tuple[float, float]:
        return (wx - self.view_x) * self.scale_x, (wy - self.view_y) * self.scale_y

    def screen_to_world(self, sx: float, sy: float) -> tuple[float, float]:
        return self.view_x + sx / self.scale_x, self.view_y + sy / self.scale_y

    def world_to_screen_array(self, world: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """float [n, 2] world pixels -> int32 screen x, y arrays."""
        sx = (world[:, 0] - np.float32(self.view_x)) * np.float32(self.scale_x)
        sy = (world[:, 1] - np.float32(self.view_y)) * np.float32(self.scale_y)
        return sx.astype(np.int32), sy.astype(np.int32)
