"""The briefing before a level: the act's story (the map's `intro`), its objectives in words,
the leads the player starts with and can recruit, and what the city is like.

The level is loaded and validated here (so Start is instant and a broken level is reported on
this screen rather than failing later).
"""

from __future__ import annotations

import html
from pathlib import Path

import pygame
from pygame_gui.elements import UITextBox

from game.app.screens.base import (
    AMBER,
    CYAN,
    DIM,
    GREEN,
    INK,
    PINK,
    VIOLET,
    Screen,
    act_label,
    card,
    dim,
    draw_paragraph,
    draw_text,
    ellipsize,
    glow_text,
    wrap,
)
from game.app.screens.levels import LevelInfo, metrics_in, pretty_objective
from game.level.loader import LevelData, LevelError
from game.sim.entities import LEAD_NAMES, LEAD_TITLES

PORTRAITS = Path(__file__).resolve().parents[3] / "assets" / "ui" / "portraits"


def portrait(key: str, size: int) -> pygame.Surface:
    """A lead's portrait scaled to `size` (a neon placeholder square if the art is missing)."""
    try:
        img = pygame.image.load(str(PORTRAITS / f"{key}.png"))
        return pygame.transform.scale(img, (size, size))
    except (pygame.error, FileNotFoundError):
        surf = pygame.Surface((size, size))
        surf.fill((40, 20, 70))
        pygame.draw.rect(surf, PINK, surf.get_rect(), 2)
        return surf


