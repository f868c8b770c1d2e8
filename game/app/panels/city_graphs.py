"""The city graphs panel: every hourly series of the level so far, stacked and scrollable.

The charts are one picture (`game.app.graphs.draw_charts`) as wide as the panel, redrawn when a
new hourly sample arrives or the width changes; the panel scrolls through it, so nothing is cut
off at any window size.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.app import graphs
from game.app.panels.base import Panel, PanelContext, Row, image, ui_font_path


class GraphsPanel(Panel):
    name = "graphs"

    def __init__(self, ctx: PanelContext, rect: pygame.Rect, container: Any) -> None:
        super().__init__(ctx, rect, container)
        self.chart: pygame.Surface | None = None
        self.samples = -1
        self._font: pygame.font.Font | None = None

    def stamp(self) -> object:
        return len(self.ctx.sim.metrics.ticks)

    def rows(self) -> list[Row]:
        history = self.ctx.sim.metrics
        if self.chart is None or self.samples != len(history.ticks):
            if self._font is None:
                self._font = pygame.font.Font(ui_font_path(), self.ctx.s(13))
            self.chart = graphs.draw_charts(history, self.inner_w, self._font)
            self.samples = len(history.ticks)
        tip = (
            "Hour by hour since the level began: support and traction, credits, customers, "
            "trust, reputation, momentum and more. Faint lines mark each new day. Scroll for "
            "more charts."
        )
        return [Row((image(self.chart, tip),), self.chart.get_height())]
