"""What every side panel shares: rows of labels, buttons and pictures in a scrolling container.

A panel describes its content as a list of `Row`s (each a few `Cell`s side by side) made fresh
from the simulation's public view. `Panel.refresh` compares the new rows with the elements on
screen: when only words, pictures, tooltips or the selected state changed it updates those in
place (cheap, so the panel can follow the game at 8x); when the shape changed (a row appeared,
a button became a label) it rebuilds the elements and keeps the scroll position. Long text is
wrapped here into several label rows with the same font the theme gives labels, so nothing is
ever cut off, whatever the panel's width. Fonts and row heights follow the player's UI scale
(`PanelContext.scale`); a row holding a picture is as tall as the picture, which the panel draws
at that scale itself.

What became of the player's last order here (done, or refused and why) is shown in a status
strip of fixed height at the bottom of the panel, under the buttons: it never pushes the
buttons around under the mouse.

Buttons carry either a `UIAction` (a view change) or a `Command` (a game change); the HUD asks
`action_for(element)` when one is pressed and the input module hands the result on. Every cell
has a tooltip.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIImage, UILabel, UIScrollingContainer

if TYPE_CHECKING:
    from game.app.actions import UIAction
    from game.app.layout import ViewState
    from game.app.palette import OpinionPalette
    from game.sim.commands import Command
    from game.sim.simulation import Simulation
    from game.sim.view import SimView

logger = logging.getLogger(__name__)

PAD = 4  # around the content
GAP = 4  # between cells of a row
ROW_GAP = 3  # between rows
SCROLL_BAR_W = 20  # pygame_gui's vertical scroll bar
LINE_H = 20  # one wrapped line of 14 px text
REFRESH_TICKS = 5  # panels follow the game every 5 in-game minutes (and at once after a click)
# (size, bold) of each label style, as the theme file sets them
STYLE_FONTS: dict[str, tuple[int, bool]] = {
    "": (14, False),
    "#dim": (12, False),
    "#title": (16, True),
    "#section": (14, True),
    "#good": (14, False),
    "#bad": (14, False),
    "#warn": (14, False),
    "#value": (14, True),
    "#panel_button": (13, False),
    "#confirm": (15, True),
}
BUTTON_PAD = 14  # a button's text keeps this many pixels clear of its edges
STYLE_LINE_H = {"#dim": 17, "#title": 24, "#section": 22}
STATUS_LINES = 2  # lines of the status strip (the whole text is in its tooltip)


# characters the game's words use that the UI font (NotoSans as pygame_gui ships it) lacks
GLYPHS = str.maketrans({"≥": ">=", "≤": "<=", "≠": "!=", "→": "->", "⚔": "", "⚠": "!"})


def glyph_safe(text: str) -> str:
    """`text` with the characters the UI font cannot draw spelled out."""
    return text.translate(GLYPHS)


def ui_font_path(bold: bool = False) -> str | None:
    """NotoSans as shipped inside pygame_gui (None: pygame's default font)."""
    try:
        name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
        path = resources.files("pygame_gui.data") / name
        return str(path) if path.is_file() else None
    except (ModuleNotFoundError, OSError):
        return None


@dataclass(frozen=True, slots=True)
class Cell:
    """One element of a row: a label, a button or a picture.

    `width` is a share of the row's free width when it is at most 1, else pixels."""

    kind: str  # 'label', 'button' or 'image'
    text: str = ""
    tip: str = ""
    action: Any = None  # a UIAction or a Command (buttons only)
    width: float = 1.0
    style: str = ""  # a theme class (STYLE_FONTS keys, or a button class)
    selected: bool = False
    image: pygame.Surface | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """Cells side by side. `height` is at UI scale 1, except for a row holding a picture: that
    one is the picture's height in pixels."""

    cells: tuple[Cell, ...]
    height: int = 26


def label(text: str, tip: str, style: str = "", width: float = 1.0) -> Cell:
    return Cell("label", glyph_safe(text), glyph_safe(tip), None, width, style)


def button(
    text: str, action: Any, tip: str, width: float = 1.0, selected: bool = False, style: str = ""
) -> Cell:
    return Cell("button", glyph_safe(text), glyph_safe(tip), action, width, style, selected)


def image(surface: pygame.Surface, tip: str, width: float = 1.0) -> Cell:
    return Cell("image", "", glyph_safe(tip), None, width, "", False, surface)


@dataclass(frozen=True, slots=True)
class CommandResult:
    """What became of a command the player issued: refused (with the reason) or done."""

    command: Command
    refused: bool
    text: str  # the refusal reason, or what the game reported
    tick: int


@dataclass(slots=True)
class PanelContext:
    """What panels read: the simulation's public view, the player's view state and palette,
    the results of the player's latest commands (newest first), the UI scale and the player's
    keys (action -> how the key reads, `game.app.input.key_labels`)."""

    manager: pygame_gui.UIManager
    sim: Simulation
    view: SimView
    state: ViewState
    palette: OpinionPalette
    results: deque[CommandResult] = field(default_factory=lambda: deque(maxlen=12))
    issued: int = 0  # commands issued so far (panels refresh when it changes)
    scale: float = 1.0
    keys: dict[str, str] = field(default_factory=dict)
    _wrap_cache: dict[tuple[str, str, int], tuple[str, ...]] = field(default_factory=dict)

    def add_result(self, result: CommandResult) -> None:
        self.results.appendleft(result)
        self.issued += 1

    def s(self, px: float) -> int:
        """`px` at the UI scale."""
        return round(px * self.scale)

    def key(self, action: str) -> str:
        """How the player's key for `action` reads ('Shift+C'); '?' if it has none."""
        return self.keys.get(action, "?")

    def pt(self, style: str = "") -> tuple[int, bool]:
        """(point size, bold) of a label style at the UI scale, as the scaled theme has it."""
        from game.app.screens.base import scaled_pt

        size, bold = STYLE_FONTS.get(style, STYLE_FONTS[""])
        return scaled_pt(size, self.scale), bold

    def font(self, style: str = "") -> Any:
        size, bold = self.pt(style)
        fonts = self.manager.get_theme().get_font_dictionary()
        return fonts.find_font(size, "noto_sans", bold)

    def wrapped(self, text: str, style: str, width: int) -> tuple[str, ...]:
        """`wrap` with a memory: panels re-wrap the same words every few ticks."""
        key = (text, style, width)
        lines = self._wrap_cache.get(key)
        if lines is None:
            if len(self._wrap_cache) > 2000:
                self._wrap_cache.clear()
            lines = tuple(wrap(text, self.font(style), width))
            self._wrap_cache[key] = lines
        return lines

    def latest_result(self, kinds: tuple[type, ...]) -> CommandResult | None:
        for r in self.results:
            if isinstance(r.command, kinds):
                return r
        return None


def wrap(text: str, font: Any, width: int) -> list[str]:
    """Split `text` into lines no wider than `width` pixels (words longer than a line are cut)."""
    out: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            trial = word if not line else f"{line} {word}"
            if font.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                out.append(line)
            while font.size(word)[0] > width and len(word) > 1:  # a very long word
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                out.append(word[:cut])
                word = word[cut:]
            line = word
        out.append(line)
    return out


def fit(text: str, font: Any, width: int) -> str:
    """`text`, shortened with an ellipsis if it is wider than `width` pixels (a last resort:
    panels wrap their words into rows that fit)."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


class Area:
    """Elements laid out from rows in one container, updated in place while the shape holds."""

    def __init__(self, ctx: PanelContext, holder: Any, origin: tuple[int, int], width: int) -> None:
        self.ctx = ctx
        self.holder = holder
        self.origin = origin
        self.width = width
        self.elements: list[list[Any]] = []
        self.cells: list[list[Cell]] = []
        self.actions: dict[object, Any] = {}
        self.shape: tuple[Any, ...] | None = None
        self.height = 0
        self.rebuilds = 0

    def show(self, rows: list[Row]) -> bool:
        """Show `rows`; True when the elements had to be rebuilt."""
        shape = tuple((r.height, tuple((c.kind, c.width, c.style) for c in r.cells)) for r in rows)
        if shape != self.shape:
            self._rebuild(rows)
            self.shape = shape
            return True
        self.actions.clear()
        for els, old, row in zip(self.elements, self.cells, rows, strict=True):
            for i, (el, a, b) in enumerate(zip(els, old, row.cells, strict=True)):
                if b.kind != "image" and b.text != a.text:
                    if b.kind == "button":
                        font, room = self.ctx.font(b.style or "#panel_button"), BUTTON_PAD
                    else:
                        font, room = self.ctx.font(b.style), 4
                    el.set_text(fit(b.text, font, el.rect.width - room))
                    a = Cell(a.kind, b.text, a.tip, a.action, a.width, a.style, a.selected)
                _update(el, a, b, self.ctx.scale)
                if b.kind == "button":
                    self.actions[el] = b.action
                old[i] = b
        return False

    def _rebuild(self, rows: list[Row]) -> None:
        self.rebuilds += 1
        self.clear()
        m = self.ctx.manager
        x0, y = self.origin
        for row in rows:
            fixed = sum(self.ctx.s(c.width) for c in row.cells if c.width > 1)
            shares = sum(c.width for c in row.cells if c.width <= 1) or 1.0
            free = self.width - fixed - GAP * (len(row.cells) - 1)
            h = self.row_height(row)
            x = x0
            els = []
            for c in row.cells:
                w = self.ctx.s(c.width) if c.width > 1 else int(free * c.width / shares)
                els.append(self._make(c, pygame.Rect(x, y, w, h), m))
                x += w + GAP
            self.elements.append(els)
            self.cells.append(list(row.cells))
            y += h + ROW_GAP
        self.height = y - self.origin[1]

    def row_height(self, row: Row) -> int:
        """A row's height in pixels: a picture's own, or the row's at the UI scale."""
        if any(c.kind == "image" for c in row.cells):
            return row.height
        return self.ctx.s(row.height)

    def _make(self, c: Cell, rect: pygame.Rect, m: pygame_gui.UIManager) -> Any:
        holder = self.holder
        tip = c.tip or None
        ww = self.ctx.s(_tip_width(c.tip))
        if c.kind == "button":
            style = c.style or "#panel_button"
            text = fit(c.text, self.ctx.font(style), rect.width - BUTTON_PAD)
            el: Any = UIButton(rect, text, m, container=holder, object_id=ObjectID(None, style))
            if c.selected:
                el.select()
            self.actions[el] = c.action
        elif c.kind == "image":
            surf = c.image if c.image is not None else pygame.Surface(rect.size, pygame.SRCALPHA)
            el = UIImage(rect, surf, m, container=holder)
        else:
            oid = ObjectID(None, c.style or None)
            text = fit(c.text, self.ctx.font(c.style), rect.width - 4)
            el = UILabel(rect, text, m, container=holder, object_id=oid)
        el.set_tooltip(tip, wrap_width=ww)
        return el

    def clear(self) -> None:
        for els in self.elements:
            for el in els:
                el.kill()
        self.elements, self.cells = [], []
        self.actions.clear()
        self.shape = None

    def pairs(self) -> list[tuple[Any, Cell]]:
        return [
            (el, c)
            for els, cells in zip(self.elements, self.cells, strict=True)
            for el, c in zip(els, cells, strict=True)
        ]


def _update(el: Any, a: Cell, b: Cell, scale: float = 1.0) -> None:
    if b.kind == "image":
        if b.image is not a.image and b.image is not None:
            el.set_image(b.image)
    elif b.text != a.text:
        el.set_text(b.text)
    if b.tip != a.tip:
        el.set_tooltip(b.tip, wrap_width=round(_tip_width(b.tip) * scale))
    if b.kind == "button" and b.selected != a.selected:
        (el.select if b.selected else el.unselect)()


class Panel:
    """Base of the side panels. Subclasses set `name`, `commands` and write `rows()`; those
    with a `footer_h` (at UI scale 1) also write `footer()`, rows that stay put under the
    scrolling body (the scheduler's Book button). A panel with `commands` keeps a status strip
    of fixed height at its bottom for their results (`status_rows`)."""

    name = ""
    commands: tuple[type, ...] = ()  # command types whose results this panel reports
    footer_h = 0

    def __init__(
        self, ctx: PanelContext, rect: pygame.Rect, container: pygame_gui.core.UIContainer | Any
    ) -> None:
        self.ctx = ctx
        self.rect = pygame.Rect(rect)
        self.status_h = STATUS_LINES * (ctx.s(LINE_H) + ROW_GAP) + 2 * PAD if self.commands else 0
        foot_h = ctx.s(self.footer_h) + 2 * PAD if self.footer_h else 0
        body = pygame.Rect(
            self.rect.x, self.rect.y, self.rect.width, self.rect.height - foot_h - self.status_h
        )
        self.scroll = UIScrollingContainer(
            body, ctx.manager, container=container, allow_scroll_x=False, allow_scroll_y=True
        )
        self.body_h = body.height
        self.inner_w = self.rect.width - SCROLL_BAR_W - 2 * PAD
        self.body = Area(ctx, self.scroll, (PAD, PAD), self.inner_w)
        self.foot = Area(
            ctx, container, (self.rect.x + PAD, body.bottom + PAD), self.rect.width - 2 * PAD
        )
        self.status_rect = pygame.Rect(
            self.rect.x, self.rect.bottom - self.status_h, self.rect.width, self.status_h
        )
        self.status = Area(
            ctx,
            container,
            (self.rect.x + PAD, self.status_rect.y + PAD),
            self.rect.width - 2 * PAD,
        )
        self._stamp: object = None
        self.content_height = 0

    # ------------------------------------------------------------------ for subclasses

    def rows(self) -> list[Row]:
        raise NotImplementedError

    def footer(self) -> list[Row]:
        return []

    def stamp(self) -> object:
        """What, besides time passing, changes the content (the draft, the selection...)."""
        return None

    def para(self, text: str, style: str = "", tip: str = "", width: int = 0) -> list[Row]:
        """`text` wrapped into label rows as wide as the panel."""
        text = glyph_safe(text)
        h = STYLE_LINE_H.get(style, LINE_H)
        return [
            Row((label(line, tip or text, style),), h)
            for line in self.ctx.wrapped(text, style, (width or self.inner_w) - 8)
        ]

    def section(self, text: str, tip: str) -> list[Row]:
        return [Row((label(text, tip, "#section"),), 24)]

    def status_rows(self) -> list[Row]:
        """The status strip: the latest result of one of this panel's commands (what was
        refused and why), always `STATUS_LINES` rows so nothing above it moves."""
        r = self.ctx.latest_result(self.commands)
        lines: list[str] = []
        style, tip = "#dim", "What became of your last order here."
        if r is not None and self.ctx.sim.tick - r.tick <= 180:
            text = glyph_safe(f"Refused: {r.text}" if r.refused else f"Done: {r.text}")
            style = "#bad" if r.refused else "#good"
            tip = text + (
                " (the game refused your last order, and why)"
                if r.refused
                else " (your last order here was carried out)"
            )
            width = self.rect.width - 2 * PAD - 8
            lines = list(self.ctx.wrapped(text, style, width))
            if len(lines) > STATUS_LINES:
                rest = " ".join(lines[STATUS_LINES - 1 :])
                lines = lines[: STATUS_LINES - 1] + [fit(rest, self.ctx.font(style), width)]
        if not lines:
            lines = ["Your orders here report back on this line."]
        lines += [""] * (STATUS_LINES - len(lines))
        return [Row((label(line, tip, style),), LINE_H) for line in lines]

    # ------------------------------------------------------------------ diffing

    @property
    def rebuilds(self) -> int:
        return self.body.rebuilds + self.foot.rebuilds

    def refresh(self, force: bool = False) -> None:
        """Bring the elements up to date (rebuilds only when the shape of the content changed)."""
        sim = self.ctx.sim
        stamp = (sim.tick // REFRESH_TICKS, self.stamp(), self.ctx.issued, sim.finished)
        if not force and stamp == self._stamp:
            return
        self._stamp = stamp
        bar = self.scroll.vert_scroll_bar
        # keep the scroll position in pixels: content growing further down moves nothing
        keep = bar.start_percentage * self.content_height if bar is not None else 0.0
        if self.body.show(self.rows()):
            self.content_height = self.body.height + 2 * PAD
            self.scroll.set_scrollable_area_dimensions(
                (self.inner_w + 2 * PAD, self.content_height)
            )
            bar = self.scroll.vert_scroll_bar
            if bar is not None and keep > 0:
                bar.set_scroll_from_start_percentage(min(1.0, keep / self.content_height))
        if self.footer_h:
            self.foot.show(self.footer())
        if self.status_h:
            self.status.show(self.status_rows())

    # ------------------------------------------------------------------ queries

    def action_for(self, element: object) -> UIAction | Command | None:
        if element in self.body.actions:
            return self.body.actions[element]
        return self.foot.actions.get(element)

    @property
    def actions(self) -> dict[object, Any]:
        return {**self.body.actions, **self.foot.actions}

    def find_button(self, text: str) -> UIButton | None:
        """The first button whose text starts with `text` (tests and keyboard shortcuts)."""
        for el, c in self.body.pairs() + self.foot.pairs():
            if c.kind == "button" and c.text.startswith(text):
                return el
        return None

    def texts(self) -> list[str]:
        """Every label and button text on the panel, top to bottom (the footer and the status
        strip last)."""
        pairs = self.body.pairs() + self.foot.pairs() + self.status.pairs()
        return [c.text for _, c in pairs if c.kind != "image" and c.text]

    def scroll_into_view(self, element: Any) -> None:
        """Scroll so `element` is inside the visible part of the panel."""
        bar = self.scroll.vert_scroll_bar
        inside = any(el is element for el, _ in self.body.pairs())
        if bar is None or self.content_height <= self.body_h or not inside:
            return
        rel_y = element.relative_rect.y
        target = max(0.0, min(1.0, (rel_y - 8) / self.content_height))
        bar.set_scroll_from_start_percentage(target)
        self.scroll.update(0.0)

    def show(self) -> None:
        self.scroll.show()

    def hide(self) -> None:
        self.scroll.hide()

    def kill(self) -> None:
        self.scroll.kill()
        self.body.clear()
        self.foot.clear()
        self.status.clear()


def _tip_width(tip: str) -> int:
    return 380 if len(tip) > 160 else 260
