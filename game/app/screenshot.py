"""Render the play scene to a PNG without a window (`python main.py screenshot ...`).

The level runs headless for D in-game days (exactly as `run` does), then the scene is built on
that simulation with SDL's dummy video driver, one frame is drawn at the requested size with the
requested overlay and side panel, and the picture is written atomically (temp + os.replace).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.app.layout import TABS
from game.app.overlays import OVERLAYS

if TYPE_CHECKING:
    import pygame

    from game.sim.simulation import Simulation

PANELS = tuple(name for name, _, _ in TABS) + ("none",)


class ScreenshotError(ValueError):
    """Bad screenshot arguments or an unwritable output; one readable line."""


@dataclass(frozen=True, slots=True)
class ShotResult:
    """What was rendered."""

    path: Path
    size: tuple[int, int]
    clock: str
    selected_uid: int


def use_dummy_display() -> None:
    """Make SDL draw off-screen (must run before the display is initialised)."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def save_png(surface: pygame.Surface, out: Path) -> None:
    """pygame.image.save through a temp file in the same folder, then os.replace."""
    import pygame

    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".png", dir=out.parent)
    os.close(fd)
    try:
        pygame.image.save(surface, tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def pick_citizen(sim: Simulation) -> int:
    """A citizen worth explaining: the one whose influence log moved the most, else uid 0."""
    import numpy as np

    crowd = sim.crowd
    n = crowd.n
    if n == 0:
        return -1
    delta = getattr(crowd, "log_delta", None)
    if delta is not None and delta.shape[0] >= n:
        moved = np.abs(delta[:n]).sum(axis=1)
        return int(crowd.uid[int(np.argmax(moved))])
    return int(crowd.uid[0])


def render_screenshot(
    sim: Simulation,
    out: Path,
    size: tuple[int, int] = (1280, 720),
    overlay: str = "",
    panel: str = "graphs",
    palette: str = "neon",
    select_uid: int | None = None,
    frames: int = 2,
    center: tuple[float, float] | None = None,
    zoom: float | None = None,
    ui_scale: float = 1.0,
) -> ShotResult:
    """Draw the play scene of `sim` (a Simulation) into `out` with the HUD at `ui_scale`. The
    display must be dummy or real."""
    if overlay and overlay not in OVERLAYS:
        raise ScreenshotError(f"unknown overlay '{overlay}' (known: {', '.join(OVERLAYS)})")
    if panel not in PANELS:
        raise ScreenshotError(f"unknown panel '{panel}' (known: {', '.join(PANELS)})")
    if size[0] < 320 or size[1] < 240:
        raise ScreenshotError(f"size {size[0]}x{size[1]} is too small (at least 320x240)")
    from game.userdata import Settings

    lo, hi = Settings.LIMITS["ui_scale"]
    if not lo <= ui_scale <= hi:
        raise ScreenshotError(f"--ui-scale {ui_scale} must be between {lo} and {hi}")
    import pygame

    from game.app import actions as A
    from game.app.scene import PlayScene
    from game.app.viewer import open_window

    screen = open_window(size, "Smile Studio 2145 (screenshot)")
    scene = PlayScene(sim, screen.get_size(), ui_scale=ui_scale)
    scene.clock.paused = True  # the picture shows the state after the run, not later
    if overlay:
        scene.apply(A.ToggleOverlay(overlay))
    if palette != scene.state.palette:
        scene.apply(A.TogglePalette())
    if panel == "none":
        scene.apply(A.TogglePanel())
    else:
        scene.apply(A.ShowTab(panel))
    if panel == "why":
        uid = pick_citizen(sim) if select_uid is None else select_uid
        scene.state.selected_uid = uid
        from game.app.why import row_of

        row = row_of(scene.sim, uid) if uid >= 0 else -1
        if row >= 0:
            x, y = scene.sim.crowd.pos[row]
            scene.camera.center_on(float(x) * scene.tile, float(y) * scene.tile)
    if zoom is not None:
        scene.camera.zoom = scene.camera.clamp_zoom(zoom)
        scene.camera.clamp()
    if center is None and panel == "schedule":  # show the drafted event's ring
        from game.app.panels.scheduler import resolve

        venue = resolve(scene.hud.ctx).venue
        if venue is not None:
            center = (venue.x, venue.y)
    if center is not None:
        scene.camera.center_on(center[0] * scene.tile, center[1] * scene.tile)
    elif zoom is not None and panel != "why":
        scene.center_on_studio()
    for _ in range(max(frames, 1)):  # pygame_gui lays text out over a frame or two
        scene.frame(0.0)
        scene.draw(screen)
    try:
        save_png(screen, out)
    except (OSError, pygame.error) as exc:
        raise ScreenshotError(f"cannot write {out}: {exc}") from None
    return ShotResult(out, screen.get_size(), scene.sim.clock, scene.state.selected_uid)
