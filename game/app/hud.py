"""The HUD and the side panel, built with pygame_gui from one theme file (`assets/ui/theme.json`).

Top bar: credits and the day's change, day and time, speed buttons (pause, 1x, 2x, 4x, 8x), the
support-vs-traction bar (hover it for support and traction by district and by tribe), Pure
Smiles momentum, the panel toggle and the keys card (?). Over the map: overlay buttons, the
colour-blind palette switch, notifications from the simulation's messages (clicking one moves
the camera to where it happened) and, once the level is decided, its outcome and reason. Side
panel: two rows of tabs (`layout.TABS`), each a panel from `game.app.panels`. Numbers come from
the simulation's public view (`game.sim.view.SimView`). Every button and metric has a tooltip.
The HUD never changes the game: buttons map to UI actions or commands that the input module
hands on, and the scene reports back what became of each command (`command_result`).
"""

from __future__ import annotations

import logging
import math
import time
import warnings
from collections import deque
from dataclasses import dataclass
from html import escape

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIImage, UILabel, UIPanel, UITextBox

from game.app import actions as A
from game.app.input import key_labels
from game.app.layout import FIXED_TAB_KEYS, TAB_KEYS, TAB_ROWS, TABS, TOP_BAR_H, Layout, ViewState
from game.app.loop import SPEEDS, FixedStep
from game.app.overlays import OVERLAY_HELP, OVERLAYS
from game.app.palette import PALETTES, TEXT, TEXT_DIM, OpinionPalette
from game.app.panels import PANELS, Panel
from game.app.panels.base import CommandResult, PanelContext, fit, glyph_safe, ui_font_path
from game.app.panels.breakdown import tooltip_html
from game.app.screens.base import scaled_pt, scaled_theme
from game.sim.commands import Command
from game.sim.messages import COMMAND_REJECTED, Message
from game.sim.simulation import Simulation
from game.sim.view import SimView

logger = logging.getLogger(__name__)

NOTIFY_MAX = 5
NOTIFY_SECONDS = 14.0
ALERT_SECONDS = 30.0  # rallies, clashes and refusals stay up longer
ALERT_WORDS = (
    "rally",
    "rejected",
    "picket",
    "outcome",
    "incident",
    "ordinance",
    "bankrupt",
    "lost",
    "clash",
    "debt",
    "differs",  # a watched replay that no longer matches its recording
)
QUIET_KINDS = frozenset({"day_started", "day_ended"})  # the top bar says so: no notification
BREAKDOWN_TICKS = 30  # the support bar's breakdown tooltip is recomputed every half hour


def keys_help(keys: dict[str, str]) -> str:
    """The keys card, with the player's bindings (`keys`: action -> how the key reads)."""

    def k(action: str) -> str:
        return escape(keys.get(action, "?"))

    return (
        "<b>Keys</b><br>"
        f"<b>Time</b> · {k('pause')} pause · {k('speed_1')} / {k('speed_2')} / {k('speed_4')} / "
        f"{k('speed_8')} speed 1×/2×/4×/8×<br>"
        f"<b>Map</b> · {k('pan_up')}{k('pan_left')}{k('pan_down')}{k('pan_right')} / arrows / "
        f"right-drag / screen edges move · wheel, {k('zoom_in')} / {k('zoom_out')} zoom · Home "
        "or H the studio · click the minimap to jump<br>"
        f"<b>Overlays</b> · {k('overlay_opinion')} opinion · {k('overlay_density')} crowd density "
        f"· {k('overlay_districts')} districts & tribes · {k('overlay_reach')} reach · "
        "B colour-blind palette<br>"
        f"<b>Panels</b> · Tab show/hide · {k('panel_goals')} goals · {k('panel_studio')} studio · "
        f"{k('panel_leads')} leads · {k('panel_events')} events · {k('panel_calendar')} calendar "
        "· G graphs · Y why<br>"
        f"<b>Orders</b> · {k('book_event')} book the drafted event (Events panel) · "
        f"{k('start_earlier')} / {k('start_later')} its start −/+ 15 min (Shift: 1 h) · "
        f"{k('buy_chair')} buy a chair · {k('hire_sculptor')} hire a sculptor · "
        f"{k('recruit_lead')} recruit the lead shown first in the leads panel<br>"
        f"<b>Game</b> · {k('menu')} deselect, then the menu · {k('quicksave')} quicksave · "
        f"{k('quickload')} quickload<br>"
        "<b>Mouse</b> · click a citizen: why panel · click a ringed lead figure: recruit · click a "
        "venue (cyan box): schedule an event there · click a notification: look there<br>"
        "F1 or ? this card"
    )


