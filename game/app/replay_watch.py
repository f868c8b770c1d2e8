"""Watching a recorded game on screen: `python main.py replay FILE --watch [--verify]`.

The replay (`game.headless.replay.read_replay`) is played in the ordinary play scene: before
each tick, `ReplayFeed` re-submits the commands recorded at that tick exactly as
`game.headless.replay.resubmit` does for `replay()` (a command recorded for its own tick is submitted for now,
one queued for later is queued for its recorded tick), so the watched game goes through the
same states as the recording. The player keeps the camera, overlays, panels and the speed
controls, but cannot give orders: the scene refuses every command while a feed is attached,
and the top bar says "Replay". The game stops at the recorded end tick and says whether the
final state hash matches the recording.

With `verify`, every night's state hash is compared with the recording's; a difference is
shown on screen (a notification and the replay's status card), logged as an error naming the
day, and pauses the game there.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from game.headless.replay import Replay, ReplayError, commands_by_tick, read_replay, resubmit
from game.level.loader import LevelData, LevelError, load_level
from game.sim.commands import Command
from game.sim.messages import Message
from game.sim.simulation import Simulation

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
FPS_CAP = 60
REPLAY_DIFFERS = "replay_differs"  # message kinds the feed posts to the notifications
REPLAY_ENDED = "replay_ended"

__all__ = ["REPLAY_DIFFERS", "REPLAY_ENDED", "ReplayError", "ReplayFeed", "ReplayWatch", "watch"]


@dataclass(slots=True)
class ReplayFeed:
    """The recorded commands of `rep`, handed to the simulation at their ticks, and the
    checks of its daily and final hashes."""

    rep: Replay
    verify: bool = False
    by_tick: dict[int, list[tuple[int, Command]]] = field(default_factory=dict)
    expected: dict[int, tuple[int, str]] = field(default_factory=dict)
    days_checked: int = 0
    mismatches: list[str] = field(default_factory=list)  # 'day D: ...', in the order found
    ended: bool = False
    final_ok: bool | None = None  # once ended: whether the final state hash matches

    def __post_init__(self) -> None:
        self.by_tick = commands_by_tick(self.rep)
        self.expected = {day: (tick, h) for day, tick, h in self.rep.day_hashes}

    @property
    def end_tick(self) -> int:
        return self.rep.end_tick

    def ticks_left(self, sim: Simulation) -> int:
        return max(0, self.rep.end_tick - sim.tick)

    def before_step(self, sim: Simulation) -> None:
        """Submit what was submitted at this tick in the recording (the rule of `replay()`)."""
        resubmit(sim, self.by_tick.pop(sim.tick, []))

    def after_step(self, sim: Simulation) -> list[Message]:
        """Check the night's hash (with `verify`) and the end; returns what to tell the player."""
        out: list[Message] = []
        if self.verify and sim.day_hashes and sim.day_hashes[-1][1] == sim.tick:
            day, _tick, h = sim.day_hashes[-1]
            if day in self.expected:
                self.days_checked += 1
                if self.expected[day][1] != h:
                    text = f"day {day}: state hash differs from the recording"
                    self.mismatches.append(text)
                    logger.error("%s: replay differs: %s", self.rep.path, text)
                    out.append(
                        Message(sim.tick, REPLAY_DIFFERS, f"Replay differs: {text}", {"day": day})
                    )
        if not self.ended and sim.tick >= self.rep.end_tick:
            self.ended = True
            self.final_ok = sim.state_hash() == self.rep.end_hash
            if self.final_ok:
                text = f"Replay ended at tick {sim.tick}: the final state matches the recording"
                logger.info("%s: %s", self.rep.path, text)
            else:
                text = (
                    f"Replay ended at tick {sim.tick}: the final state differs from the recording"
                )
                logger.error("%s: %s", self.rep.path, text)
            out.append(Message(sim.tick, REPLAY_ENDED, text, {"ok": self.final_ok}))
        return out

    def status(self, sim: Simulation) -> str:
        """One line for the status card."""
        head = f"Replay of {self.rep.path.name} · tick {sim.tick:,} of {self.rep.end_tick:,}"
        if self.ended:
            head += " · ended, final state " + ("matches" if self.final_ok else "DIFFERS")
        if self.verify:
            if self.mismatches:
                head += f" · verify: {self.mismatches[0]}"
            else:
                head += f" · verify: {self.days_checked} day(s) match"
        return head + " · orders are off while watching"


