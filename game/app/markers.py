"""Things on the map that are not citizens: the studio, venues, rally points, the leads, and the
announced, active and scheduled rallies and events with their radius rings and countdowns.

Read-only over the simulation (through `game.sim.entities`' look-ups); drawn with pygame in
screen space after the crowd so labels stay readable. Text images are cached.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.app.camera import Camera
from game.app.palette import NEON_AMBER, NEON_CYAN, NEON_PINK, TEXT
from game.level.loader import LevelObject
from game.sim import entities
from game.sim.simulation import Simulation

SPRITES_DIR = Path(__file__).resolve().parents[2] / "assets" / "ui" / "sprites"
PORTRAITS_DIR = Path(__file__).resolve().parents[2] / "assets" / "ui" / "portraits"
LEAD_ORDER = ("zara", "roth", "milo", "arian")


def countdown(minutes: int) -> str:
    """In-game minutes as '2h 05m' / '45m' ('now' at 0 or less)."""
    if minutes <= 0:
        return "now"
    h, m = divmod(int(minutes), 60)
    return f"{h}h {m:02d}m" if h else f"{m}m"


def load_image(path: Path, fallback_size: tuple[int, int]) -> pygame.Surface:
    """A sprite from assets/ui; a plain magenta box if the art was not generated."""
    try:
        return pygame.image.load(str(path)).convert_alpha()
    except (pygame.error, FileNotFoundError):
        surf = pygame.Surface(fallback_size, pygame.SRCALPHA)
        surf.fill((255, 0, 255, 180))
        return surf


@dataclass(slots=True)
class Label:
    """A cached text image."""

    image: pygame.Surface


class Markers:
    """Draws the level's places and the gameplay's leads, rallies and events."""

    def __init__(self, sim: Simulation, font: pygame.font.Font, small: pygame.font.Font) -> None:
        self.sim = sim
        self.font = font
        self.small = small
        self.tile = sim.level.tile_size
        self._text: dict[tuple[str, tuple[int, int, int], bool], pygame.Surface] = {}
        self.sprites = {
            who: load_image(SPRITES_DIR / f"{who}.png", (24, 32))
            for who in (*LEAD_ORDER, "pure_smiles")
        }
        self.studio_obj: LevelObject | None = next(iter(sim.level.of_type("studio")), None)
        self.venues = sim.level.of_type("venue")
        self.rally_points = sim.level.of_type("rally_point")
        self.blink = 0.0

    # ------------------------------------------------------------------ helpers

    def clear_text_cache(self) -> None:
        """Forget the text images (the fonts changed)."""
        self._text.clear()

    def text(
        self, s: str, colour: tuple[int, int, int] = TEXT, small: bool = True
    ) -> pygame.Surface:
        key = (s, colour, small)
        img = self._text.get(key)
        if img is None:
            if len(self._text) > 600:
                self._text.clear()
            font = self.small if small else self.font
            body = font.render(s, True, colour)
            img = pygame.Surface((body.get_width() + 6, body.get_height() + 2), pygame.SRCALPHA)
            img.fill((8, 6, 20, 185))
            img.blit(body, (3, 1))
            self._text[key] = img
        return img

    def _screen(self, camera: Camera, x: float, y: float) -> tuple[int, int]:
        sx, sy = camera.world_to_screen(x * self.tile, y * self.tile)
        return int(sx), int(sy)

    def _rect(self, camera: Camera, obj: LevelObject) -> pygame.Rect:
        x0, y0 = self._screen(camera, obj.x, obj.y)
        x1, y1 = self._screen(camera, obj.x + obj.width, obj.y + obj.height)
        return pygame.Rect(x0, y0, max(x1 - x0, 2), max(y1 - y0, 2))

    def _label(self, target: pygame.Surface, img: pygame.Surface, cx: int, top: int) -> None:
        target.blit(img, (cx - img.get_width() // 2, top))

    # ------------------------------------------------------------------ drawing

    def draw(self, target: pygame.Surface, camera: Camera, frame_seconds: float) -> None:
        self.blink = (self.blink + frame_seconds) % 1.0
        zoomed_out = camera.scale_x < 0.6
        screen = target.get_rect().inflate(200, 80)  # labels may stick out of their object
        for obj in self.venues:
            r = self._rect(camera, obj)
            if not screen.colliderect(r):
                continue
            pygame.draw.rect(target, NEON_CYAN, r, 1, border_radius=4)
            if not zoomed_out:
                self._label(target, self.text(obj.name, NEON_CYAN), r.centerx, r.bottom + 2)
        for obj in self.rally_points:
            r = self._rect(camera, obj)
            if not screen.colliderect(r):
                continue
            _dashed_rect(target, NEON_AMBER, r)
            if not zoomed_out:
                self._label(target, self.text(obj.name, NEON_AMBER), r.centerx, r.bottom + 2)
        if self.studio_obj is not None:
            r = self._rect(camera, self.studio_obj)
            pygame.draw.rect(target, NEON_PINK, r, 2, border_radius=4)
            self._label(
                target, self.text("Smile Studio", NEON_PINK, small=False), r.centerx, r.bottom + 4
            )
        self._draw_rallies(target, camera)
        self._draw_events(target, camera)
        self._draw_leads(target, camera)

    def _draw_rallies(self, target: pygame.Surface, camera: Camera) -> None:
        sim = self.sim
        for _, rally in entities.rallies(sim):
            if rally.state not in ("announced", "active"):
                continue
            cx, cy = self._screen(camera, rally.x, rally.y)
            rad = max(int(rally.radius * self.tile * camera.scale_x), 4)
            if rally.state == "active":
                pulse = 0.5 + 0.5 * math.sin(self.blink * 2 * math.pi)
                pygame.draw.circle(target, NEON_AMBER, (cx, cy), rad, 2)
                pygame.draw.circle(target, NEON_AMBER, (cx, cy), int(rad * (0.85 + 0.1 * pulse)), 1)
                head = f"Pure Smiles rally · ends in {countdown(rally.end_tick - sim.tick)}"
                sub = f"{rally.attendance}/{rally.capacity} attending"
            else:
                _dashed_circle(target, NEON_AMBER, (cx, cy), rad)
                head = f"Rally announced · starts in {countdown(rally.start_tick - sim.tick)}"
                sub = f"{rally.name}, up to {rally.capacity}"
            spr = self.sprites["pure_smiles"]
            target.blit(spr, (cx - spr.get_width() // 2, cy - spr.get_height() + 4))
            self._label(
                target, self.text(head, NEON_AMBER, small=False), cx, cy - spr.get_height() - 26
            )
            self._label(target, self.text(sub, NEON_AMBER), cx, cy + 8)

    def _draw_events(self, target: pygame.Surface, camera: Camera) -> None:
        sim = self.sim
        for _, ev in entities.events(sim):
            if ev.state not in ("scheduled", "active"):
                continue
            cx, cy = self._screen(camera, ev.x, ev.y)
            rad = max(int(ev.radius * self.tile * camera.scale_x), 4)
            name = entities.event_name(ev.kind)
            if ev.state == "active":
                pygame.draw.circle(target, NEON_CYAN, (cx, cy), rad, 2)
                head = f"{name} · ends in {countdown(ev.end_tick - sim.tick)}"
                sub = f"{ev.attendance}/{ev.capacity} attending"
            else:
                _dashed_circle(target, NEON_CYAN, (cx, cy), rad)
                head = f"{name} · starts in {countdown(ev.start_tick - sim.tick)}"
                sub = f"at {ev.name}, hosted by {', '.join(ev.hosts) or 'nobody'}"
            pygame.draw.circle(target, NEON_CYAN, (cx, cy), 5)
            self._label(target, self.text(head, NEON_CYAN, small=False), cx, cy - 40)
            self._label(target, self.text(sub, NEON_CYAN), cx, cy + 8)

    def lead_positions(self) -> list[tuple[str, str, float, float, str]]:
        """(key, name, x, y, status) of every lead available in this level, in tiles."""
        sim = self.sim
        out = []
        studio = entities.studio(sim)
        events = {ev.number: ev for _, ev in entities.events(sim)}
        at_studio = 0
        hosting: dict[int, int] = {}
        for lead in entities.leads(sim):
            if not lead.available:
                continue
            if not lead.recruited:
                out.append((lead.key, lead.name, lead.spot_x, lead.spot_y, "recruit here"))
                continue
            ev = events.get(lead.hosting) if lead.hosting >= 0 else None
            if ev is not None:
                k = hosting.get(ev.number, 0)
                hosting[ev.number] = k + 1
                out.append((lead.key, lead.name, ev.x - 1.0 + 1.0 * k, ev.y - 1.0, "hosting"))
                continue
            x = studio.x - 1.5 + 1.0 * at_studio
            at_studio += 1
            out.append((lead.key, lead.name, x, studio.y + 1.6, lead.assignment))
        return out

    def _draw_leads(self, target: pygame.Surface, camera: Camera) -> None:
        for key, name, x, y, status in self.lead_positions():
            cx, cy = self._screen(camera, x, y)
            spr = self.sprites.get(key)
            if spr is None:
                continue
            if status == "recruit here":  # a dim figure on a ring: someone to recruit
                pygame.draw.circle(target, NEON_PINK, (cx, cy), 14, 1)
            target.blit(spr, (cx - spr.get_width() // 2, cy - spr.get_height() + 6))
            if camera.scale_x >= 0.6 or status == "recruit here":
                short = entities.LEAD_SHORT.get(key, name)
                tag = short if status in ("studio", "hosting") else f"{short} ({status})"
                self._label(target, self.text(tag), cx, cy + 8)


def _dashed_circle(
    target: pygame.Surface, colour: tuple[int, int, int], centre: tuple[int, int], radius: int
) -> None:
    n = max(int(radius * 2 * math.pi / 10), 8)
    for i in range(0, n, 2):
        a0, a1 = 2 * math.pi * i / n, 2 * math.pi * (i + 1) / n
        p0 = (centre[0] + radius * math.cos(a0), centre[1] + radius * math.sin(a0))
        p1 = (centre[0] + radius * math.cos(a1), centre[1] + radius * math.sin(a1))
        pygame.draw.line(target, colour, p0, p1, 2)


def _dashed_rect(target: pygame.Surface, colour: tuple[int, int, int], r: pygame.Rect) -> None:
    step = 10
    for x in range(r.left, r.right, step * 2):
        pygame.draw.line(target, colour, (x, r.top), (min(x + step, r.right), r.top), 2)
        pygame.draw.line(
            target, colour, (x, r.bottom - 1), (min(x + step, r.right), r.bottom - 1), 2
        )
    for y in range(r.top, r.bottom, step * 2):
        pygame.draw.line(target, colour, (r.left, y), (r.left, min(y + step, r.bottom)), 2)
        pygame.draw.line(
            target, colour, (r.right - 1, y), (r.right - 1, min(y + step, r.bottom)), 2
        )
