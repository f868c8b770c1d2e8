"""The why panel: who the selected citizen is and what last moved their opinion.

Words come from `game.app.why.describe` (the crowd's arrays and influence log, followed by the
citizen's uid); the opinion scale is a small picture with the citizen marked on it.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.app import why
from game.app.palette import TEXT_DIM, OpinionPalette
from game.app.panels.base import Panel, PanelContext, Row, image, ui_font_path

SCALE_H = 44
SCALE_TIP = (
    "Where this citizen stands: -1 the Pure Smiles' one natural norm, +1 self-expression. "
    "Support and traction count citizens beyond ±0.2."
)


class WhyPanel(Panel):
    name = "why"

    def __init__(self, ctx: PanelContext, rect: pygame.Rect, container: Any) -> None:
        super().__init__(ctx, rect, container)
        self._scale_key: tuple[object, ...] | None = None
        self._scale: pygame.Surface | None = None
        self.info: why.CitizenInfo | None = None

    def stamp(self) -> object:
        return (self.ctx.state.selected_uid, self.ctx.palette.name)

    def rows(self) -> list[Row]:
        ctx = self.ctx
        uid = ctx.state.selected_uid
        info = why.describe(ctx.sim, uid) if uid >= 0 else None
        self.info = info
        scale = self._scale_image(info)
        out = [Row((image(scale, SCALE_TIP),), scale.get_height())]
        if info is None:
            out += self.para("Why panel", "#title", "")
            out += self.para(
                "Click a citizen on the map to see who they are and what last moved their opinion.",
                "",
                "",
            )
            out += self.para(
                "Shapes: + supports self-expression, x leans Pure Smiles, square undecided. A "
                "halo means a customized smile, a bar above means an advocate.",
                "#dim",
                "How the crowd is drawn.",
            )
            return out
        lean = "#good" if info.opinion > 0.2 else "#warn" if info.opinion < -0.2 else ""
        tip = "Who this citizen is."
        out += self.para(f"Citizen #{info.uid}", "#title", tip)
        out += self.para(f"Opinion {info.opinion:+.2f} · {info.leaning}", lean, SCALE_TIP)
        out += self.para(f"Tribe {info.tribe} · income {info.income}", "", tip)
        out += self.para(f"Lives in {info.district}", "", tip)
        now = info.state + (f" ({info.attending})" if info.attending else "")
        out += self.para(f"Now: {now}", "", "What they are doing right now.")
        out += self.para(
            ("Customized smile" if info.customized else "No customization yet")
            + (" · advocate" if info.advocate else ""),
            "#dim",
            tip,
        )
        out += self.section(
            "What moved their opinion", "The last influences on this citizen, newest first."
        )
        if not info.has_log:
            out += self.para("The crowd keeps no influence log in this build.", "#dim")
        elif not info.influences:
            out += self.para("Nothing yet: their opinion is where it started.", "#dim")
        for inf in info.influences:
            out += self.para(
                f"{inf.delta:+.3f} {inf.source} ({why.ago(ctx.sim, inf.tick)})",
                "#good" if inf.delta > 0 else "#warn",
                "How much this source moved their opinion in total, and when last.",
            )
        return out

    def _scale_image(self, info: why.CitizenInfo | None) -> pygame.Surface:
        pal = self.ctx.palette
        key = (pal.name, None if info is None else round(info.opinion, 3), self.inner_w)
        if key != self._scale_key or self._scale is None:
            s = self.ctx.s
            font = pygame.font.Font(ui_font_path(), s(12))
            self._scale = opinion_scale((self.inner_w, s(SCALE_H)), pal, info, font)
            self._scale_key = key
        return self._scale


def opinion_scale(
    size: tuple[int, int],
    palette: OpinionPalette,
    info: why.CitizenInfo | None,
    font: pygame.font.Font,
) -> pygame.Surface:
    """A gradient from -1 to +1 with the citizen's opinion marked."""
    w, h = size
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    lut = palette.lut()
    top = font.get_linesize()  # the words above the bar
    bar = pygame.Rect(8, top, w - 16, max(8, (h - top) // 2))
    for x in range(bar.width):
        i = int(x / max(bar.width - 1, 1) * 255)
        surf.fill(tuple(int(v) for v in lut[i]), (bar.x + x, bar.y, 1, bar.height))
    for v in (-0.2, 0.2):
        x = bar.x + int((v + 1) / 2 * bar.width)
        pygame.draw.line(surf, (20, 10, 40), (x, bar.y), (x, bar.bottom - 1))
    surf.blit(font.render("-1 Pure Smiles", True, TEXT_DIM), (6, 0))
    right = font.render("self-expression +1", True, TEXT_DIM)
    surf.blit(right, (w - right.get_width() - 6, 0))
    if info is not None:
        x = bar.x + int((max(-1.0, min(1.0, info.opinion)) + 1) / 2 * bar.width)
        pygame.draw.polygon(
            surf, (255, 255, 255), [(x, bar.bottom + 1), (x - 6, h - 2), (x + 6, h - 2)]
        )
    return surf
