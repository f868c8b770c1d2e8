"""What every screen around the play scene shares: the scaled theme, fonts, text and buttons.

A `Screen` owns one pygame_gui manager built from the game's theme (`assets/ui/theme.json`) plus
the menu styles below, with every font size multiplied by the player's UI scale (apart from the
map's zoom). Screens read events only as a list handed to `process()` (the app takes them off
the queue through `game.app.input.read_events`); a pressed button calls its callback and plays
the click. Drawing helpers here (wrapped text, glowing titles, neon cards, icons) keep the look
of the title, campaign, briefing, result, ending, pause and settings screens consistent.
"""

from __future__ import annotations

import copy
import json
import logging
import warnings
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton

if TYPE_CHECKING:
    from game.app.app import App

logger = logging.getLogger(__name__)

THEME_PATH = Path(__file__).resolve().parents[3] / "assets" / "ui" / "theme.json"

RGB = tuple[int, int, int]
BG: RGB = (10, 8, 22)
INK: RGB = (226, 232, 255)
DIM: RGB = (150, 150, 190)
PINK: RGB = (255, 60, 200)
CYAN: RGB = (60, 235, 255)
AMBER: RGB = (255, 170, 40)
VIOLET: RGB = (150, 90, 255)
GREEN: RGB = (120, 255, 180)
RED: RGB = (255, 90, 90)
CARD: tuple[int, int, int, int] = (16, 12, 38, 225)

# styles of the menus, added to the play scene's theme (sizes before UI scaling)
MENU_THEME: dict[str, Any] = {
    "#menu": {
        "colours": {
            "normal_bg": "#140f2cdc",
            "hovered_bg": "#3a1c6c",
            "normal_border": "#ff3cc8",
            "hovered_border": "#3cebff",
            "normal_text": "#f2f0ff",
            "hovered_text": "#ffffff",
            "disabled_bg": "#0c0a18c0",
            "disabled_border": "#3a2e60",
            "disabled_text": "#5e5a80",
        },
        "font": {"name": "noto_sans", "size": "20", "bold": "1"},
        "misc": {"shape_corner_radius": "6", "border_width": "2"},
    },
    "#primary": {
        "colours": {
            "normal_bg": "#8a1f6c",
            "hovered_bg": "#b02a8c",
            "normal_border": "#ff3cc8",
            "hovered_border": "#3cebff",
            "normal_text": "#ffffff",
            "disabled_bg": "#2a1830",
            "disabled_border": "#3a2e60",
            "disabled_text": "#8a7aa0",
        },
        "font": {"name": "noto_sans", "size": "20", "bold": "1"},
        "misc": {"shape_corner_radius": "6", "border_width": "2"},
    },
    "#danger": {
        "colours": {
            "normal_bg": "#3a1010",
            "hovered_bg": "#5a1818",
            "normal_border": "#ffaa28",
            "hovered_border": "#ffd9a0",
            "normal_text": "#ffd9a0",
        },
        "font": {"name": "noto_sans", "size": "18", "bold": "1"},
        "misc": {"shape_corner_radius": "6", "border_width": "2"},
    },
    "#small": {"font": {"name": "noto_sans", "size": "14", "bold": "1"}},
    "#key": {
        "colours": {"normal_bg": "#1c1440", "normal_border": "#3cebff"},
        "font": {"name": "noto_sans", "size": "15", "bold": "1"},
    },
    "#row": {
        "colours": {
            "normal_bg": "#140f2cc8",
            "hovered_bg": "#2c1d58",
            "selected_bg": "#4a1f7c",
            "normal_border": "#5a3c9c",
            "selected_border": "#3cebff",
            "normal_text": "#e2e8ff",
        },
        "font": {"name": "noto_sans", "size": "15", "bold": "0"},
        "misc": {"text_horiz_alignment": "left", "text_horiz_alignment_padding": "10"},
    },
    "#row_bad": {
        "colours": {
            "normal_bg": "#2a1010c8",
            "hovered_bg": "#3a1818",
            "selected_bg": "#5a2020",
            "normal_border": "#ffaa28",
            "selected_border": "#ffd9a0",
            "normal_text": "#ffc890",
        },
        "font": {"name": "noto_sans", "size": "15", "bold": "0"},
        "misc": {"text_horiz_alignment": "left", "text_horiz_alignment_padding": "10"},
    },
    "text_entry_line": {
        "colours": {"dark_bg": "#0c0a1c", "normal_border": "#3cebff", "normal_text": "#ffffff"},
        "font": {"name": "noto_sans", "size": "18"},
        "misc": {"border_width": "2"},
    },
    "horizontal_slider": {
        "colours": {"dark_bg": "#1a1238", "normal_border": "#ff3cc8"},
        "misc": {"border_width": "1"},
    },
    "#dialog_text": {"font": {"name": "noto_sans", "size": "16"}},
    "#heading": {
        "colours": {"normal_text": "#ff3cc8"},
        "font": {"name": "noto_sans", "size": "17", "bold": "1"},
    },
    "#setting": {"font": {"name": "noto_sans", "size": "15"}},
    "#value": {
        "colours": {"normal_text": "#3cebff"},
        "font": {"name": "noto_sans", "size": "15", "bold": "1"},
        "misc": {"text_horiz_alignment": "right"},
    },
    "#status": {
        "colours": {"normal_text": "#ffd9a0"},
        "font": {"name": "noto_sans", "size": "14"},
    },
}


