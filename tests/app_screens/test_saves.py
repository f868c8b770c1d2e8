"""Saves from the play screen: quicksave/quickload keys, the nightly autosave into rotating slots,
loading from the pause menu, and a bad save that changes nothing."""

from __future__ import annotations

import pygame

from game.userdata import load_profile, saves_dir, slot_path
from tests.app_screens.conftest import button, click, frames, press


def _play_act1(app):
    click(app, button(app.screen, "Campaign"))
    click(app, app.screen.act_buttons[0])
    click(app, button(app.screen, "Start ›"))
    assert app.screen.name == "play"
    return app.screen


def _run(app, n):
    play = app.screen
    play.scene.clock.set_speed(8)
    start = play.sim.tick
    while play.sim.tick - start < n:
        app.frame(0.1)


def test_quicksave_and_quickload_keys(app):
    play = _play_act1(app)
    _run(app, 40)
    press(app, pygame.K_F5)
    assert slot_path("quick").exists()
    saved = play.sim.state_hash()
    saved_tick = play.sim.tick
    assert load_profile()[0].last_save == str(slot_path("quick"))
    _run(app, 40)
    assert play.sim.state_hash() != saved
    old_sim = play.sim
    press(app, pygame.K_F9)
    assert play.sim is not old_sim
    assert play.sim.tick == saved_tick and play.sim.state_hash() == saved
    assert any("Loaded quick" in t for t, _, _ in play.toasts)


def test_every_night_is_autosaved_into_rotating_slots(app):
    app.settings.autosave_slots = 2
    play = _play_act1(app)
    sim = play.sim
    written = []
    for day in range(3):
        while sim.day == day + 1:  # to the end of the day, headless
            sim.step()
        frames(app, 1)  # the play screen sees the night and saves
        written.append(sorted(p.name for p in saves_dir().glob("autosave-*.zip")))
        if sim.finished:
            break
    assert written[0] == ["autosave-1.zip"]
    assert written[1] == ["autosave-1.zip", "autosave-2.zip"]
    if len(written) > 2:  # the third night replaced the oldest slot: still two
        assert written[2] == ["autosave-1.zip", "autosave-2.zip"]
    assert load_profile()[0].last_save.endswith(".zip")


def test_a_bad_save_shows_one_message_and_the_game_is_untouched(app):
    play = _play_act1(app)
    _run(app, 30)
    bad = saves_dir() / "broken.zip"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b"PK\x03\x04 this is not a save")
    press(app, pygame.K_ESCAPE)
    sim, before = play.sim, play.sim.state_hash()  # the game stands still from here
    click(app, button(play.stack[-1], "Load game"))
    load = play.stack[-1]
    assert load.name == "load"
    click(app, load.save_buttons["broken"])
    assert play.stack[-1].name == "confirm"  # unsaved progress: asked first
    click(app, button(play.stack[-1], "Load anyway"))
    box = play.stack[-1]
    assert box.name == "message"
    assert "broken.zip" in box.text and "\n" not in box.text
    assert play.sim is sim and sim.state_hash() == before
    click(app, button(box, "OK"))
    click(app, button(play.stack[-1], "Cancel"))  # the load list
    click(app, button(play.stack[-1], "Resume"))
    _run(app, 10)  # and it still runs
    assert play.sim is sim


def test_load_from_the_pause_menu(app):
    play = _play_act1(app)
    _run(app, 20)
    press(app, pygame.K_ESCAPE)
    click(app, button(play.stack[-1], "Save game"))
    dialog = play.stack[-1]
    dialog.entry.set_text("my game")
    click(app, button(dialog, "Save"))
    saved = play.sim.state_hash()
    click(app, button(play.stack[-1], "Resume"))
    _run(app, 30)
    press(app, pygame.K_ESCAPE)
    click(app, button(play.stack[-1], "Load game"))
    click(app, play.stack[-1].save_buttons["my game"])
    click(app, button(play.stack[-1], "Load anyway"), settle=2)  # pressed, then loaded
    assert play.stack == [] and play.sim.state_hash() == saved
    # saving again under the same name asks before replacing it
    press(app, pygame.K_ESCAPE)
    click(app, button(play.stack[-1], "Save game"))
    dialog = play.stack[-1]
    dialog.entry.set_text("my game")
    click(app, button(dialog, "Save"))
    assert play.stack[-1].name == "confirm" and "Replace" in play.stack[-1].title
    click(app, button(play.stack[-1], "Replace"))
    assert [o.name for o in play.stack] == ["pause"]
