"""The camera stays on the map, zooms around the pointer and maps world <-> screen."""

from __future__ import annotations

import numpy as np
import pytest

from game.app.camera import MAX_ZOOM, Camera


def test_view_never_leaves_the_map():
    cam = Camera(3200, 2400, 960, 672)
    cam.center_on(-500, -500)
    assert (cam.view_x, cam.view_y) == (0, 0)
    cam.center_on(10_000, 10_000)
    assert cam.view_x + cam.view_w == pytest.approx(3200)
    assert cam.view_y + cam.view_h == pytest.approx(2400)


def test_zoom_is_clamped_to_the_map_and_a_maximum():
    cam = Camera(1280, 960, 960, 672)
    cam.zoom_at(0.01, 480, 336)
    assert cam.zoom == pytest.approx(960 / 1280)  # the map still fills the viewport
    assert cam.view_w <= 1280 + 1e-6 and cam.view_h <= 960 + 1e-6
    cam.zoom_at(1000, 480, 336)
    assert cam.zoom == MAX_ZOOM


def test_zoom_keeps_the_point_under_the_pointer():
    cam = Camera(6400, 4800, 1000, 700)
    cam.center_on(3000, 2000)
    before = cam.screen_to_world(200, 100)
    cam.zoom_at(1.25, 200, 100)
    after = cam.screen_to_world(200, 100)
    assert after == pytest.approx(before, abs=1e-6)


def test_world_and_screen_round_trip():
    cam = Camera(6400, 4800, 1000, 700, zoom=1.6)
    cam.center_on(2500, 1500)
    sx, sy = cam.world_to_screen(2600, 1400)
    assert cam.screen_to_world(sx, sy) == pytest.approx((2600, 1400))
    xs, ys = cam.world_to_screen_array(np.array([[2600, 1400]], np.float32))
    assert (int(xs[0]), int(ys[0])) == (int(sx), int(sy))


def test_pan_moves_by_screen_pixels_over_zoom():
    cam = Camera(6400, 4800, 1000, 700, zoom=2.0)
    cam.center_on(3000, 2000)
    cam.pan(100, -50)
    assert (cam.cx, cam.cy) == pytest.approx((3050, 1975))
