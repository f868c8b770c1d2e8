"""The one reader of the pygame event queue (STYLE §5).

`InputHandler.poll()` calls `pygame.event.get()`, lets pygame_gui see every event first (its
buttons, tooltips and, later, text fields), and turns the rest into `UIAction`s (camera, speed,
overlays, panels, selection) and game `Command`s (which the scene hands to `sim.step`). Held
keys and the screen edges pan the camera every frame. Nothing else in the game reads events.

Keys: the rebindable ones come from the player's settings (`Settings.keys`, defaults in
`game.userdata.DEFAULT_KEYS`; a name may carry a `shift+` prefix): Space pause · 1-4 speed
1x/2x/4x/8x · WASD pan (Shift: faster) · =/- zoom · O/C/T/R overlays · J goals · U studio ·
L leads · E events · K calendar · Enter books the drafted event (the first Enter opens the
scheduler) · [ / ] move its start 15 min (Shift: 1 h) · Shift+C buy a chair · Shift+H hire a
sculptor · Shift+R recruit the lead shown first · F5/F9 quicksave/quickload (handed on as
`FrameInput.requests`) · Esc deselect, then the menu (or quit). Always: arrows pan · wheel, +,
PageUp/PageDown zoom · keypad Enter books · Home/H the studio · B colour-blind palette · Tab the
side panel · G graphs · Y why · F1 or ? the keys card · Ctrl+Q quit. A Shift+key binding wins
over the same key's plain binding; a plain binding also answers with Shift held (Shift+W pans
faster, Shift+] moves the start an hour).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import pygame
import pygame_gui

from game.app import actions as A
from game.app.camera import ZOOM_STEP
from game.sim.commands import BuyChair, Command, HireSculptor

logger = logging.getLogger(__name__)

PAN_SPEED = 700.0  # screen pixels per second
EDGE = 6  # pixels from the window edge that scroll the map
DRAG_THRESHOLD = 4  # pixels a left press may move and still count as a click

# rebindable actions (names of game.userdata.DEFAULT_KEYS) -> what they ask for
SPEED_ACTIONS = {"speed_1": 1, "speed_2": 2, "speed_4": 4, "speed_8": 8}
OVERLAY_ACTIONS = {
    "overlay_opinion": "opinion",
    "overlay_density": "density",
    "overlay_districts": "districts",
    "overlay_reach": "reach",
}
PAN_ACTIONS = {"pan_up": (0, -1), "pan_down": (0, 1), "pan_left": (-1, 0), "pan_right": (1, 0)}
PANEL_ACTIONS = {
    "panel_goals": "objectives",
    "panel_studio": "studio",
    "panel_leads": "leads",
    "panel_events": "schedule",
    "panel_calendar": "calendar",
}
DRAFT_SHIFT_ACTIONS = {"start_earlier": -15, "start_later": 15}  # Shift: x4
# orders: a command, or a UI action the scene turns into one
ORDER_ACTIONS: dict[str, Callable[[], A.UIAction | Command]] = {
    "buy_chair": BuyChair,
    "hire_sculptor": HireSculptor,
    "recruit_lead": A.RecruitFocused,
}
REQUESTS = ("quicksave", "quickload")  # for whoever runs the scene (the app saves and loads)
SHIFT = "shift+"
# keys that always work too (unless the player bound them to another action)
EXTRA_PAN_KEYS = {
    pygame.K_UP: (0, -1),
    pygame.K_DOWN: (0, 1),
    pygame.K_LEFT: (-1, 0),
    pygame.K_RIGHT: (1, 0),
}
EXTRA_ZOOM_IN_KEYS = (pygame.K_PLUS, pygame.K_KP_PLUS, pygame.K_PAGEUP)
EXTRA_ZOOM_OUT_KEYS = (pygame.K_KP_MINUS, pygame.K_PAGEDOWN)


def read_events() -> list[pygame.event.Event]:
    """Take every pending event off the queue: the one place the game does (STYLE §5)."""
    return pygame.event.get()


def key_code(name: str) -> int | None:
    """pygame's key code for a key name as settings store it ('space', 'f5', 'w'), or None."""
    try:
        return int(pygame.key.key_code(name))
    except (ValueError, TypeError):
        return None


def chord(name: str) -> tuple[int, bool] | None:
    """(key code, Shift held) of a stored key name ('c', 'shift+c'), or None if unknown."""
    shift = name.startswith(SHIFT) and len(name) > len(SHIFT)
    code = key_code(name[len(SHIFT) :] if shift else name)
    return None if code is None else (code, shift)


def key_label(name: str) -> str:
    """How a stored key name reads on screen: 'space' -> 'Space', 'f5' -> 'F5', 'shift+c' ->
    'Shift+C'."""
    if name.startswith(SHIFT) and len(name) > len(SHIFT):
        return "Shift+" + key_label(name[len(SHIFT) :])
    special = {"escape": "Esc", "space": "Space", "return": "Enter", "=": "=", "-": "-"}
    if name in special:
        return special[name]
    if len(name) <= 3:
        return name.upper()
    return name.title()


