"""City graphs: the hourly metric series of `sim.metrics` drawn as small stacked charts.

Every sample of the level is shown (the x axis always spans the whole level so far, never a
window of it); the panel scrolls vertically through the charts. Which charts appear depends on
which series the simulation records: support and traction share one chart, and credits,
customers, trust, reputation, momentum, mean opinion, cohesion and equity get one each when
present.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.app.palette import NEON_AMBER, NEON_CYAN, NEON_PINK, NEON_VIOLET, TEXT, TEXT_DIM
from game.sim.calendar import TICKS_PER_DAY
from game.sim.metrics import MetricsHistory

CHART_H = 104
GAP = 10


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart: its title, the series it plots with their colours, a fixed range or None."""

    title: str
    series: tuple[tuple[str, tuple[int, int, int]], ...]
    fixed: tuple[float, float] | None
    percent: bool = False
    help: str = ""


CHARTS: tuple[Chart, ...] = (
    Chart(
        "Support vs traction",
        (("support", NEON_CYAN), ("traction", NEON_AMBER)),
        (0.0, 1.0),
        percent=True,
        help="share of citizens above +0.2 (support) and below -0.2 (traction)",
    ),
    Chart("Credits", (("credits", NEON_PINK),), None),
    Chart("Customers served", (("customers", NEON_CYAN),), None),
    Chart("Trust", (("trust", (120, 255, 180)),), (0.0, 100.0)),
    Chart("Reputation", (("reputation", NEON_VIOLET),), (0.0, 100.0)),
    Chart("Pure Smiles momentum", (("momentum", NEON_AMBER),), (0.0, 100.0)),
    Chart("Mean opinion", (("mean_opinion", TEXT),), (-1.0, 1.0)),
    Chart("Tribe cohesion", (("cohesion", (200, 160, 255)),), (0.0, 1.0), percent=True),
    Chart("Equity index", (("equity", (255, 220, 120)),), None),
)


def charts_for(history: MetricsHistory) -> list[Chart]:
    """The charts whose series exist in `history`."""
    return [c for c in CHARTS if any(name in history.series for name, _ in c.series)]


def _fmt(v: float, percent: bool) -> str:
    if percent:
        return f"{v * 100:.0f}%"
    if float(v).is_integer():
        return f"{v:,.0f}"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.0f}"
    return f"{v:.2f}"


def _header(
    chart: Chart, history: MetricsHistory, width: int, font: pygame.font.Font
) -> list[list[tuple[str, tuple[int, int, int]]]]:
    """The chart's title and latest values as lines of (text, colour) that fit `width`."""
    lines: list[list[tuple[str, tuple[int, int, int]]]] = [[(chart.title, TEXT)]]
    used = font.size(chart.title)[0]
    for name, colour in chart.series:
        col = history.series.get(name)
        if not col:
            continue
        text = f"{name.replace('_', ' ')} {_fmt(col[-1], chart.percent)}"
        w = font.size(text)[0]
        if used + 10 + w > width - 8:  # no room on this line: start another
            lines.append([])
            used = 0
        lines[-1].append((text, colour))
        used += 10 + w
    return lines


def draw_charts(history: MetricsHistory, width: int, font: pygame.font.Font) -> pygame.Surface:
    """All charts stacked in one surface `width` wide (as tall as they need).

    A chart's title and latest values wrap onto a second line when the panel is narrow, so
    nothing is cut off at any width."""
    charts = charts_for(history)
    line_h = font.get_linesize()
    headers = [_header(c, history, width, font) for c in charts]
    plot_h = CHART_H - 30
    heights = [len(h) * line_h + 4 + plot_h + 8 for h in headers]
    height = max(sum(heights) + GAP * (len(heights) + 1), CHART_H + 2 * GAP)
    surf = pygame.Surface((width, height), pygame.SRCALPHA)
    surf.fill((0, 0, 0, 0))
    if not charts or not history.ticks:
        surf.blit(font.render("No hourly samples yet.", True, TEXT_DIM), (8, 8))
        return surf
    ticks = history.ticks
    t0, t1 = ticks[0], max(ticks[-1], ticks[0] + 1)
    top = GAP
    for chart, header, block_h in zip(charts, headers, heights, strict=True):
        area = pygame.Rect(44, top + len(header) * line_h + 4, width - 52, plot_h)
        pygame.draw.rect(surf, (20, 14, 42, 230), area.inflate(8, 8), border_radius=4)
        values = [v for name, _ in chart.series for v in history.series.get(name, [])]
        lo, hi = chart.fixed if chart.fixed else (min(values), max(values))
        if hi - lo < 1e-9:
            lo, hi = (max(lo - 1.0, 0.0) if lo >= 0 else lo - 1.0), hi + 1.0
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
                pygame.draw.aalines(surf, colour, False, pts)
            else:
                pygame.draw.circle(surf, colour, (int(pts[0][0]), int(pts[0][1])), 2)
        day = (t0 // TICKS_PER_DAY + 1) * TICKS_PER_DAY
        while day < t1:  # a faint line at each new day
            x = area.left + (day - t0) / (t1 - t0) * area.width
            pygame.draw.line(surf, (80, 60, 130), (x, area.top), (x, area.bottom))
            day += TICKS_PER_DAY
        for k, line in enumerate(header):
            x = 8
            for text, colour in line:
                img = font.render(text, True, colour)
                surf.blit(img, (x, top + k * line_h))
                x += img.get_width() + 10
        surf.blit(font.render(_fmt(hi, chart.percent), True, TEXT_DIM), (4, area.top - 4))
        surf.blit(font.render(_fmt(lo, chart.percent), True, TEXT_DIM), (4, area.bottom - 12))
        top += block_h + GAP
    return surf
