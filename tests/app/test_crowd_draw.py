"""The crowd's pixel writes: a shape per opinion group, halo, banner, palettes, picking."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.app.camera import Camera
from game.app.crowd_draw import CrowdDrawer
from game.app.palette import PALETTES

BG = (0, 0, 0)


@pytest.fixture
def canvas():
    surf = pygame.Surface((200, 100), 0, 32)
    surf.fill(BG)
    return surf


def _camera(zoom: float = 0.5) -> Camera:
    return Camera(1000, 1000, 200, 100, zoom=zoom)  # world px == tiles * 10 below


def _draw(canvas, opinions, customized=None, advocate=None, palette="neon", zoom=0.5):
    n = len(opinions)
    cam = _camera(zoom)
    cam.center_on(cam.viewport_w / zoom / 2, cam.viewport_h / zoom / 2)
    xs = np.arange(n, dtype=np.float32) * 4 + 2  # tiles (tile size 10): 40 world px apart
    pos = np.stack([xs, np.full(n, 5, np.float32)], axis=1)
    drawer = CrowdDrawer(PALETTES[palette])
    drawn = drawer.draw(
        canvas,
        cam,
        pos,
        np.array(opinions, np.float32),
        np.array(customized or [False] * n),
        np.array(advocate or [False] * n),
        tile_size=10,
    )
    centres = [cam.world_to_screen(x * 10, 50) for x in xs]
    return drawer, drawn, [(int(x), int(y)) for x, y in centres]


def lit(canvas, x, y):
    return canvas.get_at((x, y))[:3] != BG


def test_each_opinion_group_has_its_own_shape(canvas):
    _, drawn, (sup, und, ag) = _draw(canvas, [0.9, 0.0, -0.9])
    assert drawn == 3
    x, y = sup  # plus: arms lit, diagonals dark
    assert lit(canvas, x + 1, y) and lit(canvas, x, y - 1) and not lit(canvas, x + 1, y + 1)
    x, y = ag  # cross: diagonals lit, arms dark
    assert lit(canvas, x + 1, y + 1) and lit(canvas, x - 1, y - 1) and not lit(canvas, x + 1, y)
    x, y = und  # square: right and below lit, left dark
    assert lit(canvas, x + 1, y + 1) and not lit(canvas, x - 1, y)


def test_colour_follows_opinion_and_the_palette(canvas):
    _draw(canvas, [0.9, -0.9])
    neon_sup = canvas.get_at(_centres(canvas)[0])[:3]
    assert neon_sup[2] > neon_sup[0]  # cyan-ish for support
    canvas.fill(BG)
    _, _, (c0, c1) = _draw(canvas, [0.9, -0.9], palette="colorblind")
    cb_sup, cb_ag = canvas.get_at(c0)[:3], canvas.get_at(c1)[:3]
    assert cb_sup != neon_sup
    assert cb_ag[0] > cb_ag[2] and cb_sup[2] > cb_sup[0]  # orange vs blue


def _centres(canvas):
    cam = _camera()
    cam.center_on(200, 100)
    return [tuple(int(v) for v in cam.world_to_screen(x * 10, 50)) for x in (2, 6)]


def test_customized_glow_and_advocate_banner(canvas):
    _, _, (a, b) = _draw(canvas, [0.0, 0.0], customized=[True, False], advocate=[False, True])
    glow = PALETTES["neon"].glow
    assert canvas.get_at((a[0] - 2, a[1]))[:3] == glow
    assert not lit(canvas, b[0] - 2, b[1])
    banner = PALETTES["neon"].advocate
    assert canvas.get_at((b[0], b[1] - 3))[:3] == banner
    assert not lit(canvas, a[0], a[1] - 3)


def test_shapes_double_when_zoomed_in(canvas):
    _, _, (c,) = _draw(canvas, [0.9], zoom=1.0)
    x, y = c
    assert lit(canvas, x + 2, y) and lit(canvas, x + 3, y + 1)  # 2x2 blocks


def test_pick_finds_the_nearest_drawn_citizen(canvas):
    drawer, _, (a, b, _c) = _draw(canvas, [0.5, 0.5, 0.5])
    assert drawer.pick(b[0] + 2, b[1] - 1) == 1
    assert drawer.pick(a[0], a[1]) == 0
    assert drawer.pick(a[0] + 10, a[1] + 30) is None


def test_off_screen_citizens_are_not_written(canvas):
    cam = _camera()
    drawer = CrowdDrawer(PALETTES["neon"])
    pos = np.array([[-50, -50], [500, 500]], np.float32)
    drawn = drawer.draw(
        canvas, cam, pos, np.zeros(2, np.float32), np.zeros(2, bool), np.zeros(2, bool), 10
    )
    assert drawn == 0
    assert pygame.surfarray.array3d(canvas).max() == 0