class BriefingScreen(Screen):
    """One level's briefing; Start plays it."""

    name = "briefing"

    def __init__(self, app, path: Path, back: str = "campaign") -> None:  # noqa: ANN001 - App
        from game.level.validator import LevelInvalid, load_checked

        self.path = path
        self.back_to = back
        self.level: LevelData | None = None
        self.problems: list[str] = []
        try:
            self.level = load_checked(path)
        except LevelInvalid as exc:
            self.problems = [p.format(path.name) for p in exc.problems if p.severity == "error"]
        except LevelError as exc:
            self.problems = str(exc).splitlines()
        if self.level is not None:
            self.info = LevelInfo.of(self.level)
        else:
            from game.app.screens.levels import peek

            self.info = peek(path)
        self._portraits: dict[tuple[str, int], pygame.Surface] = {}
        self._map: pygame.Surface | None = None
        self._map_box: tuple[int, int] = (0, 0)
        super().__init__(app)

    def build(self) -> None:
        w, h = self.size
        r = pygame.Rect(0, 0, self.s(160), self.s(42))
        r.bottomleft = (20, h - self.s(14))
        self.button(r, "‹ Back", self.back, "Back to the list (Esc)")
        s = pygame.Rect(0, 0, self.s(220), self.s(48))
        s.bottomright = (w - 20, h - self.s(12))
        self.start_button = self.button(
            s, "Start ›", self.start, "Play this level (Enter)", "#primary",
            enabled=self.level is not None,
        )  # fmt: skip
        self.text_box = None
        if not self.wide and self.level is not None:
            top = self._header_bottom()
            r = pygame.Rect(20, top, w - 40, h - self.s(70) - top - 4)
            self.text_box = UITextBox(self._html(), r.inflate(-16, -12), self.manager)
            self.narrow_card = r

    @property
    def wide(self) -> bool:
        return (self.size[0] - 60) // 2 >= self.s(400)

    def _header_bottom(self) -> int:
        y = self.s(10) + self.font(16, True).get_height()
        y += self.font(40, True).get_height() + self.s(4)
        return y + self.font(14).get_height() + self.s(12)

    def _html(self) -> str:
        info = self.info
        parts = [
            "<font color='#965aff'><b>THE STORY</b></font><br>",
            html.escape(info.intro or "(this level has no intro text)"),
            "<br><br>",
        ]
        for key, text, colour in (
            ("TO WIN", info.win, "#78ffb4"),
            ("YOU LOSE IF", info.lose, "#ffaa28"),
        ):
            shown = pretty_objective(text) if text.strip() else "nothing: play as long as you like"
            parts.append(f"<font color='{colour}'><b>{key}</b></font><br>")
            parts.append(f"<b>{html.escape(shown)}</b><br>")
        docs = {m: d for t in (info.win, info.lose) for m, d in metrics_in(t)}
        for m, d in docs.items():
            parts.append(f"<font color='#9a96c8'>{html.escape(m)}: {html.escape(d)}</font><br>")
        parts.append("<br><font color='#ff3cc8'><b>LEADS</b></font><br>")
        for key in info.leads_available:
            sub = "with you" if key in info.leads_start else "to recruit"
            parts.append(
                f"{html.escape(LEAD_NAMES.get(key, key))}, {html.escape(LEAD_TITLES.get(key, ''))}"
                f" <font color='#9a96c8'>({sub})</font><br>"
            )
        return "".join(parts)

    def start(self) -> None:
        if self.level is not None:
            self.app.play_level(self.level)

    def back(self) -> None:
        if self.back_to == "custom":
            self.app.show_custom()
        elif self.back_to == "title":
            self.app.show_title()
        else:
            self.app.show_campaign()

    def handle(self, ev: pygame.event.Event) -> None:
        if ev.type == pygame.KEYDOWN and ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.start()
        else:
            super().handle(ev)

    def _portrait(self, key: str, size: int) -> pygame.Surface:
        if (key, size) not in self._portraits:
            self._portraits[(key, size)] = portrait(key, size)
        return self._portraits[(key, size)]

    def _preview(self, box: tuple[int, int]) -> pygame.Surface | None:
        if self.level is None or box[0] < 40 or box[1] < 40:
            return None
        if self._map is None or self._map_box != box:
            from game.app.screens.preview import level_preview

            self._map = level_preview(self.level, box)
            self._map_box = box
        return self._map

    def draw_back(self, surf: pygame.Surface) -> None:
        self.app.backdrop().draw(surf, self.t)
        dim(surf, 150)
        w, h = self.size
        info = self.info
        margin = 20
        foot = self.s(70)
        wide = self.wide
        col_w = (w - 3 * margin) // 2 if wide else w - 2 * margin
        # the act and its title
        y = self.s(10)
        draw_text(surf, act_label(info.act), self.font(16, True), CYAN, (margin, y))
        y += self.font(16, True).get_height()
        title = glow_text(info.title, self.font(40, True), PINK, radius=6)
        surf.blit(title, (margin - 18, y - 18))
        y += title.get_height() - 36
        facts = f"{info.population:,} citizens · difficulty {info.difficulty} · " + (
            f"{info.start_credits:,} cr to start"
        )
        draw_text(surf, ellipsize(facts, self.font(14), col_w), self.font(14), DIM, (margin, y))
        y += self.font(14).get_height() + self.s(12)
        bottom = h - foot
        if self.problems:
            r = pygame.Rect(margin, y, w - 2 * margin, bottom - y)
            card(surf, r, AMBER)
            inner = r.inflate(-24, -20)
            hf = self.font(17, True)
            draw_text(surf, "This level cannot be played: fix these problems in Tiled", hf, AMBER,
                      inner.topleft)  # fmt: skip
            inner.y += hf.get_height() + 8
            inner.h -= hf.get_height() + 8
            draw_paragraph(surf, "\n".join(self.problems), self.font(14), INK, inner)
            return
        if not wide:
            card(surf, self.narrow_card, VIOLET)
            return
        # left: the story (as tall as its text), then the city map
        sf = self.font(18)
        pad = self.s(14)
        hf = self.font(13, True)
        lines = wrap(info.intro or "(this level has no intro text)", sf, col_w - 2 * pad)
        story_h = pad * 2 + hf.get_height() + 6 + int(len(lines) * sf.get_height() * 1.35)
        story = pygame.Rect(margin, y, col_w, min(story_h, bottom - y))
        card(surf, story, VIOLET)
        inner = story.inflate(-2 * pad, -2 * pad)
        draw_text(surf, "THE STORY", hf, VIOLET, inner.topleft)
        inner.y += hf.get_height() + 6
        inner.h -= hf.get_height() + 6
        draw_paragraph(surf, info.intro or "(this level has no intro text)", sf, INK, inner,
                       line_gap=1.35)  # fmt: skip
        city = pygame.Rect(
            margin, story.bottom + self.s(12), col_w, bottom - story.bottom - self.s(12)
        )
        if city.height > self.s(90):
            card(surf, city, (90, 60, 160))
            inner = city.inflate(-2 * pad, -2 * pad)
            draw_text(surf, "THE CITY", hf, CYAN, inner.topleft)
            legend_h = self.font(12).get_height() + 6
            box = (inner.w, inner.h - hf.get_height() - 8 - legend_h)
            img = self._preview(box)
            if img is not None:
                at = img.get_rect(midtop=(inner.centerx, inner.y + hf.get_height() + 6))
                surf.blit(img, at)
                from game.app.screens.preview import draw_legend

                draw_legend(surf, (inner.x, at.bottom + 4), self.s(12))
        # right: objectives, leads, how to play
        right = pygame.Rect(story.right + margin, self.s(24), col_w, bottom - self.s(24))
        self._draw_objectives(surf, right)

    def _draw_objectives(self, surf: pygame.Surface, area: pygame.Rect) -> None:
        info = self.info
        pad = self.s(14)
        hf, bf, sf = self.font(13, True), self.font(17, True), self.font(13)
        inner_w = area.w - 2 * pad
        blocks: list[tuple[str, str, tuple[int, int, int]]] = [
            ("TO WIN", pretty_objective(info.win) if info.win.strip() else
             "nothing: play as long as you like", GREEN),
            ("YOU LOSE IF", pretty_objective(info.lose) if info.lose.strip() else "nothing", AMBER),
        ]  # fmt: skip
        docs: list[tuple[str, str]] = []
        for t in (info.win, info.lose):
            for m, doc in metrics_in(t):
                if m not in (n for n, _ in docs):
                    docs.append((m, doc))
        h = pad * 2
        for _, text, _ in blocks:
            h += hf.get_height() + 2 + len(wrap(text, bf, inner_w)) * int(bf.get_height() * 1.25)
            h += self.s(8)
        for m, doc in docs:
            h += len(wrap(f"{m.replace('_', ' ')}: {doc}", sf, inner_w)) * int(
                sf.get_height() * 1.25
            )
        lead_h = self.s(150)
        obj = pygame.Rect(area.x, area.y, area.w, min(h, area.h - lead_h - self.s(12)))
        card(surf, obj, CYAN)
        inner = obj.inflate(-2 * pad, -2 * pad)
        y = inner.y
        for key, text, colour in blocks:
            draw_text(surf, key, hf, colour, (inner.x, y))
            y += hf.get_height() + 2
            y = draw_paragraph(
                surf, text, bf, INK, pygame.Rect(inner.x, y, inner.w, inner.bottom - y)
            )
            y += self.s(8)
        for m, doc in docs:
            if y + sf.get_height() > inner.bottom:
                break
            y = draw_paragraph(surf, f"{m.replace('_', ' ')}: {doc}", sf, DIM,
                               pygame.Rect(inner.x, y, inner.w, inner.bottom - y))  # fmt: skip
        leads = pygame.Rect(area.x, obj.bottom + self.s(12), area.w, lead_h)
        self._draw_leads(surf, leads)
        tips = pygame.Rect(
            area.x, leads.bottom + self.s(12), area.w, area.bottom - leads.bottom - self.s(12)
        )
        if tips.height >= self.s(70):
            self._draw_tips(surf, tips)

    def _draw_tips(self, surf: pygame.Surface, area: pygame.Rect) -> None:
        from game.app.input import key_label

        card(surf, area, (90, 60, 160))
        pad = self.s(14)
        inner = area.inflate(-2 * pad, -2 * pad)
        hf = self.font(13, True)
        draw_text(surf, "HOW TO PLAY", hf, VIOLET, inner.topleft)
        k = self.app.settings.keys
        text = (
            f"{key_label(k['pause'])} pauses, {key_label(k['speed_1'])}-{key_label(k['speed_8'])} "
            f"set the speed. Right-drag or {key_label(k['pan_up'])}{key_label(k['pan_left'])}"
            f"{key_label(k['pan_down'])}{key_label(k['pan_right'])} to move the map, the wheel "
            "zooms. Click a citizen to see what moved their opinion. "
            f"{key_label(k['menu'])} opens the menu (save, load, settings); "
            f"{key_label(k['quicksave'])} quicksaves. Every night is autosaved."
        )
        body = pygame.Rect(
            inner.x, inner.y + hf.get_height() + 6, inner.w, inner.h - hf.get_height() - 6
        )
        draw_paragraph(surf, text, self.font(14), INK, body)

    def _draw_leads(self, surf: pygame.Surface, area: pygame.Rect) -> None:
        info = self.info
        card(surf, area, PINK)
        inner = area.inflate(-24, -16)
        draw_text(surf, "LEADS", self.font(13, True), PINK, inner.topleft)
        y = inner.y + self.font(13, True).get_height() + 6
        leads = list(info.leads_available) or ["zara"]
        size = min(self.s(64), inner.bottom - y - self.s(34))
        slot = inner.w // max(len(leads), 1)
        for i, key in enumerate(leads):
            x = inner.x + i * slot
            img = self._portrait(key, max(size, 16))
            surf.blit(img, (x, y))
            starts = key in info.leads_start
            pygame.draw.rect(surf, GREEN if starts else DIM, (x, y, img.get_width(),
                             img.get_height()), 2)  # fmt: skip
            nf = self.font(12, True)
            name = ellipsize(LEAD_NAMES.get(key, key), nf, slot - 8)
            draw_text(surf, name, nf, INK, (x, y + img.get_height() + 2))
            sub = "with you" if starts else "to recruit"
            draw_text(surf, ellipsize(f"{sub} · {LEAD_TITLES.get(key, '')}", self.font(11), slot - 8),
                      self.font(11), GREEN if starts else DIM,
                      (x, y + img.get_height() + 2 + nf.get_height()))  # fmt: skip