def merged_keys(keys: Mapping[str, str] | None = None) -> dict[str, str]:
    """Action -> key name: the player's bindings, defaults for what `keys` leaves out."""
    from game.userdata import DEFAULT_KEYS

    merged = dict(DEFAULT_KEYS)
    merged.update({a: k for a, k in (keys or {}).items() if a in DEFAULT_KEYS})
    return merged


def key_labels(keys: Mapping[str, str] | None = None) -> dict[str, str]:
    """Action -> the key as the HUD writes it ('Opinion [O]', 'Shift+C buy a chair')."""
    return {a: key_label(k) for a, k in merged_keys(keys).items()}


def bind_keys(keys: Mapping[str, str] | None = None) -> dict[tuple[int, bool], str]:
    """(key code, Shift) -> action for the player's bindings (defaults fill the rest)."""
    out: dict[tuple[int, bool], str] = {}
    for action, name in merged_keys(keys).items():
        got = chord(name)
        if got is None:
            logger.warning("key '%s' for '%s' is not a key pygame knows; unbound", name, action)
            continue
        out.setdefault(got, action)
    return out


@dataclass(slots=True)
class FrameInput:
    """What the player asked for during one frame."""

    actions: list[A.UIAction] = field(default_factory=list)
    commands: list[Command] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # REQUESTS, for the app


@dataclass(slots=True)
class PointerAreas:
    """Where the map and the minimap are on the window this frame (set by the scene)."""

    map_rect: pygame.Rect
    minimap_rect: pygame.Rect


