"""A minimal window on a running simulation: the walkable map, the crowd, the clock.

Fixed-step loop (10 ticks per real second at 1x; Space pauses, 1-4 pick 1x/2x/4x/8x) with a cap on
steps per frame. The play-scene issue replaces this with the full scene.
"""

from __future__ import annotations

import logging
import os
import sys

import numpy as np
import pygame

from game.level.loader import LevelData
from game.sim.balance import Balance
from game.sim.simulation import Simulation

logger = logging.getLogger(__name__)

TICKS_PER_SECOND = 10
SPEEDS = (1, 2, 4, 8)
MAX_STEPS_PER_FRAME = 16
BG = (12, 10, 24)
WALL = (40, 34, 70)
STREET = (22, 20, 38)


class DisplayUnavailable(RuntimeError):
    """There is no screen to open a window on."""


def _check_display() -> None:
    if sys.platform.startswith("linux") and not os.environ.get("SDL_VIDEODRIVER"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            raise DisplayUnavailable(
                "no display found (DISPLAY is not set): use `python main.py run` for a "
                "headless run, or start an X server"
            )


def opinion_colours(opinion: np.ndarray) -> np.ndarray:
    """Opinion -1..1 -> RGB: Pure Smiles amber to self-expression cyan (uint8 [n, 3])."""
    t = ((opinion + 1.0) * 0.5).clip(0, 1)[:, None]
    neg = np.array([255, 170, 40], dtype=np.float32)
    pos = np.array([40, 230, 255], dtype=np.float32)
    return (neg * (1 - t) + pos * t).astype(np.uint8)


def run_viewer(level: LevelData, balance: Balance, seed: int, max_frames: int | None = None) -> int:
    _check_display()
    try:
        pygame.init()
        screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    except pygame.error as exc:
        raise DisplayUnavailable(f"cannot open a window: {exc}") from None
    pygame.display.set_caption(f"Smile Studio 2145 — {level.title}")
    sim = Simulation(level, balance, seed)
    font = pygame.font.Font(None, 24)
    clock = pygame.time.Clock()
    speed_i, paused, acc, frames = 0, False, 0.0, 0
    prev = sim.crowd.pos[: sim.crowd.n].copy()
    running = True
    while running:
        dt = clock.tick(60) / 1000.0
        for ev in pygame.event.get():
            if ev.type == pygame.QUIT or (ev.type == pygame.KEYDOWN and ev.key == pygame.K_ESCAPE):
                running = False
            elif ev.type == pygame.KEYDOWN and ev.key == pygame.K_SPACE:
                paused = not paused
            elif ev.type == pygame.KEYDOWN and pygame.K_1 <= ev.key <= pygame.K_4:
                speed_i, paused = ev.key - pygame.K_1, False
        if not paused and not sim.finished:
            acc += dt * TICKS_PER_SECOND * SPEEDS[speed_i]
            steps = 0
            while acc >= 1.0 and steps < MAX_STEPS_PER_FRAME:
                prev = sim.crowd.pos[: sim.crowd.n].copy()
                sim.step()
                acc -= 1.0
                steps += 1
            if steps == MAX_STEPS_PER_FRAME:
                acc = 0.0  # do not spiral: drop the backlog
        alpha = 0.0 if paused else min(acc, 1.0)
        _draw(screen, sim, prev, alpha, font, paused, SPEEDS[speed_i])
        pygame.display.flip()
        frames += 1
        if max_frames is not None and frames >= max_frames:
            running = False
    sim.close()
    pygame.quit()
    return 0


def _draw(
    screen: pygame.Surface,
    sim: Simulation,
    prev: np.ndarray,
    alpha: float,
    font: pygame.font.Font,
    paused: bool,
    speed: int,
) -> None:
    level = sim.level
    sw, sh = screen.get_size()
    scale = max(1, min((sw) // level.width, (sh - 40) // level.height))
    screen.fill(BG)
    grid = np.where(level.walkable.T[:, :, None], np.array(STREET), np.array(WALL)).astype(np.uint8)
    surf = pygame.surfarray.make_surface(grid)
    screen.blit(pygame.transform.scale(surf, (level.width * scale, level.height * scale)), (0, 40))
    n = min(sim.crowd.n, len(prev))
    pos = prev[:n] + (sim.crowd.pos[:n] - prev[:n]) * alpha
    px = (pos[:, 0] * scale).astype(np.int32)
    py = (pos[:, 1] * scale).astype(np.int32) + 40
    ok = (px >= 0) & (px < sw - 1) & (py >= 0) & (py < sh - 1)
    cols = opinion_colours(sim.crowd.opinion[:n])
    pix = pygame.surfarray.pixels3d(screen)
    pix[px[ok], py[ok]] = cols[ok]
    pix[px[ok] + 1, py[ok]] = cols[ok]
    del pix
    studio = sim.studio()
    state = "paused" if paused else f"{speed}x"
    text = (
        f"{sim.clock}   credits {studio.credits:,}   {state}   Space pause · 1-4 speed · Esc quit"
    )
    screen.blit(font.render(text, True, (230, 230, 250)), (10, 10))
