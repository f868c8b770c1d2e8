"""The campaign: the five acts of the story, each opening once the act before is won.

Progress comes from the player's profile (`game.userdata.Profile`); an act's card shows its
title, the start of its story and whether it is won, open or locked (and what opens it).
"""

from __future__ import annotations

import pygame

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
    draw_check,
    draw_lock,
    draw_paragraph,
    draw_text,
    ellipsize,
    glow_text,
)
from game.app.screens.levels import LevelInfo, campaign
from game.userdata import CAMPAIGN


class CampaignScreen(Screen):
    """Five act cards and the way to each one's briefing."""

    name = "campaign"

    def build(self) -> None:
        w, h = self.size
        self.acts: list[LevelInfo] = campaign(self.app.levels_dir)
        profile = self.app.profile
        self.header_h = self.s(96)
        foot = self.s(64)
        gap = self.s(8)
        n = len(self.acts)
        row_h = min(self.s(104), (h - self.header_h - foot) // n - gap)
        self.row_h = row_h
        left = max(20, (w - self.s(980)) // 2)
        self.rows: list[pygame.Rect] = []
        self.act_buttons: dict[int, object] = {}
        bw = self.s(150)
        for i, info in enumerate(self.acts):
            r = pygame.Rect(left, self.header_h + i * (row_h + gap), w - 2 * left, row_h)
            self.rows.append(r)
            open_ = profile.unlocked(i) and not info.error
            won = CAMPAIGN[i] in profile.won
            b = pygame.Rect(0, 0, bw, min(self.s(44), row_h - 12))
            b.midright = (r.right - 14, r.centery)
            text = "Replay ›" if won else "Briefing ›"
            if open_:
                self.act_buttons[i] = self.button(
                    b,
                    text,
                    lambda p=info.path: self.app.show_briefing(p, back="campaign"),
                    f"Read the briefing for act {i + 1}, then play it",
                    style="#menu" if won else "#primary",
                )
        r = pygame.Rect(0, 0, self.s(160), self.s(42))
        r.bottomleft = (left, h - self.s(14))
        self.button(r, "‹ Back", self.app.show_title, "The title screen (Esc)")

    def back(self) -> None:
        self.app.show_title()

    def draw_back(self, surf: pygame.Surface) -> None:
        self.app.backdrop().draw(surf, self.t)
        dim(surf, 120)
        w, h = self.size
        head = glow_text("CAMPAIGN", self.font(40, True), PINK, radius=6)
        surf.blit(head, (self.rows[0].x - 20, self.s(4)))
        won = sum(1 for s in CAMPAIGN if s in self.app.profile.won)
        sub = self.font(15)
        draw_text(surf, f"The story of the Smile Studio in five acts · {won} of 5 won", sub, CYAN,
                  (self.rows[0].x, self.header_h - self.s(8)), anchor="bottomleft")  # fmt: skip
        profile = self.app.profile
        for i, (info, r) in enumerate(zip(self.acts, self.rows, strict=True)):
            open_ = profile.unlocked(i) and not info.error
            is_won = CAMPAIGN[i] in profile.won
            border = GREEN if is_won else (PINK if open_ else (70, 60, 110))
            card(surf, r, border, fill=(16, 12, 38, 230) if open_ else (10, 8, 22, 230))
            # the act's number in a badge
            badge = pygame.Rect(r.x + 12, r.y + 10, self.s(64), r.h - 20)
            pygame.draw.rect(surf, (30, 20, 64), badge, border_radius=8)
            pygame.draw.rect(surf, border, badge, 2, border_radius=8)
            draw_text(surf, str(i + 1), self.font(34, True), border if open_ else DIM,
                      badge.center, anchor="center")  # fmt: skip
            x = badge.right + self.s(16)
            text_w = r.right - x - self.s(220)  # clear of the status icon and the button
            tf, lf, bf = self.font(20, True), self.font(12, True), self.font(13)
            need_label = lf.get_height() + tf.get_height()
            show_label = r.h - 8 >= need_label
            show_body = r.h - 8 >= need_label + bf.get_height() + 2
            used = tf.get_height() + (lf.get_height() if show_label else 0)
            if show_body:  # one or two lines of story under the title
                used += bf.get_height() * (2 if r.h - 8 >= used + 2 * bf.get_height() else 1)
            y = r.y + max(2, (r.h - used) // 2)
            if show_label:
                draw_text(surf, act_label(i + 1), lf, VIOLET if open_ else DIM, (x, y))
                y += lf.get_height()
            draw_text(surf, ellipsize(info.title, tf, text_w), tf, INK if open_ else DIM, (x, y))
            y += tf.get_height()
            body = pygame.Rect(x, y, text_w, r.bottom - y - 4)
            if not show_body:
                pass
            elif info.error:
                draw_paragraph(surf, info.error, bf, AMBER, body, max_lines=2)
            elif open_:
                draw_paragraph(surf, info.intro, bf, DIM, body, max_lines=2)
            else:
                draw_paragraph(surf, f"Locked: win act {i} ({self.acts[i - 1].title}) to open it.",
                               bf, DIM, body, max_lines=2)  # fmt: skip
            # status on the right
            icon = (r.right - self.s(190), r.centery)
            if is_won:
                draw_check(surf, icon, self.s(26), GREEN)
                draw_text(surf, "won", self.font(12, True), GREEN,
                          (icon[0], icon[1] + self.s(18)), anchor="midtop")  # fmt: skip
            elif not open_:
                draw_lock(surf, icon, self.s(24), (110, 100, 150))
        if w > 1100:
            hint = "Each act is a part of the city: read its briefing, then keep the studio alive."
            draw_text(surf, hint, self.font(13), DIM, (w - 20, h - self.s(35)), anchor="midright")
