"""The game as a player meets it: the screen manager and main loop around the play scene.

Title → campaign (five acts, each unlocked by winning the one before) or custom level (the
shipped `levels/` and the player's own levels folder) → briefing → play → result → (after act 5
is won) the ending. During play, Esc opens the pause menu (resume, save, load, settings, quit to
title); F5/F9 quicksave and quickload; every in-game night is autosaved into rotating slots; with
`--watch` the level reloads when its file changes on disk.

One `App` holds the window, the player's settings and campaign profile (`game.userdata`), the
sound (`Audio`) and the current screen. Each frame the current screen reads the events (through
`game.app.input`, the only reader of the queue), updates and draws. Broken settings or profile
files are reported on the title screen and replaced by defaults (the broken file is kept beside
it as `*.broken`), never a crash.
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import pygame

from game.app.audio import Audio
from game.app.screens.backdrop import Backdrop
from game.app.screens.base import Screen
from game.level.loader import LevelData
from game.sim.balance import Balance
from game.sim.simulation import Simulation
from game.userdata import (
    Profile,
    Settings,
    load_profile,
    load_settings,
    profile_path,
    save_profile,
    save_settings,
    settings_path,
)

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
LEVELS_DIR = REPO_ROOT / "levels"
WINDOW_SIZE = (1280, 720)
FPS_CAP = 60


class App:
    """The screen manager: one current `Screen`, the player's files, the sound, the loop."""

    def __init__(
        self,
        surface: pygame.Surface,
        balance: Balance,
        seed: int = 1,
        levels_dir: Path = LEVELS_DIR,
        edge_scroll: bool = True,
        settings: Settings | None = None,
        profile: Profile | None = None,
        persist: bool = True,
    ) -> None:
        """`settings` / `profile` given: use them instead of the player's files; `persist`
        False: never write the player's files (screenshots)."""
        from game.app.screens.base import font

        font.cache_clear()  # fonts made before a pygame.quit() are dead
        self.surface = surface
        self.size: tuple[int, int] = surface.get_size()
        self.balance = balance
        self.seed = seed
        self.levels_dir = Path(levels_dir).resolve()
        self.edge_scroll = edge_scroll
        self.persist = persist
        self.notices: list[str] = []  # shown once on the title screen
        problems: list[str] = []
        if settings is None:
            settings, problems = load_settings()
        self.settings = settings
        if problems:
            self._replace_broken(settings_path(), problems, "settings")
            err = self.save_settings()
            if err:
                self.notices.append(err)
        problems = []
        if profile is None:
            profile, problems = load_profile()
        self.profile = profile
        if problems:
            self._replace_broken(profile_path(), problems, "campaign profile")
            self.save_profile()
        self.audio = Audio(self.settings)
        self.running = True
        self.frames = 0
        self.ticks_run = 0  # ticks run by every play screen of this session
        self._backdrop: Backdrop | None = None
        self.screen: Screen | None = None
        if self.settings.fullscreen:
            self.apply_display()

    def _replace_broken(self, path: Path, problems: list[str], what: str) -> None:
        kept = path.with_name(path.name + ".broken")
        where = ""
        if self.persist:
            try:
                shutil.copyfile(path, kept)
                where = f" (the old file is kept as {kept.name})"
            except OSError:
                pass
        self.notices.append(
            f"Your {what} file had problems, so defaults replace what was wrong{where}: "
            + "; ".join(p.split(": ", 1)[-1] for p in problems[:4])
            + (f"; and {len(problems) - 4} more" if len(problems) > 4 else "")
        )

    # ------------------------------------------------------------------ player files

    def save_settings(self) -> str | None:
        """Write the settings; returns a readable error or None."""
        if not self.persist:
            return None
        try:
            save_settings(self.settings)
        except OSError as exc:
            return f"The settings cannot be written: {exc}"
        return None

    def save_profile(self) -> str | None:
        if not self.persist:
            return None
        try:
            save_profile(self.profile)
        except OSError as exc:
            logger.warning("cannot write the profile: %s", exc)
            return f"The campaign profile cannot be written: {exc}"
        return None

    # ------------------------------------------------------------------ screens

    def show(self, screen: Screen) -> Screen:
        old = self.screen
        self.screen = screen
        if old is not None and old is not screen:
            old.close()
        return screen

    def show_title(self) -> None:
        from game.app.screens.title import TitleScreen

        self.audio.ensure_ambient()
        self.show(TitleScreen(self))

    def show_campaign(self) -> None:
        from game.app.screens.campaign import CampaignScreen

        self.show(CampaignScreen(self))

    def show_custom(self) -> None:
        from game.app.screens.custom import CustomLevelScreen

        self.show(CustomLevelScreen(self))

    def show_briefing(self, path: Path, back: str = "campaign") -> None:
        from game.app.screens.briefing import BriefingScreen

        self.show(BriefingScreen(self, Path(path), back))

    def show_settings(self) -> None:
        from game.app.screens.settings import SettingsScreen

        self.show(SettingsScreen(self, on_close=self.show_title))

    def play_level(self, level: LevelData, watch: bool = False) -> None:
        """A new game on `level` (same seed every time: a retry replays the same city)."""
        sim = Simulation(level, self.balance, self.seed)
        self.play_sim(sim, Path(level.path), watch=watch)

    def play_sim(self, sim: Simulation, level_path: Path, watch: bool = False) -> None:
        from game.app.screens.play import PlayScreen

        self.audio.ensure_ambient()
        self.show(PlayScreen(self, sim, Path(level_path), watch=watch))

    def show_result(self, sim: Simulation, level_path: Path) -> None:
        from game.app.screens.result import ResultScreen

        self.show(ResultScreen(self, sim, Path(level_path)))

    def show_ending(self) -> None:
        from game.app.screens.ending import EndingScreen

        self.show(EndingScreen(self))

    def backdrop(self) -> Backdrop:
        if self._backdrop is None or self._backdrop.size != self.size:
            self._backdrop = Backdrop(self.size)
        return self._backdrop

    # ------------------------------------------------------------------ window

    def request_quit(self) -> None:
        self.running = False

    def resize(self, size: tuple[int, int]) -> None:
        surf = pygame.display.get_surface()
        self.surface = surf if surf is not None else self.surface
        self.size = (max(size[0], 320), max(size[1], 240))
        if self.surface.get_size() != self.size:
            self.size = self.surface.get_size()
        if self.screen is not None:
            self.screen.rebuild()

    def apply_display(self) -> str | None:
        """Switch to fullscreen or back to a window as the settings say; returns an error."""
        try:
            if self.settings.fullscreen:
                surf = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                surf = pygame.display.set_mode(WINDOW_SIZE, pygame.RESIZABLE)
        except pygame.error as exc:
            self.settings.fullscreen = False
            return f"Fullscreen is not available here: {exc}"
        self.surface = surf
        self.resize(surf.get_size())
        return None

    # ------------------------------------------------------------------ loop

    def frame(self, dt: float) -> None:
        """One frame: the current screen reads input and updates, then the (new) screen draws."""
        screen = self.screen
        assert screen is not None, "no screen to run"
        screen.frame(dt)
        surf = pygame.display.get_surface() or self.surface
        if surf.get_size() != self.size:  # resized without an event we saw
            self.resize(surf.get_size())
        self.surface = surf
        if self.screen is not None:
            self.screen.draw(self.surface)
        self.frames += 1

    def run(self, max_frames: int | None = None, quit_after: float | None = None) -> int:
        """The main loop until the player quits (or `max_frames` / `quit_after` seconds)."""
        clock = pygame.time.Clock()
        start = time.monotonic()
        try:
            while self.running:
                dt = clock.tick(FPS_CAP) / 1000.0
                self.frame(dt)
                pygame.display.flip()
                if max_frames is not None and self.frames >= max_frames:
                    break
                if quit_after is not None and time.monotonic() - start >= quit_after:
                    break
        finally:
            logger.info("played %d frames, %d ticks", self.frames, self.ticks_run)
            self.close()
        return 0

    def close(self) -> None:
        if self.screen is not None:
            self.screen.close()
            self.screen = None
        self.audio.stop_ambient()
