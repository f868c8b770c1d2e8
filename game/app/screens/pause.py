"""The pause menu (Esc during play): resume, save, load, settings, quit to title.

The game stands still while it is open. What each choice does lives in the play screen
(`game.app.screens.play`); this is the card and its buttons, with the level, the in-game time
and how long ago the game was last saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.app.screens.base import AMBER, CYAN, DIM, GREEN, PINK, draw_text, ellipsize, glow_text
from game.app.screens.dialogs import Overlay

if TYPE_CHECKING:
    from game.app.app import App
    from game.app.screens.play import PlayScreen


class PauseMenu(Overlay):
    """Resume · Save game · Load game · Settings · Quit to title."""

    name = "pause"
    width = 380
    height = 444

    def __init__(self, app: App, play: PlayScreen, on_close: Callable[[], None]) -> None:
        self.play = play
        super().__init__(app, on_close)

    def build(self) -> None:
        r = self.rect
        top = r.y + self.s(118)
        n = 5
        gap = self.s(10)
        bh = min(self.s(46), (r.bottom - top - self.s(34)) // n - gap)
        bw = r.w - self.s(48)
        items = [
            ("Resume", self.dismiss, "Back to the city (Esc)", "#primary"),
            ("Save game", self.play.open_save, "Save under a name", "#menu"),
            ("Load game", self.play.open_load, "Load one of your saves", "#menu"),
            ("Settings", self.play.open_settings, "Volume, UI scale, palette, keys...", "#menu"),
            ("Quit to title", self.play.quit_to_title, "Leave this game", "#menu"),
        ]
        self.items = {}
        for i, (text, cb, tip, style) in enumerate(items):
            b = pygame.Rect(r.x + (r.w - bw) // 2, top + i * (bh + gap), bw, bh)
            self.items[text] = self.button(b, text, cb, tip, style=style)

    def draw_back(self, surf: pygame.Surface) -> None:
        r = self.rect
        head = glow_text("PAUSED", self.font(30, True), PINK, radius=5)
        surf.blit(head, head.get_rect(midtop=(r.centerx, r.y - self.s(6))))
        sim = self.play.sim
        f = self.font(14, True)
        y = r.y + self.s(62)
        title = ellipsize(sim.level.title, f, r.w - 30)
        draw_text(surf, f"{title} · {sim.clock}", f, CYAN, (r.centerx, y), anchor="midtop")
        mins = self.play.unsaved_minutes
        if sim.finished:
            note, colour = f"The level is {sim.outcome.status}.", GREEN
        elif mins <= 0:
            note, colour = "Everything is saved.", GREEN
        else:
            note, colour = f"Not saved: {_span(mins)} of play since the last save.", AMBER
        sf = self.font(13)
        draw_text(surf, ellipsize(note, sf, r.w - 30), sf, colour,
                  (r.centerx, y + f.get_height() + 4), anchor="midtop")  # fmt: skip
        keys = self.app.settings.keys
        hint = f"{keys.get('quicksave', 'f5').upper()} quicksave · " + (
            f"{keys.get('quickload', 'f9').upper()} quickload"
        )
        draw_text(surf, hint, self.font(12), DIM, (r.centerx, r.bottom - self.s(8)),
                  anchor="midbottom")  # fmt: skip


def _span(minutes: int) -> str:
    """In-game minutes as '45 min' or '3 h 20 min'."""
    if minutes < 60:
        return f"{minutes} in-game min"
    h, m = divmod(minutes, 60)
    return f"{h} in-game h {m:02d} min"
