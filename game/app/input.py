"""The one reader of the pygame event queue (STYLE §5).

`InputHandler.poll()` calls `pygame.event.get()`, lets pygame_gui see every event first (its
buttons, tooltips and, later, text fields), and turns the rest into `UIAction`s (camera, speed,
overlays, panels, selection) and game `Command`s (which the scene hands to `sim.step`). Held
keys and the screen edges pan the camera every frame. Nothing else in the game reads events.

Keys: Space pause · 1-4 speed 1x/2x/4x/8x · WASD/arrows pan (Shift: faster) · wheel, +/-,
PageUp/PageDown zoom · Home/H the studio · O/C/T/R overlays · B colour-blind palette ·
Tab the side panel · G graphs · Y why · Esc deselect, then quit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame
import pygame_gui

from game.app import actions as A
from game.app.camera import ZOOM_STEP
from game.sim.commands import Command

logger = logging.getLogger(__name__)

PAN_SPEED = 700.0  # screen pixels per second
EDGE = 6  # pixels from the window edge that scroll the map
DRAG_THRESHOLD = 4  # pixels a left press may move and still count as a click

SPEED_KEYS = {pygame.K_1: 1, pygame.K_2: 2, pygame.K_3: 4, pygame.K_4: 8}
OVERLAY_KEYS = {
    pygame.K_o: "opinion",
    pygame.K_c: "density",
    pygame.K_t: "districts",
    pygame.K_r: "reach",
}
PAN_KEYS = {
    pygame.K_w: (0, -1),
    pygame.K_UP: (0, -1),
    pygame.K_s: (0, 1),
    pygame.K_DOWN: (0, 1),
    pygame.K_a: (-1, 0),
    pygame.K_LEFT: (-1, 0),
    pygame.K_d: (1, 0),
    pygame.K_RIGHT: (1, 0),
}
ZOOM_IN_KEYS = (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS, pygame.K_PAGEUP)
ZOOM_OUT_KEYS = (pygame.K_MINUS, pygame.K_KP_MINUS, pygame.K_PAGEDOWN)


@dataclass(slots=True)
class FrameInput:
    """What the player asked for during one frame."""

    actions: list[A.UIAction] = field(default_factory=list)
    commands: list[Command] = field(default_factory=list)


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

    def poll(self, frame_seconds: float) -> FrameInput:
        out = FrameInput()
        for event in pygame.event.get():
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
        self.fast = bool(ev.mod & pygame.KMOD_SHIFT)
        if k in PAN_KEYS:
            self.held.add(k)
        elif k == pygame.K_SPACE:
            out.actions.append(A.TogglePause())
        elif k in SPEED_KEYS:
            out.actions.append(A.SetSpeed(SPEED_KEYS[k]))
        elif k in OVERLAY_KEYS:
            out.actions.append(A.ToggleOverlay(OVERLAY_KEYS[k]))
        elif k == pygame.K_b:
            out.actions.append(A.TogglePalette())
        elif k in ZOOM_IN_KEYS or k in ZOOM_OUT_KEYS:
            r = self.areas().map_rect
            factor = ZOOM_STEP if k in ZOOM_IN_KEYS else 1 / ZOOM_STEP
            out.actions.append(A.ZoomAt(factor, r.centerx, r.centery))
        elif k in (pygame.K_HOME, pygame.K_h):
            out.actions.append(A.CenterOnStudio())
        elif k == pygame.K_TAB:
            out.actions.append(A.TogglePanel())
        elif k == pygame.K_g:
            out.actions.append(A.ShowTab("graphs"))
        elif k == pygame.K_y:
            out.actions.append(A.ShowTab("why"))
        elif k == pygame.K_ESCAPE:
            out.actions.append(A.Deselect())
        elif k == pygame.K_q and ev.mod & pygame.KMOD_CTRL:
            out.actions.append(A.Quit())

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
            kx, ky = PAN_KEYS[k]
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
