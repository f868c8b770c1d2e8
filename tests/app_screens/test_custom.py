"""Custom level: the shipped and the player's own levels are listed; a broken one shows the
validator's problems instead of crashing and cannot be started; a good one leads to play."""

from __future__ import annotations

import time

from game.userdata import user_levels_dir
from tests.app_screens.conftest import button, click, frames, sample_copy


def test_broken_levels_are_listed_with_their_problems(app):
    mine = user_levels_dir()
    sample_copy(mine, "my-block", "My Block")
    bad = sample_copy(mine, "no-studio", "No Studio")
    bad.write_text(bad.read_text().replace('type="studio"', 'type="shop"'))
    (mine / "garbage.tmx").write_text("<map><this is not xml", encoding="utf-8")
    click(app, button(app.screen, "Custom level"))
    screen = app.screen
    assert screen.name == "custom"
    names = [lv.path.name for lv in screen.levels]
    assert names[-3:] == ["garbage.tmx", "my-block.tmx", "no-studio.tmx"]  # after the shipped
    for _ in range(400):  # the levels are checked on a worker thread
        if screen.all_checked:
            break
        frames(app, 1)
        time.sleep(0.02)
    frames(app, 2)
    by_name = {lv.path.name: lv for lv in screen.levels}
    assert all(lv.checked for lv in screen.levels)
    assert by_name["my-block.tmx"].ok
    no_studio = by_name["no-studio.tmx"]
    assert not no_studio.ok and any("studio" in p for p in no_studio.problems)
    garbage = by_name["garbage.tmx"]
    assert not garbage.ok and garbage.problems and "garbage.tmx" in garbage.problems[0]
    i = names.index("no-studio.tmx")
    click(app, screen.row_buttons[i])
    assert screen.current is no_studio
    assert not screen.play_button.is_enabled
    assert "problem" in screen.row_buttons[i].text
    assert screen.problem_box is not None and "studio" in screen.problem_box.html_text
    frames(app, 2)  # draws the problems without trouble
    i = names.index("my-block.tmx")
    click(app, screen.row_buttons[i])
    assert screen.play_button.is_enabled
    click(app, screen.play_button)
    assert app.screen.name == "briefing" and app.screen.back_to == "custom"
    click(app, button(app.screen, "Start ›"))
    assert app.screen.name == "play" and app.screen.sim.level.title == "My Block"
