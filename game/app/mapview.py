"""The city's tiles, drawn by pyscroll from the level's own tilesets.

Only the app loads pixels: the game's safe map reader (`open_tiled_map`) with pygame's image
loader reads the same .tmx the simulation read without images (STYLE §8). pyscroll keeps a tile buffer a little larger than the view and scrolls it, so
a frame costs one blit (plus one scale when zoomed). Needs a display mode to be set first
(tiles are converted to the screen's format).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame
import pyscroll
import pytmx
from pytmx.util_pygame import pygame_image_loader

from game.app.camera import Camera
from game.level.tmx import LevelError, open_tiled_map

logger = logging.getLogger(__name__)

# The city is the backdrop: tiles are dimmed once at load so the crowd's pixels stand out.
TILE_DIM = (150, 150, 170)


class SceneError(RuntimeError):
    """The play scene cannot be built (e.g. a tileset image is missing); one readable line."""


class MapView:
    """pyscroll's buffered renderer for one level, following a `Camera`.

    pyscroll's own zoom draws a buffer of viewport/zoom pixels and scales it every frame (13 ms
    at zoom 0.25 on a 1280x720 window). Instead, for each zoom level whose tile size is a whole
    number of pixels, the view keeps a copy of the map whose tile images are pre-scaled once,
    drawn by its own pyscroll renderer at zoom 1: one blit per frame at every level. Other zooms
    (tiny maps) fall back to pyscroll's zoom.
    """

    def __init__(self, tmx_path: Path, viewport: tuple[int, int]) -> None:
        try:  # through the game's safe reader: the same checks, templates and groups as the sim
            self.tmx: pytmx.TiledMap = open_tiled_map(tmx_path, image_loader=pygame_image_loader)
        except LevelError as exc:
            raise SceneError(str(exc)) from None
        except Exception as exc:  # pytmx/pygame raise many kinds; the player gets one line
            raise SceneError(f"{tmx_path}: cannot load the map's tiles ({exc})") from None
        _dim_tiles(self.tmx)
        self.tile_size = int(self.tmx.tilewidth)
        self.map_w = int(self.tmx.width) * self.tile_size
        self.map_h = int(self.tmx.height) * self.tile_size
        self._size = viewport
        self._renderers: dict[int, pyscroll.BufferedRenderer] = {}  # tile pixels -> renderer
        self._fallback: pyscroll.BufferedRenderer | None = None
        self._fallback_zoom = 1.0
        self.renderer = self._renderer_for(self.tile_size)
        self.scale = 1.0  # renderer pixels per world pixel

    def _renderer_for(self, tile_px: int) -> pyscroll.BufferedRenderer:
        r = self._renderers.get(tile_px)
        if r is None:
            tmx = self.tmx if tile_px == self.tile_size else _scaled_map(self.tmx, tile_px)
            r = pyscroll.BufferedRenderer(pyscroll.TiledMapData(tmx), self._size, clamp_camera=True)
            self._renderers[tile_px] = r
        return r

    def sync(self, camera: Camera) -> None:
        """Follow the camera's size, zoom and centre; the camera adopts the exact view drawn."""
        size = (camera.viewport_w, camera.viewport_h)
        if size != self._size:
            self._size = size
            self._renderers.clear()  # rebuilt at the new size on demand
            self._fallback = None
        tile_px = camera.zoom * self.tile_size
        if abs(tile_px - round(tile_px)) < 1e-6 and round(tile_px) >= 2:
            self.renderer = self._renderer_for(int(round(tile_px)))
            self.scale = round(tile_px) / self.tile_size
            zoom_for_pyscroll = 1.0
        else:  # an odd zoom: pyscroll scales the full-size tiles
            if self._fallback is None:
                self._fallback = pyscroll.BufferedRenderer(
                    pyscroll.TiledMapData(self.tmx), self._size, clamp_camera=True
                )
                self._fallback_zoom = 1.0
            self.renderer = self._fallback
            self.scale = 1.0
            zoom_for_pyscroll = camera.zoom
            if abs(self._fallback_zoom - zoom_for_pyscroll) > 1e-9:
                self._fallback.zoom = zoom_for_pyscroll
                self._fallback_zoom = zoom_for_pyscroll
        k = self.scale
        self.renderer.center((camera.cx * k, camera.cy * k))
        r = self.renderer.view_rect
        camera.set_view(r.x / k, r.y / k, r.width / k, r.height / k)

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the tiles to fill `surface` (the size of the viewport)."""
        self.renderer.draw(surface, surface.get_rect())


def _dim_tiles(tmx: pytmx.TiledMap) -> None:
    """Multiply every tile image by TILE_DIM (once, at load; costs nothing per frame)."""
    seen: set[int] = set()
    for i, img in enumerate(tmx.images):
        if img is None or id(img) in seen:
            continue
        seen.add(id(img))
        dimmed = img.copy()
        dimmed.fill((*TILE_DIM, 255), special_flags=pygame.BLEND_RGBA_MULT)
        tmx.images[i] = dimmed


def _scaled_map(tmx: pytmx.TiledMap, tile_px: int) -> pytmx.TiledMap:
    """A shallow copy of `tmx` whose tiles are `tile_px` pixels (images scaled once)."""
    k = tile_px / int(tmx.tilewidth)
    out = object.__new__(type(tmx))  # copy.copy trips over pytmx's __getattr__
    out.__dict__.update(tmx.__dict__)
    cache: dict[int, pygame.Surface] = {}
    images = []
    for img in tmx.images:
        if img is None:
            images.append(None)
            continue
        got = cache.get(id(img))
        if got is None:
            w, h = img.get_size()
            size = (max(round(w * k), 1), max(round(h * k), 1))
            smooth = k < 1 and img.get_bitsize() in (24, 32)
            got = (pygame.transform.smoothscale if smooth else pygame.transform.scale)(img, size)
            cache[id(img)] = got
        images.append(got)
    out.images = images
    out.tilewidth = tile_px
    out.tileheight = round(int(tmx.tileheight) * k)
    return out
