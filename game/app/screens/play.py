"""The play screen: the play scene (`game.app.scene.PlayScene`) inside the game around it.

While no overlay is open the scene reads the events itself (its input module) and runs the
ticks. Around it this screen:

- opens the pause menu when Esc has nothing left to deselect, and runs its overlays (save under
  a name, load, settings, confirm before losing unsaved progress, messages) over the paused city;
- quicksaves and quickloads on the player's keys (F5 / F9 by default);
- autosaves after every in-game night into rotating slots (`Settings.autosave_slots`);
- hands each batch of new simulation messages to the sound (`Audio.on_messages`);
- with `watch`, reloads the level when its file changes on disk (Tiled saves through a temp file
  and a rename; `LevelWatcher` watches the folder), keeping the camera and the view; a broken
  new version leaves the old one running and lists the validator's problems on screen;
- once the level is decided, records a campaign win in the profile and, after a moment, shows
  the result screen.

A save or load that fails shows one readable message; the running game is never touched (a load
builds a new simulation and only replaces the running one once it is complete and checked).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.app import actions as A
from game.app.hotreload import LevelWatcher
from game.app.input import read_events
from game.app.screens.base import AMBER, CYAN, GREEN, INK, RGB, Screen, card, dim, draw_text, wrap
from game.app.screens.dialogs import Confirm, LoadDialog, MessageBox, SaveDialog
from game.sim.messages import DAY_ENDED, Message
from game.sim.simulation import Simulation
from game.userdata import CAMPAIGN, next_autosave_slot, slot_path

if TYPE_CHECKING:
    from game.app.app import App
    from game.app.scene import PlayScene

logger = logging.getLogger(__name__)

RESULT_DELAY = 3.0  # real seconds the decided level stays on screen before the result
TOAST_SECONDS = 4.0
WATCH_INTERVAL = 0.1  # real seconds between two looks at the level's folder
MAX_PROBLEM_LINES = 8


def carry_view(old: PlayScene, new: PlayScene) -> None:
    """Give `new` the camera, speed, overlay, palette and panel of `old` (same window)."""
    st = old.state
    if new.state.palette != st.palette:
        new.apply(A.TogglePalette())
    if st.overlay and new.state.overlay != st.overlay:
        new.apply(A.ToggleOverlay(st.overlay))
    if new.state.panel_open != st.panel_open:
        new.apply(A.TogglePanel())
    new.apply(A.ShowTab(st.tab))
    new.camera.zoom = new.camera.clamp_zoom(old.camera.zoom)
    new.camera.center_on(old.camera.cx, old.camera.cy)
    new.camera.clamp()
    new.clock.speed = old.clock.speed
    new.clock.paused = old.clock.paused


class PlayScreen(Screen):
    """A level being played, with the pause menu, saves, sound, hot reload and the outcome."""

    name = "play"

    def __init__(self, app: App, sim: Simulation, level_path: Path, watch: bool = False) -> None:
        self.app = app
        self.sim = sim
        self.level_path = Path(level_path)
        self.stack: list[Screen] = []
        self.toasts: list[tuple[str, RGB, float]] = []
        self.saved_tick = sim.tick  # a new or loaded game has nothing unsaved
        self.decided_at: float | None = None
        self.result_delay = RESULT_DELAY
        self._msg_tick = sim.tick
        self._ticks_seen = 0
        self.reload_problems: list[str] = []
        self.reloads = 0
        self.watcher = LevelWatcher(self.level_path) if watch else None
        self._watch_t = 0.0
        if watch:
            logger.info("watching %s for changes", self.level_path)
        self.scene = self._make_scene(sim)
        super().__init__(app)
        if sim.finished:  # a save of a decided game: straight on to its result
            self.decided_at = time.monotonic() - self.result_delay

    # ------------------------------------------------------------------ the scene

    def _make_scene(self, sim: Simulation) -> PlayScene:
        from game.app.scene import PlayScene

        st = self.app.settings
        scene = PlayScene(
            sim, self.app.size, edge_scroll=self.app.edge_scroll, ui_scale=st.ui_scale,
            keys=st.keys,
        )  # fmt: skip
        scene.escape_opens_menu = True
        scene.input.on_click = self._click
        want = "colorblind" if self.app.settings.palette == "colorblind" else "neon"
        if scene.state.palette != want:
            scene.apply(A.TogglePalette())
        return scene

    def _click(self) -> None:
        self.app.audio.play("click")

    def _swap(self, sim: Simulation, keep_view: bool) -> None:
        """Replace the running game by `sim` (already complete and checked)."""
        new = self._make_scene(sim)
        if keep_view:
            carry_view(self.scene, new)
        old = self.sim
        self._count_ticks()
        self.scene, self.sim = new, sim
        self._ticks_seen = 0
        self._msg_tick = sim.tick
        self.saved_tick = sim.tick
        self.decided_at = None
        if old is not sim:
            old.close()
        sim.activate()

    def _count_ticks(self) -> None:
        self.app.ticks_run += self.scene.ticks_run - self._ticks_seen
        self._ticks_seen = self.scene.ticks_run

    @property
    def unsaved_minutes(self) -> int:
        return max(0, self.sim.tick - self.saved_tick)

    # ------------------------------------------------------------------ frame

    def frame(self, dt: float) -> None:
        if self.stack:
            top = self.stack[-1]
            top.process(read_events())
            if self.stack and self.stack[-1] is top and not top.closed:
                top.update(dt)
            self._age_toasts()
            return
        scene = self.scene
        scene.frame(dt)
        self._count_ticks()
        if scene.state.quit:  # the window's close button or Ctrl+Q
            scene.state.quit = False
            self.quit_game()
            return
        if scene.state.palette != ("colorblind" if self.app.settings.palette == "colorblind"
                                   else "neon"):  # fmt: skip
            self.app.settings.palette = (
                "colorblind" if scene.state.palette == "colorblind" else "standard"
            )
            self.app.save_settings()
        new = self._new_messages()
        if new:
            self.app.audio.on_messages(new)
            if any(m.kind == DAY_ENDED for m in new):
                self.autosave()
        requests, scene.requests = scene.requests, []
        for r in requests:
            if r == "quicksave":
                self.quicksave()
            elif r == "quickload":
                self.quickload()
        if scene.menu_requested:
            scene.menu_requested = False
            self.open_pause()
        if self.watcher is not None:
            self._watch_t += dt
            if self._watch_t >= WATCH_INTERVAL:
                self._watch_t = 0.0
                self.poll_watch()
        self._check_outcome()
        self._age_toasts()

    def _new_messages(self) -> list[Message]:
        """Messages of the ticks run since the last frame (from the message log)."""
        sim = self.sim
        if sim.tick == self._msg_tick:
            return []
        lo, hi = self._msg_tick, sim.tick
        out: list[Message] = []
        for m in reversed(sim.message_log):
            if m.tick < lo:
                break
            if m.tick < hi:
                out.append(m)
        out.reverse()
        self._msg_tick = hi
        return out

    def _check_outcome(self) -> None:
        sim = self.sim
        if not sim.finished:
            return
        now = time.monotonic()
        if self.decided_at is None:
            self.decided_at = now
            if sim.outcome.status == "won":
                stem = self.level_path.stem
                if stem in CAMPAIGN:
                    self.app.profile.mark_won(stem)
                    err = self.app.save_profile()
                    if err:
                        self.toast(err, AMBER)
        elif now - self.decided_at >= self.result_delay:
            self._count_ticks()
            self.app.show_result(sim, self.level_path)

    # ------------------------------------------------------------------ saving and loading

    def save_to(self, path: Path, label: str) -> bool:
        """Save the running game to `path`; a failure is one readable message, nothing else."""
        from game.sim.savegame import SaveError, save_game

        try:
            save_game(self.sim, path)
        except (SaveError, OSError) as exc:
            self.toast(f"Could not save: {exc}", AMBER)
            return False
        self.saved_tick = self.sim.tick
        self.app.profile.last_save = str(path)
        self.app.save_profile()
        self.toast(f"{label} ({path.stem}, {self.sim.clock})", GREEN)
        return True

    def quicksave(self) -> None:
        self.save_to(slot_path("quick"), "Quicksaved")

    def autosave(self) -> None:
        path = next_autosave_slot(self.app.settings.autosave_slots)
        self.save_to(path, "Autosaved")

    def quickload(self) -> None:
        path = slot_path("quick")
        if not path.exists():
            self.toast("No quicksave yet: press the quicksave key first.", AMBER)
            return
        self.load_from(path)

    def load_from(self, path: Path) -> bool:
        """Load `path` in place of the running game; a bad save changes nothing."""
        from game.sim.savegame import SaveError, load_game

        try:
            result = load_game(path)
        except SaveError as exc:
            self.sim.activate()
            self.push(MessageBox(self.app, "This save cannot be loaded", str(exc), self.pop))
            return False
        same_level = Path(result.sim.level.path).resolve() == self.level_path.resolve()
        self.level_path = Path(result.sim.level.path)
        self._swap(result.sim, keep_view=same_level)
        if self.watcher is not None and not same_level:
            self.watcher = LevelWatcher(self.level_path)
        self.app.profile.last_save = str(path)
        self.app.save_profile()
        self.stack.clear()
        self.toast(f"Loaded {path.stem} ({self.sim.clock})", CYAN)
        for w in result.warnings:
            self.toast(w, AMBER)
        return True

    # ------------------------------------------------------------------ hot reload

    def poll_watch(self) -> None:
        if self.watcher is not None and self.watcher.poll():
            self.reload_level()

    def reload_level(self) -> bool:
        """Load the level file again; broken -> problems on screen, the old game goes on."""
        from game.app.mapview import SceneError
        from game.level.loader import LevelError
        from game.level.validator import LevelInvalid, load_checked

        path = self.level_path
        try:
            level = load_checked(path)
        except LevelInvalid as exc:
            self._broken([p.format(path.name) for p in exc.problems if p.severity == "error"])
            return False
        except LevelError as exc:
            self._broken([line for line in str(exc).splitlines() if line.strip()])
            return False
        sim = Simulation(level, self.app.balance, self.sim.seed)
        try:
            self._swap(sim, keep_view=True)
        except SceneError as exc:
            sim.close()
            self.sim.activate()
            self._broken([str(exc)])
            return False
        self.reload_problems = []
        self.reloads += 1
        logger.info("reloaded %s", path)
        self.toast(f"Reloaded {path.name}", CYAN)
        return True

    def _broken(self, problems: list[str]) -> None:
        self.reload_problems = problems or ["the level cannot be loaded"]
        logger.warning(
            "%s: the new version has %d problem(s); still playing the previous one:\n%s",
            self.level_path,
            len(self.reload_problems),
            "\n".join(self.reload_problems),
        )

    # ------------------------------------------------------------------ the pause menu

    def push(self, overlay: Screen) -> None:
        self.stack.append(overlay)

    def pop(self) -> None:
        if self.stack:
            self.stack.pop().close()
        if not self.stack:
            self.scene.input.held.clear()  # keys released while the menu was open

    def open_pause(self) -> None:
        from game.app.screens.pause import PauseMenu

        self.push(PauseMenu(self.app, self, self.pop))

    def open_save(self) -> None:
        name = f"{self.sim.level.title} {self.sim.clock}".replace(":", "h")
        self.push(SaveDialog(self.app, name, self.save_named, self.pop))

    def save_named(self, path: Path) -> None:
        def do() -> None:
            if self.save_to(path, "Saved"):
                self.pop()  # the save dialog

        if path.exists():
            self.push(Confirm(self.app, f"Replace '{path.stem}'?", "That save will be "
                              "overwritten by the game as it is now.", "Replace", do, self.pop))  # fmt: skip
        elif self.save_to(path, "Saved"):
            self.pop()

    def open_load(self) -> None:
        self.push(LoadDialog(self.app, self.load_chosen, self.pop))

    def load_chosen(self, path: Path) -> None:
        if self.unsaved_minutes > 0 and not self.sim.finished:
            self.push(Confirm(self.app, "Load and lose unsaved progress?",
                              self._lose_text(), "Load anyway", lambda: self.load_from(path),
                              self.pop))  # fmt: skip
        else:
            self.load_from(path)

    def open_settings(self) -> None:
        from game.app.screens.settings import SettingsScreen

        self.push(SettingsScreen(self.app, on_close=self._settings_closed, over_game=True))

    def _settings_closed(self) -> None:
        self.pop()
        s = self.app.settings
        self.scene.set_ui_scale(s.ui_scale)
        self.scene.set_keys(s.keys)  # the HUD shows the new keys too
        want = "colorblind" if s.palette == "colorblind" else "neon"
        if self.scene.state.palette != want:
            self.scene.apply(A.TogglePalette())
        for o in self.stack:
            o.rebuild()  # the UI scale may have changed

    def quit_to_title(self) -> None:
        if self.unsaved_minutes > 0 and not self.sim.finished:
            self.push(Confirm(self.app, "Quit to the title?", self._lose_text(),
                              "Quit without saving", self._leave, self.pop))  # fmt: skip
        else:
            self._leave()

    def _lose_text(self) -> str:
        from game.app.screens.pause import _span

        return (
            f"You will lose {_span(self.unsaved_minutes)} of play since your last save. "
            "Save first from the pause menu (or press the quicksave key) to keep it."
        )

    def _leave(self) -> None:
        self._count_ticks()
        self.app.show_title()

    def quit_game(self) -> None:
        """The window is closing: keep unsaved progress in an autosave slot, then quit."""
        if self.unsaved_minutes > 0 and not self.sim.finished:
            self.autosave()
        self.app.request_quit()

    # ------------------------------------------------------------------ drawing

    def toast(self, text: str, colour: RGB = INK) -> None:
        self.toasts.append((text, colour, time.monotonic()))
        self.toasts = self.toasts[-4:]

    def _age_toasts(self) -> None:
        now = time.monotonic()
        self.toasts = [t for t in self.toasts if now - t[2] < TOAST_SECONDS]

    def rebuild(self) -> None:
        self.scene.relayout(self.app.size)
        for o in self.stack:
            o.rebuild()
        super().rebuild()

    def draw(self, surf: pygame.Surface) -> None:
        self.scene.draw(surf)
        if self.reload_problems:
            self._draw_problems(surf)
        if self.stack:
            dim(surf, 150)
            for i, o in enumerate(self.stack):
                if i and i == len(self.stack) - 1:
                    dim(surf, 110)  # the top overlay stands out from the one under it
                o.draw(surf)
        self._draw_toasts(surf)

    def _draw_problems(self, surf: pygame.Surface) -> None:
        w, h = surf.get_size()
        f = self.font(14)
        hf = self.font(15, True)
        width = min(w - 40, self.s(900))
        lines: list[str] = []
        for p in self.reload_problems:
            lines += wrap(p, f, width - 28)
        extra = len(lines) - MAX_PROBLEM_LINES
        lines = lines[:MAX_PROBLEM_LINES] + ([f"… and {extra} more lines"] if extra > 0 else [])
        box_h = hf.get_height() + 20 + len(lines) * (f.get_height() + 2)
        r = pygame.Rect(0, 0, width, box_h)
        r.midbottom = (self.scene.layout.map_rect.centerx, h - 14)
        card(surf, r, AMBER, fill=(30, 12, 8, 238))
        n = len(self.reload_problems)
        head = f"{self.level_path.name}: the saved version has {n} problem{'s' if n != 1 else ''}"
        draw_text(surf, head + " — still playing the previous one", hf, AMBER, (r.x + 14, r.y + 8))
        y = r.y + 12 + hf.get_height()
        for line in lines:
            draw_text(surf, line, f, INK, (r.x + 14, y))
            y += f.get_height() + 2

    def _draw_toasts(self, surf: pygame.Surface) -> None:
        if not self.toasts:
            return
        f = self.font(15, True)
        w, h = surf.get_size()
        y = h - 16 - (self.s(170) if self.reload_problems else 0)
        for text, colour, _ in reversed(self.toasts):
            lines = wrap(text, f, min(w - 60, self.s(640)))[:3]
            bh = len(lines) * (f.get_height() + 2) + 14
            bw = max(f.size(line)[0] for line in lines) + 28
            r = pygame.Rect(0, 0, bw, bh)
            r.midbottom = (self.scene.layout.map_rect.centerx, y)
            card(surf, r, colour, fill=(10, 8, 24, 235), radius=6)
            ly = r.y + 7
            for line in lines:
                draw_text(surf, line, f, colour, (r.centerx, ly), anchor="midtop")
                ly += f.get_height() + 2
            y = r.y - 6

    def close(self) -> None:
        for o in self.stack:
            o.close()
        self.stack.clear()
        super().close()
        if self.app.screen is None or getattr(self.app.screen, "sim", None) is not self.sim:
            self.sim.close()
