"""The way through the game with real posted events: title -> campaign -> briefing -> play,
the pause menu, saving and continuing, and the campaign's unlocks."""

from __future__ import annotations

import json

import pygame

from game.userdata import load_profile, profile_path, slot_path
from tests.app_screens.conftest import button, click, frames, press


def _run_ticks(app, n: int) -> None:
    """Let the play screen run about `n` ticks through its own loop (8x, 0.1 s frames)."""
    play = app.screen
    play.scene.clock.set_speed(8)
    start = play.sim.tick
    while play.sim.tick - start < n:
        app.frame(0.1)


def test_new_campaign_to_act1_briefing_to_play(app, campaign_dir):
    assert app.screen.name == "title"
    assert not button(app.screen, "Continue").is_enabled  # nothing saved yet
    click(app, button(app.screen, "Campaign"))
    assert app.screen.name == "campaign"
    assert list(app.screen.act_buttons) == [0]  # only act 1 is open in a new profile
    click(app, app.screen.act_buttons[0])
    assert app.screen.name == "briefing"
    assert app.screen.path == campaign_dir / "act1-neon-opening.tmx"
    assert app.screen.level is not None and not app.screen.problems
    click(app, button(app.screen, "Start ›"))
    assert app.screen.name == "play"
    assert app.screen.sim.level.title == "Test Act 1"
    _run_ticks(app, 20)
    assert app.screen.sim.tick >= 20
    assert app.ticks_run >= 20
    assert "click" in app.audio.played


def test_escape_save_quit_to_title_continue_restores_the_same_state(app):
    click(app, button(app.screen, "Campaign"))
    click(app, app.screen.act_buttons[0])
    click(app, button(app.screen, "Start ›"))
    play = app.screen
    _run_ticks(app, 90)
    press(app, pygame.K_ESCAPE)
    assert [o.name for o in play.stack] == ["pause"]
    paused_at = play.sim.tick
    frames(app, 5, 0.1)
    assert play.sim.tick == paused_at  # the game stands still under the menu
    click(app, button(play.stack[-1], "Save game"))
    assert play.stack[-1].name == "save"
    click(app, button(play.stack[-1], "Save"))
    assert [o.name for o in play.stack] == ["pause"]
    saved_hash = play.sim.state_hash()
    saves = list(slot_path("x").parent.glob("*.zip"))
    assert len(saves) == 1
    assert load_profile()[0].last_save == str(saves[0])
    assert play.unsaved_minutes == 0
    click(app, button(play.stack[-1], "Quit to title"))  # saved: no question asked
    assert app.screen.name == "title"
    assert button(app.screen, "Continue").is_enabled
    assert "Test Act 1" in app.screen.continue_text
    click(app, button(app.screen, "Continue"))
    assert app.screen.name == "play"
    assert app.screen.sim.state_hash() == saved_hash
    assert app.screen.sim.tick == paused_at


def test_quitting_with_unsaved_progress_asks_first(app):
    click(app, button(app.screen, "Campaign"))
    click(app, app.screen.act_buttons[0])
    click(app, button(app.screen, "Start ›"))
    play = app.screen
    _run_ticks(app, 30)
    press(app, pygame.K_ESCAPE)
    click(app, button(play.stack[-1], "Quit to title"))
    assert play.stack[-1].name == "confirm"
    assert "lose" in play.stack[-1].text
    click(app, button(play.stack[-1], "Cancel"))
    assert [o.name for o in play.stack] == ["pause"] and app.screen is play
    click(app, button(play.stack[-1], "Resume"))
    assert play.stack == []
    _run_ticks(app, 5)  # the game goes on
    press(app, pygame.K_ESCAPE)
    click(app, button(play.stack[-1], "Quit to title"))
    click(app, button(play.stack[-1], "Quit without saving"))
    assert app.screen.name == "title"
    assert not button(app.screen, "Continue").is_enabled


def test_a_won_act_unlocks_the_next_in_the_profile(app, campaign_dir):
    click(app, button(app.screen, "Campaign"))
    click(app, app.screen.act_buttons[0])
    click(app, button(app.screen, "Start ›"))
    play = app.screen
    play.result_delay = 0.0
    sim = play.sim
    while not sim.finished and sim.day < 4:  # the test acts are won on day 2
        sim.step()
    assert sim.outcome.status == "won", sim.outcome
    frames(app, 3)
    assert app.screen.name == "result"
    profile, problems = load_profile()
    assert problems == [] and profile.won == ["act1-neon-opening"]
    assert json.loads(profile_path().read_text())["won"] == ["act1-neon-opening"]
    assert "won" in app.audio.played
    result = app.screen
    assert result.status == "won"
    click(app, button(result, "Next act ›"))
    assert app.screen.name == "briefing"
    assert app.screen.path == campaign_dir / "act2-pure-smiles-rise.tmx"
    click(app, button(app.screen, "‹ Back"))
    assert app.screen.name == "campaign"
    assert sorted(app.screen.act_buttons) == [0, 1]  # act 2 is open now, act 3 not yet


def test_winning_the_fifth_act_leads_to_the_ending(app):
    app.profile.won = ["act1-neon-opening", "act2-pure-smiles-rise", "act3-the-summit",
                       "act4-aftermath"]  # fmt: skip
    click(app, button(app.screen, "Campaign"))
    assert sorted(app.screen.act_buttons) == [0, 1, 2, 3, 4]
    click(app, app.screen.act_buttons[4])
    click(app, button(app.screen, "Start ›"))
    play = app.screen
    play.result_delay = 0.0
    while not play.sim.finished and play.sim.day < 4:  # won on day 2
        play.sim.step()
    frames(app, 3)
    assert app.screen.name == "result" and app.screen.is_finale
    assert len(load_profile()[0].won) == 5
    click(app, button(app.screen, "The ending ›"))
    assert app.screen.name == "ending"
    frames(app, 8, 0.3)  # the words fade in, the crowd sways
    click(app, button(app.screen, "Back to the title"))
    assert app.screen.name == "title"


def test_play_without_a_level_opens_the_title_screen_and_quits_cleanly(capsys):
    from game.cli import main

    assert main(["play", "--quit-after", "0.5"]) == 0
    assert main(["play", "--watch"]) == 2
    assert "--watch needs --level" in capsys.readouterr().err
