"""The ending, after the fifth act is won: Zara Kline unveils her own transformed smile.

DESIGN §9 and the last paragraph of the story: the studios have become community hubs, the Pure
Smiles have lost their traction, and Zara stands before the city as a beacon of self-expression.
Everything is drawn here with pygame primitives: a dawn over the skyline, turning rays, Arian's
holographic rings, Zara herself (pink crest, the smile of every tribe: chrome, crystal facets,
bioluminescent enamel, a gold inlay, an AR star), and a crowd of customized smiles raising
lights. The story's closing words fade in beside her.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.app.screens.base import (
    AMBER,
    CYAN,
    GREEN,
    INK,
    PINK,
    VIOLET,
    Screen,
    card,
    draw_paragraph,
    draw_text,
    fit_font,
    font,
    glow_text,
)

CLOSING = (
    "In the aftermath of the Resonance Day event, Zara, Dr. Roth, Milo, and Arian embrace their "
    "roles as catalysts for change in dental customization. They establish a series of community "
    "workshops, where individuals share their stories through interactive dental art, fostering "
    "healing and inclusivity. The Pure Smiles movement begins to lose traction as the power of "
    "personalization resonates more profoundly within society. As a result, Smile Studios evolve "
    "into community hubs, championing genetic equity through art and technology. As Zara unveils "
    "her own transformed smile, she stands as a beacon of hope, symbolizing the triumph of "
    "individuality over conformity and uniting all with the indelible power of self-expression."
)

SKIN = (176, 116, 84)
SKIN_SHADE = (140, 86, 62)
HAIR = (255, 60, 200)
JACKET = (28, 18, 52)
TOOTH_STYLES = (
    ("chrome", (200, 210, 230)),
    ("crystal", (140, 240, 255)),
    ("glow", (120, 255, 180)),
    ("gold", (255, 200, 80)),
    ("enamel", (250, 250, 255)),
    ("star", (255, 120, 230)),
    ("crystal", (180, 160, 255)),
    ("chrome", (220, 220, 235)),
)


def _sky(size: tuple[int, int]) -> pygame.Surface:
    w, h = size
    y = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
    top = np.array([12, 6, 34], np.float32)
    mid = np.array([90, 24, 110], np.float32)
    low = np.array([255, 150, 150], np.float32)
    col = np.where(
        y < 0.55,
        top + (mid - top) * (y / 0.55),
        mid + (low - mid) * np.clip((y - 0.55) / 0.3, 0, 1),
    )
    rgb = np.repeat(col[:, None, :], w, axis=1).astype(np.uint8)
    return pygame.surfarray.make_surface(rgb.transpose(1, 0, 2))


def _skyline(surf: pygame.Surface, horizon: int, rng: np.random.Generator) -> None:
    w, h = surf.get_size()
    x = 0
    while x < w:
        bw = int(rng.uniform(40, 110))
        bh = int(rng.uniform(0.1, 0.35) * h)
        pygame.draw.rect(surf, (30, 14, 50), (x, horizon - bh, bw, bh))
        for wy in range(horizon - bh + 6, horizon - 4, 10):
            for wx in range(x + 5, x + bw - 5, 10):
                if rng.random() < 0.45:
                    c = (255, 210, 140) if rng.random() < 0.6 else (255, 110, 220)
                    surf.fill(c, (wx, wy, 4, 3))
        x += bw + int(rng.uniform(2, 10))


def draw_rays(surf: pygame.Surface, center: tuple[int, int], radius: int, t: float) -> None:
    """Turning fans of light behind the stage."""
    layer = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
    cx, cy = center
    n = 14
    for i in range(n):
        a0 = t * 0.12 + i * 2 * math.pi / n
        a1 = a0 + math.pi / n * 0.55
        colour = (255, 60, 200, 46) if i % 2 else (60, 235, 255, 40)
        pts = [
            (cx, cy),
            (cx + math.cos(a0) * radius, cy + math.sin(a0) * radius),
            (cx + math.cos(a1) * radius, cy + math.sin(a1) * radius),
        ]
        pygame.draw.polygon(layer, colour, pts)
    surf.blit(layer, (0, 0))


def _tooth(
    surf: pygame.Surface, rect: pygame.Rect, style: str, colour: tuple[int, int, int], t: float
) -> None:
    """One tooth of the transformed smile, each in a different art."""
    r = max(2, rect.w // 3)
    pygame.draw.rect(surf, colour, rect, border_bottom_left_radius=r, border_bottom_right_radius=r)
    if style == "chrome":  # a bright band across the metal
        band = pygame.Rect(rect.x + rect.w // 5, rect.y + 2, max(2, rect.w // 4), rect.h - 4)
        pygame.draw.rect(surf, (255, 255, 255), band, border_radius=2)
    elif style == "crystal":  # facets
        pygame.draw.line(surf, (255, 255, 255), rect.topleft, rect.center, 2)
        pygame.draw.line(surf, (255, 255, 255), rect.topright, rect.center, 1)
        pygame.draw.line(surf, (60, 120, 200), rect.center, rect.midbottom, 1)
    elif style == "glow":  # bioluminescent pulse
        k = 0.5 + 0.5 * math.sin(t * 3.0)
        inner = rect.inflate(-rect.w // 2, -rect.h // 2)
        pygame.draw.rect(surf, (int(180 + 75 * k), 255, 230), inner, border_radius=2)
    elif style == "gold":
        pygame.draw.circle(surf, (255, 245, 190), rect.center, max(2, rect.w // 4))
    elif style == "star":  # a tiny AR star over the tooth
        cx, cy = rect.center
        s = max(3, rect.w // 3)
        for a in range(4):
            ang = a * math.pi / 2 + t
            end = (cx + math.cos(ang) * s, cy + math.sin(ang) * s)
            pygame.draw.line(surf, (255, 255, 255), (cx, cy), end, 2)
    pygame.draw.line(surf, (90, 40, 80), rect.topright, rect.bottomright, 1)


def _sparkle(surf: pygame.Surface, pos: tuple[float, float], size: float, colour) -> None:  # noqa: ANN001
    x, y = pos
    pts = [
        (x, y - size),
        (x + size * 0.22, y - size * 0.22),
        (x + size, y),
        (x + size * 0.22, y + size * 0.22),
        (x, y + size),
        (x - size * 0.22, y + size * 0.22),
        (x - size, y),
        (x - size * 0.22, y - size * 0.22),
    ]
    pygame.draw.polygon(surf, colour, pts)


def draw_zara(surf: pygame.Surface, center: tuple[int, int], size: int, t: float) -> None:
    """Zara Kline, head and shoulders, smiling her transformed smile. `size` = head height."""
    cx, cy = center
    H = size
    hw = int(H * 0.8)
    head = pygame.Rect(0, 0, hw, H)
    head.center = (cx, cy)
    line = max(2, H // 60)
    # torso: a dark jacket with a neon edge, a cyan collar and the studio's tooth pin
    torso = pygame.Rect(0, 0, int(H * 2.0), int(H * 1.1))
    torso.midtop = (cx, cy + int(H * 0.62))
    pygame.draw.rect(surf, JACKET, torso, border_radius=int(H * 0.45))
    pygame.draw.rect(surf, PINK, torso, line + 1, border_radius=int(H * 0.45))
    neck = pygame.Rect(0, 0, int(H * 0.3), int(H * 0.4))
    neck.midtop = (cx, cy + int(H * 0.32))
    pygame.draw.rect(surf, SKIN_SHADE, neck, border_radius=H // 20)
    collar = [
        (cx - int(H * 0.32), torso.top + H // 40),
        (cx, torso.top + int(H * 0.38)),
        (cx + int(H * 0.32), torso.top + H // 40),
    ]
    pygame.draw.lines(surf, CYAN, False, collar, line + 1)
    pin = (cx + int(H * 0.55), torso.top + int(H * 0.3))
    pygame.draw.circle(surf, (250, 250, 255), pin, H // 16)
    pygame.draw.circle(surf, PINK, pin, H // 16, line)
    # ears and a neon hoop
    for side in (-1, 1):
        ear = pygame.Rect(0, 0, H // 7, H // 4)
        ear.center = (cx + side * (hw // 2), cy + H // 40)
        pygame.draw.ellipse(surf, SKIN_SHADE, ear)
        if side == 1:
            pygame.draw.circle(surf, CYAN, (ear.centerx, ear.bottom + H // 22), H // 16, line)
    # the face
    pygame.draw.ellipse(surf, SKIN, head)
    shade = pygame.Surface(head.size, pygame.SRCALPHA)
    pygame.draw.ellipse(shade, (*SKIN_SHADE, 120), shade.get_rect().move(hw // 8, 0))
    pygame.draw.ellipse(shade, (0, 0, 0, 0), shade.get_rect().inflate(-hw // 6, -H // 12).move(
        -hw // 14, -H // 30))  # fmt: skip
    surf.blit(shade, head.topleft)
    # the pink crest: a cap over the brow and four spikes, glowing
    up = H // 2  # room above the head for the spikes
    hair = pygame.Surface((H * 2, H * 2 + up), pygame.SRCALPHA)
    fy = H + up  # the face's centre on the hair surface is (H, fy)
    cap = head.move(H - cx, fy - cy).inflate(H // 14, H // 20)
    pygame.draw.ellipse(hair, (*HAIR, 255), cap)
    hairline = fy - int(H * 0.2)
    bottom = 2 * H + up
    fringe = [(0, bottom), (0, hairline)]
    for k in range(9):
        x = cap.left + k * cap.w / 8
        fringe.append((x, hairline + (H // 14 if k % 2 else -H // 30)))
    fringe += [(2 * H, hairline), (2 * H, bottom)]
    pygame.draw.polygon(hair, (0, 0, 0, 0), fringe)
    for k, (dx, tip) in enumerate(((-0.3, 0.45), (-0.1, 0.66), (0.12, 0.56), (0.3, 0.76))):
        bx = H + int(dx * H)
        base_y = fy - int(H * 0.36)
        sway = int(math.sin(t * 1.3 + k) * H * 0.015)
        pts = [
            (bx - H // 7, base_y + H // 10),
            (bx + sway + H // 20, fy - int(H * tip) - H // 4),
            (bx + H // 7, base_y + H // 8),
        ]
        pygame.draw.polygon(hair, (*HAIR, 255), pts)
    halo = pygame.transform.gaussian_blur(hair, max(4, H // 22))
    surf.blit(halo, (cx - H, cy - fy), special_flags=pygame.BLEND_RGB_ADD)
    surf.blit(hair, (cx - H, cy - fy))
    for k in range(4):  # highlights along the spikes
        x = cx - H // 4 + k * H // 7
        pygame.draw.line(surf, (255, 170, 235), (x, cy - int(H * 0.42)), (x + H // 30,
                         cy - int(H * (0.55 + 0.08 * k))), line)  # fmt: skip
    # eyes: bright, cyan irises, a pink wing of liner
    ey = cy - H // 14
    for side in (-1, 1):
        ex = cx + side * int(hw * 0.2)
        white = pygame.Rect(0, 0, H // 6, H // 10)
        white.center = (ex, ey)
        pygame.draw.ellipse(surf, (250, 245, 255), white)
        pygame.draw.circle(surf, (20, 160, 200), (ex, ey), H // 24)
        pygame.draw.circle(surf, (10, 10, 20), (ex, ey), H // 50)
        pygame.draw.circle(surf, (255, 255, 255), (ex + H // 70, ey - H // 70), max(1, H // 90))
        wing = [(ex - side * H // 12, ey - H // 40), (ex + side * H // 11, ey - H // 30),
                (ex + side * H // 8, ey - H // 18)]  # fmt: skip
        pygame.draw.lines(surf, PINK, False, wing, line)
        brow = [(ex - H // 12, ey - H // 10), (ex, ey - H // 8), (ex + H // 12, ey - H // 10)]
        pygame.draw.lines(surf, (90, 40, 60), False, brow, line + 1)
    nose = [(cx + H // 60, cy + H // 40), (cx + H // 30, cy + H // 9), (cx - H // 40, cy + H // 8)]
    pygame.draw.lines(surf, SKIN_SHADE, False, nose, line)
    blush = pygame.Surface((H // 5, H // 10), pygame.SRCALPHA)
    pygame.draw.ellipse(blush, (255, 90, 160, 80), blush.get_rect())
    for side in (-1, 1):
        surf.blit(blush, blush.get_rect(center=(cx + side * int(hw * 0.3), cy + H // 7)))
    _draw_smile(surf, (cx, cy + int(H * 0.24)), H, t)


def _draw_smile(surf: pygame.Surface, center: tuple[int, int], H: int, t: float) -> None:
    """The transformed smile: a wide grin where every tooth is a different art, glowing."""
    mx, my = center
    mw = int(H * 0.5)
    n = 24
    xs = np.linspace(-1.0, 1.0, n)
    upper = [(mx + x * mw / 2, my - H * 0.045 * x * x) for x in xs]
    lower = [(mx + x * mw / 2, my + H * 0.15 * (1 - x * x) - H * 0.045 * x * x) for x in xs]
    shape = upper + lower[::-1]
    box = pygame.Rect(mx - mw // 2 - 4, my - H // 10, mw + 8, H // 3)
    local = [(x - box.x, y - box.y) for x, y in shape]
    mouth = pygame.Surface(box.size, pygame.SRCALPHA)
    pygame.draw.polygon(mouth, (50, 8, 36, 255), local)
    tongue = pygame.Rect(0, 0, mw // 2, H // 10)
    tongue.midbottom = (box.w // 2, int(local[n + n // 2][1]) + 2)
    pygame.draw.ellipse(mouth, (200, 70, 110, 255), tongue)
    teeth = pygame.Surface(box.size, pygame.SRCALPHA)
    count = len(TOOTH_STYLES)
    tw = mw / (count + 0.6)
    for i, (style, colour) in enumerate(TOOTH_STYLES):
        x0 = box.w / 2 - count * tw / 2 + i * tw
        xn = (x0 + tw / 2 - box.w / 2) / (mw / 2)
        top = int(H * 0.1 - H * 0.045 * xn * xn) - 2
        depth = int(H * (0.075 - 0.02 * abs(xn)))
        _tooth(teeth, pygame.Rect(int(x0), top, int(tw) - 1, depth), style, colour, t)
    for i in range(count - 2):  # the lower row, half hidden
        x0 = box.w / 2 - (count - 2) * tw / 2 + i * tw
        xn = (x0 + tw / 2 - box.w / 2) / (mw / 2)
        bottom = int(H * 0.1 + H * 0.15 * (1 - xn * xn) - H * 0.045 * xn * xn)
        d = int(H * 0.04)
        style, colour = TOOTH_STYLES[(i + 3) % count]
        pygame.draw.rect(teeth, colour, (int(x0), bottom - d, int(tw) - 1, d + 2), border_top_left_radius=3,
                         border_top_right_radius=3)  # fmt: skip
    clip = pygame.Surface(box.size, pygame.SRCALPHA)
    pygame.draw.polygon(clip, (255, 255, 255, 255), local)
    teeth.blit(clip, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    mouth.blit(teeth, (0, 0))
    glow = pygame.transform.gaussian_blur(teeth, max(3, H // 30))
    k = 0.7 + 0.3 * math.sin(t * 2.2)
    glow.fill((int(255 * k), int(255 * k), int(255 * k), 255), special_flags=pygame.BLEND_RGBA_MULT)
    surf.blit(mouth, box.topleft)
    surf.blit(glow, box.topleft, special_flags=pygame.BLEND_RGB_ADD)
    lip = (170, 60, 100)
    lw = max(2, H // 50)
    pygame.draw.lines(surf, lip, False, upper, lw)
    pygame.draw.lines(surf, lip, False, lower, lw + 1)
    for k, (dx, dy) in enumerate(((0.62, -0.05), (-0.58, 0.02), (0.3, 0.2))):
        a = 0.5 + 0.5 * math.sin(t * 2.5 + k * 2.1)
        _sparkle(surf, (mx + dx * mw, my + dy * H), H * (0.02 + 0.035 * a), (255, 255, 255))


def draw_rings(surf: pygame.Surface, center: tuple[int, int], size: int, t: float) -> None:
    """Arian's AR rings turning around her, with the stories of smiles travelling on them."""
    cx, cy = center
    layer = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
    for k, (colour, tilt) in enumerate(((CYAN, 0.28), (PINK, 0.2), (VIOLET, 0.34))):
        rx, ry = int(size * (1.05 + 0.22 * k)), int(size * tilt * (1.05 + 0.22 * k))
        rect = pygame.Rect(0, 0, rx * 2, ry * 2)
        rect.center = (cx, cy - size // 3 + k * size // 6)
        pygame.draw.ellipse(layer, (*colour, 110), rect, 2)
        for j in range(6):
            a = t * (0.6 + 0.25 * k) * (1 if k % 2 == 0 else -1) + j * math.pi / 3
            px, py = rect.centerx + math.cos(a) * rx, rect.centery + math.sin(a) * ry
            pygame.draw.circle(layer, (*colour, 230), (int(px), int(py)), max(2, size // 45))
    surf.blit(layer, (0, 0))


class EndingScreen(Screen):
    """Zara's unveiling and the story's last words."""

    name = "ending"

    def build(self) -> None:
        w, h = self.size
        r = pygame.Rect(0, 0, self.s(220), self.s(46))
        r.bottomright = (w - 20, h - self.s(12))
        self.button(r, "Back to the title", self.app.show_title, None, "#primary")
        self._static: pygame.Surface | None = None
        rng = np.random.default_rng(5)  # decoration: the same crowd every time
        n = max(30, w // 22)
        self.crowd = np.column_stack([
            np.sort(rng.uniform(-20, w + 20, n)),
            rng.uniform(0, 1, n),  # row depth 0 (back) .. 1 (front)
            rng.uniform(0, 6.28, n),
            rng.integers(0, 5, n).astype(np.float64),
        ])  # fmt: skip
        m = max(40, w // 12)
        self.confetti = np.column_stack([rng.uniform(0, w, m), rng.uniform(0, h, m),
                                         rng.uniform(0, 6.28, m), rng.uniform(20, 60, m)])  # fmt: skip

    def back(self) -> None:
        self.app.show_title()

    def _background(self) -> pygame.Surface:
        if self._static is None or self._static.get_size() != self.size:
            surf = _sky(self.size).convert()
            _skyline(surf, int(self.size[1] * 0.72), np.random.default_rng(9))
            self._static = surf
        return self._static

    def _zara_spot(self) -> tuple[tuple[int, int], int]:
        w, h = self.size
        wide = w >= h * 1.2
        cx = int(w * 0.3) if wide else w // 2
        size = int(min(h * 0.36, w * (0.28 if wide else 0.42)))
        return (cx, int(h * 0.42)), size

    def draw_back(self, surf: pygame.Surface) -> None:
        w, h = self.size
        t = self.t
        surf.blit(self._background(), (0, 0))
        (cx, cy), size = self._zara_spot()
        draw_rays(surf, (cx, cy), int(max(w, h) * 0.9), t)
        # the stage
        stage = pygame.Rect(0, 0, int(size * 3.2), int(size * 0.5))
        stage.center = (cx, cy + int(size * 1.2))
        pygame.draw.ellipse(surf, (40, 16, 60), stage)
        pygame.draw.ellipse(surf, PINK, stage, 3)
        draw_rings(surf, (cx, cy), size, t)
        draw_zara(surf, (cx, cy), size, t)
        self._draw_crowd(surf)
        self._draw_confetti(surf)
        # the words
        wide = w >= h * 1.2
        fade = min(1.0, max(0.0, (t - 0.6) / 2.0))
        if wide:
            panel = pygame.Rect(int(w * 0.56), int(h * 0.06), int(w * 0.41), int(h * 0.78))
            hsize = self.s(46)
            while hsize > 16 and font(hsize, True).size("RESONANCE")[0] > panel.w:
                hsize -= 2
            head = glow_text("RESONANCE", font(hsize, True), CYAN, radius=7)
            surf.blit(head, (panel.x - 21, panel.y - 21))
            text_r = pygame.Rect(panel.x, panel.y + head.get_height() - 30, panel.w,
                                 panel.h - head.get_height() + 30)  # fmt: skip
            card(surf, text_r, PINK, fill=(12, 6, 30, int(215 * fade) + 1))
            inner = text_r.inflate(-32, -28)
            credits_h = 2 * (self.font(14, True).get_height() + 4) + self.s(10)
            f = fit_font(CLOSING, inner.w, inner.h - credits_h, self.s(16), 9, line_gap=1.4)
            lines_y = draw_paragraph(surf, CLOSING, f, _fade(INK, fade), inner, line_gap=1.4)
            self._credits(surf, inner, lines_y, fade)
        else:
            head = glow_text("RESONANCE", self.font(30, True), CYAN, radius=6)
            surf.blit(head, head.get_rect(midtop=(w // 2, 0)))
            box = pygame.Rect(16, int(h * 0.70), w - 32, int(h * 0.3) - self.s(66))
            card(surf, box, PINK, fill=(12, 6, 30, 220))
            inner = box.inflate(-20, -14)
            f = fit_font(CLOSING, inner.w, inner.h, self.s(13), 8)
            draw_paragraph(surf, CLOSING, f, INK, inner)

    def _credits(self, surf: pygame.Surface, inner: pygame.Rect, y: int, fade: float) -> None:
        y += self.s(10)
        for text, colour in (
            ("Zara Kline unveils her transformed smile.", PINK),
            ("The campaign is won: thank you for playing Smile Studio 2145.", GREEN),
        ):
            size = self.s(14)
            f = font(size, True)
            while f.size(text)[0] > inner.w and size > 9:  # one line each, as large as fits
                size -= 1
                f = font(size, True)
            if y + f.get_height() > inner.bottom:
                return
            draw_text(surf, text, f, _fade(colour, fade), (inner.x, y))
            y += f.get_height() + 4

    def _draw_crowd(self, surf: pygame.Surface) -> None:
        w, h = self.size
        base = h * 0.86
        colours = (CYAN, PINK, GREEN, AMBER, VIOLET)
        for x, depth, ph, c in self.crowd[np.argsort(self.crowd[:, 1])]:
            s = 12 + depth * 22
            y = base + depth * h * 0.1 + math.sin(self.t * 2 + ph) * 2
            body = pygame.Rect(0, 0, int(s * 1.6), int(s * 1.6))
            body.midtop = (int(x), int(y))
            shade = int(30 + 30 * depth)
            pygame.draw.ellipse(surf, (shade, shade // 2, shade + 30), body)
            pygame.draw.circle(
                surf, (shade + 10, shade // 2, shade + 40), (int(x), int(y - s * 0.4)), int(s * 0.6)
            )
            rim = colours[int(c)]
            pygame.draw.circle(surf, rim, (int(x), int(y - s * 0.4)), int(s * 0.6), 1)
            # a customized smile glows on every face
            pygame.draw.arc(surf, rim, (x - s * 0.3, y - s * 0.5, s * 0.6, s * 0.4), math.pi * 1.1,
                            math.pi * 1.9, 2)  # fmt: skip
            if int(ph * 10) % 3 == 0:  # a raised light, swaying
                lx = x + s * 0.7 + math.sin(self.t * 1.5 + ph) * s * 0.3
                ly = y - s * 1.6
                pygame.draw.line(
                    surf, (shade + 20, shade // 2, shade + 50), (x + s * 0.5, y), (lx, ly), 3
                )
                k = 0.6 + 0.4 * math.sin(self.t * 4 + ph)
                pygame.draw.circle(
                    surf, tuple(int(v * k + 255 * (1 - k)) for v in rim), (int(lx), int(ly)), 4
                )

    def _draw_confetti(self, surf: pygame.Surface) -> None:
        w, h = self.size
        colours = (PINK, CYAN, AMBER, GREEN, (255, 255, 255))
        for i, (x, y, ph, speed) in enumerate(self.confetti):
            yy = (y + self.t * speed) % h
            xx = x + math.sin(self.t + ph) * 14
            c = colours[i % len(colours)]
            ww = 2 + int(3 * abs(math.sin(self.t * 3 + ph)))
            surf.fill(c, (int(xx), int(yy), ww, 5))


def _fade(colour: tuple[int, int, int], k: float) -> tuple[int, int, int]:
    return (int(colour[0] * k), int(colour[1] * k), int(colour[2] * k))
