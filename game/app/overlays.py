"""Map overlays: `opinion` (heat map), `density`, `districts` (with their tribes) and `reach`.

Grid overlays are computed at tile resolution with `np.bincount` over the crowd (once per tick,
cached), lightly blurred, turned into an RGBA image of the whole map's tiles, and each frame only
the visible tiles are scaled up (smoothly) onto the viewport. `reach` draws the draw radius of
every active rally and event from `sim.attractors`, with how many citizens stand inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from game.app.camera import Camera
from game.app.palette import NEON_AMBER, NEON_CYAN, OpinionPalette, opinion_index, tribe_colour
from game.level.loader import LevelData
from game.sim.attractors import RALLY, STUDIO, AttractorTable

OVERLAYS = ("opinion", "density", "districts", "reach")
OVERLAY_HELP = {  # the HUD adds the player's key for each
    "opinion": "Opinion heat map: the mean opinion of the people in each part of the city "
    "(orange: Pure Smiles, blue/cyan: self-expression).",
    "density": "Crowd density: where people are right now (brighter = more people).",
    "districts": "Districts and their tooth tribes, income and current support.",
    "reach": "Reach of active rallies and events: their draw radius and how many people "
    "stand inside it.",
}
HEAT_GAIN = 2.0  # local means rarely pass +-0.5: full colour at +-0.5 (the legend says so)
DENSITY_STOPS = np.array(
    [[20, 10, 60], [120, 40, 200], [255, 60, 200], [255, 220, 120], [255, 255, 255]],
    dtype=np.float32,
)


def _blur(grid: np.ndarray) -> np.ndarray:
    """3x3 box blur with edge padding (float32)."""
    p = np.pad(grid, 1, mode="edge")
    h, w = grid.shape
    out = np.zeros_like(grid, dtype=np.float32)
    for dy in range(3):
        for dx in range(3):
            out += p[dy : dy + h, dx : dx + w]
    return out / 9.0


def tile_counts(
    pos: np.ndarray, values: np.ndarray | None, width: int, height: int
) -> tuple[np.ndarray, np.ndarray]:
    """Citizens per tile and the sum of `values` per tile, both float32 [height, width]."""
    tx = pos[:, 0].astype(np.int32).clip(0, width - 1)
    ty = pos[:, 1].astype(np.int32).clip(0, height - 1)
    idx = ty * width + tx
    counts = np.bincount(idx, minlength=width * height).astype(np.float32)
    sums = (
        np.bincount(idx, weights=values, minlength=width * height).astype(np.float32)
        if values is not None
        else counts
    )
    return counts.reshape(height, width), sums.reshape(height, width)


def opinion_rgba(counts: np.ndarray, sums: np.ndarray, palette: OpinionPalette) -> np.ndarray:
    """uint8 [h, w, 4]: blurred mean opinion coloured by the palette, alpha by presence."""
    c, s = _blur(counts), _blur(sums)
    mean = np.divide(s, c, out=np.zeros_like(s), where=c > 1e-6)
    rgb = palette.lut()[opinion_index(mean * HEAT_GAIN)]
    alpha = (np.clip(c / 1.5, 0, 1) * 175).astype(np.uint8)
    return np.dstack([rgb, alpha])


def density_rgba(counts: np.ndarray) -> np.ndarray:
    """uint8 [h, w, 4]: blurred citizens per tile on a violet-to-white ramp."""
    c = _blur(counts)
    top = max(float(np.percentile(c[c > 0], 98)) if (c > 0).any() else 1.0, 1.0)
    t = np.clip(c / top, 0, 1) * (len(DENSITY_STOPS) - 1)
    i = np.minimum(t.astype(np.int32), len(DENSITY_STOPS) - 2)
    f = (t - i)[..., None]
    rgb = DENSITY_STOPS[i] * (1 - f) + DENSITY_STOPS[i + 1] * f
    alpha = (np.clip(c / top * 3, 0, 1) * 200).astype(np.uint8)
    return np.dstack([rgb.astype(np.uint8), alpha])


def districts_rgba(level: LevelData, tribe_names: list[str]) -> np.ndarray:
    """uint8 [h, w, 4]: each district tinted by its tribe, with a bright border."""
    grid = level.district_grid
    h, w = grid.shape
    out = np.zeros((h, w, 4), np.uint8)
    for i, d in enumerate(level.districts):
        tribe = str(d.properties.get("tribe", "drifters"))
        ti = tribe_names.index(tribe) if tribe in tribe_names else i
        out[grid == i] = (*tribe_colour(tribe, ti), 70)
    inside = grid >= 0
    edge = np.zeros_like(inside)
    edge[:, 1:] |= grid[:, 1:] != grid[:, :-1]
    edge[1:, :] |= grid[1:, :] != grid[:-1, :]
    edge &= inside
    out[edge, 3] = 190
    return out


def rgba_surface(rgba: np.ndarray) -> pygame.Surface:
    """A [h, w, 4] uint8 array as a per-pixel-alpha surface (w x h)."""
    h, w = rgba.shape[:2]
    return pygame.image.frombuffer(np.ascontiguousarray(rgba).tobytes(), (w, h), "RGBA").copy()


def blit_tile_image(
    target: pygame.Surface,
    image: pygame.Surface,
    camera: Camera,
    tile_size: int,
    smooth: bool = True,
) -> None:
    """Scale the visible tiles of a one-pixel-per-tile `image` onto `target` (the viewport)."""
    tw, th = image.get_size()
    x0 = max(int(camera.view_x // tile_size), 0)
    y0 = max(int(camera.view_y // tile_size), 0)
    x1 = min(int(np.ceil((camera.view_x + camera.view_w) / tile_size)) + 1, tw)
    y1 = min(int(np.ceil((camera.view_y + camera.view_h) / tile_size)) + 1, th)
    if x1 <= x0 or y1 <= y0:
        return
    sub = image.subsurface((x0, y0, x1 - x0, y1 - y0))
    px = tile_size * camera.scale_x
    py = tile_size * camera.scale_y
    size = (max(int(round((x1 - x0) * px)), 1), max(int(round((y1 - y0) * py)), 1))
    scaled = (pygame.transform.smoothscale if smooth else pygame.transform.scale)(sub, size)
    sx, sy = camera.world_to_screen(x0 * tile_size, y0 * tile_size)
    target.blit(scaled, (int(round(sx)), int(round(sy))))


@dataclass(slots=True)
class ReachRing:
    """One active rally or event's reach, in screen pixels."""

    x: int
    y: int
    radius: int
    rally: bool
    in_reach: int
    attending: int
    capacity: int


