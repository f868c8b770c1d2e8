"""Settings: a rebinding is saved and used, volumes apply at once, the UI scale rebuilds the
menus, the palette reaches the play scene, and a broken settings file is reported and replaced."""

from __future__ import annotations

import json

import pygame

from game.userdata import DEFAULT_KEYS, load_settings, settings_path
from tests.app_screens.conftest import button, click, frames, press


def _open_settings(app):
    click(app, button(app.screen, "Settings"))
    assert app.screen.name == "settings"
    return app.screen


def _play(app):
    click(app, button(app.screen, "Campaign"))
    click(app, app.screen.act_buttons[0])
    click(app, button(app.screen, "Start ›"))
    return app.screen


def test_a_rebinding_is_saved_and_used(app):
    settings = _open_settings(app)
    click(app, settings.key_buttons["pause"])
    assert settings.waiting == "pause"
    assert settings.key_buttons["pause"].text == "press a key…"
    press(app, pygame.K_p)
    assert settings.waiting is None
    assert app.settings.keys["pause"] == "p"
    on_disk = json.loads(settings_path().read_text())
    assert on_disk["keys"]["pause"] == "p"
    click(app, button(settings, "Done"))
    assert app.screen.name == "title"
    play = _play(app)
    clock = play.scene.clock
    assert not clock.paused
    press(app, pygame.K_p)
    assert clock.paused
    press(app, pygame.K_SPACE)  # Space no longer pauses
    assert clock.paused
    press(app, pygame.K_p)
    assert not clock.paused


def test_taking_another_actions_key_swaps_them_and_reset_restores(app):
    settings = _open_settings(app)
    click(app, settings.key_buttons["quicksave"])
    press(app, pygame.K_r)  # R belonged to the reach overlay
    keys = app.settings.keys
    assert keys["quicksave"] == "r" and keys["overlay_reach"] == "f5"
    assert "moved" in settings.status
    click(app, settings.key_buttons["zoom_in"])
    press(app, pygame.K_ESCAPE)  # cancels the wait, leaves the screen open
    assert settings.waiting is None and app.screen is settings and keys["zoom_in"] == "="
    click(app, settings.reset_button)
    assert app.settings.keys == DEFAULT_KEYS
    assert load_settings()[0].keys == DEFAULT_KEYS


def test_volume_applies_at_once(app):
    settings = _open_settings(app)
    slider = settings.sliders["master_volume"]
    before = app.settings.master_volume
    click(app, slider.left_button)
    click(app, slider.left_button)
    assert app.settings.master_volume < before
    if app.audio.enabled and "click" in app.audio.sounds:
        want = app.settings.master_volume * app.settings.effects_volume
        assert abs(app.audio.sounds["click"].get_volume() - want) < 0.01
    click(app, button(settings, "Done"))
    assert load_settings()[0].master_volume == app.settings.master_volume


def test_ui_scale_rebuilds_the_menus_bigger(app):
    settings = _open_settings(app)
    small = button(settings, "Done").rect.size
    click(app, settings.scale_up)
    click(app, app.screen.scale_up)
    assert app.settings.ui_scale == 1.5
    big = button(app.screen, "Done").rect.size
    assert big[0] > small[0] * 1.4 and big[1] > small[1] * 1.4
    click(app, button(app.screen, "Done"))
    assert load_settings()[0].ui_scale == 1.5
    menu = button(app.screen, "Campaign").rect
    for b in app.screen.buttons:
        assert app.surface.get_rect().contains(b.rect), b.text
    assert menu.height >= 55


def test_colour_blind_palette_reaches_the_play_scene(app):
    settings = _open_settings(app)
    click(app, settings.palette_buttons["colorblind"])
    assert app.settings.palette == "colorblind"
    click(app, button(settings, "Done"))
    play = _play(app)
    assert play.scene.state.palette == "colorblind"
    press(app, pygame.K_b)  # switched back in the game: remembered in the settings
    assert play.scene.state.palette == "neon"
    assert load_settings()[0].palette == "standard"


def test_settings_from_the_pause_menu_apply_to_the_running_game(app):
    play = _play(app)
    press(app, pygame.K_ESCAPE)
    click(app, button(play.stack[-1], "Settings"))
    settings = play.stack[-1]
    assert settings.name == "settings" and settings.overlay
    click(app, settings.key_buttons["menu"])
    press(app, pygame.K_m)
    click(app, button(settings, "Done"))
    assert [o.name for o in play.stack] == ["pause"]
    click(app, button(play.stack[-1], "Resume"))
    press(app, pygame.K_ESCAPE)  # swapped: Esc now does what M did (nothing bound)
    assert play.stack == []
    press(app, pygame.K_m)
    assert [o.name for o in play.stack] == ["pause"]


def test_a_broken_settings_file_is_reported_and_replaced(window, balance, campaign_dir):
    from game.app.app import App

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"master_volume": 7, "ui_scale": "huge", "keys": [1, 2]', encoding="utf-8")
    app = App(window, balance, levels_dir=campaign_dir)
    app.show_title()
    frames(app, 2)
    assert app.notices and "settings" in app.notices[0]
    assert app.screen.notice_button is not None
    s, problems = load_settings()
    assert problems == [] and s.master_volume == 0.8  # defaults, written back
    assert path.with_name("settings.json.broken").read_text().startswith('{"master_volume": 7')
    click(app, app.screen.notice_button)
    assert app.notices == [] and app.screen.notice_button is None
    app.close()


def test_a_broken_profile_is_reported_and_replaced(window, balance, campaign_dir):
    from game.app.app import App
    from game.userdata import load_profile, profile_path

    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not json at all", encoding="utf-8")
    app = App(window, balance, levels_dir=campaign_dir)
    app.show_title()
    frames(app, 2)
    assert any("campaign profile" in n for n in app.notices)
    assert load_profile() == (app.profile, [])
    app.close()


def test_fullscreen_switches_the_window_and_back(app):
    settings = _open_settings(app)
    click(app, settings.fullscreen_button)
    assert app.settings.fullscreen and load_settings()[0].fullscreen
    assert pygame.display.get_surface().get_flags() & pygame.FULLSCREEN
    assert app.screen.fullscreen_button.text == "On"
    for b in app.screen.buttons:  # rebuilt for the new size
        if b.ui_container is app.screen.manager.get_root_container():
            assert app.surface.get_rect().contains(b.rect), b.text
    click(app, app.screen.fullscreen_button)
    assert not app.settings.fullscreen and app.size == (1280, 720)
    assert not pygame.display.get_surface().get_flags() & pygame.FULLSCREEN
