"""`python main.py screenshot --scene ...` renders every screen without a window, and every
screen fits the window at 1280x720, at 800x600 and at UI scale 1.5."""

from __future__ import annotations

import warnings

import numpy as np
import pygame
import pytest
from pygame_gui.elements import UIButton

from game.app.screens import SCENES
from game.cli import main
from tests.app_screens.conftest import frames


def _png(path):
    return pygame.surfarray.array3d(pygame.image.load(str(path)))


@pytest.mark.parametrize("scene", [s for s in SCENES if s not in ("custom", "ending")])
def test_cli_renders_each_screen(scene, campaign_dir, tmp_path, capsys):
    out = tmp_path / f"{scene}.png"
    level = campaign_dir / "act1-neon-opening.tmx"
    days = {"result": "2", "pause": "0"}.get(scene, "1")  # the test act is won on day 2
    args = [
        "screenshot",
        "--scene",
        scene,
        "--level",
        str(level),
        "--days",
        days,
        "--out",
        str(out),
    ]
    assert main(args) == 0, capsys.readouterr().err
    img = _png(out)
    assert img.shape[:2] == (1280, 720)
    assert img.std() > 20
    assert len(np.unique(img.reshape(-1, 3), axis=0)) > 100
    said = capsys.readouterr().out
    assert said.startswith(f"{out}: 1280x720, {scene}")
    if scene == "result":
        assert "won" in said


def test_cli_size_and_ui_scale(tmp_path, capsys):
    base = tmp_path / "title.png"
    assert main(["screenshot", "--scene", "title", "--out", str(base)]) == 0
    small = tmp_path / "title-800.png"
    assert main(["screenshot", "--scene", "title", "--size", "800x600", "--out", str(small)]) == 0
    big = tmp_path / "title-15.png"
    assert main(["screenshot", "--scene", "title", "--ui-scale", "1.5", "--out", str(big)]) == 0
    assert _png(small).shape[:2] == (800, 600)
    a, b = _png(base).astype(int), _png(big).astype(int)
    assert np.any(a != b, axis=2).mean() > 0.01  # bigger buttons and text
    capsys.readouterr()
    assert main(["screenshot", "--scene", "pause", "--out", str(tmp_path / "p.png")]) == 2
    assert "needs --level" in capsys.readouterr().err
    assert main(["screenshot", "--scene", "title", "--ui-scale", "3",
                 "--out", str(tmp_path / "x.png")]) == 2  # fmt: skip
    assert "ui-scale" in capsys.readouterr().err


def _show(app, scene, level_path, balance):
    from game.level.validator import load_checked
    from game.sim.simulation import Simulation

    if scene == "title":
        app.show_title()
    elif scene == "campaign":
        app.show_campaign()
    elif scene == "custom":
        app.show_custom()
    elif scene == "settings":
        app.show_settings()
    elif scene == "ending":
        app.show_ending()
    elif scene == "briefing":
        app.show_briefing(level_path)
    else:
        sim = Simulation(load_checked(level_path), balance, 1)
        if scene == "pause":
            app.play_sim(sim, level_path)
            app.screen.open_pause()
        else:
            while not sim.finished and sim.day < 4:
                sim.step()
            app.show_result(sim, level_path)


def _elements(screen):
    """(screen, its top-level buttons) and the same for the open overlays of a play screen."""
    out = [screen]
    out += getattr(screen, "stack", [])
    return out


@pytest.mark.parametrize("size,scale", [((800, 600), 1.0), ((1280, 720), 1.5), ((800, 600), 1.5)])
def test_every_screen_fits_the_window(size, scale, balance, campaign_dir):
    from game.app.app import App
    from game.app.viewer import open_window
    from game.userdata import CAMPAIGN, Profile, Settings

    window = open_window(size, "fit")
    app = App(window, balance, levels_dir=campaign_dir, settings=Settings(ui_scale=scale),
              profile=Profile(won=list(CAMPAIGN[:2])), persist=False)  # fmt: skip
    level = campaign_dir / "act1-neon-opening.tmx"
    bounds = pygame.Rect(0, 0, *size)
    try:
        for scene in SCENES:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                _show(app, scene, level, balance)
                frames(app, 6)
            too_small = [str(w.message) for w in caught if "too small" in str(w.message)]
            assert not too_small, (scene, too_small)
            assert pygame.surfarray.array3d(app.surface).std() > 10, scene
            for screen in _elements(app.screen):
                tops = [
                    b
                    for b in screen.buttons
                    if isinstance(b, UIButton)
                    and b.ui_container is screen.manager.get_root_container()
                ]
                for b in tops:
                    assert bounds.contains(b.rect), (scene, screen.name, b.text, b.rect)
                for i, b in enumerate(tops):
                    for c in tops[i + 1 :]:
                        assert not b.rect.colliderect(c.rect), (scene, b.text, c.text)
    finally:
        app.close()
        pygame.quit()
