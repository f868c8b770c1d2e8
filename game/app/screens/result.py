"""The result of a level: won or lost and why, the level's graphs and the key figures.

Retry starts the same level again (same seed), Next act opens the next act's briefing once this
one is won, and after the fifth act the ending follows. The graphs are the city's hourly
metrics (`sim.metrics`) over the whole level, four at a time; the figures come from the
simulation's public view (`game.sim.view.SimView`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.app.graphs import CHARTS, Chart
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
)
from game.app.screens.levels import next_act, pretty_objective
from game.sim.calendar import TICKS_PER_DAY
from game.sim.entities import LEAD_SHORT
from game.sim.metrics import MetricsHistory
from game.sim.simulation import Simulation
from game.sim.view import SimView
from game.userdata import CAMPAIGN

if TYPE_CHECKING:
    from game.app.app import App

SHOWN = ("Support vs traction", "Credits", "Customers served", "Pure Smiles momentum")


def _fmt(v: float, percent: bool) -> str:
    if percent:
        return f"{v * 100:.0f}%"
    if abs(v) >= 1000 or float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:.1f}"


def draw_chart(
    surf: pygame.Surface,
    rect: pygame.Rect,
    chart: Chart,
    history: MetricsHistory,
    fnt: pygame.font.Font,
) -> None:
    """One chart of an hourly series in `rect`: title with the last values, axis, day lines."""
    card(surf, rect, (90, 60, 160), fill=(14, 10, 34, 235), width=1, radius=6)
    title = fnt.render(chart.title, True, INK)
    surf.blit(title, (rect.x + 10, rect.y + 6))
    ticks = history.ticks
    area = pygame.Rect(rect.x + 48, rect.y + 12 + title.get_height(), rect.w - 60, 0)
    area.height = rect.bottom - 10 - area.y
    if not ticks or area.height < 10:
        return
    values = [v for name, _ in chart.series for v in history.series.get(name, [])]
    if not values:
        return
    lo, hi = chart.fixed if chart.fixed else (min(values), max(values))
    if hi - lo < 1e-9:
        lo, hi = lo - 1.0, hi + 1.0
    t0, t1 = ticks[0], max(ticks[-1], ticks[0] + 1)
    pygame.draw.line(surf, (70, 60, 110), area.bottomleft, area.bottomright)
    day = (t0 // TICKS_PER_DAY + 1) * TICKS_PER_DAY
    while day < t1:
        x = area.left + (day - t0) / (t1 - t0) * area.width
        pygame.draw.line(surf, (50, 40, 90), (x, area.top), (x, area.bottom))
        day += TICKS_PER_DAY
    x = rect.x + 20 + title.get_width()
    for name, colour in chart.series:
        col = history.series.get(name)
        if not col:
            continue
        pts = [
            (
                area.left + (t - t0) / (t1 - t0) * area.width,
                area.bottom - (min(max(v, lo), hi) - lo) / (hi - lo) * area.height,
            )
            for t, v in zip(ticks, col, strict=False)
        ]
        if len(pts) >= 2:
            pygame.draw.lines(surf, colour, False, pts, 2)
        img = fnt.render(f"{name.replace('_', ' ')} {_fmt(col[-1], chart.percent)}", True, colour)
        if x + img.get_width() < rect.right - 6:
            surf.blit(img, (x, rect.y + 6))
        x += img.get_width() + 10
    surf.blit(fnt.render(_fmt(hi, chart.percent), True, DIM), (rect.x + 6, area.top - 4))
    low = fnt.render(_fmt(lo, chart.percent), True, DIM)
    surf.blit(low, (rect.x + 6, area.bottom - low.get_height() + 4))


def in_words(text: str) -> str:
    """'needs ≥ 60%' -> 'needs at least 60%' (the menu font has no ≥ / ≤ / ≠ glyphs)."""
    for op, word in (("≥", "at least"), (">=", "at least"), ("≤", "at most"), ("<=", "at most"),
                     ("≠", "not"), ("!=", "not"), (">", "above"), ("<", "below")):  # fmt: skip
        text = text.replace(f"needs {op} ", f"needs {word} ")
    return text


def readable_reason(reason: str) -> str:
    """The outcome's reason with its objective text in words ('>= 2' -> 'at least 2')."""
    m = re.search(r"\((win|lose): (.*)\)\s*$", reason)
    if m is None:
        return pretty_objective(reason) if re.search(r"[<>]=?", reason) else reason
    head = in_words(reason[: m.start()].rstrip())
    word = "to win" if m.group(1) == "win" else "you lose if"
    return f"{head} ({word}: {pretty_objective(m.group(2))})"


