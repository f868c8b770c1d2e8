"""Where things sit on the window, for any window size, and what the player is looking at.

The window is split into a top bar (metrics, speed), the map viewport, and a right-hand panel
with tabs (`TABS`, in the order the tab buttons appear; each has its own module under
`game/app/panels`), so the map keeps its place whatever panel is open. Sizes follow the player's
UI scale (`Settings.ui_scale`, apart from the map's zoom): a narrow window at a large scale puts
the top bar on two rows. `ViewState` is what the player is looking at, including the event being
drafted in the scheduler.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

TOP_BAR_H = 48  # one row of the top bar, at UI scale 1
MIN_MAP_W = 320
COMPACT_W = 1100  # below this width (at UI scale 1) the top bar uses its narrow sizes
ONE_ROW_W = 740  # below this width (at UI scale 1) the top bar takes two rows
TABS: tuple[tuple[str, str, str], ...] = (
    # (name, button text, tooltip; the tab's key is added from the player's bindings)
    ("objectives", "Goals", "Objectives: what wins and what loses this level, with progress"),
    ("studio", "Studio", "Studio: services, prices, chairs, sculptors, upgrades, accounts"),
    ("leads", "Leads", "Leads: recruit them, let them work or rest, their energy"),
    ("schedule", "Events", "Event scheduler: book a counter-event at a venue"),
    ("calendar", "Calendar", "Calendar: announced rallies and your booked events"),
    ("graphs", "Graphs", "City graphs: support, traction, credits and more, hour by hour"),
    ("why", "Why", "Why panel: click a citizen on the map to see what moved their opinion"),
)
# the key action (game.userdata.DEFAULT_KEYS) that opens each tab; G and Y are fixed keys
TAB_KEYS = {
    "objectives": "panel_goals",
    "studio": "panel_studio",
    "leads": "panel_leads",
    "schedule": "panel_events",
    "calendar": "panel_calendar",
}
FIXED_TAB_KEYS = {"graphs": "G", "why": "Y"}
TAB_ROWS = 2  # the tab buttons sit in two rows so their words fit a narrow panel


def panel_width(window_w: int, scale: float = 1.0) -> int:
    base = 360 if window_w / scale >= COMPACT_W else 300
    return round(base * scale)


@dataclass(slots=True)
class Layout:
    """Rectangles of one window size at one UI scale."""

    size: tuple[int, int]
    panel_open: bool
    scale: float = 1.0
    top_bar: pygame.Rect = field(init=False)
    map_rect: pygame.Rect = field(init=False)
    panel: pygame.Rect = field(init=False)
    compact: bool = field(init=False)  # the top bar's narrow sizes
    top_rows: int = field(init=False)  # 1, or 2 when one row cannot hold the top bar

    def __post_init__(self) -> None:
        w, h = self.size
        logical_w = w / self.scale
        self.compact = logical_w < COMPACT_W
        self.top_rows = 1 if logical_w >= ONE_ROW_W else 2
        top_h = self.s(TOP_BAR_H) * self.top_rows
        want = panel_width(w, self.scale)
        # a large UI scale on a narrow window: a narrower panel rather than a closed one
        pw = min(want, w - MIN_MAP_W) if self.panel_open else 0
        if pw < min(want, 280):
            pw = 0
        self.panel_open = pw > 0
        self.top_bar = pygame.Rect(0, 0, w, top_h)
        self.map_rect = pygame.Rect(0, top_h, max(w - pw, 1), max(h - top_h, 1))
        self.panel = pygame.Rect(w - pw, top_h, pw, max(h - top_h, 1))

    def s(self, px: float) -> int:
        """`px` at the UI scale."""
        return round(px * self.scale)

    @property
    def minimap_max(self) -> tuple[int, int]:
        w = min(self.s(220), max(self.map_rect.width // 4, self.s(120)))
        return w, int(w * 0.75)


@dataclass(slots=True)
class EventDraft:
    """The counter-event being prepared in the scheduler (nothing is booked until confirmed).

    -1 / '' mean "not chosen yet": the scheduler then proposes a sensible default (the first
    type a recruited lead can host, the venue nearest the next announced rally, the earliest
    start)."""

    kind: str = ""
    venue: int = -1  # Tiled object id of the venue
    start_tick: int = -1
    host: str = ""  # only for types any lead may host (Community Workshop)


@dataclass(slots=True)
class ViewState:
    """The player's view of the game: not simulation state, never saved in the game."""

    overlay: str = ""  # '' or one of overlays.OVERLAYS
    palette: str = "neon"  # a key of palette.PALETTES
    panel_open: bool = True
    tab: str = "objectives"
    selected_uid: int = -1
    quit: bool = False
    draft: EventDraft = field(default_factory=EventDraft)
    focus_lead: str = ""  # the lead whose map spot was clicked (shown first in the leads panel)
    help_open: bool = False
