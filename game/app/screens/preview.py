"""A small map of a level for the menus: streets and buildings from the walkable grid, districts
tinted by tribe, and the studio, venues, rally points and lead spots marked.

Drawn from `LevelData` alone (no tiles), so it works for any level the validator accepted.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.app.palette import tribe_colour
from game.app.screens.base import AMBER, CYAN, DIM, GREEN, PINK, draw_text, font
from game.level.loader import LevelData

STREET = np.array([46, 38, 86], np.float32)
BUILDING = np.array([14, 10, 30], np.float32)
MARKS = (  # object type, colour, legend
    ("studio", PINK, "studio"),
    ("venue", CYAN, "venues"),
    ("rally_point", AMBER, "rally points"),
    ("lead", GREEN, "leads"),
)


def level_preview(level: LevelData, box: tuple[int, int]) -> pygame.Surface:
    """The level drawn to fit inside `box` (keeps its aspect ratio)."""
    walk = np.asarray(level.walkable, bool)
    h, w = walk.shape
    rgb = np.where(walk[..., None], STREET, BUILDING)
    grid = np.asarray(level.district_grid)
    if grid.shape == walk.shape and len(level.districts):
        tribes = sorted({str(d.properties.get("tribe", "drifters")) for d in level.districts})
        for i, d in enumerate(level.districts):
            tribe = str(d.properties.get("tribe", "drifters"))
            c = np.array(tribe_colour(tribe, tribes.index(tribe)), np.float32)
            inside = (grid == i) & walk
            rgb[inside] = rgb[inside] * 0.55 + c * 0.45 * 0.6
    img = pygame.surfarray.make_surface(rgb.astype(np.uint8).transpose(1, 0, 2))
    k = min(box[0] / max(w, 1), box[1] / max(h, 1))
    size = (max(1, int(w * k)), max(1, int(h * k)))
    surf = pygame.transform.scale(img, size)
    dot = max(3, int(k * 1.2))
    for kind, colour, _ in MARKS:
        for o in level.of_type(kind):
            x, y = o.center
            c = (int(x * k), int(y * k))
            if kind == "studio":
                r = pygame.Rect(0, 0, dot * 4, dot * 4)
                r.center = c
                pygame.draw.rect(surf, colour, r, border_radius=2)
                pygame.draw.rect(surf, (255, 255, 255), r, 2, border_radius=2)
            else:
                pygame.draw.circle(surf, colour, c, dot)
                pygame.draw.circle(surf, (10, 8, 22), c, dot, 1)
    pygame.draw.rect(surf, (90, 60, 160), surf.get_rect(), 1)
    return surf


def draw_legend(surf: pygame.Surface, pos: tuple[int, int], size: int) -> None:
    """A one-line legend of the preview's marks."""
    x, y = pos
    f = font(size)
    for _, colour, text in MARKS:
        pygame.draw.circle(surf, colour, (x + 5, y + f.get_height() // 2), 5)
        x = draw_text(surf, text, f, DIM, (x + 14, y)).right + 14
