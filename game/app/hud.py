"""The HUD and the side panel, built with pygame_gui from one theme file (`assets/ui/theme.json`).

Top bar: credits and the day's change, day and time, speed buttons (pause, 1x, 2x, 4x, 8x), the
support-vs-traction bar, Pure Smiles momentum, the panel toggle and a keys reference. Over the
map: overlay buttons, the colour-blind palette switch, notifications from `sim.messages`
(clicking one moves the camera to where it happened) and, once the level is decided, its
outcome. Side panel: tabs (see `layout.TABS`) with the city graphs and the why panel. Every
button and metric has a tooltip. The HUD never changes the game: buttons map to UI actions or
commands that the input module hands on.
"""

from __future__ import annotations

import logging
import time
import warnings
from collections import deque
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import (
    UIButton,
    UIImage,
    UILabel,
    UIPanel,
    UIScrollingContainer,
    UITextBox,
)

from game.app import actions as A
from game.app import graphs, why
from game.app.layout import TABS, Layout, ViewState
from game.app.loop import SPEEDS, FixedStep
from game.app.overlays import OVERLAY_HELP, OVERLAY_KEYS, OVERLAYS
from game.app.palette import PALETTES, TEXT, TEXT_DIM, OpinionPalette
from game.sim import entities
from game.sim.messages import Message
from game.sim.simulation import Simulation

logger = logging.getLogger(__name__)

THEME_PATH = Path(__file__).resolve().parents[2] / "assets" / "ui" / "theme.json"
NOTIFY_MAX = 5
NOTIFY_SECONDS = 14.0
ALERT_WORDS = (
    "rally",
    "rejected",
    "picket",
    "outcome",
    "incident",
    "ordinance",
    "bankrupt",
    "lost",
)
KEYS_HELP = (
    "<b>Keys</b><br>Space pause · 1-4 speed 1×/2×/4×/8×<br>WASD / arrows / right-drag / screen "
    "edges: move the map<br>Wheel, + / -: zoom · Home or H: the studio<br>O opinion · C crowd "
    "density · T districts & tribes · R reach<br>B colour-blind palette · Tab side panel · G "
    "graphs · Y why<br>Click a citizen: why panel · click the minimap: jump there<br>Esc: "
    "deselect, then quit"
)


def ui_font_path(bold: bool = False) -> str | None:
    """NotoSans as shipped inside pygame_gui (None: pygame's default font)."""
    try:
        name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
        path = resources.files("pygame_gui.data") / name
        return str(path) if path.is_file() else None
    except (ModuleNotFoundError, OSError):
        return None


def make_manager(size: tuple[int, int]) -> pygame_gui.UIManager:
    manager = pygame_gui.UIManager(size, str(THEME_PATH), enable_live_theme_updates=False)
    with warnings.catch_warnings():  # the theme already loaded some of these: harmless
        warnings.filterwarnings("ignore", message="Trying to pre-load font id")
        _preload(manager)
    return manager


def _preload(manager: pygame_gui.UIManager) -> None:
    """Fonts the HTML of the why panel and the tooltips use (bold, italic)."""
    manager.preload_fonts(
        [
            {"name": "noto_sans", "point_size": s, "style": st}
            for s in (12, 13, 14, 15, 16, 18)
            for st in ("regular", "bold")
        ]
        + [{"name": "noto_sans", "point_size": 14, "style": "italic"}]
    )


@dataclass(slots=True)
class Notice:
    """A message shown as a notification since `born` (real seconds)."""

    message: Message
    born: float