def resolve_level_path(rep: Replay) -> Path:
    """The replay's level: as recorded, else relative to the repository or the replay file."""
    p = Path(rep.level)
    if p.is_absolute() or p.exists():
        return p
    for base in (REPO_ROOT, rep.path.parent):
        if (base / p).exists():
            return base / p
    return p


def load_replay(path: str | Path) -> tuple[Replay, LevelData]:
    """Read a replay and its level, checked as `replay()` checks them; raises ReplayError."""
    rep = read_replay(path)
    try:
        level = load_level(resolve_level_path(rep))
    except LevelError as exc:
        raise ReplayError(f"{rep.path}: its level cannot be loaded: {exc}") from None
    if level.file_hash != rep.level_hash:
        raise ReplayError(f"{rep.path}: the level {level.path} has changed since it was recorded")
    return rep, level


class ReplayWatch:
    """A replay in the play scene, with its status card; `frame` + `draw` per frame."""

    def __init__(
        self,
        rep: Replay,
        level: LevelData,
        surface: pygame.Surface,
        verify: bool = False,
        ui_scale: float = 1.0,
        keys: dict[str, str] | None = None,
        speed: int = 1,
        edge_scroll: bool = False,
    ) -> None:
        from game.app.scene import PlayScene
        from game.app.screens.base import font

        font.cache_clear()  # fonts made before a pygame.quit() are dead
        self.rep = rep
        self.feed = ReplayFeed(rep, verify)
        self.sim = Simulation(level, rep.balance, rep.seed)
        self.scene = PlayScene(
            self.sim, surface.get_size(), edge_scroll=edge_scroll, ui_scale=ui_scale, keys=keys
        )
        self.scene.attach_replay(self.feed)
        self.scene.clock.set_speed(speed)
        self.scene.hud.sync_selection(self.scene.state, self.scene.clock)
        self.ui_scale = ui_scale

    @property
    def done(self) -> bool:
        return self.feed.ended

    def frame(self, dt: float) -> None:
        self.scene.frame(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.scene.draw(surface)
        self._draw_status(surface)

    def _draw_status(self, surface: pygame.Surface) -> None:
        from game.app.screens.base import AMBER, CYAN, card, draw_text, ellipsize, font

        r = self.scene.layout.map_rect
        f = font(round(14 * self.ui_scale), True)
        bad = bool(self.feed.mismatches) or self.feed.final_ok is False
        colour = AMBER if bad else CYAN
        width = min(r.width - 20, round(900 * self.ui_scale))
        text = ellipsize(self.feed.status(self.sim), f, width - 24)
        box = pygame.Rect(0, 0, width, f.get_height() + 14)
        # at the bottom of the map, over the minimap and the legend (the HUD has the top)
        above = self.scene.minimap.rect.top
        legend = self.scene._legend
        if legend is not None:
            above = min(above, self.scene._legend_pos[1])
        box.midbottom = (r.centerx, above - 8)
        card(surface, box, colour, fill=(12, 8, 30, 235), radius=6)
        draw_text(surface, text, f, colour, (box.x + 12, box.y + 7))

    def close(self) -> None:
        self.sim.close()


def watch(
    path: str | Path,
    verify: bool = False,
    speed: int = 1,
    max_frames: int | None = None,
    quit_after: float | None = None,
) -> ReplayFeed:
    """Open a window and play the replay at `path` in it until the player closes it (or
    `max_frames` / `quit_after`); returns the feed (its checks). Raises ReplayError,
    `game.app.viewer.DisplayUnavailable` or `SceneError` with one readable line."""
    from game.app.viewer import _check_display, open_window
    from game.userdata import load_settings

    rep, level = load_replay(path)
    _check_display()
    settings, _problems = load_settings()  # the player's UI scale and keys; defaults if broken
    screen = open_window((1280, 720), f"Smile Studio 2145 — replay of {rep.path.name}")
    w: ReplayWatch | None = None
    try:
        w = ReplayWatch(
            rep,
            level,
            screen,
            verify=verify,
            ui_scale=settings.ui_scale,
            keys=settings.keys,
            speed=speed,
            edge_scroll=True,
        )
        clock = pygame.time.Clock()
        start = time.monotonic()
        frames = 0
        while not w.scene.state.quit:
            dt = clock.tick(FPS_CAP) / 1000.0
            w.frame(dt)
            screen = pygame.display.get_surface() or screen
            w.draw(screen)
            pygame.display.flip()
            frames += 1
            if max_frames is not None and frames >= max_frames:
                break
            if quit_after is not None and time.monotonic() - start >= quit_after:
                break
        return w.feed
    finally:
        if w is not None:
            w.close()
        pygame.quit()
