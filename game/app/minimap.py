"""The minimap: the whole city small, the crowd as opinion-coloured specks, rallies and events,
and the camera's rectangle; a click on it moves the camera there.

The base (streets, buildings, districts) is drawn once from the level's walkable grid; the crowd
layer is recomputed once per tick with one `np.bincount` (mean opinion per minimap pixel).
"""

from __future__ import annotations

import numpy as np
import pygame

from game.app.camera import Camera
from game.app.palette import NEON_AMBER, NEON_CYAN, NEON_PINK, OpinionPalette, opinion_index
from game.sim import entities
from game.sim.simulation import Simulation

STREET = np.array([30, 24, 58], np.uint8)
BUILDING = np.array([62, 50, 104], np.uint8)
BORDER = (255, 60, 200)


class Minimap:
    """A fixed-size picture of the map inside `max_size`, placed at `rect`."""

    def __init__(self, sim: Simulation, max_size: tuple[int, int]) -> None:
        self.sim = sim
        lw, lh = sim.level.width, sim.level.height
        k = min(max_size[0] / lw, max_size[1] / lh)
        self.size = (max(int(lw * k), 8), max(int(lh * k), 8))
        self.k = k  # minimap pixels per tile
        self.rect = pygame.Rect(0, 0, *self.size)
        self.base = self._base()
        self._crowd_tick = -1
        self._crowd_palette = ""
        self._crowd = pygame.Surface(self.size, pygame.SRCALPHA)

    def _base(self) -> pygame.Surface:
        level = self.sim.level
        rgb = np.where(level.walkable[:, :, None], STREET, BUILDING).astype(np.uint8)
        grid = level.district_grid
        if grid.size:
            tint = (grid >= 0)[:, :, None]
            rgb = np.where(tint, (rgb.astype(np.int16) + [6, 0, 14]).clip(0, 255), rgb).astype(
                np.uint8
            )
        small = pygame.surfarray.make_surface(np.ascontiguousarray(rgb.transpose(1, 0, 2)))
        return pygame.transform.scale(small, self.size)

    def _crowd_layer(self, palette: OpinionPalette) -> pygame.Surface:
        sim = self.sim
        if self._crowd_tick == sim.tick and self._crowd_palette == palette.name:
            return self._crowd
        w, h = self.size
        n = sim.crowd.n
        pos = sim.crowd.pos[:n]
        mx = (pos[:, 0] * self.k).astype(np.int32).clip(0, w - 1)
        my = (pos[:, 1] * self.k).astype(np.int32).clip(0, h - 1)
        idx = mx * h + my  # column-major to match surfarray's [x, y]
        counts = np.bincount(idx, minlength=w * h)
        sums = np.bincount(idx, weights=sim.crowd.opinion[:n], minlength=w * h)
        mean = np.divide(sums, counts, out=np.zeros(w * h), where=counts > 0)
        rgb = palette.lut()[opinion_index(mean.astype(np.float32))].reshape(w, h, 3)
        alpha = np.where(counts > 0, np.clip(120 + counts * 40, 0, 255), 0).astype(np.uint8)
        surf = pygame.Surface(self.size, pygame.SRCALPHA)
        pygame.surfarray.pixels3d(surf)[...] = rgb
        pygame.surfarray.pixels_alpha(surf)[...] = alpha.reshape(w, h)
        self._crowd, self._crowd_tick, self._crowd_palette = surf, sim.tick, palette.name
        return surf

    def draw(
        self, target: pygame.Surface, camera: Camera, palette: OpinionPalette, blink: float
    ) -> None:
        r = self.rect
        pygame.draw.rect(target, (6, 4, 14), r.inflate(6, 6))
        target.blit(self.base, r.topleft)
        target.blit(self._crowd_layer(palette), r.topleft)
        ts = self.sim.level.tile_size
        sk = self.k / ts
        for _, rally in entities.rallies(self.sim):
            if rally.state in ("announced", "active"):
                p = (r.x + int(rally.x * self.k), r.y + int(rally.y * self.k))
                rad = 5 if rally.state == "announced" or blink < 0.5 else 7
                pygame.draw.circle(target, NEON_AMBER, p, rad, 2)
        for _, ev in entities.events(self.sim):
            if ev.state in ("scheduled", "active"):
                p = (r.x + int(ev.x * self.k), r.y + int(ev.y * self.k))
                pygame.draw.circle(target, NEON_CYAN, p, 5, 2)
        studio = entities.studio(self.sim)
        pygame.draw.rect(
            target,
            NEON_PINK,
            (r.x + int(studio.x * self.k) - 2, r.y + int(studio.y * self.k) - 2, 5, 5),
        )
        view = pygame.Rect(
            r.x + int(camera.view_x * sk),
            r.y + int(camera.view_y * sk),
            max(int(camera.view_w * sk), 3),
            max(int(camera.view_h * sk), 3),
        ).clip(r)
        pygame.draw.rect(target, (255, 255, 255), view, 1)
        pygame.draw.rect(target, BORDER, r.inflate(6, 6), 2)

    def contains(self, pos: tuple[int, int]) -> bool:
        return self.rect.collidepoint(pos)

    def world_at(self, pos: tuple[int, int]) -> tuple[float, float]:
        """World pixels under a point of the minimap."""
        ts = self.sim.level.tile_size
        return (pos[0] - self.rect.x) / self.k * ts, (pos[1] - self.rect.y) / self.k * ts
