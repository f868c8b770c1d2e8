"""Where things sit on the window, for any window size, and what the player is looking at.

The window is split into a top bar (metrics, speed), the map viewport, and a right-hand panel
with tabs (`TABS`, in the order the tab buttons appear; each has its own module under
`game/app/panels`), so the map keeps its place whatever panel is open. `ViewState` is what the
player is looking at, including the event being drafted in the scheduler.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

TOP_BAR_H = 48
MIN_MAP_W = 320
TABS: tuple[tuple[str, str, str], ...] = (
    # (name, button text, tooltip)
    ("objectives", "Goals", "Objectives: what wins and what loses this level, with progress (J)"),
    ("studio", "Studio", "Studio: services, prices, chairs, sculptors, upgrades, accounts (U)"),
    ("leads", "Leads", "Leads: recruit them, let them work or rest, their energy (L)"),
    ("schedule", "Events", "Event scheduler: book a counter-event at a venue (E)"),
    ("calendar", "Calendar", "Calendar: announced rallies and your booked events (K)"),
    ("graphs", "Graphs", "City graphs: support, traction, credits and more, hour by hour (G)"),
    ("why", "Why", "Why panel: click a citizen on the map to see what moved their opinion (Y)"),
)
TAB_ROWS = 2  # the tab buttons sit in two rows so their words fit a narrow panel


def panel_width(window_w: int) -> int:
    return 360 if window_w >= 1100 else 300


@dataclass(slots=True)
class Layout:
    """Rectangles of one window size."""

    size: tuple[int, int]
    panel_open: bool
    top_bar: pygame.Rect = field(init=False)
    map_rect: pygame.Rect = field(init=False)
    panel: pygame.Rect = field(init=False)

    def __post_init__(self) -> None:
        w, h = self.size
        pw = panel_width(w) if self.panel_open and w - panel_width(w) >= MIN_MAP_W else 0
        self.panel_open = pw > 0
        self.top_bar = pygame.Rect(0, 0, w, TOP_BAR_H)
        self.map_rect = pygame.Rect(0, TOP_BAR_H, max(w - pw, 1), max(h - TOP_BAR_H, 1))
        self.panel = pygame.Rect(w - pw, TOP_BAR_H, pw, max(h - TOP_BAR_H, 1))

    @property
    def minimap_max(self) -> tuple[int, int]:
        w = min(220, max(self.map_rect.width // 4, 120))
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
