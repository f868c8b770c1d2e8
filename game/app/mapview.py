"""The city's tiles, drawn by pyscroll from the level's own tilesets.

Only the app loads pixels: `pytmx.load_pygame` reads the same .tmx the simulation read without
images (STYLE §8). pyscroll keeps a tile buffer a little larger than the view and scrolls it, so
a frame costs one blit (plus one scale when zoomed). Needs a display mode to be set first
(tiles are converted to the screen's format).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame
import pyscroll
import pytmx
from pytmx.util_pygame import load_pygame

from game.app.camera import Camera

logger = logging.getLogger(__name__)


class SceneError(RuntimeError):
    """The play scene cannot be built (e.g. a tileset image is missing); one readable line."""


class MapView:
    """pyscroll's buffered renderer for one level, following a `Camera`."""

    def __init__(self, tmx_path: Path, viewport: tuple[int, int]) -> None:
        try:
            self.tmx: pytmx.TiledMap = load_pygame(str(tmx_path))
        except Exception as exc:  # pytmx/pygame raise many kinds; the player gets one line
            raise SceneError(f"{tmx_path}: cannot load the map's tiles ({exc})") from None
        self.tile_size = int(self.tmx.tilewidth)
        self.map_w = int(self.tmx.width) * self.tile_size
        self.map_h = int(self.tmx.height) * self.tile_size
        self.data = pyscroll.TiledMapData(self.tmx)
        self.renderer = pyscroll.BufferedRenderer(self.data, viewport, clamp_camera=True)
        self._zoom = 1.0
        self._size = viewport

    def sync(self, camera: Camera) -> None:
        """Follow the camera's size, zoom and centre; the camera adopts the exact view drawn."""
        size = (camera.viewport_w, camera.viewport_h)
        if size != self._size:
            self.renderer.set_size(size)
            self._size = size
        if abs(camera.zoom - self._zoom) > 1e-9:
            self.renderer.zoom = camera.zoom
            self._zoom = camera.zoom
        self.renderer.center((camera.cx, camera.cy))
        r = self.renderer.view_rect
        camera.set_view(r.x, r.y, r.width, r.height)

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the tiles to fill `surface` (the size of the viewport)."""
        self.renderer.draw(surface, surface.get_rect())