class ResultScreen(Screen):
    """Won or lost, why, graphs, figures; retry / next act / title."""

    name = "result"

    def __init__(self, app: App, sim: Simulation, level_path: Path) -> None:
        self.sim = sim
        self.level_path = Path(level_path)
        self.status, self.reason = sim.outcome.status, sim.outcome.reason
        view = SimView(sim)
        res = view.resources()
        ach = view.achievements()
        latest = view.metrics()
        leads = [lead for lead in view.leads() if lead.recruited]
        self.figures = [
            ("Days played", f"{sim.day - (1 if sim.tick % TICKS_PER_DAY == 0 else 0)}"),
            ("Customers served", f"{res.customers:,}"),
            ("Credits", f"{res.credits:,} cr"),
            ("Support", f"{latest.get('support', 0) * 100:.0f}%"),
            ("Traction", f"{latest.get('traction', 0) * 100:.0f}%"),
            ("Trust / reputation", f"{res.trust:.0f} / {res.reputation:.0f}"),
            ("Pure Smiles momentum", f"{res.momentum:.0f}"),
            ("Leads", ", ".join(LEAD_SHORT.get(lead.key, lead.name) for lead in leads) or "none"),
            ("Counter-events held", str(ach["events_held"])),
            ("Clashes won / lost", f"{ach['clashes_won']} / {ach['clashes_lost']}"),
            ("Advocates made", str(ach["advocates_made"])),
            ("Incidents", str(ach["incidents"])),
        ]
        self.objectives = [
            ("To win" if o.key == "win" else "Lost if", in_words(o.progress), o.met)
            for o in view.objectives()
        ]
        self.act = int(sim.level.prop("act", 0) or 0)
        self.title = sim.level.title
        stem = self.level_path.stem
        self.next_stem = next_act(stem) if self.status == "won" else None
        self.is_finale = self.status == "won" and stem == CAMPAIGN[-1]
        super().__init__(app)

    def build(self) -> None:
        w, h = self.size
        y = h - self.s(12)
        bh = self.s(46)
        x = w - 20
        buttons = []
        if self.is_finale:
            buttons.append(("The ending ›", self.app.show_ending, "#primary",
                            "Zara's last unveiling"))  # fmt: skip
        elif self.next_stem is not None:
            buttons.append(("Next act ›", self.next, "#primary", "The next act's briefing"))
        buttons.append(("Retry", self.retry, "#menu" if self.status == "won" else "#primary",
                        "Play this level again from the start"))  # fmt: skip
        buttons.append(("Title", self.app.show_title, "#menu", "Back to the title screen"))
        self.action_buttons = {}
        bw = min(self.s(190), (w - 40 - 12 * (len(buttons) - 1)) // len(buttons))
        for text, cb, style, tip in buttons:
            r = pygame.Rect(x - bw, y - bh, bw, bh)
            self.action_buttons[text] = self.button(r, text, cb, tip, style)
            x -= bw + 12

    def next(self) -> None:
        if self.next_stem is not None:
            self.app.show_briefing(self.app.levels_dir / f"{self.next_stem}.tmx", back="campaign")

    def retry(self) -> None:
        from game.level.loader import LevelError
        from game.level.validator import load_checked

        try:
            level = load_checked(self.level_path)
        except LevelError:
            self.app.show_briefing(self.level_path, back="title")  # shows the problems
            return
        self.app.play_level(level)

    def back(self) -> None:
        self.app.show_title()

    def draw_back(self, surf: pygame.Surface) -> None:
        self.app.backdrop().draw(surf, self.t, grid=self.status == "won")
        dim(surf, 160)
        w, h = self.size
        won = self.status == "won"
        colour = CYAN if won else AMBER
        y = self.s(8)
        label = f"{act_label(self.act)} · {self.title}" if self.act else self.title
        draw_text(surf, ellipsize(label, self.font(16, True), w - 40), self.font(16, True), VIOLET,
                  (24, y))  # fmt: skip
        y += self.font(16, True).get_height()
        what = "ACT" if self.act else "LEVEL"
        head = {"won": f"{what} WON", "lost": f"{what} LOST"}.get(self.status, "UNDECIDED")
        big = glow_text(head, self.font(44, True), colour, radius=7)
        surf.blit(big, (24 - 21, y - 21))
        y += big.get_height() - 42 + self.s(4)
        why = readable_reason(self.reason) or "The level is not decided yet."
        prefix = "Won: " if won else ("Lost: " if self.status == "lost" else "")
        rf = self.font(16)
        y = draw_paragraph(surf, prefix + why, rf, INK,
                           pygame.Rect(24, y, w - 48, int(rf.get_height() * 2.6)),
                           max_lines=2)  # fmt: skip
        y += self.s(8)
        foot = self.s(72)
        stats_w = min(self.s(330), w // 3)
        charts = pygame.Rect(20, y, w - 40 - stats_w - 16, h - foot - y)
        stats = pygame.Rect(charts.right + 16, y, stats_w, h - foot - y)
        shown = [c for c in CHARTS if c.title in SHOWN]
        cols = 2 if charts.width >= self.s(520) else 1
        rows = (len(shown) + cols - 1) // cols
        cw = (charts.width - (cols - 1) * 10) // cols
        ch = (charts.height - (rows - 1) * 10) // rows
        if ch < self.s(70):  # too short for four: the two that matter most
            shown = shown[:cols]
            rows = 1
            ch = charts.height
        f = self.font(13)
        for i, chart in enumerate(shown):
            r = pygame.Rect(charts.x + (i % cols) * (cw + 10), charts.y + (i // cols) * (ch + 10),
                            cw, ch)  # fmt: skip
            draw_chart(surf, r, chart, self.sim.metrics, f)
        card(surf, stats, PINK if won else AMBER)
        inner = stats.inflate(-24, -20)
        hf = self.font(13, True)
        draw_text(surf, "THE FIGURES", hf, PINK, inner.topleft)
        yy = inner.y + hf.get_height() + 6
        lf, vf = self.font(14), self.font(14, True)
        step = max(lf.get_height(), vf.get_height()) + 4
        for name, value in self.figures:
            if yy + step > inner.bottom:
                break
            v = ellipsize(value, vf, inner.w // 2)
            vr = draw_text(surf, v, vf, GREEN if won else INK, (inner.right, yy), anchor="topright")
            draw_text(surf, ellipsize(name, lf, vr.left - inner.x - 8), lf, DIM, (inner.x, yy))
            yy += step
        yy += self.s(10)
        if self.objectives and yy + hf.get_height() + step < inner.bottom:
            draw_text(surf, "OBJECTIVES", hf, PINK, (inner.x, yy))
            yy += hf.get_height() + 4
            for key, progress, met in self.objectives:
                colour = GREEN if met == (key == "To win") else AMBER
                box = pygame.Rect(inner.x, yy, inner.w, inner.bottom - yy)
                yy = draw_paragraph(surf, f"{key}: {progress}", lf, colour, box, max_lines=3) + 4

    def close(self) -> None:
        super().close()
        self.sim.close()