def make_manager(size: tuple[int, int], scale: float = 1.0) -> pygame_gui.UIManager:
    """The play scene's pygame_gui manager: the theme file with its fonts at the UI scale."""
    manager = pygame_gui.UIManager(
        size, scaled_theme(scale, menus=False), enable_live_theme_updates=False
    )
    with warnings.catch_warnings():  # the theme already loaded some of these: harmless
        warnings.filterwarnings("ignore", message="Trying to pre-load font id")
        _preload(manager, scale)
    return manager


def _preload(manager: pygame_gui.UIManager, scale: float = 1.0) -> None:
    """Fonts the HTML of the why panel and the tooltips use (bold, italic), and the sizes the
    panels measure their words with."""
    sizes = sorted({scaled_pt(s, scale) for s in (12, 13, 14, 15, 16, 18)})
    manager.preload_fonts(
        [
            {"name": "noto_sans", "point_size": s, "style": st}
            for s in sizes
            for st in ("regular", "bold")
        ]
        + [{"name": "noto_sans", "point_size": scaled_pt(14, scale), "style": "italic"}]
    )


@dataclass(slots=True)
class Notice:
    """A message shown as a notification since `born` (real seconds)."""

    message: Message
    born: float


def headline(msg: Message) -> str:
    """A notification's one line: a mark for what matters, the words the game wrote."""
    text = glyph_safe(msg.text)
    if msg.kind == "clash_resolved":
        place = text.split(":")[0]
        crowd = f"{msg.data.get('event_crowd', '?')} vs {msg.data.get('rally_crowd', '?')}"
        who = "you won" if msg.data.get("winner") == "studio" else "the Pure Smiles won"
        return f"{place}: {who} ({crowd})"
    if msg.kind.startswith("clash"):
        return text
    if msg.kind.startswith("rally") or msg.kind in ("picket_started", "ordinance_warning"):
        return f"» {text}"
    if msg.kind == COMMAND_REJECTED:
        return f"Refused: {text}" if text else "Refused"
    return text


def is_alert(msg: Message) -> bool:
    if msg.kind == "outcome":
        return msg.data.get("status") != "won"
    return any(word in msg.kind for word in ALERT_WORDS)


