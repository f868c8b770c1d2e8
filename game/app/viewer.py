"""The desktop window: opens the display, builds the play scene and runs its loop.

`run_viewer` is what `python main.py play` calls. It refuses with `DisplayUnavailable` (one
readable line) when there is no screen, and with `SceneError` when the level's art cannot be
loaded. The loop itself is the scene's: input, fixed-step ticks, drawing at the display's rate.
"""

from __future__ import annotations

import logging
import os
import sys
import time

import pygame

from game.app.mapview import SceneError
from game.level.loader import LevelData
from game.sim.balance import Balance
from game.sim.simulation import Simulation

logger = logging.getLogger(__name__)

WINDOW_SIZE = (1280, 720)
FPS_CAP = 60


class DisplayUnavailable(RuntimeError):
    """There is no screen to open a window on."""


__all__ = ["DisplayUnavailable", "SceneError", "open_window", "run_viewer"]


def _check_display() -> None:
    if sys.platform.startswith("linux") and not os.environ.get("SDL_VIDEODRIVER"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            raise DisplayUnavailable(
                "no display found (DISPLAY is not set): use `python main.py run` for a "
                "headless run, or start an X server"
            )


def open_window(size: tuple[int, int], caption: str) -> pygame.Surface:
    """Initialise the display (not the audio) and open a resizable window."""
    try:
        pygame.display.init()
        pygame.font.init()
        screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    except pygame.error as exc:
        raise DisplayUnavailable(f"cannot open a window: {exc}") from None
    pygame.display.set_caption(caption)
    pygame.key.set_repeat(0)
    return screen


def run_viewer(
    level: LevelData,
    balance: Balance,
    seed: int,
    max_frames: int | None = None,
    quit_after: float | None = None,
) -> int:
    """Play `level` in a window until the player quits (or `max_frames` / `quit_after` s)."""
    from game.app.scene import PlayScene  # after the display exists: tiles need its format

    _check_display()
    screen = open_window(WINDOW_SIZE, f"Smile Studio 2145 — {level.title}")
    logger.info(
        "window open: video driver %s, %dx%d", pygame.display.get_driver(), *screen.get_size()
    )
    sim = Simulation(level, balance, seed)
    try:
        scene = PlayScene(sim, screen.get_size(), edge_scroll=True)
        clock = pygame.time.Clock()
        frames = 0
        start = time.monotonic()
        while not scene.state.quit:
            dt = clock.tick(FPS_CAP) / 1000.0
            scene.frame(dt)
            screen = pygame.display.get_surface()
            if screen.get_size() != scene.layout.size:  # resized without an event we saw
                scene.relayout(screen.get_size())
            scene.draw(screen)
            pygame.display.flip()
            frames += 1
            if max_frames is not None and frames >= max_frames:
                break
            if quit_after is not None and time.monotonic() - start >= quit_after:
                break
        logger.info("played %d frames, %d ticks", frames, scene.ticks_run)
    finally:
        sim.close()
        pygame.quit()
    return 0
