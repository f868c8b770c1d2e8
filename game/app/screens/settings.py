"""Settings: volumes, UI scale, palette, fullscreen, autosave slots and key rebinding.

Volumes apply at once through the sound; the UI scale rebuilds the menus with the theme's fonts
scaled (the map keeps its own zoom); the palette switches the crowd and overlays to the
colour-blind-safe colours. A key is rebound by clicking it and pressing the new key (held Shift
makes it a Shift+key): if another action had that key, the two swap, so every action keeps a
key. Everything is written to the
player's settings file (`game.userdata.save_settings`, atomically) as it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider, UILabel, UIScrollingContainer

from game.app.input import SHIFT, key_code, key_label
from game.app.screens.base import (
    CYAN,
    DIM,
    PINK,
    Screen,
    card,
    dim,
    draw_text,
    ellipsize,
    glow_text,
)
from game.userdata import DEFAULT_KEYS, Settings

if TYPE_CHECKING:
    from game.app.app import App

ACTION_NAMES = {
    "pause": "Pause / resume",
    "speed_1": "Speed 1×",
    "speed_2": "Speed 2×",
    "speed_4": "Speed 4×",
    "speed_8": "Speed 8×",
    "pan_up": "Move map up",
    "pan_down": "Move map down",
    "pan_left": "Move map left",
    "pan_right": "Move map right",
    "zoom_in": "Zoom in",
    "zoom_out": "Zoom out",
    "overlay_opinion": "Opinion overlay",
    "overlay_density": "Crowd density overlay",
    "overlay_districts": "Districts overlay",
    "overlay_reach": "Reach overlay",
    "panel_goals": "Goals panel",
    "panel_studio": "Studio panel",
    "panel_leads": "Leads panel",
    "panel_events": "Events panel (scheduler)",
    "panel_calendar": "Calendar panel",
    "book_event": "Book the drafted event",
    "start_earlier": "Event start −15 min",
    "start_later": "Event start +15 min",
    "buy_chair": "Buy a chair",
    "hire_sculptor": "Hire a sculptor",
    "recruit_lead": "Recruit the first lead",
    "quicksave": "Quicksave",
    "quickload": "Quickload",
    "menu": "Deselect / pause menu",
}
VOLUMES = (
    ("master_volume", "Master volume"),
    ("music_volume", "Music (ambient loop)"),
    ("effects_volume", "Effects"),
)
SCALES = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
MODIFIER_KEYS = {
    pygame.K_LSHIFT,
    pygame.K_RSHIFT,
    pygame.K_LCTRL,
    pygame.K_RCTRL,
    pygame.K_LALT,
    pygame.K_RALT,
    pygame.K_LMETA,
    pygame.K_RMETA,
}


class SettingsScreen(Screen):
    """The settings, from the title screen or over the paused game."""

    name = "settings"

    def __init__(self, app: App, on_close: Callable[[], None], over_game: bool = False) -> None:
        self.on_close = on_close
        self.overlay = over_game
        self.waiting: str | None = None  # the action whose new key is awaited
        self.status = ""
        super().__init__(app)

    # ------------------------------------------------------------------ building

    def build(self) -> None:
        w, h = self.size
        m = self.manager
        st = self.app.settings
        top = self.s(78)
        foot = self.s(64)
        margin = 20
        wide = w - 3 * margin >= self.s(760)
        left_w = (w - 3 * margin) // 2 if wide else w - 2 * margin
        left = pygame.Rect(margin, top, left_w, h - top - foot)
        right = (
            pygame.Rect(left.right + margin, top, w - left.right - 2 * margin, h - top - foot)
            if wide
            else None
        )
        self.cards = [left] + ([right] if right else [])
        # ---- sound and display (scrolls when the window is small)
        box = UIScrollingContainer(left.inflate(-16, -16), m, allow_scroll_x=False)
        cw = left.width - 16 - self.s(22)
        row = self.s(30)
        y = 0

        def heading(text: str) -> None:
            nonlocal y
            UILabel(pygame.Rect(0, y, cw, row), text, m, container=box, object_id="#heading")
            y += row + self.s(2)

        def label(text: str, value: str = "") -> UILabel:
            nonlocal y
            UILabel(pygame.Rect(0, y, cw * 2 // 3, row), text, m, container=box,
                    object_id="#setting")  # fmt: skip
            v = UILabel(pygame.Rect(cw * 2 // 3, y, cw // 3, row), value, m, container=box,
                        object_id="#value")  # fmt: skip
            y += row
            return v

        heading("Sound")
        self.sliders: dict[str, UIHorizontalSlider] = {}
        self.values: dict[str, UILabel] = {}
        for key, text in VOLUMES:
            v = getattr(st, key)
            self.values[key] = label(text, f"{v * 100:.0f}%")
            s = UIHorizontalSlider(
                pygame.Rect(0, y, cw, self.s(26)), v * 100, (0, 100), m, container=box,
                click_increment=5,
            )  # fmt: skip
            self.sliders[key] = s
            y += self.s(26) + self.s(10)
        heading("Display")
        bw = self.s(44)
        self.values["ui_scale"] = label("UI scale (menus; not the map)")
        self.values["ui_scale"].set_text(f"{st.ui_scale * 100:.0f}%")
        self.scale_down = self.button(pygame.Rect(0, y, bw, row), "−", lambda: self.step_scale(-1),
                                      "Smaller", "#small", container=box)  # fmt: skip
        self.scale_up = self.button(pygame.Rect(bw + 8, y, bw, row), "+",
                                    lambda: self.step_scale(1), "Larger", "#small",
                                    container=box)  # fmt: skip
        y += row + self.s(10)
        label("Crowd palette")
        half = (cw - 8) // 2
        self.palette_buttons = {
            "standard": self.button(
                pygame.Rect(0, y, half, row),
                "Standard neon",
                lambda: self.set_palette("standard"),
                None,
                "#small",
                container=box,
            ),  # fmt: skip
            "colorblind": self.button(
                pygame.Rect(half + 8, y, half, row),
                "Colour-blind safe",
                lambda: self.set_palette("colorblind"),
                "Orange and blue (Okabe-Ito), readable with every common "
                "colour blindness; shapes tell the groups apart too",
                "#small",
                container=box,
            ),  # fmt: skip
        }
        y += row + self.s(10)
        label("Fullscreen")
        self.fullscreen_button = self.button(pygame.Rect(0, y, half, row),
                                             "On" if st.fullscreen else "Off",
                                             self.toggle_fullscreen, None, "#small",
                                             container=box)  # fmt: skip
        y += row + self.s(10)
        self.values["autosave_slots"] = label("Autosave slots (one a night)")
        self.values["autosave_slots"].set_text(str(st.autosave_slots))
        self.button(pygame.Rect(0, y, bw, row), "−", lambda: self.step_slots(-1), "Fewer",
                    "#small", container=box)  # fmt: skip
        self.button(pygame.Rect(bw + 8, y, bw, row), "+", lambda: self.step_slots(1), "More",
                    "#small", container=box)  # fmt: skip
        y += row + self.s(8)
        if right is None:  # narrow window: the keys follow in the same column
            y += self.s(8)
            y = self._build_keys(box, cw, y)
        box.set_scrollable_area_dimensions((cw, y))
        if right is not None:
            kbox = UIScrollingContainer(right.inflate(-16, -16), m, allow_scroll_x=False)
            kw = right.width - 16 - self.s(22)
            y = self._build_keys(kbox, kw, 0)
            kbox.set_scrollable_area_dimensions((kw, y))
        self._sync_buttons()
        # ---- footer
        done = pygame.Rect(0, 0, self.s(180), self.s(44))
        done.bottomright = (w - margin, h - self.s(12))
        self.button(done, "Done", self.done, "Save the settings and go back (Esc)", "#primary")
        reset = pygame.Rect(0, 0, self.s(230), self.s(40))
        reset.bottomright = (done.left - 12, done.bottom - 2)
        self.reset_button = self.button(reset, "Reset keys to defaults", self.reset_keys,
                                        "Every key back to how the game ships", "#small")  # fmt: skip
        self.status_label = UILabel(
            pygame.Rect(margin, h - self.s(52), max(reset.left - 2 * margin, 40), self.s(40)),
            self.status,
            m,
            object_id="#status",
        )

    def _build_keys(self, box: UIScrollingContainer, cw: int, y: int) -> int:
        """The key rebinding rows (two columns when there is room) from `y` down; returns the
        y below them."""
        m = self.manager
        row = self.s(30)
        UILabel(pygame.Rect(0, y, cw, row), "Keys (click one, then press the new key)", m,
                container=box, object_id="#heading")  # fmt: skip
        y += row + self.s(2)
        self.key_buttons: dict[str, UIButton] = {}
        cols = 2 if cw >= self.s(560) else 1
        col_w = (cw - (cols - 1) * self.s(20)) // cols
        kw = min(self.s(110), col_w // 3)
        actions = list(DEFAULT_KEYS)
        per_col = (len(actions) + cols - 1) // cols
        for i, action in enumerate(actions):
            x = (i // per_col) * (col_w + self.s(20))
            ry = y + (i % per_col) * (row + 2)
            UILabel(pygame.Rect(x, ry, col_w - kw - 6, row), ACTION_NAMES.get(action, action), m,
                    container=box, object_id="#setting")  # fmt: skip
            self.key_buttons[action] = self.button(
                pygame.Rect(x + col_w - kw, ry, kw, row - 2),
                key_label(self.app.settings.keys.get(action, DEFAULT_KEYS[action])),
                lambda a=action: self.wait_for_key(a),
                f"Rebind '{ACTION_NAMES.get(action, action)}'",
                "#key",
                container=box,
                object_id=f"#key_{action}",
            )
        return y + per_col * (row + 2) + self.s(8)

    def _sync_buttons(self) -> None:
        st = self.app.settings
        for name, b in self.palette_buttons.items():
            (b.select if st.palette == name else b.unselect)()
        for action, b in self.key_buttons.items():
            text = "press a key…" if action == self.waiting else key_label(st.keys[action])
            if b.text != text:
                b.set_text(text)
            (b.select if action == self.waiting else b.unselect)()

    def say(self, text: str) -> None:
        self.status = text
        self.status_label.set_text(text)

    def persist(self) -> None:
        err = self.app.save_settings()
        if err:
            self.say(err)

    # ------------------------------------------------------------------ changes

    def step_scale(self, direction: int) -> None:
        st = self.app.settings
        i = min(range(len(SCALES)), key=lambda k: abs(SCALES[k] - st.ui_scale))
        j = max(0, min(len(SCALES) - 1, i + direction))
        if SCALES[j] != st.ui_scale:
            st.ui_scale = SCALES[j]
            self.persist()
            self.status = f"UI scale {st.ui_scale * 100:.0f}%"
            self.rebuild()

    def step_slots(self, direction: int) -> None:
        st = self.app.settings
        lo, hi = Settings.LIMITS["autosave_slots"]
        st.autosave_slots = int(max(lo, min(hi, st.autosave_slots + direction)))
        self.values["autosave_slots"].set_text(str(st.autosave_slots))
        self.persist()

    def set_palette(self, name: str) -> None:
        self.app.settings.palette = name
        self._sync_buttons()
        self.persist()

    def toggle_fullscreen(self) -> None:
        st = self.app.settings
        st.fullscreen = not st.fullscreen
        err = self.app.apply_display()  # rebuilds this screen at the new size
        self.persist()
        if err:
            self.say(err)
        self.fullscreen_button.set_text("On" if st.fullscreen else "Off")

    def wait_for_key(self, action: str) -> None:
        self.waiting = action
        self.say(f"Press the new key for '{ACTION_NAMES.get(action, action)}' (Esc cancels).")
        self._sync_buttons()

    def bind(self, action: str, key: int, mod: int = 0) -> None:
        """Give `action` the key `key` (Shift+key if `mod` holds Shift); the action that had it
        gets `action`'s old key."""
        st = self.app.settings
        name = pygame.key.name(key)
        if key in MODIFIER_KEYS or not name or key_code(name) != key:
            self.say(f"'{name or key}' cannot be used as a key here; try another.")
            return
        if mod & pygame.KMOD_SHIFT:
            name = SHIFT + name
        old = st.keys[action]
        other = next((a for a, k in st.keys.items() if k == name and a != action), None)
        st.keys[action] = name
        msg = f"{ACTION_NAMES.get(action, action)}: {key_label(name)}."
        if other is not None:
            st.keys[other] = old
            msg += f" {ACTION_NAMES.get(other, other)} moved to {key_label(old)}."
        self.waiting = None
        self._sync_buttons()
        self.persist()
        self.say(msg)

    def reset_keys(self) -> None:
        self.app.settings.reset_keys()
        self.waiting = None
        self._sync_buttons()
        self.persist()
        self.say("Keys reset to the defaults.")

    def done(self) -> None:
        self.persist()
        self.app.audio.apply_volumes()
        self.on_close()

    def back(self) -> None:
        self.done()

    # ------------------------------------------------------------------ events

    def handle(self, ev: pygame.event.Event) -> None:
        if ev.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED:
            for key, s in self.sliders.items():
                if ev.ui_element is s:
                    v = round(float(s.get_current_value())) / 100
                    setattr(self.app.settings, key, v)
                    self.values[key].set_text(f"{v * 100:.0f}%")
                    self.app.audio.apply_volumes()  # at once
            return
        if ev.type == pygame.KEYDOWN and self.waiting is not None:
            if ev.key == pygame.K_ESCAPE:
                self.waiting = None
                self._sync_buttons()
                self.say("Nothing changed.")
            else:
                self.bind(self.waiting, ev.key, getattr(ev, "mod", 0))
            return
        super().handle(ev)

    # ------------------------------------------------------------------ drawing

    def draw_back(self, surf: pygame.Surface) -> None:
        if not self.overlay:
            self.app.backdrop().draw(surf, self.t)
            dim(surf, 150)
        w, _ = self.size
        surf.blit(glow_text("SETTINGS", self.font(36, True), PINK, radius=6), (0, 0))
        f = self.font(13)
        draw_text(surf, ellipsize("Saved as you change them.", f, w - 40), f, DIM,
                  (w - 20, self.s(70)), anchor="bottomright")  # fmt: skip
        for r in self.cards:
            card(surf, r, CYAN, fill=(12, 8, 30, 240))