def font_path(bold: bool = False) -> str | None:
    """NotoSans as shipped inside pygame_gui (None: pygame's default font)."""
    try:
        path = resources.files("pygame_gui.data") / (
            "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
        )
        return str(path) if path.is_file() else None
    except (ModuleNotFoundError, OSError):
        return None


@lru_cache(maxsize=128)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    """A cached NotoSans font of `size` pixels."""
    return pygame.font.Font(font_path(bold), max(int(size), 6))


@lru_cache(maxsize=2)
def _base_theme(menus: bool = True) -> dict[str, Any]:
    try:
        data = json.loads(THEME_PATH.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        logger.warning("%s: cannot read the UI theme (%s); using pygame_gui's", THEME_PATH, exc)
        data = {}
    if menus:
        data.update(copy.deepcopy(MENU_THEME))
    return data


def scaled_pt(size: float, scale: float) -> int:
    """A font size of the theme at UI scale `scale` (as `scaled_theme` writes it)."""
    return max(8, round(float(size) * scale))


def scaled_theme(scale: float, menus: bool = True) -> dict[str, Any]:
    """The theme with every font size (and tooltip width) multiplied by `scale`; `menus` False:
    the play scene's theme alone (without the menu styles, some of which share its names)."""
    theme = copy.deepcopy(_base_theme(menus))
    # pygame_gui gives elements without a font of their own its built-in 14 px font, which
    # no theme size reaches: name it, so that it scales too
    for element in ("button", "label", "text_box", "tool_tip.text_box"):
        block = theme.setdefault(element, {})
        if isinstance(block, dict) and "font" not in block:
            block["font"] = {"name": "noto_sans", "size": "14"}
    for block in theme.values():
        if not isinstance(block, dict):
            continue
        f = block.get("font")
        if isinstance(f, dict) and "size" in f:
            f["size"] = str(scaled_pt(f["size"], scale))
        misc = block.get("misc")
        if isinstance(misc, dict) and "rect_width" in misc:
            misc["rect_width"] = str(round(float(misc["rect_width"]) * scale))
    return theme


def make_manager(size: tuple[int, int], scale: float) -> pygame_gui.UIManager:
    """A pygame_gui manager with the scaled theme and the fonts its HTML text needs."""
    manager = pygame_gui.UIManager(size, scaled_theme(scale), enable_live_theme_updates=False)
    sizes = sorted({max(8, round(s * scale)) for s in (13, 14, 15, 16, 18)})
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Trying to pre-load font id")
        manager.preload_fonts(
            [
                {"name": "noto_sans", "point_size": s, "style": st}
                for s in sizes
                for st in ("regular", "bold", "italic")
            ]
        )
    return manager


# --------------------------------------------------------------------------- drawing helpers


def wrap(text: str, fnt: pygame.font.Font, width: int) -> list[str]:
    """Word-wrap `text` (paragraphs split on newlines) to lines at most `width` pixels wide."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for w in words[1:]:
            trial = f"{line} {w}"
            if fnt.size(trial)[0] <= width:
                line = trial
            else:
                lines.append(line)
                line = w
        while fnt.size(line)[0] > width and len(line) > 4:  # one word wider than the box
            cut = len(line) - 1
            while cut > 1 and fnt.size(line[:cut])[0] > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def fit_font(
    text: str,
    width: int,
    height: int,
    largest: int,
    smallest: int = 10,
    bold: bool = False,
    line_gap: float = 1.25,
) -> pygame.font.Font:
    """The largest font (pixels `largest` down to `smallest`) whose wrapped `text` fits."""
    size = max(largest, smallest)
    while size > smallest:
        f = font(size, bold)
        if len(wrap(text, f, width)) * int(f.get_height() * line_gap) <= height:
            return f
        size -= 1
    return font(smallest, bold)


def ellipsize(text: str, fnt: pygame.font.Font, width: int) -> str:
    """`text` cut with an ellipsis to fit `width` pixels."""
    if fnt.size(text)[0] <= width:
        return text
    while text and fnt.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_text(
    surf: pygame.Surface,
    text: str,
    fnt: pygame.font.Font,
    colour: RGB,
    pos: tuple[int, int],
    anchor: str = "topleft",
) -> pygame.Rect:
    img = fnt.render(text, True, colour)
    rect = img.get_rect(**{anchor: pos})
    surf.blit(img, rect)
    return rect


def draw_paragraph(
    surf: pygame.Surface,
    text: str,
    fnt: pygame.font.Font,
    colour: RGB,
    rect: pygame.Rect,
    line_gap: float = 1.25,
    max_lines: int | None = None,
) -> int:
    """Wrapped text inside `rect` (clipped to its height); returns the y below the last line."""
    lines = wrap(text, fnt, rect.width)
    step = int(fnt.get_height() * line_gap)
    fit = max(1, rect.height // max(step, 1))
    if max_lines is not None:
        fit = min(fit, max_lines)
    if len(lines) > fit:
        lines = lines[:fit]
        lines[-1] = ellipsize(lines[-1] + " …", fnt, rect.width)
    y = rect.top
    for line in lines:
        surf.blit(fnt.render(line, True, colour), (rect.left, y))
        y += step
    return y


def glow_text(
    text: str, fnt: pygame.font.Font, colour: RGB, glow: RGB | None = None, radius: int = 8
) -> pygame.Surface:
    """`text` with a soft neon halo around it (a blurred copy under a bright core)."""
    core = fnt.render(text, True, colour)
    pad = radius * 3
    w, h = core.get_width() + pad * 2, core.get_height() + pad * 2
    halo = pygame.Surface((w, h), pygame.SRCALPHA)
    g = fnt.render(text, True, glow or colour)
    halo.blit(g, (pad, pad))
    halo = pygame.transform.gaussian_blur(halo, radius)
    out = pygame.Surface((w, h), pygame.SRCALPHA)
    out.blit(halo, (0, 0))
    out.blit(halo, (0, 0), special_flags=pygame.BLEND_RGBA_ADD)
    out.blit(core, (pad, pad))
    hot = fnt.render(text, True, tuple(min(255, c + 110) for c in colour))
    hot.set_alpha(110)  # a hotter centre line, as in a neon tube
    out.blit(hot, (pad, pad))
    return out


def card(
    surf: pygame.Surface,
    rect: pygame.Rect,
    border: RGB = PINK,
    fill: tuple[int, int, int, int] = CARD,
    width: int = 2,
    radius: int = 8,
) -> None:
    """A translucent neon-edged panel."""
    panel = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.rect(panel, fill, panel.get_rect(), border_radius=radius)
    pygame.draw.rect(panel, (*border, 70), panel.get_rect(), width + 4, border_radius=radius)
    pygame.draw.rect(panel, border, panel.get_rect(), width, border_radius=radius)
    surf.blit(panel, rect.topleft)


def dim(surf: pygame.Surface, alpha: int = 170) -> None:
    shade = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
    shade.fill((6, 4, 16, alpha))
    surf.blit(shade, (0, 0))


def draw_lock(surf: pygame.Surface, center: tuple[int, int], size: int, colour: RGB) -> None:
    """A padlock icon (NotoSans has no glyph for one)."""
    cx, cy = center
    body = pygame.Rect(0, 0, size, int(size * 0.75))
    body.midtop = (cx, cy - size // 8)
    shackle = pygame.Rect(0, 0, int(size * 0.64), int(size * 0.8))
    shackle.midbottom = (cx, body.top + size // 6)
    pygame.draw.rect(surf, colour, shackle, max(2, size // 7), border_radius=size // 3)
    pygame.draw.rect(surf, colour, body, border_radius=max(2, size // 8))
    pygame.draw.circle(surf, BG, (cx, body.centery), max(2, size // 9))


def draw_check(surf: pygame.Surface, center: tuple[int, int], size: int, colour: RGB) -> None:
    """A tick mark (NotoSans has no glyph for one)."""
    cx, cy = center
    pts = [
        (cx - size // 2, cy),
        (cx - size // 8, cy + size // 3),
        (cx + size // 2, cy - size // 3),
    ]
    pygame.draw.lines(surf, colour, False, pts, max(3, size // 5))


ROMAN = {0: "", 1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}


def act_label(act: int) -> str:
    return f"ACT {ROMAN.get(act, str(act))}" if act > 0 else "SANDBOX"


# --------------------------------------------------------------------------- screen


class Screen:
    """One screen (or overlay) of the game with its own pygame_gui manager and buttons."""

    name = "screen"
    #: an overlay draws over what is under it instead of a backdrop of its own
    overlay = False

    def __init__(self, app: App) -> None:
        self.app = app
        self.t = 0.0
        self.closed = False
        self.buttons: dict[object, Callable[[], None]] = {}
        self.manager = make_manager(app.size, app.settings.ui_scale)
        self._built_for: tuple[tuple[int, int], float] = (app.size, app.settings.ui_scale)
        self.build()

    # ------------------------------------------------------------------ scale

    @property
    def scale(self) -> float:
        return self.app.settings.ui_scale

    @property
    def size(self) -> tuple[int, int]:
        return self.app.size

    def s(self, px: float) -> int:
        """`px` at the player's UI scale."""
        return round(px * self.scale)

    def font(self, px: float, bold: bool = False) -> pygame.font.Font:
        return font(self.s(px), bold)

    # ------------------------------------------------------------------ building

    def build(self) -> None:
        """Create the pygame_gui elements for the current window size and UI scale."""

    def rebuild(self) -> None:
        """Rebuild everything (new size or UI scale: a new manager for the scaled theme)."""
        self.buttons.clear()
        key = (self.app.size, self.app.settings.ui_scale)
        if key[1] != self._built_for[1]:
            self.manager = make_manager(self.app.size, self.app.settings.ui_scale)
        else:
            self.manager.clear_and_reset()
            self.manager.set_window_resolution(self.app.size)
        self._built_for = key
        self.build()

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        callback: Callable[[], None],
        tip: str | None = None,
        style: str = "#menu",
        enabled: bool = True,
        container: Any = None,
        object_id: str | None = None,
    ) -> UIButton:
        b = UIButton(
            rect,
            text,
            self.manager,
            container=container,
            tool_tip_text=tip,
            object_id=ObjectID(object_id or f"{style}_{len(self.buttons)}", style),
        )
        if not enabled:
            b.disable()
        self.buttons[b] = callback
        return b

    # ------------------------------------------------------------------ events

    def process(self, events: list[pygame.event.Event]) -> None:
        """Hand this frame's events to pygame_gui, then to the buttons and `handle`."""
        for ev in events:
            if self.closed:
                return
            if ev.type == pygame.QUIT:
                self.app.request_quit()
                continue
            if ev.type == pygame.VIDEORESIZE:
                self.app.resize((ev.w, ev.h))
                continue
            consumed = self.manager.process_events(ev)
            if ev.type == pygame_gui.UI_BUTTON_PRESSED:
                callback = self.buttons.get(ev.ui_element)
                if callback is not None:
                    self.app.audio.play("click")
                    callback()
                continue
            if ev.type >= pygame.USEREVENT or not consumed:
                self.handle(ev)

    def handle(self, ev: pygame.event.Event) -> None:
        """An event no button took (keys, pygame_gui slider and text events)."""
        if ev.type == pygame.KEYDOWN and ev.key == pygame.K_ESCAPE:
            self.back()

    def back(self) -> None:
        """Esc: the screen before (the title by default)."""

    # ------------------------------------------------------------------ per frame

    def frame(self, dt: float) -> None:
        """Read this frame's events (the input module is the one reader) and update."""
        from game.app.input import read_events

        self.process(read_events())
        if not self.closed:
            self.update(dt)

    def update(self, dt: float) -> None:
        self.t += dt
        self.manager.update(dt)

    def draw(self, surf: pygame.Surface) -> None:
        self.draw_back(surf)
        self.manager.draw_ui(surf)
        self.draw_front(surf)

    def draw_back(self, surf: pygame.Surface) -> None:
        """Under the pygame_gui elements."""

    def draw_front(self, surf: pygame.Surface) -> None:
        """Over the pygame_gui elements."""

    def close(self) -> None:
        self.closed = True
        self.manager.clear_and_reset()
