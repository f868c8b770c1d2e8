"""The neon city of 2145 behind the menus: a dusk sky, a skyline with lit windows and signs, a
synthwave grid floor that scrolls slowly, and drifting sparks.

The static part is drawn once per window size (numpy for the sky gradient, a fixed-seed
generator for the buildings: the skyline is the same every time); the moving part (grid, sparks,
a blinking sign) costs a few hundred draw calls a frame.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.app.screens.base import AMBER, CYAN, PINK, VIOLET

SKY_TOP = np.array([8, 6, 26], np.float32)
SKY_MID = np.array([44, 12, 72], np.float32)
SKY_LOW = np.array([150, 30, 110], np.float32)
WINDOW_COLOURS = [(60, 235, 255), (255, 60, 200), (255, 190, 90), (150, 90, 255), (230, 230, 255)]


def _sky(w: int, h: int, horizon: int) -> pygame.Surface:
    y = np.arange(h, dtype=np.float32)[:, None]
    t = np.clip(y / max(horizon, 1), 0, 1)
    upper = SKY_TOP + (SKY_MID - SKY_TOP) * np.clip(t * 1.6, 0, 1)
    lower = SKY_MID + (SKY_LOW - SKY_MID) * np.clip((t - 0.6) / 0.4, 0, 1)
    col = np.where(t < 0.6, upper, lower)
    below = y >= horizon
    floor = np.array([14, 6, 30], np.float32) + np.zeros_like(col)
    col = np.where(below, floor, col)
    rgb = np.repeat(col[:, None, :], w, axis=1).astype(np.uint8)  # [h, w, 3]
    return pygame.surfarray.make_surface(rgb.transpose(1, 0, 2))


class Backdrop:
    """Draws the city behind a screen; `draw(surf, t)` with t in seconds."""

    def __init__(self, size: tuple[int, int], horizon: float = 0.64) -> None:
        self.size = size
        w, h = size
        self.horizon = int(h * horizon)
        rng = np.random.default_rng(2145)  # decoration only: the same skyline every time
        self.base = _sky(w, h, self.horizon).convert()
        self._sun(self.base)
        self._stars(self.base, rng)
        self._skyline(self.base, rng, far=True)
        self._skyline(self.base, rng, far=False)
        n = max(24, w // 30)
        self.sparks = np.column_stack(
            [rng.uniform(0, w, n), rng.uniform(0, self.horizon, n), rng.uniform(0, 6.28, n)]
        )
        self.signs = self._signs(rng)

    def _sun(self, surf: pygame.Surface) -> None:
        w, _ = self.size
        r = max(40, int(self.size[1] * 0.2))
        cx, cy = int(w * 0.72), self.horizon - int(r * 0.55)
        sun = pygame.Surface((r * 2 + 2, r * 2 + 2), pygame.SRCALPHA)
        for i in range(r, 0, -1):
            k = i / r
            col = (255, int(60 + 140 * (1 - k)), int(200 - 120 * (1 - k)), 255)
            pygame.draw.circle(sun, col, (r + 1, r + 1), i)
        for j in range(7):  # the synthwave stripes across the lower half
            y = r + 1 + int(r * (0.15 + j * 0.13))
            pygame.draw.rect(sun, (0, 0, 0, 0), (0, y, r * 2 + 2, max(2, 2 + j)))
        halo = pygame.transform.gaussian_blur(sun, 12)
        above = pygame.Rect(0, 0, r * 2 + 2, self.horizon - (cy - r - 1))  # not below the horizon
        surf.blit(halo, (cx - r - 1, cy - r - 1), above, special_flags=pygame.BLEND_RGB_ADD)
        surf.blit(sun, (cx - r - 1, cy - r - 1), above)

    def _stars(self, surf: pygame.Surface, rng: np.random.Generator) -> None:
        w, _ = self.size
        for _ in range(w // 6):
            x, y = int(rng.uniform(0, w)), int(rng.uniform(0, self.horizon * 0.6))
            v = int(rng.uniform(90, 230))
            surf.set_at((x, y), (v, v, min(255, v + 30)))

    def _skyline(self, surf: pygame.Surface, rng: np.random.Generator, far: bool) -> None:
        w, h = self.size
        x = -int(rng.uniform(0, 40))
        while x < w:
            bw = int(rng.uniform(30, 70) if far else rng.uniform(44, 120))
            bh = int(rng.uniform(0.12, 0.32) * h if far else rng.uniform(0.1, 0.42) * h)
            top = self.horizon - bh
            body = (22, 12, 48) if far else (12, 8, 28)
            pygame.draw.rect(surf, body, (x, top, bw, bh))
            edge = VIOLET if far else PINK
            pygame.draw.line(surf, tuple(c // (3 if far else 2) for c in edge), (x, top),
                             (x + bw - 1, top))  # fmt: skip
            if not far and rng.random() < 0.35:  # an antenna with a red light
                ax = x + bw // 2
                pygame.draw.line(surf, (40, 30, 70), (ax, top), (ax, top - bh // 6))
                pygame.draw.circle(surf, (255, 70, 90), (ax, top - bh // 6), 2)
            step = 7 if far else 9
            for wy in range(top + 6, self.horizon - 6, step):
                for wx in range(x + 5, x + bw - 5, step):
                    if rng.random() < (0.25 if far else 0.38):
                        c = WINDOW_COLOURS[int(rng.integers(len(WINDOW_COLOURS)))]
                        c = tuple(v // (3 if far else 1) for v in c)
                        surf.fill(c, (wx, wy, 3 if far else 4, 2 if far else 3))
            x += bw + int(rng.uniform(0, 12))
        glow = pygame.Surface((w, 6), pygame.SRCALPHA)
        glow.fill((255, 60, 200, 90))
        surf.blit(glow, (0, self.horizon - 3))

    def _signs(self, rng: np.random.Generator) -> list[tuple[pygame.Rect, tuple[int, int, int]]]:
        w, h = self.size
        out = []
        for i in range(5):
            sw, sh = int(rng.uniform(14, 26)), int(rng.uniform(40, 80))
            x = int((i + 0.5) * w / 5 + rng.uniform(-40, 40))
            y = self.horizon - int(rng.uniform(0.15, 0.3) * h)
            out.append((pygame.Rect(x, y, sw, sh), (PINK, CYAN, AMBER)[i % 3]))
        return out

    def draw(self, surf: pygame.Surface, t: float, grid: bool = True) -> None:
        surf.blit(self.base, (0, 0))
        w, h = self.size
        hz = self.horizon
        for rect, colour in self.signs:  # vertical neon signs flickering now and then
            on = math.sin(t * 1.7 + rect.x) > -0.85
            c = colour if on else tuple(v // 3 for v in colour)
            pygame.draw.rect(surf, c, rect, 2, border_radius=3)
            for k in range(3):
                surf.fill(c, (rect.x + 4, rect.y + 6 + k * rect.h // 3, rect.w - 8, 3))
        if grid:
            col = (190, 40, 170)
            vx = w // 2
            for i in range(-14, 15):  # lines running to the vanishing point
                pygame.draw.line(surf, col, (vx + i * w // 10, h), (vx + i * w // 60, hz))
            phase = (t * 0.35) % 1.0
            for j in range(12):  # horizontal lines coming closer
                z = (j + 1 - phase) / 12
                y = hz + int((h - hz) * z * z)
                shade = tuple(int(c * (0.35 + 0.65 * z)) for c in col)
                pygame.draw.line(surf, shade, (0, y), (w, y))
        for x, y, ph in self.sparks:
            a = 0.5 + 0.5 * math.sin(t * 2.0 + ph)
            yy = (y - t * 12 * (0.5 + ph / 12)) % max(hz, 1)
            c = (int(120 + 135 * a), int(80 + 60 * a), 255)
            surf.fill(c, (int(x), int(yy), 2, 2))