class Hud:
    """All pygame_gui elements of the play scene; `action_for` maps a pressed button."""

    def __init__(self, manager: pygame_gui.UIManager, sim: Simulation) -> None:
        self.manager = manager
        self.sim = sim
        self.font = pygame.font.Font(ui_font_path(), 13)
        self.font_bold = pygame.font.Font(ui_font_path(True), 13)
        self.buttons: dict[object, A.UIAction] = {}
        self.notices: deque[Notice] = deque(maxlen=NOTIFY_MAX)
        self._notice_buttons: list[UIButton] = []
        self._notice_key: tuple[int, ...] = ()
        self.layout: Layout | None = None
        self._texts: dict[str, str] = {}
        self._chart_samples = -1
        self._chart_w = 0
        self._why_key: tuple[int, int, str] | None = None
        self._bar_key: tuple[float, float, str] | None = None
        self._banner: UILabel | None = None
        self.top: UIPanel | None = None
        self.panel: UIPanel | None = None

    # ------------------------------------------------------------------ building

    def build(self, layout: Layout, state: ViewState, clock: FixedStep) -> None:
        """(Re)create every element for `layout` (on start, resize and panel toggle)."""
        self.manager.clear_and_reset()
        self.manager.set_window_resolution(layout.size)
        self.layout = layout
        self.buttons.clear()
        self._texts.clear()
        self._notice_buttons = []
        self._notice_key = ()
        self._chart_samples = -1
        self._why_key = None
        self._bar_key = None
        self._banner = None
        self._build_top(layout)
        self._build_map_buttons(layout)
        self.panel = None
        if layout.panel_open:
            self._build_panel(layout, state)
        self.sync_selection(state, clock)

    def _build_top(self, layout: Layout) -> None:
        m = self.manager
        w = layout.top_bar.width
        self.top = UIPanel(layout.top_bar, starting_height=1, manager=m, object_id="#top_bar")
        compact = w < 1100
        x = 8
        cw = 112 if compact else 180
        self.credits = UILabel(
            pygame.Rect(x, 4, cw, 22), "", m, container=self.top, object_id="#metric"
        )
        self.credits.set_tooltip(
            "The studio's credits. Rent and wages are paid every night; ending two days in a "
            "row below 0 loses the level."
        )
        self.change = UILabel(
            pygame.Rect(x, 24, cw, 18), "", m, container=self.top, object_id="#dim"
        )
        self.change.set_tooltip("How much the credits changed since this morning.")
        x += cw + 6
        dw = 100 if compact else 130
        self.day = UILabel(
            pygame.Rect(x, 4, dw, 22), "", m, container=self.top, object_id="#metric"
        )
        self.day.set_tooltip(
            "In-game day and time. A day runs 06:00-24:00; at 1x ten minutes pass every "
            "real second. The night is skipped."
        )
        self.speed_label = UILabel(
            pygame.Rect(x, 24, dw, 18), "", m, container=self.top, object_id="#dim"
        )
        self.speed_label.set_tooltip("The current game speed.")
        x += dw + 4
        bw = 32 if compact else 40
        self.speed_buttons: dict[int, UIButton] = {}
        pause = UIButton(
            pygame.Rect(x, 8, bw, 32),
            "II",
            m,
            container=self.top,
            tool_tip_text="Pause / resume (Space)",
            object_id=ObjectID("#speed_pause", "#speed_button"),
        )
        self.buttons[pause] = A.TogglePause()
        self.pause_button = pause
        x += bw + 2
        for i, s in enumerate(SPEEDS):
            b = UIButton(
                pygame.Rect(x, 8, bw, 32),
                f"{s}×",
                m,
                container=self.top,
                tool_tip_text=f"Speed {s}×: {10 * s} in-game minutes per second (key {i + 1})",
                object_id=ObjectID(f"#speed_{s}", "#speed_button"),
            )
            self.buttons[b] = A.SetSpeed(s)
            self.speed_buttons[s] = b
            x += bw + 2
        x += 8
        mw = 120 if compact else 150
        pw = 52 if compact else 64
        right_w = mw + 4 + pw + 4 + 30 + 8  # momentum, panel and keys buttons
        bar_w = max(w - x - right_w - 8, 100)
        self.bar_rect = pygame.Rect(x, 6, bar_w, 36)
        self.bar = UIImage(
            self.bar_rect, pygame.Surface((bar_w, 36), pygame.SRCALPHA), m, container=self.top
        )
        self.bar.set_tooltip(
            "Support vs traction: the share of citizens for self-expression (opinion above "
            "+0.2, left) and for the Pure Smiles (below -0.2, right); the middle is undecided."
        )
        x += bar_w + 8
        self.momentum = UILabel(
            pygame.Rect(x, 4, mw, 22), "", m, container=self.top, object_id="#metric"
        )
        self.momentum.set_tooltip(
            "Pure Smiles momentum (0-100). High momentum means more rallies, pickets at the "
            "studio and media pressure. Won clashes lower it; incidents raise it."
        )
        self.momentum_sub = UILabel(
            pygame.Rect(x, 24, mw, 18), "", m, container=self.top, object_id="#dim"
        )
        self.momentum_sub.set_tooltip("The Pure Smiles' next announced rally.")
        x += mw + 4
        self.panel_button = UIButton(
            pygame.Rect(x, 8, pw, 32),
            "Panel",
            m,
            container=self.top,
            tool_tip_text="Show or hide the side panel with the graphs and the why panel (Tab)",
        )
        self.buttons[self.panel_button] = A.TogglePanel()
        x += pw + 4
        self.keys_button = UIButton(
            pygame.Rect(x, 8, 30, 32), "?", m, container=self.top, tool_tip_text=KEYS_HELP
        )
        self.buttons[self.keys_button] = A.ShowTab("why")

    def _build_map_buttons(self, layout: Layout) -> None:
        m = self.manager
        r = layout.map_rect
        bw = 150
        y = r.top + 8
        self.overlay_buttons: dict[str, UIButton] = {}
        for name in OVERLAYS:
            b = UIButton(
                pygame.Rect(r.right - bw - 8, y, bw, 28),
                f"{name.capitalize()}  [{OVERLAY_KEYS[name]}]",
                m,
                tool_tip_text=OVERLAY_HELP[name],
                object_id=ObjectID(f"#overlay_{name}", None),
            )
            self.buttons[b] = A.ToggleOverlay(name)
            self.overlay_buttons[name] = b
            y += 30
        y += 4
        self.palette_button = UIButton(
            pygame.Rect(r.right - bw - 8, y, bw, 28),
            "Colour-blind  [B]",
            m,
            tool_tip_text="Switch the crowd and overlays to a colour-blind-safe palette (orange "
            "and blue). Shapes always tell the groups apart too: + supporter, x Pure Smiles, "
            "square undecided.",
        )
        self.buttons[self.palette_button] = A.TogglePalette()

    def _build_panel(self, layout: Layout, state: ViewState) -> None:
        m = self.manager
        p = layout.panel
        self.panel = UIPanel(p, starting_height=1, manager=m)
        tw = (p.width - 12) // max(len(TABS), 1)
        self.tab_buttons: dict[str, UIButton] = {}
        for i, (name, text, tip) in enumerate(TABS):
            b = UIButton(
                pygame.Rect(4 + i * tw, 4, tw - 2, 28),
                text,
                m,
                container=self.panel,
                tool_tip_text=tip,
                object_id=ObjectID(f"#tab_{name}", "#tab"),
            )
            self.buttons[b] = A.ShowTab(name)
            self.tab_buttons[name] = b
        inner = pygame.Rect(4, 38, p.width - 10, p.height - 44)
        self.content_rect = inner
        # graphs
        self.graph_scroll = UIScrollingContainer(
            inner, m, container=self.panel, allow_scroll_x=False, allow_scroll_y=True
        )
        self.graph_image: UIImage | None = None
        # why
        self.why_scale = UIImage(
            pygame.Rect(inner.x, inner.y, inner.width, 44),
            pygame.Surface((inner.width, 44), pygame.SRCALPHA),
            m,
            container=self.panel,
        )
        self.why_scale.set_tooltip(
            "Where this citizen stands: -1 the Pure Smiles' one natural norm, +1 "
            "self-expression. Support and traction count citizens beyond ±0.2."
        )
        self.why_text = UITextBox(
            why.to_html(self.sim, None),
            pygame.Rect(inner.x, inner.y + 48, inner.width, inner.height - 48),
            m,
            container=self.panel,
        )
        self._show_tab(state.tab)

    def _show_tab(self, tab: str) -> None:
        if self.panel is None:
            return
        for name, b in self.tab_buttons.items():
            (b.select if name == tab else b.unselect)()
        if tab == "graphs":
            self.graph_scroll.show()
            self.why_scale.hide()
            self.why_text.hide()
        else:
            self.graph_scroll.hide()
            self.why_scale.show()
            self.why_text.show()

    # ------------------------------------------------------------------ mapping

    def action_for(self, element: object) -> A.UIAction | None:
        """The UI action of a pressed button (notifications focus where they happened)."""
        if element in self._notice_buttons:
            return A.FocusNotification(self._notice_buttons.index(element))
        return self.buttons.get(element)

    # ------------------------------------------------------------------ per frame

    def _set(self, key: str, element: UILabel, text: str) -> None:
        if self._texts.get(key) != text:
            element.set_text(text)
            self._texts[key] = text

    def sync_selection(self, state: ViewState, clock: FixedStep) -> None:
        """Highlight the chosen speed, overlay, palette and tab."""
        for s, b in self.speed_buttons.items():
            (b.select if (not clock.paused and clock.speed == s) else b.unselect)()
        (self.pause_button.select if clock.paused else self.pause_button.unselect)()
        for name, b in self.overlay_buttons.items():
            (b.select if state.overlay == name else b.unselect)()
        (
            self.palette_button.select
            if state.palette == "colorblind"
            else self.palette_button.unselect
        )()
        (self.panel_button.select if state.panel_open else self.panel_button.unselect)()
        self._show_tab(state.tab)

    def push_messages(self, messages: list[Message], now: float | None = None) -> None:
        t = time.monotonic() if now is None else now
        for msg in messages:
            self.notices.appendleft(Notice(msg, t))

    def refresh(self, state: ViewState, clock: FixedStep, palette: OpinionPalette) -> None:
        """Bring every text and picture up to date with the simulation (cheap when unchanged)."""
        sim = self.sim
        studio = entities.studio(sim)
        self._set("credits", self.credits, f"{studio.credits:,} cr")
        change = studio.credits - studio.credits_at_day_start
        self._set("change", self.change, f"{change:+,} cr today")
        self._set("day", self.day, sim.clock.replace(" ", " · ", 1).replace("Day · ", "Day "))
        self._set("speed", self.speed_label, "paused" if clock.paused else f"speed {clock.speed}×")
        latest = sim.metrics.latest()
        support = latest.get("support", 0.0)
        traction = latest.get("traction", 0.0)
        self._draw_bar(support, traction, palette)
        self._refresh_momentum()
        self._refresh_notices()
        self._refresh_banner()
        if self.panel is not None:
            if state.tab == "graphs":
                self._refresh_graphs()
            else:
                self._refresh_why(state, palette)

    def _refresh_momentum(self) -> None:
        try:
            d = entities.director(self.sim)
        except LookupError:
            self._set("momentum", self.momentum, "")
            self._set("momentum_sub", self.momentum_sub, "")
            return
        self._set("momentum", self.momentum, f"Pure Smiles {d.momentum:.0f}")
        nxt = [r for _, r in entities.rallies(self.sim) if r.state in ("announced", "active")]
        if nxt:
            r = min(nxt, key=lambda r: r.start_tick)
            mins = r.start_tick - self.sim.tick
            text = "rally now" if mins <= 0 else f"rally in {mins // 60}h {mins % 60:02d}m"
        else:
            text = "no rally announced"
        self._set("momentum_sub", self.momentum_sub, text)

    def _draw_bar(self, support: float, traction: float, palette: OpinionPalette) -> None:
        key = (round(support, 4), round(traction, 4), palette.name)
        if key == self._bar_key:
            return
        self._bar_key = key
        w, h = self.bar_rect.size
        surf = pygame.Surface((w, h), pygame.SRCALPHA)
        bar = pygame.Rect(0, 18, w, 16)
        pygame.draw.rect(surf, (60, 56, 90), bar, border_radius=4)
        sw = int(w * support)
        tw = int(w * traction)
        if sw:
            pygame.draw.rect(surf, palette.support, (0, 18, sw, 16), border_radius=4)
        if tw:
            pygame.draw.rect(surf, palette.against, (w - tw, 18, tw, 16), border_radius=4)
        for x in range(sw + 3, w - tw - 3, 6):  # undecided: a dotted middle, not just a colour
            surf.fill((120, 116, 160), (x, 25, 2, 2))
        narrow = w < 230  # the tooltip says what the two numbers are
        left = self.font_bold.render(
            f"{'' if narrow else 'Support '}{support * 100:.0f}%", True, TEXT
        )
        right = self.font_bold.render(
            f"{'' if narrow else 'Traction '}{traction * 100:.0f}%", True, TEXT
        )
        surf.blit(left, (2, -1))
        surf.blit(right, (w - right.get_width() - 2, -1))
        undecided = max(0.0, 1.0 - support - traction)
        mid = self.font.render(f"undecided {undecided * 100:.0f}%", True, TEXT_DIM)
        if mid.get_width() < w - left.get_width() - right.get_width() - 12:
            surf.blit(mid, ((w - mid.get_width()) // 2, 0))
        self.bar.set_image(surf)

    def _refresh_notices(self) -> None:
        now = time.monotonic()
        while self.notices and now - self.notices[-1].born > NOTIFY_SECONDS:
            self.notices.pop()
        key = tuple(id(n.message) for n in self.notices)
        if key == self._notice_key or self.layout is None:
            return
        self._notice_key = key
        for b in self._notice_buttons:
            b.kill()
        self._notice_buttons = []
        r = self.layout.map_rect
        w = min(460, r.width - 190)
        for i, n in enumerate(self.notices):
            msg = n.message
            alert = any(word in msg.kind for word in ALERT_WORDS)
            text = msg.text if len(msg.text) <= 70 else msg.text[:67] + "..."
            where = " — click to look" if msg.pos is not None else ""
            b = UIButton(
                pygame.Rect(r.left + 8, r.top + 8 + i * 30, w, 28),
                text,
                self.manager,
                tool_tip_text=f"{msg.text}{where}",
                object_id=ObjectID(f"#notice_{i}", "#alert" if alert else "#notification"),
            )
            self._notice_buttons.append(b)

    def _refresh_banner(self) -> None:
        sim = self.sim
        if not sim.finished or self.layout is None or self._banner is not None:
            return
        r = self.layout.map_rect
        status = "won" if sim.outcome.status == "won" else "lost"
        text = f"Level {status}: {sim.outcome.reason}"
        w = min(r.width - 40, 720)
        self._banner = UILabel(
            pygame.Rect(r.centerx - w // 2, r.top + 60, w, 48),
            text,
            self.manager,
            object_id="#banner",
        )
        self._banner.set_tooltip(
            "The level is decided. The result screen comes with the next update."
        )

    def _refresh_graphs(self) -> None:
        n = len(self.sim.metrics.ticks)
        w = self.content_rect.width - 22
        if n == self._chart_samples and w == self._chart_w:
            return
        self._chart_samples, self._chart_w = n, w
        surf = graphs.draw_charts(self.sim.metrics, w, self.font)
        if self.graph_image is not None:
            self.graph_image.kill()
        self.graph_image = UIImage(
            pygame.Rect(0, 0, *surf.get_size()), surf, self.manager, container=self.graph_scroll
        )
        self.graph_scroll.set_scrollable_area_dimensions(surf.get_size())

    def _refresh_why(self, state: ViewState, palette: OpinionPalette) -> None:
        key = (state.selected_uid, self.sim.tick // 5, palette.name)
        if key == self._why_key:
            return
        self._why_key = key
        info = why.describe(self.sim, state.selected_uid) if state.selected_uid >= 0 else None
        self.why_text.set_text(why.to_html(self.sim, info))
        self.why_scale.set_image(opinion_scale(self.why_scale.rect.size, palette, info, self.font))


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
    bar = pygame.Rect(8, 16, w - 16, 12)
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


def palette_of(state: ViewState) -> OpinionPalette:
    return PALETTES.get(state.palette, PALETTES["neon"])
