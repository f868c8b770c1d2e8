"""Custom level: every .tmx in the shipped `levels/` folder and in the player's own levels folder.

Each level is checked by the game's validator, one a frame so the list appears at once; a level
with problems is listed in amber with the validator's own lines instead of crashing anything,
and cannot be started until it is fixed (Rescan reads the folders again).
"""

from __future__ import annotations

import html
import threading
from pathlib import Path

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIScrollingContainer, UITextBox

from game.app.screens.base import (
    AMBER,
    CYAN,
    DIM,
    GREEN,
    INK,
    PINK,
    Screen,
    act_label,
    card,
    dim,
    draw_paragraph,
    draw_text,
    ellipsize,
    glow_text,
)
from game.app.screens.levels import CustomLevel, find_levels
from game.app.screens.preview import draw_legend, level_preview
from game.userdata import user_levels_dir


class CustomLevelScreen(Screen):
    """A list of levels on the left, the chosen one's details (or problems) on the right."""

    name = "custom"

    def __init__(self, app) -> None:  # noqa: ANN001 - App
        self.levels: list[CustomLevel] = []
        self.selected = -1
        self._shown: set[int] = set()  # rows whose checked state is on screen
        self._preview_img: pygame.Surface | None = None
        self._preview_key: tuple[str, tuple[int, int]] | None = None
        self._scan(app.levels_dir)
        super().__init__(app)

    def _scan(self, shipped: Path) -> None:
        """List the levels and check them on a worker thread (the menu stays responsive)."""
        self.levels = find_levels(shipped, user_levels_dir())
        self.selected = 0 if self.levels else -1
        self._shown = set()
        levels = list(self.levels)
        threading.Thread(target=_check_all, args=(levels,), name="level-check", daemon=True).start()

    @property
    def all_checked(self) -> bool:
        return all(lv.checked for lv in self.levels)

    def build(self) -> None:
        w, h = self.size
        top = self.s(96)
        foot = self.s(64)
        margin = 20
        list_w = min(self.s(420), int(w * 0.42))
        self.list_rect = pygame.Rect(margin, top, list_w, h - top - foot)
        self.detail_rect = pygame.Rect(
            self.list_rect.right + 16, top, w - self.list_rect.right - 16 - margin, h - top - foot
        )
        self.scroll = UIScrollingContainer(
            self.list_rect, self.manager, allow_scroll_x=False, allow_scroll_y=True
        )
        row_h = self.s(40)
        self.row_buttons: list[UIButton] = []
        inner_w = list_w - self.s(22)
        for i, lv in enumerate(self.levels):
            b = self.button(
                pygame.Rect(0, i * (row_h + 4), inner_w, row_h),
                self._row_text(lv, inner_w),
                lambda i=i: self.select(i),
                str(lv.path),
                style="#row_bad" if lv.checked and not lv.ok else "#row",
                container=self.scroll,
                object_id=f"#level_{i}",
            )
            self.row_buttons.append(b)
        self.scroll.set_scrollable_area_dimensions(
            (inner_w, max(len(self.levels) * (row_h + 4), 1))
        )
        k = min(1.0, (w - 2 * margin - 36) / self.s(160 + 160 + 200))  # narrow: all three fit
        r = pygame.Rect(0, 0, int(self.s(160) * k), self.s(42))
        r.bottomleft = (margin, h - self.s(14))
        self.button(r, "‹ Back", self.app.show_title, "The title screen (Esc)")
        r2 = r.move(r.width + 12, 0)
        self.button(r2, "Rescan", self.rescan, "Read the level folders again")
        p = pygame.Rect(0, 0, int(self.s(200) * k), self.s(46))
        p.bottomright = (w - margin, h - self.s(12))
        self.play_button = self.button(
            p, "Briefing ›", self.play, "Read the level's briefing, then play it", "#primary"
        )
        self.problem_box: UITextBox | None = None
        self._shown = {i for i, lv in enumerate(self.levels) if lv.checked}
        self._refresh_selection()

    def _row_text(self, lv: CustomLevel, width: int) -> str:
        if not lv.checked:
            state = "checking…"
        elif lv.ok:
            state = "ready"
        else:
            n = len(lv.problems)
            state = f"{n} problem{'s' if n != 1 else ''}"
        mine = " · yours" if lv.source == "yours" else ""
        f = self.font(15)
        return ellipsize(f"{lv.info.title}  ·  {state}{mine}", f, width - self.s(24))

    def select(self, i: int) -> None:
        self.selected = i
        self._refresh_selection()

    def _refresh_selection(self) -> None:
        for i, b in enumerate(self.row_buttons):
            (b.select if i == self.selected else b.unselect)()
        lv = self.current
        if lv is not None and lv.ok:
            self.play_button.enable()
        else:
            self.play_button.disable()
        if self.problem_box is not None:
            self.problem_box.kill()
            self.problem_box = None
        if lv is not None and lv.checked and not lv.ok:
            d = self.detail_rect
            top = d.y + self.s(130)
            lines = "<br>".join(f"• {html.escape(p)}" for p in lv.problems)
            self.problem_box = UITextBox(
                f"<font color='#ffd9a0'>{lines}</font>",
                pygame.Rect(d.x + 10, top, d.width - 20, d.bottom - top - 10),
                self.manager,
            )

    @property
    def current(self) -> CustomLevel | None:
        return self.levels[self.selected] if 0 <= self.selected < len(self.levels) else None

    def rescan(self) -> None:
        self._scan(self.app.levels_dir)
        self.rebuild()

    def play(self) -> None:
        lv = self.current
        if lv is not None and lv.ok:
            self.app.show_briefing(lv.path, back="custom")

    def back(self) -> None:
        self.app.show_title()

    def update(self, dt: float) -> None:
        for i, lv in enumerate(self.levels):  # show the verdicts the worker has reached
            if lv.checked and i not in self._shown and i < len(self.row_buttons):
                self._shown.add(i)
                b = self.row_buttons[i]
                b.set_text(self._row_text(lv, b.rect.width))
                if not lv.ok:
                    b.change_object_id(ObjectID(f"#level_{i}", "#row_bad"))
                if i == self.selected:
                    self._refresh_selection()
        super().update(dt)

    def draw_back(self, surf: pygame.Surface) -> None:
        self.app.backdrop().draw(surf, self.t)
        dim(surf, 140)
        w, h = self.size
        surf.blit(glow_text("CUSTOM LEVEL", self.font(40, True), PINK, radius=6), (0, self.s(4)))
        folder = str(user_levels_dir())
        f = self.font(13)
        draw_text(surf, ellipsize(f"Your own levels go in {folder}", f, w - 40), f, CYAN,
                  (20, self.s(96) - self.s(8)), anchor="bottomleft")  # fmt: skip
        d = self.detail_rect
        lv = self.current
        card(surf, d, AMBER if lv is not None and lv.checked and not lv.ok else PINK)
        if lv is None:
            draw_paragraph(surf, "No levels found. Put a .tmx made in Tiled in the folder above.",
                           self.font(16), INK, d.inflate(-28, -28))  # fmt: skip
            return
        info = lv.info
        x, y, tw = d.x + 16, d.y + 12, d.width - 32
        draw_text(surf, act_label(info.act), self.font(12, True), CYAN, (x, y))
        y += self.font(12, True).get_height()
        tf = self.font(24, True)
        draw_text(surf, ellipsize(info.title, tf, tw), tf, INK, (x, y))
        y += tf.get_height()
        sf = self.font(13)
        where = "shipped with the game" if lv.source == "shipped" else "your levels folder"
        draw_text(surf, ellipsize(f"{lv.path.name} · {where}", sf, tw), sf, DIM, (x, y))
        y += sf.get_height() + self.s(8)
        if not lv.checked:
            draw_text(surf, "Checking the level…", self.font(16), CYAN, (x, y))
        elif not lv.ok:
            n = len(lv.problems)
            head = f"{n} problem{'s' if n != 1 else ''} to fix in Tiled before it can be played:"
            draw_text(surf, ellipsize(head, self.font(16, True), tw), self.font(16, True), AMBER,
                      (x, y))  # fmt: skip
        else:
            facts = (
                f"{info.population:,} citizens · {info.difficulty} · "
                f"{info.start_credits:,} cr to start"
            )
            draw_text(surf, ellipsize(facts, self.font(15, True), tw), self.font(15, True), GREEN,
                      (x, y))  # fmt: skip
            y += self.font(15, True).get_height() + self.s(10)
            lines = 4 * int(self.font(15).get_height() * 1.25)
            body = pygame.Rect(x, y, tw, min(lines, d.bottom - y - self.s(50)))
            y = draw_paragraph(surf, info.intro or "(no intro text)", self.font(15), INK, body,
                               max_lines=4)  # fmt: skip
            warn_h = self.s(44) if lv.warnings else 0
            if lv.warnings:
                wr = pygame.Rect(x, d.bottom - warn_h - 8, tw, warn_h)
                n = len(lv.warnings)
                draw_paragraph(surf, f"{n} warning{'s' if n != 1 else ''} (playable): "
                               + lv.warnings[0], self.font(13), AMBER, wr, max_lines=2)  # fmt: skip
            legend = self.font(12).get_height() + 6
            box = (tw, d.bottom - y - warn_h - legend - self.s(24))
            if lv.level is not None and box[1] > self.s(80):
                img = self._preview(lv, box)
                at = img.get_rect(midtop=(d.centerx, y + self.s(8)))
                surf.blit(img, at)
                draw_legend(surf, (x, at.bottom + 4), self.s(12))

    def _preview(self, lv: CustomLevel, box: tuple[int, int]) -> pygame.Surface:
        key = (str(lv.path), box)
        if self._preview_key != key or self._preview_img is None:
            assert lv.level is not None
            self._preview_img = level_preview(lv.level, box)
            self._preview_key = key
        return self._preview_img


def _check_all(levels: list[CustomLevel]) -> None:
    """Worker: run the validator on each level in turn (each sets its own `checked` last)."""
    for lv in levels:
        lv.check()