class InputHandler:
    """Events -> UI actions and commands, through pygame_gui first."""

    def __init__(
        self,
        manager: pygame_gui.UIManager,
        button_action: Callable[[object], A.UIAction | Command | None],
        areas: Callable[[], PointerAreas],
        edge_scroll: bool = False,
        keys: Mapping[str, str] | None = None,
    ) -> None:
        self.manager = manager
        self.button_action = button_action
        self.areas = areas
        self.edge_scroll = edge_scroll
        self.held: set[int] = set()
        self.fast = False
        self._mouse_seen = False  # edge scrolling only once the pointer really is in the window
        self._left_down: tuple[int, int] | None = None
        self._right_drag = False
        self.on_click: Callable[[], None] | None = None  # e.g. the click sound
        self.bindings: dict[tuple[int, bool], str] = {}
        self.set_keys(keys)

    def set_keys(self, keys: Mapping[str, str] | None) -> None:
        """Use the player's key bindings (action -> key name; defaults for the rest)."""
        self.bindings = bind_keys(keys)
        self.held.clear()

    def poll(
        self, frame_seconds: float, events: Iterable[pygame.event.Event] | None = None
    ) -> FrameInput:
        out = FrameInput()
        for event in read_events() if events is None else events:
            self.handle(event, out)
        self._continuous(frame_seconds, out)
        return out

    # ------------------------------------------------------------------ events

    def handle(self, ev: pygame.event.Event, out: FrameInput) -> None:
        if ev.type == pygame.QUIT:
            out.actions.append(A.Quit())
            return
        if ev.type == pygame.VIDEORESIZE:
            out.actions.append(A.Resize(ev.w, ev.h))
            return
        if ev.type == pygame.WINDOWLEAVE:
            self._mouse_seen = False
        consumed = self.manager.process_events(ev)
        if ev.type == pygame_gui.UI_BUTTON_PRESSED:
            if self.on_click is not None:
                self.on_click()
            got = self.button_action(ev.ui_element)
            if isinstance(got, Command):
                out.commands.append(got)
            elif got is not None:
                out.actions.append(got)
            return
        if ev.type == pygame.KEYUP:
            self.held.discard(ev.key)
            self.fast = bool(ev.mod & pygame.KMOD_SHIFT)
            return
        if consumed:
            return
        if ev.type == pygame.KEYDOWN:
            self._key(ev, out)
        elif ev.type == pygame.MOUSEMOTION:
            self._mouse_seen = True
            if self._right_drag:
                out.actions.append(A.Pan(-ev.rel[0], -ev.rel[1]))
        elif ev.type == pygame.MOUSEBUTTONDOWN:
            self._press(ev, out)
        elif ev.type == pygame.MOUSEBUTTONUP:
            self._release(ev, out)
        elif ev.type == pygame.MOUSEWHEEL:
            x, y = pygame.mouse.get_pos()
            if self.areas().map_rect.collidepoint(x, y) and ev.y:
                factor = ZOOM_STEP if ev.y > 0 else 1 / ZOOM_STEP
                out.actions.append(A.ZoomAt(factor, x, y))

    def _key(self, ev: pygame.event.Event, out: FrameInput) -> None:
        k = ev.key
        shift = bool(ev.mod & pygame.KMOD_SHIFT)
        self.fast = shift
        exact = self.bindings.get((k, True)) if shift else None
        action = self.bindings.get((k, False))
        if k == pygame.K_q and ev.mod & pygame.KMOD_CTRL:
            out.actions.append(A.Quit())
        elif exact is not None:  # Shift+C (buy a chair) is not C (the density overlay)
            self._bound(exact, k, shift, out)
        elif k == pygame.K_F1 or getattr(ev, "unicode", "") == "?":
            out.actions.append(A.ToggleHelp())
        elif action is not None:
            self._bound(action, k, shift, out)
        elif k == pygame.K_KP_ENTER:
            out.actions.append(A.ConfirmDraft(from_key=True))
        elif k in EXTRA_PAN_KEYS:
            self.held.add(k)
        elif k == pygame.K_b:
            out.actions.append(A.TogglePalette())
        elif k in EXTRA_ZOOM_IN_KEYS or k in EXTRA_ZOOM_OUT_KEYS:
            self._zoom(k in EXTRA_ZOOM_IN_KEYS, out)
        elif k in (pygame.K_HOME, pygame.K_h):
            out.actions.append(A.CenterOnStudio())
        elif k == pygame.K_TAB:
            out.actions.append(A.TogglePanel())
        elif k == pygame.K_g:
            out.actions.append(A.ShowTab("graphs"))
        elif k == pygame.K_y:
            out.actions.append(A.ShowTab("why"))

    def _bound(self, action: str, k: int, shift: bool, out: FrameInput) -> None:
        """One of the player's rebindable actions."""
        if action in PAN_ACTIONS:
            self.held.add(k)
        elif action in ORDER_ACTIONS:
            got = ORDER_ACTIONS[action]()
            (out.commands if isinstance(got, Command) else out.actions).append(got)
        elif action in PANEL_ACTIONS:
            out.actions.append(A.ShowTab(PANEL_ACTIONS[action]))
        elif action == "book_event":
            out.actions.append(A.ConfirmDraft(from_key=True))
        elif action in DRAFT_SHIFT_ACTIONS:
            out.actions.append(A.DraftShift(DRAFT_SHIFT_ACTIONS[action] * (4 if shift else 1)))
        elif action == "pause":
            out.actions.append(A.TogglePause())
        elif action in SPEED_ACTIONS:
            out.actions.append(A.SetSpeed(SPEED_ACTIONS[action]))
        elif action in OVERLAY_ACTIONS:
            out.actions.append(A.ToggleOverlay(OVERLAY_ACTIONS[action]))
        elif action in ("zoom_in", "zoom_out"):
            self._zoom(action == "zoom_in", out)
        elif action == "menu":  # the scene deselects first, then opens the menu (or quits)
            out.actions.append(A.Deselect())
        elif action in REQUESTS:
            out.requests.append(action)

    def _zoom(self, zoom_in: bool, out: FrameInput) -> None:
        r = self.areas().map_rect
        factor = ZOOM_STEP if zoom_in else 1 / ZOOM_STEP
        out.actions.append(A.ZoomAt(factor, r.centerx, r.centery))

    def _pan_of(self, k: int) -> tuple[int, int]:
        action = self.bindings.get((k, False)) or self.bindings.get((k, True))
        if action in PAN_ACTIONS:
            return PAN_ACTIONS[action]
        return EXTRA_PAN_KEYS.get(k, (0, 0))

    def _press(self, ev: pygame.event.Event, out: FrameInput) -> None:
        areas = self.areas()
        if ev.button == 1:
            if areas.minimap_rect.collidepoint(ev.pos):
                out.actions.append(A.MinimapClick(*ev.pos))
            elif areas.map_rect.collidepoint(ev.pos):
                self._left_down = ev.pos
        elif ev.button == 3 and areas.map_rect.collidepoint(ev.pos):
            self._right_drag = True

    def _release(self, ev: pygame.event.Event, out: FrameInput) -> None:
        if ev.button == 1 and self._left_down is not None:
            x0, y0 = self._left_down
            self._left_down = None
            if abs(ev.pos[0] - x0) <= DRAG_THRESHOLD and abs(ev.pos[1] - y0) <= DRAG_THRESHOLD:
                out.actions.append(A.MapClick(*ev.pos))
        elif ev.button == 3:
            self._right_drag = False

    # ------------------------------------------------------------------ every frame

    def _continuous(self, frame_seconds: float, out: FrameInput) -> None:
        dx = dy = 0.0
        for k in self.held:
            kx, ky = self._pan_of(k)
            dx, dy = dx + kx, dy + ky
        if self.edge_scroll and self._mouse_seen and pygame.mouse.get_focused():
            x, y = pygame.mouse.get_pos()
            w, h = pygame.display.get_surface().get_size()
            dx += (x >= w - EDGE) - (x < EDGE)
            dy += (y >= h - EDGE) - (y < EDGE)
        if dx or dy:
            step = PAN_SPEED * (2.5 if self.fast else 1.0) * min(frame_seconds, 0.1)
            out.actions.append(
                A.Pan(max(-1.0, min(1.0, dx)) * step, max(-1.0, min(1.0, dy)) * step)
            )
