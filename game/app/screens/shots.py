"""Render a screen of the game to a PNG without a window (`python main.py screenshot --scene`).

The screen is built by the real `App` with default settings (the UI scale as asked) and a fresh
campaign profile (optionally with the first N acts won), so pictures do not depend on, and never
write to, the player's own files. `pause` and `result` first run the level headless: `pause` for
the given days, `result` until the level is decided (or the days run out: then the result
screen says the level is undecided).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from game.app.screens import SCENES
from game.level.loader import LevelData
from game.sim.balance import Balance

RESULT_MAX_DAYS = 30


class ShotError(ValueError):
    """Bad arguments for a screen's picture; one readable line."""


@dataclass(frozen=True, slots=True)
class ScreenShot:
    path: Path
    size: tuple[int, int]
    note: str


def render_screen(
    scene: str,
    out: Path,
    level: LevelData | None,
    balance: Balance,
    seed: int = 1,
    size: tuple[int, int] = (1280, 720),
    ui_scale: float = 1.0,
    days: int = 1,
    acts_won: int = 0,
    colorblind: bool = False,
    levels_dir: Path | None = None,
) -> ScreenShot:
    """Draw `scene` (one of SCENES) into the PNG `out`. The display must be dummy or real."""
    import pygame

    from game.app.app import LEVELS_DIR, App
    from game.app.screenshot import save_png
    from game.app.viewer import open_window
    from game.sim.calendar import TICKS_PER_DAY
    from game.sim.simulation import Simulation
    from game.userdata import CAMPAIGN, Profile, Settings

    if scene not in SCENES:
        raise ShotError(f"unknown scene '{scene}' (known: {', '.join(SCENES)})")
    if scene in ("briefing", "pause", "result") and level is None:
        raise ShotError(f"--scene {scene} needs --level")
    lo, hi = Settings.LIMITS["ui_scale"]
    if not lo <= ui_scale <= hi:
        raise ShotError(f"--ui-scale {ui_scale} must be between {lo} and {hi}")
    settings = Settings(ui_scale=ui_scale, palette="colorblind" if colorblind else "standard")
    profile = Profile(won=list(CAMPAIGN[: max(0, min(acts_won, len(CAMPAIGN)))]))
    screen = open_window(size, f"Smile Studio 2145 ({scene})")
    app = App(screen, balance, seed=seed, levels_dir=levels_dir or LEVELS_DIR,
              settings=settings, profile=profile, persist=False)  # fmt: skip
    note = scene
    t = 1.5
    try:
        if scene == "title":
            app.show_title()
        elif scene == "campaign":
            app.show_campaign()
        elif scene == "custom":
            app.show_custom()
            screen = app.screen
            deadline = time.monotonic() + 30
            while not getattr(screen, "all_checked", True) and time.monotonic() < deadline:
                time.sleep(0.05)
        elif scene == "settings":
            app.show_settings()
        elif scene == "ending":
            app.show_ending()
            t = 5.0
        elif scene == "briefing":
            assert level is not None
            app.show_briefing(Path(level.path))
        else:
            assert level is not None
            sim = Simulation(level, balance, seed)
            if scene == "pause":
                sim.run_ticks(days * TICKS_PER_DAY)
                app.play_sim(sim, Path(level.path))
                play = app.screen
                for _ in range(3):  # the HUD fills its labels over a frame or two
                    play.scene.frame(0.0)  # type: ignore[union-attr]
                play.open_pause()  # type: ignore[union-attr]
            else:
                limit = max(days, 1) * TICKS_PER_DAY if days else RESULT_MAX_DAYS * TICKS_PER_DAY
                while not sim.finished and sim.tick < limit:
                    sim.step()
                app.show_result(sim, Path(level.path))
            note = f"{scene}: {sim.clock}, {sim.outcome.status}"
        for i in range(4 if scene != "custom" else 12):  # pygame_gui lays text out over frames
            assert app.screen is not None
            app.screen.t = t
            app.frame(0.0 if i else 1 / 60)
        try:
            save_png(app.surface, out)
        except (OSError, pygame.error) as exc:
            raise ShotError(f"cannot write {out}: {exc}") from None
        return ScreenShot(out, app.surface.get_size(), note)
    finally:
        app.close()
