"""The desktop window: opens the display, builds the play scene and runs its loop.

`run_game` is what `python main.py` and `python main.py play` call: the title screen, or one
level at once (`run_viewer`, also with `--watch`), inside the game's screens (`game.app.app`).
It refuses with `DisplayUnavailable` (one readable line) when there is no screen, and with
`SceneError` when the level's art cannot be loaded.
"""

from __future__ import annotations

import logging
import os
import sys

import pygame

from game.app.mapview import SceneError
from game.level.loader import LevelData
from game.sim.balance import Balance

logger = logging.getLogger(__name__)

WINDOW_SIZE = (1280, 720)
FPS_CAP = 60


class DisplayUnavailable(RuntimeError):
    """There is no screen to open a window on."""


__all__ = ["DisplayUnavailable", "SceneError", "open_window", "run_game", "run_viewer"]


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
    watch: bool = False,
) -> int:
    """Play `level` in a window (pause menu, saves, result screen and all) until the player
    quits, or for `max_frames` frames / `quit_after` seconds."""
    return run_game(level, balance, seed, max_frames, quit_after, watch)


def run_game(
    level: LevelData | None,
    balance: Balance,
    seed: int = 1,
    max_frames: int | None = None,
    quit_after: float | None = None,
    watch: bool = False,
) -> int:
    """The game in a window: the title screen, or straight into `level` when one is given."""
    from game.app.app import WINDOW_SIZE, App  # after the display exists: tiles need its format

    _check_display()
    title = f"Smile Studio 2145 — {level.title}" if level is not None else "Smile Studio 2145"
    screen = open_window(WINDOW_SIZE, title)
    logger.info(
        "window open: video driver %s, %dx%d", pygame.display.get_driver(), *screen.get_size()
    )
    try:
        app = App(screen, balance, seed=seed)
        if level is not None:
            app.play_level(level, watch=watch)
        else:
            app.show_title()
        return app.run(max_frames=max_frames, quit_after=quit_after)
    finally:
        pygame.quit()
