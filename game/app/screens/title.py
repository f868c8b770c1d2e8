"""The title screen: the game's name in neon over the city, and the way in.

Continue (the campaign profile's last save, with its level and in-game day), Campaign, Custom
level, Settings, Quit. Problems found in the player's files (a broken settings file or profile,
a save that would not load) are shown here once, in a card the player dismisses.
"""

from __future__ import annotations

import json
import logging
import math
import time
import zipfile
from pathlib import Path

import pygame

from game.app.screens.base import (
    AMBER,
    CYAN,
    DIM,
    INK,
    PINK,
    Screen,
    card,
    draw_paragraph,
    draw_text,
    ellipsize,
    font,
    glow_text,
)
from game.sim import calendar

logger = logging.getLogger(__name__)

TAGLINE = "Every smile tells a story. Make the city hear yours."


def describe_save(path: Path) -> str:
    """'Neon Opening · Day 3 14:20 · saved 30 Nov 14:02' from a save's state.json ('' if not)."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("state.json")
            if info.file_size > 64 * 1024 * 1024:
                return ""
            state = json.loads(zf.read("state.json"))
        level = Path(str(state.get("level_path", ""))).stem
        from game.app.screens.levels import peek

        lp = Path(str(state.get("level_path", "")))
        title = peek(lp).title if lp.exists() else level
        tick = int(state.get("tick", 0))
        when = time.strftime("%d %b %H:%M", time.localtime(path.stat().st_mtime))
        return f"{title} · {calendar.describe(tick)} · saved {when}"
    except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile, RecursionError):
        return ""


class TitleScreen(Screen):
    """The first screen."""

    name = "title"

    def build(self) -> None:
        w, h = self.size
        app = self.app
        last = Path(app.profile.last_save) if app.profile.last_save else None
        self.continue_path = last if last is not None and last.is_file() else None
        self.continue_text = describe_save(self.continue_path) if self.continue_path else ""
        top = int(h * 0.40)
        n = 5
        gap = self.s(10)
        bh = min(self.s(48), (h - top - self.s(40)) // n - gap)
        bw = min(self.s(340), w - 40)
        x = int(w * 0.08) if w >= 1000 else (w - bw) // 2
        self.menu_rect = pygame.Rect(x, top, bw, n * (bh + gap) - gap)
        items = [
            ("Continue", self.on_continue, self.continue_path is not None,
             f"Carry on from your last save: {self.continue_text or self.continue_path}"
             if self.continue_path else "No save yet"),
            ("Campaign", self.app.show_campaign, True,
             "The five acts of the story, each opens when you win the one before"),
            ("Custom level", self.app.show_custom, True,
             "Play any level: the shipped ones and the maps in your own levels folder"),
            ("Settings", self.app.show_settings, True,
             "Volume, UI scale, colour-blind palette, keys, fullscreen, autosaves"),
            ("Quit", self.app.request_quit, True, "Close the game"),
        ]  # fmt: skip
        self.menu_buttons = {}
        for i, (text, cb, enabled, tip) in enumerate(items):
            r = pygame.Rect(x, top + i * (bh + gap), bw, bh)
            style = "#primary" if i == 0 and enabled else "#menu"
            if i == 1 and self.continue_path is None:
                style = "#primary"
            self.menu_buttons[text] = self.button(r, text, cb, tip, style=style, enabled=enabled)
        self.notice_button = None
        if app.notices:
            nw = min(self.s(520), w - bw - x - 60) if w >= 1000 else w - 40
            nw = max(nw, self.s(280))
            self.notice_rect = pygame.Rect(w - nw - 24, top, nw, self.s(230))
            if w < 1000:
                self.notice_rect = pygame.Rect(20, h - self.s(200) - 20, w - 40, self.s(200))
            r = pygame.Rect(0, 0, self.s(110), self.s(34))
            r.bottomright = (self.notice_rect.right - 12, self.notice_rect.bottom - 10)
            self.notice_button = self.button(r, "OK", self.dismiss, style="#small")
        self._title: pygame.Surface | None = None
        self._shade_img: pygame.Surface | None = None

    def on_continue(self) -> None:
        from game.sim.savegame import SaveError, load_game

        if self.continue_path is None:
            return
        try:
            result = load_game(self.continue_path)
        except SaveError as exc:
            self.app.notices.append(f"Cannot continue: {exc}")
            self.rebuild()
            return
        level_path = Path(result.sim.level.path)
        self.app.play_sim(result.sim, level_path)
        screen = self.app.screen
        for w in result.warnings:
            if hasattr(screen, "toast"):
                screen.toast(w, AMBER)

    def dismiss(self) -> None:
        self.app.notices.clear()
        self.rebuild()

    def back(self) -> None:
        self.app.request_quit()

    def _shade(self) -> pygame.Surface:
        if self._shade_img is None or self._shade_img.get_size() != self.size:
            import numpy as np

            w, h = self.size
            x = np.arange(w, dtype=np.float32)
            a = np.clip(1.0 - x / (w * 0.5), 0, 1) ** 1.5 * 170
            img = pygame.Surface((w, h), pygame.SRCALPHA)
            img.fill((6, 4, 18, 0))
            alpha = pygame.surfarray.pixels_alpha(img)
            alpha[:, :] = a.astype(np.uint8)[:, None]
            del alpha
            self._shade_img = img
        return self._shade_img

    def _title_image(self) -> pygame.Surface:
        if self._title is None:
            h = self.size[1]
            big = font(max(36, int(h * 0.115)), True)
            mid = font(max(22, int(h * 0.07)), True)
            a = glow_text("SMILE STUDIO", big, PINK, radius=max(6, h // 90))
            b = glow_text("2145", mid, CYAN, radius=max(5, h // 110))
            w = max(a.get_width(), b.get_width())
            surf = pygame.Surface((w, a.get_height() + b.get_height() - h // 14), pygame.SRCALPHA)
            surf.blit(a, (0, 0))
            surf.blit(b, (w - b.get_width(), a.get_height() - h // 14))
            self._title = surf
        return self._title

    def draw_back(self, surf: pygame.Surface) -> None:
        self.app.backdrop().draw(surf, self.t)
        w, h = self.size
        if w >= 1000:  # a shade behind the title and the menu, fading out to the right
            surf.blit(self._shade(), (0, 0))
        title = self._title_image()
        x = int(w * 0.08) - title.get_height() // 8 if w >= 1000 else (w - title.get_width()) // 2
        y = int(h * 0.05) + int(3 * math.sin(self.t * 1.3))
        surf.blit(title, (x, y))
        tag = font(max(14, self.s(17)))
        draw_text(surf, ellipsize(TAGLINE, tag, w - 40), tag, INK,
                  (x + title.get_height() // 8 + 4, y + title.get_height() - 4))  # fmt: skip
        if self.notice_button is not None:
            r = self.notice_rect
            card(surf, r, AMBER)
            f = self.font(15, True)
            draw_text(surf, "Please note", f, AMBER, (r.x + 14, r.y + 10))
            body = pygame.Rect(r.x + 14, r.y + 16 + f.get_height(), r.w - 28, 0)
            body.height = r.bottom - self.s(50) - body.y
            draw_paragraph(surf, "\n".join(self.app.notices), self.font(14), INK, body)

    def draw_front(self, surf: pygame.Surface) -> None:
        w, h = self.size
        b = self.menu_buttons["Continue"]
        if self.continue_text:
            f = self.font(13)
            r = b.rect
            text = ellipsize(self.continue_text, f, max(w - r.right - 24, 120))
            if w >= 1000:
                img = f.render(text, True, CYAN)
                back = img.get_rect(midleft=(r.right + 14, r.centery)).inflate(16, 10)
                card(surf, back, CYAN, fill=(8, 6, 20, 220), width=1, radius=5)
                surf.blit(img, img.get_rect(center=back.center))
        f = font(max(11, self.s(12)))
        draw_text(surf, "Esc quits · your saves, profile and settings live in the user folders",
                  f, DIM, (w - 12, h - 8), anchor="bottomright")  # fmt: skip