def reach_rings(
    table: AttractorTable, pos: np.ndarray, camera: Camera, tile_size: int
) -> list[ReachRing]:
    """Every rally and event row of the attractor table with the citizens inside its radius."""
    rings = []
    for r in range(len(table)):
        if int(table.kind[r]) == STUDIO:
            continue
        x, y, rad = float(table.x[r]), float(table.y[r]), float(table.radius[r])
        d2 = (pos[:, 0] - x) ** 2 + (pos[:, 1] - y) ** 2
        sx, sy = camera.world_to_screen(x * tile_size, y * tile_size)
        rings.append(
            ReachRing(
                int(sx),
                int(sy),
                max(int(rad * tile_size * camera.scale_x), 2),
                int(table.kind[r]) == RALLY,
                int(np.count_nonzero(d2 <= rad * rad)),
                int(table.attendance[r]) if r < len(table.attendance) else 0,
                int(table.capacity[r]),
            )
        )
    return rings


def draw_reach(
    target: pygame.Surface, rings: list[ReachRing], font: pygame.font.Font, strong: bool
) -> None:
    """Draw reach rings; `strong` (the reach overlay) fills them and labels the counts."""
    if not rings:
        return
    layer = pygame.Surface(target.get_size(), pygame.SRCALPHA)
    for ring in rings:
        colour = NEON_AMBER if ring.rally else NEON_CYAN
        if strong:
            pygame.draw.circle(layer, (*colour, 48), (ring.x, ring.y), ring.radius)
        pygame.draw.circle(
            layer, (*colour, 200 if strong else 120), (ring.x, ring.y), ring.radius, 2
        )
    target.blit(layer, (0, 0))
    if strong:
        for ring in rings:
            who = "rally" if ring.rally else "event"
            text = f"{who}: {ring.in_reach} in reach · {ring.attending}/{ring.capacity} attending"
            body = font.render(text, True, NEON_AMBER if ring.rally else NEON_CYAN)
            img = pygame.Surface((body.get_width() + 8, body.get_height() + 2), pygame.SRCALPHA)
            img.fill((8, 6, 20, 200))
            img.blit(body, (4, 1))
            label_y = min(ring.y + 30, ring.y + ring.radius + 4)  # near the centre on big rings
            target.blit(img, (ring.x - img.get_width() // 2, label_y))
