"""Fixtures for the screens around the play scene: a private user folder, a small campaign made
of the sample level, an `App` on a dummy display, and real posted pygame events."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
CAMPAIGN_STEMS = (
    "act1-neon-opening",
    "act2-pure-smiles-rise",
    "act3-the-summit",
    "act4-aftermath",
    "act5-resonance-day",
)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Every test gets its own settings, profile, saves and levels folders."""
    h = tmp_path / "home"
    monkeypatch.setenv("SMILE_STUDIO_HOME", str(h))
    return h


def sample_copy(folder: Path, stem: str, title: str, act: int = 0, extra: str = "") -> Path:
    """The sample level (and its tileset) copied to `folder/stem.tmx` with new map properties."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("sample-tiles.tsx", "sample-tiles.png"):
        if not (folder / name).exists():
            shutil.copy(FIXTURES / name, folder / name)
    text = (FIXTURES / "sample-tiny.tmx").read_text(encoding="utf-8")
    props = (
        f'<property name="title" value="{title}"/>\n'
        f'  <property name="act" type="int" value="{act}"/>\n'
        f'  <property name="intro" value="{title}: a small block of the city for tests."/>\n'
        f"  {extra}"
    )
    text = text.replace('<property name="title" value="Sample Block"/>', props, 1)
    path = folder / f"{stem}.tmx"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def campaign_dir(tmp_path):
    """Five acts made of the sample level; each is won early on day 2 (`day >= 2`)."""
    folder = tmp_path / "levels"
    for i, stem in enumerate(CAMPAIGN_STEMS):
        win = '<property name="win" value="day &gt;= 2"/>'
        sample_copy(folder, stem, f"Test Act {i + 1}", act=i + 1, extra=win)
    return folder


@pytest.fixture
def window():
    from game.app.viewer import open_window

    screen = open_window((1280, 720), "test")
    yield screen
    pygame.quit()


@pytest.fixture
def app(window, balance, campaign_dir):
    from game.app.app import App

    a = App(window, balance, seed=3, levels_dir=campaign_dir)
    a.show_title()
    frames(a, 2)
    yield a
    a.close()


def frames(app, n: int = 2, dt: float = 1 / 60) -> None:
    for _ in range(n):
        app.frame(dt)


def click(app, element, settle: int = 3) -> None:
    """A real press and release on a pygame_gui element, then frames for pygame_gui to react."""
    pos = element.rect.center
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    frames(app, settle)


def press(app, key: int, settle: int = 2, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
    frames(app, settle)


def button(screen, text: str):
    """The button of `screen` whose text is `text`."""
    for b in screen.buttons:
        if getattr(b, "text", None) == text:
            return b
    raise AssertionError(f"no button '{text}' on {screen.name}: {[b.text for b in screen.buttons]}")
