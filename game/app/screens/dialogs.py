"""Small overlays of the pause menu: confirm, a message, save under a name, load a save.

Each is a `Screen` with `overlay = True`: the play screen draws the (paused) city under it and
hands it the events. Esc closes the top overlay.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIScrollingContainer, UITextEntryLine

from game.app.screens.base import (
    AMBER,
    CYAN,
    DIM,
    INK,
    PINK,
    RGB,
    Screen,
    card,
    draw_paragraph,
    draw_text,
    ellipsize,
)
from game.userdata import list_saves, slot_path

if TYPE_CHECKING:
    from game.app.app import App


class Overlay(Screen):
    """A centred card over the paused game."""

    overlay = True
    width = 520
    height = 300
    border: RGB = PINK

    def __init__(self, app: App, on_close: Callable[[], None]) -> None:
        self.on_close = on_close
        super().__init__(app)

    @property
    def rect(self) -> pygame.Rect:
        w, h = self.size
        r = pygame.Rect(0, 0, min(self.s(self.width), w - 20), min(self.s(self.height), h - 20))
        r.center = (w // 2, h // 2)
        return r

    def dismiss(self) -> None:
        self.on_close()

    def back(self) -> None:
        self.dismiss()

    def draw(self, surf: pygame.Surface) -> None:
        card(surf, self.rect, self.border, fill=(12, 8, 30, 245))
        self.draw_back(surf)
        self.manager.draw_ui(surf)
        self.draw_front(surf)


class MessageBox(Overlay):
    """A title, a readable message, OK."""

    name = "message"
    width = 560
    height = 260

    def __init__(
        self, app: App, title: str, text: str, on_close: Callable[[], None], colour: RGB = AMBER
    ) -> None:
        self.title, self.text, self.border = title, text, colour
        super().__init__(app, on_close)

    def build(self) -> None:
        r = self.rect
        b = pygame.Rect(0, 0, self.s(120), self.s(40))
        b.bottomright = (r.right - 16, r.bottom - 14)
        self.ok = self.button(b, "OK", self.dismiss, style="#primary")

    def handle(self, ev: pygame.event.Event) -> None:
        if ev.type == pygame.KEYDOWN and ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.dismiss()
        else:
            super().handle(ev)

    def draw_back(self, surf: pygame.Surface) -> None:
        r = self.rect.inflate(-36, -28)
        f = self.font(20, True)
        draw_text(surf, ellipsize(self.title, f, r.w), f, self.border, r.topleft)
        body = pygame.Rect(r.x, r.y + f.get_height() + 10, r.w, r.h - f.get_height() - self.s(56))
        draw_paragraph(surf, self.text, self.font(15), INK, body)


class Confirm(Overlay):
    """A question with Yes (does it) and No (goes back)."""

    name = "confirm"
    width = 560
    height = 240

    def __init__(
        self,
        app: App,
        title: str,
        text: str,
        yes: str,
        on_yes: Callable[[], None],
        on_close: Callable[[], None],
    ) -> None:
        self.title, self.text, self.yes_text, self.on_yes = title, text, yes, on_yes
        self.border = AMBER
        super().__init__(app, on_close)

    def build(self) -> None:
        r = self.rect
        no = pygame.Rect(0, 0, self.s(150), self.s(42))
        no.bottomright = (r.right - 16, r.bottom - 14)
        yes = pygame.Rect(0, 0, self.s(220), self.s(42))
        yes.bottomright = (no.left - 12, no.bottom)
        self.no_button = self.button(no, "Cancel", self.dismiss, style="#primary")
        self.yes_button = self.button(yes, self.yes_text, self.confirm, style="#danger")

    def confirm(self) -> None:
        self.on_close()  # the question goes first, then what was asked for
        self.on_yes()

    def draw_back(self, surf: pygame.Surface) -> None:
        r = self.rect.inflate(-36, -28)
        f = self.font(20, True)
        draw_text(surf, ellipsize(self.title, f, r.w), f, AMBER, r.topleft)
        body = pygame.Rect(r.x, r.y + f.get_height() + 10, r.w, r.h - f.get_height() - self.s(58))
        draw_paragraph(surf, self.text, self.font(15), INK, body)


def save_label(path: Path) -> str:
    when = time.strftime("%d %b %H:%M", time.localtime(path.stat().st_mtime))
    return f"{path.stem}  ·  {when}"


class SaveDialog(Overlay):
    """Save under a name (a slot file in the saves folder); existing saves can be overwritten."""

    name = "save"
    width = 600
    height = 480
    border = CYAN

    def __init__(
        self,
        app: App,
        default_name: str,
        on_save: Callable[[Path], None],
        on_close: Callable[[], None],
    ) -> None:
        self.default_name, self.on_save = default_name, on_save
        super().__init__(app, on_close)

    def build(self) -> None:
        r = self.rect
        x, w = r.x + 18, r.w - 36
        y = r.y + self.s(52)
        self.entry = UITextEntryLine(
            pygame.Rect(x, y, w, self.s(40)), self.manager, initial_text=self.default_name
        )
        self.entry.set_text_length_limit(60)
        y += self.s(52)
        self.list_top = y
        foot = self.s(60)
        self.scroll = UIScrollingContainer(
            pygame.Rect(x, y + self.s(22), w, r.bottom - foot - y - self.s(22)),
            self.manager,
            allow_scroll_x=False,
        )
        row = self.s(34)
        saves = [p for p in list_saves() if not p.stem.startswith(("autosave-", "quick"))]
        for i, p in enumerate(saves):
            self.button(
                pygame.Rect(0, i * (row + 4), w - self.s(22), row),
                ellipsize(save_label(p), self.font(15), w - self.s(50)),
                lambda p=p: self.entry.set_text(p.stem),
                "Use this name (the save will be replaced)",
                style="#row",
                container=self.scroll,
            )
        self.scroll.set_scrollable_area_dimensions((w - self.s(22), max(1, len(saves) * (row + 4))))
        self.has_saves = bool(saves)
        cancel = pygame.Rect(0, 0, self.s(140), self.s(42))
        cancel.bottomright = (r.right - 16, r.bottom - 12)
        save = pygame.Rect(0, 0, self.s(160), self.s(42))
        save.bottomright = (cancel.left - 12, cancel.bottom)
        self.cancel_button = self.button(cancel, "Cancel", self.dismiss)
        self.save_button = self.button(save, "Save", self.save, "Save the game now", "#primary")

    def save(self) -> None:
        name = self.entry.get_text().strip()
        if not name:
            return
        self.on_save(slot_path(name))  # the play screen asks before replacing a save

    def handle(self, ev: pygame.event.Event) -> None:
        if ev.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            self.save()
        else:
            super().handle(ev)

    def draw_back(self, surf: pygame.Surface) -> None:
        r = self.rect
        f = self.font(20, True)
        draw_text(surf, "Save the game", f, CYAN, (r.x + 18, r.y + 12))
        sf = self.font(13)
        label = "Your saves (click one to replace it):" if self.has_saves else "No named saves yet."
        draw_text(surf, label, sf, DIM, (r.x + 18, self.list_top))


class LoadDialog(Overlay):
    """Every save, newest first; choosing one loads it (after a confirm if progress would go)."""

    name = "load"
    width = 600
    height = 480
    border = CYAN

    def __init__(
        self, app: App, on_load: Callable[[Path], None], on_close: Callable[[], None]
    ) -> None:
        self.on_load = on_load
        super().__init__(app, on_close)

    def build(self) -> None:
        r = self.rect
        x, w = r.x + 18, r.w - 36
        y = r.y + self.s(52)
        foot = self.s(62)
        self.scroll = UIScrollingContainer(
            pygame.Rect(x, y, w, r.bottom - foot - y), self.manager, allow_scroll_x=False
        )
        row = self.s(36)
        self.saves = list_saves()
        self.save_buttons = {}
        for i, p in enumerate(self.saves):
            b = self.button(
                pygame.Rect(0, i * (row + 4), w - self.s(22), row),
                ellipsize(save_label(p), self.font(15), w - self.s(50)),
                lambda p=p: self.on_load(p),
                str(p),
                style="#row",
                container=self.scroll,
            )
            self.save_buttons[p.stem] = b
        self.scroll.set_scrollable_area_dimensions(
            (w - self.s(22), max(1, len(self.saves) * (row + 4)))
        )
        cancel = pygame.Rect(0, 0, self.s(140), self.s(42))
        cancel.bottomright = (r.right - 16, r.bottom - 12)
        self.button(cancel, "Cancel", self.dismiss)

    def draw_back(self, surf: pygame.Surface) -> None:
        r = self.rect
        f = self.font(20, True)
        draw_text(surf, "Load a game", f, CYAN, (r.x + 18, r.y + 12))
        if not self.saves:
            draw_text(surf, "No saves yet: save from this menu, or press F5 while playing.",
                      self.font(15), INK, (r.x + 18, r.y + self.s(60)))  # fmt: skip
