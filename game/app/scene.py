"""The play scene: the city map, the crowd, overlays, markers, minimap, HUD and side panel.

One frame is `frame(real_seconds)`: the input module turns events into UI actions and
commands; the player's commands are applied at once (`issue`: checked, applied or refused with
a reason the panels show, and logged for replays exactly as if submitted for this tick, so a
paused game still answers); the fixed-step clock decides how many ticks to run; the HUD
refreshes. `draw(surface)` then paints the tiles (pyscroll), the overlay,
the crowd (numpy pixel writes, positions interpolated between the last two ticks), the markers,
the legend, the minimap and the pygame_gui elements. The scene only reads the simulation; the
only way it changes the game is commands (`issue`, or `pending` for `sim.step`). With a replay
attached (`attach_replay`, `game.app.replay_watch`) the recorded commands are fed in instead and
the player's are refused.

Clicks on the map: a lead's ringed figure opens the leads panel to recruit them; a venue
picks it for the event scheduler (while the scheduler is open, or when no citizen is under the
pointer); otherwise the nearest citizen opens the why panel.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import pygame

from game.app import actions as A
from game.app.camera import ZOOM_LEVELS, Camera
from game.app.crowd_draw import CrowdDrawer
from game.app.hud import Hud, make_manager, palette_of, ui_font_path
from game.app.input import InputHandler, PointerAreas, key_labels
from game.app.layout import TABS, Layout, ViewState
from game.app.loop import CrowdInterpolator, FixedStep
from game.app.mapview import MapView
from game.app.markers import Markers
from game.app.minimap import Minimap
from game.app.overlays import (
    OVERLAYS,
    blit_tile_image,
    density_rgba,
    districts_rgba,
    draw_reach,
    opinion_rgba,
    reach_rings,
    rgba_surface,
    tile_counts,
)
from game.app.palette import BG, NEON_PINK, PALETTES, TEXT, TEXT_DIM, tribe_colour
from game.app.panels import scheduler
from game.sim import calendar
from game.sim.commands import Command, RecruitLead
from game.sim.messages import Message
from game.sim.simulation import Simulation

if TYPE_CHECKING:
    from game.app.replay_watch import ReplayFeed

logger = logging.getLogger(__name__)

NOTIFY_SEED = 3  # recent messages shown when the scene opens
START_ZOOM = 0.6  # wide enough to see the studio's neighbourhood and its streets
LEAD_HIT = 16  # screen pixels around a lead's spot that count as clicking it


class PlayScene:
    """Everything on screen while a level is played."""

    def __init__(
        self,
        sim: Simulation,
        window_size: tuple[int, int],
        edge_scroll: bool = False,
        ui_scale: float = 1.0,
        keys: Mapping[str, str] | None = None,
    ) -> None:
        """`ui_scale`: the player's UI scale (HUD, panels, their fonts; not the map's zoom);
        `keys`: the player's key bindings (`Settings.keys`; the defaults when None)."""
        self.sim = sim
        self.ui_scale = ui_scale
        self.state = ViewState()
        self.clock = FixedStep()
        self.layout = Layout(window_size, self.state.panel_open, ui_scale)
        self.tile = sim.level.tile_size
        vw, vh = self.layout.map_rect.size
        self.mapview = MapView(sim.level.path, (vw, vh))
        levels = ZOOM_LEVELS if self.mapview.tile_size == 32 else ()
        self.camera = Camera(self.mapview.map_w, self.mapview.map_h, vw, vh, levels=levels)
        self.map_surf = pygame.Surface((vw, vh)).convert()
        self.palette = palette_of(self.state)
        self.crowd_drawer = CrowdDrawer(self.palette)
        self.interp = CrowdInterpolator()
        self._make_fonts()
        self.markers = Markers(sim, self.font, self.small)
        self.minimap = Minimap(sim, self.layout.minimap_max)
        self.manager = make_manager(window_size, ui_scale)
        self.hud = Hud(self.manager, sim, ui_scale, key_labels(keys))
        self.input = InputHandler(
            self.manager, self.hud.action_for, self.areas, edge_scroll, keys=keys
        )
        self.pending: list[Command] = []
        self.replay: ReplayFeed | None = None  # a recorded game being watched
        # hooks for the app (game/app/app.py): Esc with nothing to deselect opens its menu
        # instead of quitting, and quicksave/quickload keys are handed on as requests
        self.escape_opens_menu = False
        self.menu_requested = False
        self.requests: list[str] = []
        self.frame_seconds = 0.0
        self.ticks_run = 0
        self._grid_key: tuple[int, str, str] | None = None
        self._grid_image: pygame.Surface | None = None
        self._districts_image: pygame.Surface | None = None
        self._district_stats_tick = -1
        self._district_support: np.ndarray = np.zeros(0)
        self._legend_key: tuple[object, ...] | None = None
        self._legend: pygame.Surface | None = None
        self._legend_pos = (0, 0)
        self._place_minimap()
        self.hud.build(self.layout, self.state, self.clock)
        # what happened just before the scene opened (a loaded game, a screenshot after a run)
        self.hud.push_messages(list(sim.message_log)[-NOTIFY_SEED:])
        self.camera.zoom = self.camera.clamp_zoom(START_ZOOM)
        self.center_on_studio()

    # ------------------------------------------------------------------ layout

    def _make_fonts(self) -> None:
        s = self.ui_scale
        self.font = pygame.font.Font(ui_font_path(True), round(14 * s))
        self.small = pygame.font.Font(ui_font_path(), round(12 * s))

    def set_keys(self, keys: Mapping[str, str] | None) -> None:
        """Use the player's (new) key bindings, and show them on the HUD."""
        self.input.set_keys(keys)
        self.hud.set_keys(key_labels(keys))
        self.relayout()

    def set_ui_scale(self, ui_scale: float) -> None:
        """Rebuild the HUD, panels and their fonts at a new UI scale (the map keeps its zoom)."""
        if ui_scale == self.ui_scale:
            return
        self.ui_scale = ui_scale
        self.manager = make_manager(self.layout.size, ui_scale)
        self.input.manager = self.manager
        self.hud.set_scale(self.manager, ui_scale)
        self._make_fonts()
        self.markers.font, self.markers.small = self.font, self.small
        self.markers.clear_text_cache()
        self.relayout()

    def areas(self) -> PointerAreas:
        return PointerAreas(self.layout.map_rect, self.minimap.rect)

    def _place_minimap(self) -> None:
        r = self.layout.map_rect
        self.minimap.rect.bottomleft = (r.left + 10, r.bottom - 10)

    def relayout(self, size: tuple[int, int] | None = None) -> None:
        """Recompute the layout for a new window size or panel state; keeps the camera's centre."""
        self.layout = Layout(size or self.layout.size, self.state.panel_open, self.ui_scale)
        self.state.panel_open = self.layout.panel_open
        vw, vh = self.layout.map_rect.size
        self.camera.resize(vw, vh)
        self.map_surf = pygame.Surface((vw, vh)).convert()
        self.minimap = Minimap(self.sim, self.layout.minimap_max)
        self._place_minimap()
        self._legend_key = None
        self.hud.build(self.layout, self.state, self.clock)

    def center_on_studio(self) -> None:
        s = self.sim.studio()
        self.camera.center_on(s.x * self.tile, s.y * self.tile)

    # ------------------------------------------------------------------ frame

    def frame(self, real_seconds: float) -> None:
        """Read input, apply it, run the ticks due, refresh the HUD."""
        self.frame_seconds = real_seconds
        got = self.input.poll(real_seconds)
        for action in got.actions:
            self.apply(action)
        self.issue(got.commands)
        self.requests.extend(got.requests)
        self.update(real_seconds)

    def attach_replay(self, feed: ReplayFeed) -> None:
        """Play a recorded game: its commands at their ticks, none of the player's."""
        self.replay = feed
        self.hud.replay = True
        self.hud.push_messages(
            [
                Message(
                    self.sim.tick,
                    "replay_started",
                    f"Watching {feed.rep.path.name}: the speed keys work, orders are off",
                )
            ]
        )

    def update(self, real_seconds: float) -> None:
        sim = self.sim
        feed = self.replay
        steps = 0 if sim.finished else self.clock.advance(real_seconds)
        if feed is not None:
            steps = min(steps, feed.ticks_left(sim))
        crowd = sim.crowd
        for i in range(steps):
            if i == steps - 1:  # only the last tick of the frame is interpolated
                self.interp.before_step(crowd.pos[: crowd.n], crowd.uid[: crowd.n])
            commands, self.pending = self.pending, []
            if feed is not None:
                feed.before_step(sim)
                messages = sim.step()
            else:
                messages = sim.step(commands)
            self.ticks_run += 1
            if i == steps - 1:
                self.interp.after_step(crowd.pos[: crowd.n], crowd.uid[: crowd.n])
            self._notify(messages)
            if feed is not None:
                said = feed.after_step(sim)
                self._notify(said)
                if said and (feed.ended or feed.mismatches):
                    self.clock.paused = True  # stop where it differs, or at the end
                    break
            if sim.finished:
                break
        if feed is not None and not feed.ended and feed.ticks_left(sim) == 0:
            self._notify(feed.after_step(sim))  # a replay that ends where it starts
            self.clock.paused = True
        self.manager.update(real_seconds)
        self.hud.refresh(self.state, self.clock, self.palette)

    def issue(self, commands: list[Command]) -> None:
        """Apply the player's commands now (logged at this tick, as `sim.step` would) and tell
        the HUD what became of each: done, or refused with the command's own reason."""
        sim = self.sim
        for command in commands:
            if self.replay is not None:
                self.hud.command_result(command, "a replay is playing: orders are off", [])
                continue
            if sim.finished:
                return
            before = len(sim.messages)
            reason = sim.apply(command)
            said = sim.messages[before:]
            self._notify(said)
            self.hud.command_result(command, reason, said)

    def _notify(self, messages: list[Message]) -> None:
        """Hand the tick's messages to the notifications (a repeat of the newest kind replaces it)."""
        for msg in messages:
            notices = self.hud.notices
            if notices and notices[0].message.kind == msg.kind and msg.kind == "turned_away":
                notices.popleft()
            self.hud.push_messages([msg])

    # ------------------------------------------------------------------ actions

    def apply(self, action: A.UIAction) -> None:
        """Carry out one UI action (never a game change)."""
        st, cam = self.state, self.camera
        r = self.layout.map_rect
        if isinstance(action, A.Quit):
            st.quit = True
        elif isinstance(action, A.Resize):
            self.relayout((max(action.width, 320), max(action.height, 240)))
        elif isinstance(action, A.TogglePause):
            self.clock.toggle_pause()
        elif isinstance(action, A.SetSpeed):
            self.clock.set_speed(action.speed)
        elif isinstance(action, A.Pause):
            self.clock.paused = True
        elif isinstance(action, A.ToggleOverlay):
            if action.name in OVERLAYS:
                st.overlay = "" if st.overlay == action.name else action.name
        elif isinstance(action, A.TogglePalette):
            st.palette = "colorblind" if st.palette == "neon" else "neon"
            self.palette = palette_of(st)
            self.crowd_drawer.set_palette(self.palette)
            self._grid_key = None
            self._legend_key = None
        elif isinstance(action, A.Pan):
            cam.pan(action.dx, action.dy)
        elif isinstance(action, A.ZoomAt):
            cam.zoom_at(action.factor, action.x - r.x, action.y - r.y)
        elif isinstance(action, A.CenterOn):
            cam.center_on(action.x * self.tile, action.y * self.tile)
        elif isinstance(action, A.CenterOnStudio):
            self.center_on_studio()
        elif isinstance(action, A.MinimapClick):
            cam.center_on(*self.minimap.world_at((action.x, action.y)))
        elif isinstance(action, A.MapClick):
            self.select_at(action.x, action.y)
        elif isinstance(action, A.Deselect):
            if st.help_open:
                st.help_open = False
            elif st.selected_uid >= 0:
                st.selected_uid = -1
            elif self.escape_opens_menu:
                self.menu_requested = True
            else:
                st.quit = True
        elif isinstance(action, A.ShowTab):
            if action.name in {name for name, _, _ in TABS}:
                st.tab = action.name
                if not st.panel_open:
                    st.panel_open = True
                    self.relayout()
        elif isinstance(action, A.TogglePanel):
            st.panel_open = not st.panel_open
            self.relayout()
        elif isinstance(action, A.ToggleHelp):
            st.help_open = not st.help_open
        elif isinstance(action, A.FocusLead):
            st.focus_lead = action.key
            self.apply(A.ShowTab("leads"))
        elif isinstance(action, A.RecruitFocused):
            self._recruit_focused()
        elif isinstance(action, (A.DraftKind, A.DraftVenue, A.DraftStart, A.DraftHost)):
            self._draft(action)
        elif isinstance(action, A.DraftShift):
            self._draft_shift(action.minutes)
        elif isinstance(action, A.DraftMeetRally):
            scheduler.meet_rally(self.hud.ctx, action.rally)
            self.apply(A.ShowTab("schedule"))
        elif isinstance(action, A.ConfirmDraft):
            if action.from_key and not (st.tab == "schedule" and st.panel_open):
                self.apply(A.ShowTab("schedule"))  # the first Enter shows what would be booked
            else:
                cmd = scheduler.resolve(self.hud.ctx).command()
                if cmd is not None:
                    self.issue([cmd])
                    if self.hud.ctx.results and not self.hud.ctx.results[0].refused:
                        st.draft.start_tick = -1  # booked: show it among the others
                        self.apply(A.ShowTab("calendar"))
        elif isinstance(action, A.FocusNotification):
            notices = self.hud.notices
            if 0 <= action.index < len(notices):
                pos = notices[action.index].message.pos
                if pos is not None:
                    cam.center_on(pos[0] * self.tile, pos[1] * self.tile)
        self.hud.sync_selection(st, self.clock)

    def _draft(self, action: A.UIAction) -> None:
        d = self.state.draft
        if isinstance(action, A.DraftKind):
            if action.kind != d.kind and d.start_tick >= 0:
                # keep the chosen start, but not one the new type cannot use
                d.start_tick = max(
                    d.start_tick, scheduler.earliest_start(self.hud.ctx, action.kind)
                )
            d.kind = action.kind
        elif isinstance(action, A.DraftVenue):
            d.venue = action.venue
        elif isinstance(action, A.DraftStart):
            d.start_tick = action.tick
        elif isinstance(action, A.DraftHost):
            d.host = action.host
        self.apply(A.ShowTab("schedule"))

    def _draft_shift(self, minutes: int) -> None:
        """Move the drafted start; a step over the end of the day goes on to the next morning
        (or back to the last start that still ends by 24:00)."""
        ctx = self.hud.ctx
        r = scheduler.resolve(ctx)
        dur = r.etype.minutes if r.etype is not None else 0
        t = r.start_tick + minutes
        if dur <= calendar.TICKS_PER_DAY and calendar.day_of(t + dur - 1) != calendar.day_of(t):
            day = calendar.day_of(t)
            if minutes > 0:
                t = calendar.tick_at(day + 1, 6)
            else:
                t = (day - 1) * calendar.TICKS_PER_DAY + calendar.TICKS_PER_DAY - dur
        self.state.draft.start_tick = max(t, scheduler.earliest_start(ctx, r.kind))
        self.apply(A.ShowTab("schedule"))

    def _recruit_focused(self) -> None:
        leads = [c for c in self.hud.view.leads() if c.available and not c.recruited]
        if not leads:
            return
        focus = next((c for c in leads if c.key == self.state.focus_lead), leads[0])
        self.state.focus_lead = focus.key
        self.apply(A.ShowTab("leads"))
        self.issue([RecruitLead(focus.key)])

    def lead_at(self, x: int, y: int) -> str | None:
        """The lead waiting to be recruited whose figure is under window point (x, y)."""
        r = self.layout.map_rect
        for key, _, lx, ly, status in self.markers.lead_positions():
            if status != "recruit here":
                continue
            sx, sy = self.camera.world_to_screen(lx * self.tile, ly * self.tile)
            # the figure stands on its spot: its body is drawn above the point
            if abs(x - r.x - sx) <= LEAD_HIT and -2 * LEAD_HIT <= y - r.y - sy <= LEAD_HIT:
                return key
        return None

    def venue_at(self, x: int, y: int) -> int | None:
        """The Tiled object id of the venue drawn under window point (x, y)."""
        r = self.layout.map_rect
        wx, wy = self.camera.screen_to_world(x - r.x, y - r.y)
        tx, ty = wx / self.tile, wy / self.tile
        for obj in self.markers.venues:
            if obj.x <= tx <= obj.x + obj.width and obj.y <= ty <= obj.y + obj.height:
                return obj.id
        return None

    def select_at(self, x: int, y: int) -> None:
        """A click on the map: a lead to recruit, a venue to schedule at, or a citizen."""
        st = self.state
        lead = self.lead_at(x, y)
        if lead is not None:
            self.apply(A.FocusLead(lead))
            return
        venue = self.venue_at(x, y)
        if venue is not None and st.tab == "schedule" and st.panel_open:
            self.apply(A.DraftVenue(venue))
            return
        r = self.layout.map_rect
        row = self.crowd_drawer.pick(x - r.x, y - r.y)
        if row is None or row >= self.sim.crowd.n:
            if venue is not None:
                self.apply(A.DraftVenue(venue))
            return
        st.selected_uid = int(self.sim.crowd.uid[row])
        self.apply(A.ShowTab("why"))

    # ------------------------------------------------------------------ drawing

    def draw(self, screen: pygame.Surface) -> None:
        screen.fill(BG)
        surf = self.map_surf
        self.mapview.sync(self.camera)
        self.mapview.draw(surf)
        self._draw_overlay(surf)
        sim = self.sim
        crowd = sim.crowd
        n = crowd.n
        pos = self.interp.positions(crowd.pos[:n], self.clock.alpha)
        self.crowd_drawer.draw(
            surf,
            self.camera,
            pos,
            crowd.opinion[:n],
            crowd.customized[:n],
            crowd.advocate[:n],
            self.tile,
        )
        self.markers.draw(surf, self.camera, self.frame_seconds)
        if self.state.tab == "schedule" and self.state.panel_open and not sim.finished:
            scheduler.draw_preview(
                surf,
                scheduler.resolve(self.hud.ctx),
                self.camera.world_to_screen,
                self.tile,
                self.camera.scale_x,
                self.markers.text,
            )
        self._draw_selection(surf, pos)  # over the markers: the player asked for this one
        if self.state.overlay == "reach":
            rings = reach_rings(sim.attractors, crowd.pos[:n], self.camera, self.tile)
            draw_reach(surf, rings, self.small, strong=True)
            if not rings:
                img = self.markers.text(
                    "No rally or event is active: nothing to reach right now.", TEXT, small=False
                )
                surf.blit(img, (surf.get_width() // 2 - img.get_width() // 2, 60))
        screen.blit(surf, self.layout.map_rect.topleft)
        self._draw_legend(screen)
        self.minimap.draw(screen, self.camera, self.palette, self.markers.blink)
        self.manager.draw_ui(screen)

    def _draw_overlay(self, surf: pygame.Surface) -> None:
        ov = self.state.overlay
        sim = self.sim
        level = sim.level
        if ov in ("opinion", "density"):
            key = (sim.tick, ov, self.palette.name)
            if key != self._grid_key or self._grid_image is None:
                n = sim.crowd.n
                counts, sums = tile_counts(
                    sim.crowd.pos[:n], sim.crowd.opinion[:n], level.width, level.height
                )
                rgba = (
                    opinion_rgba(counts, sums, self.palette)
                    if ov == "opinion"
                    else density_rgba(counts)
                )
                self._grid_image = rgba_surface(rgba)
                self._grid_key = key
            blit_tile_image(surf, self._grid_image, self.camera, self.tile)
        elif ov == "districts":
            if self._districts_image is None:
                self._districts_image = rgba_surface(
                    districts_rgba(level, sorted(sim.balance.tribes))
                )
            blit_tile_image(surf, self._districts_image, self.camera, self.tile, smooth=False)
            self._draw_district_labels(surf)

    def _district_stats(self) -> np.ndarray:
        sim = self.sim
        if self._district_stats_tick != sim.tick:
            nd = len(sim.level.districts)
            n = sim.crowd.n
            d = sim.crowd.district[:n].astype(np.int64)
            ok = d >= 0
            total = np.bincount(d[ok], minlength=nd)[:nd]
            sup = np.bincount(d[ok], weights=(sim.crowd.opinion[:n][ok] > 0.2), minlength=nd)[:nd]
            self._district_support = np.divide(sup, total, out=np.zeros(nd), where=total > 0)
            self._district_stats_tick = sim.tick
        return self._district_support

    def _draw_district_labels(self, surf: pygame.Surface) -> None:
        support = self._district_stats()
        tribes = sorted(self.sim.balance.tribes)
        for i, d in enumerate(self.sim.level.districts):
            cx, cy = d.center
            sx, sy = self.camera.world_to_screen(cx * self.tile, cy * self.tile)
            tribe = str(d.properties.get("tribe", "drifters"))
            colour = tribe_colour(tribe, tribes.index(tribe) if tribe in tribes else i)
            income = d.properties.get("income", "middle")
            head = self.markers.text(d.name or f"district {i}", colour, small=False)
            sub = self.markers.text(
                f"{tribe} · {income} income · support {support[i] * 100:.0f}%", colour
            )
            surf.blit(head, (int(sx) - head.get_width() // 2, int(sy) - 20))
            surf.blit(sub, (int(sx) - sub.get_width() // 2, int(sy) + 2))

    def _draw_selection(self, surf: pygame.Surface, pos: np.ndarray) -> None:
        uid = self.state.selected_uid
        if uid < 0:
            return
        from game.app.why import row_of

        row = row_of(self.sim, uid)
        if row < 0 or row >= len(pos):
            return
        sx, sy = self.camera.world_to_screen(
            float(pos[row, 0]) * self.tile, float(pos[row, 1]) * self.tile
        )
        c = (int(sx), int(sy))
        pygame.draw.circle(surf, (0, 0, 0), c, 13, 4)
        pygame.draw.circle(surf, (255, 255, 255), c, 11, 2)
        pygame.draw.circle(surf, NEON_PINK, c, 15, 2)
        tag = self.markers.text(f"citizen #{uid}", (255, 255, 255))
        surf.blit(tag, (c[0] + 16, c[1] - tag.get_height() // 2))

    def _draw_legend(self, screen: pygame.Surface) -> None:
        """The legend at the map's bottom right, at the UI scale when it fits beside (or over)
        the minimap and under the overlay buttons, else smaller, else not at all (Tab gives the
        map the panel's width)."""
        key = (self.palette.name, self.state.overlay, self.layout.size, self.state.panel_open)
        if key != self._legend_key:
            self._legend_key = key
            self._legend, self._legend_pos = None, (0, 0)
            for scale in dict.fromkeys((self.ui_scale, 1.0, 0.75)):
                img = self._make_legend(scale)
                pos = self._legend_place(img.get_size())
                if pos is not None:
                    self._legend, self._legend_pos = img, pos
                    break
        if self._legend is not None:
            screen.blit(self._legend, self._legend_pos)

    def _legend_place(self, size: tuple[int, int]) -> tuple[int, int] | None:
        r = self.layout.map_rect
        w, h = size
        mm = self.minimap.rect
        rect = pygame.Rect(r.right - w - 10, r.bottom - h - 10, w, h)
        if rect.colliderect(mm.inflate(10, 10)):
            rect.bottom = mm.top - 10  # over the minimap
        top = getattr(self.hud, "map_buttons_bottom", r.top) + 8
        if rect.left < r.left + 10 or rect.top < top:
            return None
        return rect.topleft

    def _make_legend(self, scale: float = 1.0) -> pygame.Surface:
        pal = self.palette
        lines: list[tuple[str, tuple[int, int, int], str]] = [
            ("+", pal.support, "supports self-expression"),
            ("□", pal.undecided, "undecided"),
            ("x", pal.against, "leans Pure Smiles"),
            ("✧", pal.glow, "halo: customized smile"),
            ("▔", pal.advocate, "bar above: advocate"),
        ]
        extra: list[tuple[tuple[int, int, int], str]] = []
        if self.state.overlay == "districts":
            tribes = sorted(self.sim.balance.tribes)
            extra = [(tribe_colour(t, i), f"{t} district") for i, t in enumerate(tribes)]
        elif self.state.overlay == "density":
            extra = [((120, 40, 200), "few people"), ((255, 220, 120), "crowded")]
        elif self.state.overlay == "opinion":
            extra = [
                (pal.undecided, "heat map: local mean opinion,"),
                (pal.support, "full colour at ±0.5"),
            ]

        def s(px: float) -> int:
            return round(px * scale)

        small = pygame.font.Font(ui_font_path(), s(12))
        step = max(s(17), small.get_linesize())
        w = s(230)
        h = s(44) + step * (len(lines) + len(extra))
        surf = pygame.Surface((w, h), pygame.SRCALPHA)
        surf.fill((10, 8, 24, 215))
        pygame.draw.rect(surf, NEON_PINK, surf.get_rect(), 1, border_radius=4)
        surf.blit(small.render(f"Citizens · {pal.label} palette", True, TEXT), (s(8), s(4)))
        lut = pal.lut()
        for x in range(w - s(16)):
            surf.fill(
                tuple(int(v) for v in lut[int(x / (w - s(16) - 1) * 255)]),
                (s(8) + x, s(24), 1, s(8)),
            )
        surf.blit(small.render("-1", True, TEXT_DIM), (s(8), s(31)))
        plus = small.render("+1", True, TEXT_DIM)
        surf.blit(plus, (w - s(8) - plus.get_width(), s(31)))
        y = s(44)
        cell = max(2, s(2))
        for glyph, colour, text in lines:
            _legend_glyph(surf, glyph, colour, pal.glow, (s(14), y + step // 2), cell)
            surf.blit(small.render(text, True, TEXT), (s(28), y))
            y += step
        for colour, text in extra:
            surf.fill(colour, (s(9), y + (step - s(10)) // 2, s(10), s(10)))
            surf.blit(small.render(text, True, TEXT), (s(28), y))
            y += step
        return surf


def _legend_glyph(
    surf: pygame.Surface,
    glyph: str,
    colour: tuple[int, int, int],
    glow: tuple[int, int, int],
    c: tuple[int, int],
    cell: int = 2,
) -> None:
    """The same pixel shapes the crowd is drawn with, `cell` times as large."""
    from game.app.crowd_draw import BANNER, HALO, SHAPE_AGAINST, SHAPE_SUPPORT, SHAPE_UNDECIDED

    shapes = {"+": SHAPE_SUPPORT, "□": SHAPE_UNDECIDED, "x": SHAPE_AGAINST}
    if glyph in shapes:
        offs, col = shapes[glyph], colour
    elif glyph == "✧":
        for dx, dy in HALO:
            surf.fill(glow, (c[0] + dx * cell, c[1] + dy * cell, cell, cell))
        offs, col = SHAPE_SUPPORT, PALETTES["neon"].undecided
    else:
        for dx, dy in BANNER:
            surf.fill(colour, (c[0] + dx * cell, c[1] + dy * cell + 2 * cell, cell, cell))
        offs, col = SHAPE_UNDECIDED, PALETTES["neon"].undecided
    for dx, dy in offs:
        surf.fill(col, (c[0] + dx * cell, c[1] + dy * cell, cell, cell))
