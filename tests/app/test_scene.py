"""The play scene renders at several sizes and answers real pygame key and mouse events."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.app import actions as A
from tests.app.conftest import pixel_spread, post_click, post_key


def _frames(scene, screen, n=2, dt=0.0):
    for _ in range(n):
        scene.frame(dt)
        scene.draw(screen)


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
def test_scene_renders_a_frame_at_each_size(sim, size):
    from game.app.scene import PlayScene
    from game.app.viewer import open_window

    screen = open_window(size, "test")
    try:
        scene = PlayScene(sim, size)
        _frames(scene, screen, 3, 1 / 60)
        assert screen.get_size() == size
        assert pixel_spread(screen) > 10
        assert scene.layout.map_rect.width >= 320
        # every top-bar element lies inside the window
        for el in scene.hud.top.get_container().elements:
            assert el.rect.right <= size[0] + 1, el
    finally:
        pygame.quit()


def test_speed_keys_change_the_speed(scene, display):
    assert scene.clock.speed == 1 and not scene.clock.paused
    for key, speed in ((pygame.K_3, 4), (pygame.K_4, 8), (pygame.K_2, 2), (pygame.K_1, 1)):
        post_key(key)
        _frames(scene, display, 1)
        assert scene.clock.speed == speed
    post_key(pygame.K_SPACE)
    _frames(scene, display, 1)
    assert scene.clock.paused
    post_key(pygame.K_SPACE)
    _frames(scene, display, 1)
    assert not scene.clock.paused


def test_the_speed_runs_ticks_through_the_scene(scene, display):
    post_key(pygame.K_4)
    _frames(scene, display, 1)
    start = scene.sim.tick
    for _ in range(30):
        scene.frame(1 / 60)
    assert 36 <= scene.sim.tick - start <= 41  # 8x: 80 ticks a second, half a second


def test_speed_buttons_are_clickable(scene, display):
    _frames(scene, display, 1)
    button = scene.hud.speed_buttons[4]
    post_click(button.rect.center)
    _frames(scene, display, 2)  # pygame_gui posts the press as an event, read next frame
    assert scene.clock.speed == 4
    post_click(scene.hud.pause_button.rect.center)
    _frames(scene, display, 2)
    assert scene.clock.paused


def test_overlay_keys_toggle(scene, display):
    for key, name in (
        (pygame.K_o, "opinion"),
        (pygame.K_c, "density"),
        (pygame.K_t, "districts"),
        (pygame.K_r, "reach"),
    ):
        post_key(key)
        _frames(scene, display, 1)
        assert scene.state.overlay == name
        assert scene.hud.overlay_buttons[name].is_selected
    post_key(pygame.K_r)
    _frames(scene, display, 1)
    assert scene.state.overlay == ""


def test_overlay_buttons_toggle(scene, display):
    _frames(scene, display, 1)
    post_click(scene.hud.overlay_buttons["density"].rect.center)
    _frames(scene, display, 2)
    assert scene.state.overlay == "density"


def test_palette_key_switches_to_colour_blind(scene, display):
    post_key(pygame.K_b)
    _frames(scene, display, 1)
    assert scene.state.palette == "colorblind"
    assert scene.crowd_drawer.palette.name == "colorblind"


def test_arrow_keys_pan_and_wheel_zooms(scene, display):
    scene.camera.zoom = scene.camera.clamp_zoom(1.0)
    scene.center_on_studio()
    x0, y0 = scene.camera.cx, scene.camera.cy
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode="", scancode=0)
    )
    _frames(scene, display, 5, 1 / 60)
    pygame.event.post(
        pygame.event.Event(pygame.KEYUP, key=pygame.K_RIGHT, mod=0, unicode="", scancode=0)
    )
    _frames(scene, display, 1, 1 / 60)
    assert scene.camera.cx > x0 and scene.camera.cy == y0
    x1 = scene.camera.cx
    _frames(scene, display, 3, 1 / 60)
    assert scene.camera.cx == x1  # released: it stops
    z = scene.camera.zoom
    post_key(pygame.K_MINUS)
    _frames(scene, display, 1)
    assert scene.camera.zoom < z


def test_minimap_click_moves_the_camera(scene, display):
    _frames(scene, display, 1)
    mm = scene.minimap.rect
    post_click((mm.right - 3, mm.bottom - 3))
    _frames(scene, display, 1)
    cam = scene.camera
    assert cam.view_x + cam.view_w == pytest.approx(cam.map_w, abs=2)
    assert cam.view_y + cam.view_h == pytest.approx(cam.map_h, abs=2)


def test_clicking_a_citizen_opens_the_why_panel(scene, display):
    scene.apply(A.ShowTab("graphs"))
    sim = scene.sim
    _frames(scene, display, 1)
    drawer = scene.crowd_drawer
    assert len(drawer.last_rows), "no citizen on screen"
    k = len(drawer.last_rows) // 2
    row = int(drawer.last_rows[k])
    r = scene.layout.map_rect
    post_click((int(drawer.last_sx[k]) + r.x, int(drawer.last_sy[k]) + r.y))
    _frames(scene, display, 2)
    picked = scene.state.selected_uid
    assert picked >= 0
    prow = int(sim.crowd.rows_of(np.array([picked]))[0])
    # the nearest drawn citizen to that point: the one clicked, or one drawn on the same pixel
    assert np.allclose(sim.crowd.pos[prow], sim.crowd.pos[row], atol=0.5)
    assert scene.state.tab == "why"
    text = " ".join(scene.hud.active.texts())
    assert scene.hud.active.name == "why"
    assert f"Citizen #{picked}" in text
    tribe = sorted(sim.balance.tribes)[int(sim.crowd.tribe[prow])]
    assert tribe in text
    post_key(pygame.K_ESCAPE)
    _frames(scene, display, 1)
    assert scene.state.selected_uid == -1 and not scene.state.quit
    post_key(pygame.K_ESCAPE)
    _frames(scene, display, 1)
    assert scene.state.quit


def test_notification_click_moves_the_camera_there(scene, display):
    scene.camera.zoom = scene.camera.clamp_zoom(1.0)
    scene.center_on_studio()
    scene.sim.post("rally_announced", "A rally is coming to the far corner", pos=(35.0, 25.0))
    scene._notify(scene.sim.messages[-1:])
    _frames(scene, display, 2)
    button = scene.hud._notice_buttons[0]
    post_click(button.rect.center)
    _frames(scene, display, 2)
    cam = scene.camera
    cx, cy = 35.0 * scene.tile, 25.0 * scene.tile
    want_x = min(cx, cam.map_w - cam.view_w / 2)
    want_y = min(cy, cam.map_h - cam.view_h / 2)
    assert (cam.cx, cam.cy) == pytest.approx((want_x, want_y), abs=1)


def test_tab_hides_the_panel_and_gives_the_map_the_width(scene, display):
    w = scene.layout.map_rect.width
    post_key(pygame.K_TAB)
    _frames(scene, display, 1)
    assert not scene.state.panel_open and scene.layout.map_rect.width > w
    post_key(pygame.K_g)
    _frames(scene, display, 1)
    assert scene.state.panel_open and scene.state.tab == "graphs"


def test_window_resize_relayouts(scene, display):
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=900, h=640, size=(900, 640)))
    _frames(scene, display, 1)
    assert scene.layout.size == (900, 640)
    assert scene.camera.viewport_w == scene.layout.map_rect.width


def test_graphs_panel_shows_the_hourly_series(scene, display):
    scene.apply(A.ShowTab("graphs"))
    for _ in range(130):
        scene.sim.step()
    _frames(scene, display, 1)
    panel = scene.hud.active
    assert panel.name == "graphs"
    assert panel.samples == len(scene.sim.metrics.ticks) >= 3
    assert pixel_spread(panel.chart) > 1


def test_every_button_has_a_tooltip(scene, display):
    _frames(scene, display, 1)
    for button in scene.hud.buttons:
        assert button.tool_tip_text, button
    for label in (scene.hud.credits, scene.hud.day, scene.hud.momentum, scene.hud.bar):
        assert label.tool_tip_text, label


def test_the_scene_never_changes_the_game_by_itself(scene, display, sim):
    """Drawing, overlays and panels leave the state hash alone; only ticks change it."""
    h = sim.state_hash()
    for key in (pygame.K_o, pygame.K_c, pygame.K_t, pygame.K_r, pygame.K_b, pygame.K_TAB):
        post_key(key)
        _frames(scene, display, 1)
    scene.clock.paused = True
    _frames(scene, display, 2, 0.5)
    assert sim.state_hash() == h