class Hud:
    """All pygame_gui elements of the play scene; `action_for` maps a pressed button."""

    def __init__(
        self,
        manager: pygame_gui.UIManager,
        sim: Simulation,
        scale: float = 1.0,
        keys: dict[str, str] | None = None,
    ) -> None:
        """`scale`: the player's UI scale; `keys`: action -> how its key reads
        (`game.app.input.key_labels`, the defaults when None)."""
        self.manager = manager
        self.sim = sim
        self.view = SimView(sim)
        self.scale = scale
        self.ctx = PanelContext(
            manager,
            sim,
            self.view,
            ViewState(),
            PALETTES["neon"],
            scale=scale,
            keys=dict(keys) if keys is not None else key_labels(),
        )
        self.font = pygame.font.Font(ui_font_path(), self.s(13))
        self.font_bold = pygame.font.Font(ui_font_path(True), self.s(13))
        self.buttons: dict[object, A.UIAction] = {}
        self.notices: deque[Notice] = deque(maxlen=NOTIFY_MAX)
        self._notice_buttons: list[UIButton] = []
        self._notice_key: tuple[int, ...] = ()
        self.layout: Layout | None = None
        self._texts: dict[str, str] = {}
        self._bar_key: tuple[float, float, str] | None = None
        self._breakdown_tick = -(10**9)
        self._banner: UITextBox | None = None
        self.banner_text = ""
        self.top: UIPanel | None = None
        self.panel: UIPanel | None = None
        self.active: Panel | None = None  # the open tab's panel
        self.tab_buttons: dict[str, UIButton] = {}
        self.help_card: UITextBox | None = None
        self.help_close: UIButton | None = None
        self._ready_tick = -1
        self._ready: set[str] | None = None  # leads whose recruiting would be accepted now
        self.replay = False  # a recorded game is being watched: the top bar says so

    # ------------------------------------------------------------------ building

    def s(self, px: float) -> int:
        """`px` at the UI scale."""
        return round(px * self.scale)

    def key(self, action: str) -> str:
        return self.ctx.key(action)

    def set_scale(self, manager: pygame_gui.UIManager, scale: float) -> None:
        """A new UI scale (and the manager with its scaled theme); `build` lays it out."""
        self.manager = self.ctx.manager = manager
        self.scale = self.ctx.scale = scale
        self.ctx._wrap_cache.clear()
        self.font = pygame.font.Font(ui_font_path(), self.s(13))
        self.font_bold = pygame.font.Font(ui_font_path(True), self.s(13))

    def set_keys(self, keys: dict[str, str]) -> None:
        """New key labels (the player rebound a key); `build` shows them."""
        self.ctx.keys = dict(keys)

    def build(self, layout: Layout, state: ViewState, clock: FixedStep) -> None:
        """(Re)create every element for `layout` (on start, resize and panel toggle)."""
        self.manager.clear_and_reset()
        self.manager.set_window_resolution(layout.size)
        self.layout = layout
        self.ctx.state = state
        self.buttons.clear()
        self._texts.clear()
        self._notice_buttons = []
        self._notice_key = ()
        self._bar_key = None
        self._breakdown_tick = -(10**9)
        self._banner = None
        self.help_card = self.help_close = None
        self._build_top(layout)
        self._build_map_buttons(layout)
        self.panel = None
        self.active = None
        self.tab_buttons = {}
        if layout.panel_open:
            self._build_panel(layout, state)
        self.sync_selection(state, clock)

    def _build_top(self, layout: Layout) -> None:
        """Credits, day, speed buttons; then the support bar, momentum, the panel and keys
        buttons (on a second row when the window is narrow for the UI scale)."""
        m = self.manager
        s = self.s
        w = layout.top_bar.width
        self.top = UIPanel(layout.top_bar, starting_height=1, manager=m, object_id="#top_bar")
        compact = layout.compact
        row_h = s(TOP_BAR_H)
        my, mh = s(3), s(22)  # a metric, and under it its small line
        sy, sh = my + mh, s(18)
        x = s(8)
        cw = s(112 if compact else 180)
        self.credits = UILabel(
            pygame.Rect(x, my, cw, mh), "", m, container=self.top, object_id="#metric"
        )
        self.credits.set_tooltip(
            "The studio's credits. Rent and wages are paid every night; ending two days in a "
            "row below 0 loses the level."
        )
        self.change = UILabel(
            pygame.Rect(x, sy, cw, sh), "", m, container=self.top, object_id="#dim"
        )
        self.change.set_tooltip("How much the credits changed since this morning.")
        x += cw + s(6)
        dw = s(100 if compact else 130)
        self.day = UILabel(
            pygame.Rect(x, my, dw, mh), "", m, container=self.top, object_id="#metric"
        )
        self.day.set_tooltip(
            "In-game day and time. A day runs 06:00-24:00; at 1x ten minutes pass every "
            "real second. The night is skipped."
        )
        self.speed_label = UILabel(
            pygame.Rect(x, sy, dw, sh), "", m, container=self.top, object_id="#dim"
        )
        self.speed_label.set_tooltip("The current game speed.")
        x += dw + s(4)
        bw = s(32 if compact else 40)
        self.speed_buttons: dict[int, UIButton] = {}
        pause = UIButton(
            pygame.Rect(x, s(8), bw, s(32)),
            "II",
            m,
            container=self.top,
            tool_tip_text=f"Pause / resume ({self.key('pause')})",
            object_id=ObjectID("#speed_pause", "#speed_button"),
        )
        self.buttons[pause] = A.TogglePause()
        self.pause_button = pause
        x += bw + s(2)
        for s_ in SPEEDS:
            b = UIButton(
                pygame.Rect(x, s(8), bw, s(32)),
                f"{s_}×",
                m,
                container=self.top,
                tool_tip_text=f"Speed {s_}×: {10 * s_} in-game minutes per second "
                f"(key {self.key(f'speed_{s_}')})",
                object_id=ObjectID(f"#speed_{s_}", "#speed_button"),
            )
            self.buttons[b] = A.SetSpeed(s_)
            self.speed_buttons[s_] = b
            x += bw + s(2)
        x += s(8)
        y = 0
        if layout.top_rows > 1:  # the rest on the second row
            x, y = s(8), row_h
        mw = s(120 if compact else 150)
        pw = s(52 if compact else 64)
        kw = s(30)
        right_w = mw + s(4) + pw + s(4) + kw + s(8)  # momentum, panel and keys buttons
        bar_w = max(w - x - right_w - s(8), s(100))
        self.bar_rect = pygame.Rect(x, y + s(6), bar_w, s(36))
        self.bar = UIImage(
            self.bar_rect,
            pygame.Surface(self.bar_rect.size, pygame.SRCALPHA),
            m,
            container=self.top,
        )
        self.bar.set_tooltip(
            "Support vs traction: the share of citizens for self-expression (opinion above "
            "+0.2, left) and for the Pure Smiles (below -0.2, right); the middle is undecided."
        )
        x += bar_w + s(8)
        self.momentum = UILabel(
            pygame.Rect(x, y + my, mw, mh), "", m, container=self.top, object_id="#metric"
        )
        self.momentum.set_tooltip(
            "Pure Smiles momentum (0-100). High momentum means more rallies, pickets at the "
            "studio and media pressure. Won clashes lower it; incidents raise it."
        )
        self.momentum_sub = UILabel(
            pygame.Rect(x, y + sy, mw, sh), "", m, container=self.top, object_id="#dim"
        )
        self.momentum_sub.set_tooltip("The Pure Smiles' next announced rally.")
        x += mw + s(4)
        self.panel_button = UIButton(
            pygame.Rect(x, y + s(8), pw, s(32)),
            "Panel",
            m,
            container=self.top,
            tool_tip_text="Show or hide the side panel: goals, studio, leads, events, calendar, "
            "graphs and the why panel (Tab)",
        )
        self.buttons[self.panel_button] = A.TogglePanel()
        x += pw + s(4)
        self.keys_button = UIButton(
            pygame.Rect(x, y + s(8), kw, s(32)),
            "?",
            m,
            container=self.top,
            tool_tip_text="Every key and mouse shortcut (F1 or ?)",
        )
        self.buttons[self.keys_button] = A.ToggleHelp()

    def _build_map_buttons(self, layout: Layout) -> None:
        m = self.manager
        s = self.s
        r = layout.map_rect
        bw = min(s(150), r.width // 2)
        bh = s(28)
        y = r.top + s(8)
        self.overlay_buttons: dict[str, UIButton] = {}
        for name in OVERLAYS:
            key = self.key(f"overlay_{name}")
            b = UIButton(
                pygame.Rect(r.right - bw - s(8), y, bw, bh),
                f"{name.capitalize()}  [{key}]",
                m,
                tool_tip_text=f"{OVERLAY_HELP[name]} (key {key})",
                object_id=ObjectID(f"#overlay_{name}", None),
            )
            self.buttons[b] = A.ToggleOverlay(name)
            self.overlay_buttons[name] = b
            y += bh + s(2)
        y += s(4)
        self.palette_button = UIButton(
            pygame.Rect(r.right - bw - s(8), y, bw, bh),
            "Colour-blind  [B]",
            m,
            tool_tip_text="Switch the crowd and overlays to a colour-blind-safe palette (orange "
            "and blue). Shapes always tell the groups apart too: + supporter, x Pure Smiles, "
            "square undecided.",
        )
        self.buttons[self.palette_button] = A.TogglePalette()
        self.map_buttons_bottom = y + bh

    def _build_panel(self, layout: Layout, state: ViewState) -> None:
        m = self.manager
        s = self.s
        p = layout.panel
        self.panel = UIPanel(p, starting_height=1, manager=m)
        per_row = math.ceil(len(TABS) / TAB_ROWS)
        tw = (p.width - 10) // per_row
        th = s(26)
        self.tab_buttons = {}
        for i, (name, text, tip) in enumerate(TABS):
            row, col = divmod(i, per_row)
            key = self.key(TAB_KEYS[name]) if name in TAB_KEYS else FIXED_TAB_KEYS.get(name, "")
            b = UIButton(
                pygame.Rect(4 + col * tw, 4 + row * (th + 2), tw - 2, th),
                text,
                m,
                container=self.panel,
                tool_tip_text=f"{tip} ({key})" if key else tip,
                object_id=ObjectID(f"#tab_{name}", "#tab"),
            )
            self.buttons[b] = A.ShowTab(name)
            self.tab_buttons[name] = b
        top = 8 + TAB_ROWS * (th + 2)
        self.content_rect = pygame.Rect(2, top, p.width - 8, p.height - top - 6)
        self._show_tab(state.tab)

    def _show_tab(self, tab: str) -> None:
        if self.panel is None:
            return
        for name, b in self.tab_buttons.items():
            (b.select if name == tab else b.unselect)()
        if self.active is not None and self.active.name == tab:
            return
        if self.active is not None:
            self.active.kill()
            self.active = None
        cls = PANELS.get(tab)
        if cls is not None:
            self.active = cls(self.ctx, self.content_rect, self.panel)
            self.active.refresh(force=True)

    def _build_help(self) -> None:
        if self.layout is None:
            return
        s = self.s
        r = self.layout.map_rect
        w = min(s(520), r.width - 40)
        h = min(s(360), r.height - s(70) - s(40))
        rect = pygame.Rect(r.centerx - w // 2, r.top + s(30), w, h)
        self.help_card = UITextBox(
            keys_help(self.ctx.keys), rect, self.manager, object_id="#help_card"
        )
        self.help_card.set_tooltip("Every key and mouse shortcut of the play scene.")
        self.help_close = UIButton(
            pygame.Rect(rect.right - s(76), rect.bottom + 4, s(76), s(28)),
            "Close",
            self.manager,
            tool_tip_text="Close this card (F1, ? or Esc)",
        )
        self.buttons[self.help_close] = A.ToggleHelp()

    def _sync_help(self, state: ViewState) -> None:
        if state.help_open and self.help_card is None:
            self._build_help()
        elif not state.help_open and self.help_card is not None:
            self.help_card.kill()
            if self.help_close is not None:
                self.buttons.pop(self.help_close, None)
                self.help_close.kill()
            self.help_card = self.help_close = None

    # ------------------------------------------------------------------ mapping

    def action_for(self, element: object) -> A.UIAction | Command | None:
        """The UI action or command of a pressed button (notifications focus where they
        happened; panel buttons may carry a command)."""
        if element in self._notice_buttons:
            return A.FocusNotification(self._notice_buttons.index(element))
        if element in self.buttons:
            return self.buttons[element]
        if self.active is not None:
            return self.active.action_for(element)
        return None

    def command_result(self, command: Command, reason: str | None, messages: list[Message]) -> None:
        """What became of a command the player issued (shown by the panel that issued it)."""
        if reason is None:
            said = [m.text for m in messages if m.kind != COMMAND_REJECTED]
            text = said[0] if said else "Done."
        else:
            text = reason
        self.ctx.add_result(CommandResult(command, reason is not None, text, self.sim.tick))
        if self.active is not None:
            self.active.refresh()

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
        (self.keys_button.select if state.help_open else self.keys_button.unselect)()
        self._show_tab(state.tab)
        self._sync_help(state)

    def push_messages(self, messages: list[Message], now: float | None = None) -> None:
        t = time.monotonic() if now is None else now
        for msg in messages:
            if msg.kind not in QUIET_KINDS:
                self.notices.appendleft(Notice(msg, t))

    def refresh(self, state: ViewState, clock: FixedStep, palette: OpinionPalette) -> None:
        """Bring every text and picture up to date with the simulation (cheap when unchanged)."""
        sim = self.sim
        self.ctx.state = state
        self.ctx.palette = palette
        res = self.view.resources()
        self._set("credits", self.credits, f"{res.credits:,} cr")
        self._set("change", self.change, f"{res.credits_change_today:+,} cr today")
        self._set("day", self.day, sim.clock.replace(" ", " · ", 1).replace("Day · ", "Day "))
        speed = "paused" if clock.paused else f"speed {clock.speed}×"
        if self.replay:
            speed = "Replay · " + ("paused" if clock.paused else f"{clock.speed}×")
        self._set("speed", self.speed_label, speed)
        latest = self.view.metrics()
        support = latest.get("support", 0.0)
        traction = latest.get("traction", 0.0)
        self._draw_bar(support, traction, palette)
        if sim.tick - self._breakdown_tick >= BREAKDOWN_TICKS or sim.tick < self._breakdown_tick:
            self._breakdown_tick = sim.tick
            self.bar.set_tooltip(tooltip_html(sim), wrap_width=340, delay=0.4)
        self._refresh_momentum(res.momentum)
        self._notice_ready_leads()
        self._refresh_notices()
        self._refresh_banner()
        if self.active is not None:
            self.active.refresh()

    def _notice_ready_leads(self) -> None:
        """Tell the player when a lead's conditions are met (the game itself does not say)."""
        sim = self.sim
        if sim.tick // 5 == self._ready_tick:
            return
        self._ready_tick = sim.tick // 5
        leads = [c for c in self.view.leads() if c.available and not c.recruited]
        ready = {c.key for c in leads if c.recruit_blocker is None}
        if self._ready is not None:
            for c in leads:
                if c.key in ready - self._ready:
                    msg = Message(
                        sim.tick,
                        "lead_ready",
                        f"{c.name} can join now: click the ringed figure or open Leads "
                        f"({self.key('panel_leads')})",
                        {"lead": c.key},
                        c.spot,
                    )
                    self.push_messages([msg])
        self._ready = ready

    def _refresh_momentum(self, momentum: float) -> None:
        self._set("momentum", self.momentum, f"Pure Smiles {momentum:.0f}")
        nxt = [e for e in self.view.calendar() if e.side == "pure_smiles"]
        if nxt:
            r = nxt[0]
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
        # the words on top, the bar under them (both grow with the UI scale)
        by = min(self.font_bold.get_ascent() + self.s(2), h - self.s(10))
        bh = h - by
        bar = pygame.Rect(0, by, w, bh)
        pygame.draw.rect(surf, (60, 56, 90), bar, border_radius=4)
        sw = int(w * support)
        tw = int(w * traction)
        if sw:
            pygame.draw.rect(surf, palette.support, (0, by, sw, bh), border_radius=4)
        if tw:
            pygame.draw.rect(surf, palette.against, (w - tw, by, tw, bh), border_radius=4)
        dot = max(2, self.s(2))
        for x in range(sw + 3, w - tw - 3, 3 * dot):  # undecided: dotted, not just a colour
            surf.fill((120, 116, 160), (x, bar.centery - dot // 2, dot, dot))
        words = (f"Support {support * 100:.0f}%", f"Traction {traction * 100:.0f}%")
        if sum(self.font_bold.size(t)[0] for t in words) + self.s(12) > w:
            words = (f"{support * 100:.0f}%", f"{traction * 100:.0f}%")  # the tooltip says
        left = self.font_bold.render(words[0], True, TEXT)
        right = self.font_bold.render(words[1], True, TEXT)
        surf.blit(left, (2, -1))
        surf.blit(right, (w - right.get_width() - 2, -1))
        undecided = max(0.0, 1.0 - support - traction)
        mid = self.font.render(f"undecided {undecided * 100:.0f}%", True, TEXT_DIM)
        if mid.get_width() < w - left.get_width() - right.get_width() - 12:
            surf.blit(mid, ((w - mid.get_width()) // 2, 0))
        self.bar.set_image(surf)

    def _refresh_notices(self) -> None:
        now = time.monotonic()
        for n in list(self.notices):
            life = ALERT_SECONDS if is_alert(n.message) else NOTIFY_SECONDS
            if now - n.born > life:
                self.notices.remove(n)
        key = tuple(id(n.message) for n in self.notices)
        if key == self._notice_key or self.layout is None:
            return
        self._notice_key = key
        for b in self._notice_buttons:
            b.kill()
        self._notice_buttons = []
        s = self.s
        r = self.layout.map_rect
        beside = r.width - (r.right - self.overlay_buttons["opinion"].rect.left) - s(24)
        if beside >= s(240):  # left of the overlay buttons
            w, top = min(s(480), beside), r.top + s(8)
        else:  # a narrow map: under them, as wide as the map
            w, top = r.width - s(16), self.map_buttons_bottom + s(8)
        step = s(30)
        room = r.bottom - self.layout.minimap_max[1] - s(20) - top  # above the minimap
        shown = list(self.notices)[: max(1, room // step)]
        pt = scaled_pt(13, self.scale)
        font = self.manager.get_theme().get_font_dictionary().find_font(pt, "noto_sans")
        for i, n in enumerate(shown):
            msg = n.message
            alert = is_alert(msg)
            text = fit(headline(msg), font, w - s(20))  # the whole text is in the tooltip
            where = " — click to look" if msg.pos is not None else ""
            b = UIButton(
                pygame.Rect(r.left + s(8), top + i * step, w, s(28)),
                text,
                self.manager,
                tool_tip_text=glyph_safe(f"{msg.text}{where}"),
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
        w = min(r.width - 40, self.s(720))
        colour = "#3cebff" if status == "won" else "#ffaa28"
        self._banner = UITextBox(
            f"<font color='{colour}'><b>Level {status}</b></font><br>{escape(glyph_safe(sim.outcome.reason))}",
            pygame.Rect(r.centerx - w // 2, r.top + r.height // 3, w, -1),
            self.manager,
            object_id="#banner",
        )
        self.banner_text = text
        self._banner.set_tooltip(
            f"The level is decided: {text}. The Goals panel ({self.key('panel_goals')}) shows "
            "the objectives."
        )


def palette_of(state: ViewState) -> OpinionPalette:
    return PALETTES.get(state.palette, PALETTES["neon"])
