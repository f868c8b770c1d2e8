"""Fixtures for the play scene: a dummy display and a scene on the small sample level."""

from __future__ import annotations

import pygame
import pytest


@pytest.fixture
def display():
    """A 1280x720 off-screen window (SDL dummy driver, set by the root conftest)."""
    from game.app.viewer import open_window

    screen = open_window((1280, 720), "test")
    yield screen
    pygame.quit()


@pytest.fixture
def sim(sample_level, balance):
    from game.sim.simulation import Simulation

    s = Simulation(sample_level, balance, seed=3)
    yield s
    s.close()


@pytest.fixture
def scene(display, sim):
    from game.app.scene import PlayScene

    return PlayScene(sim, display.get_size())


def post_key(key: int, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))


def post_click(pos: tuple[int, int], button: int = 1) -> None:
    """A real press and release at `pos` (pygame_gui needs the motion to know the hover)."""
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))


def pixel_spread(surface: pygame.Surface) -> float:
    """Standard deviation of all pixel values: ~0 for a blank picture."""
    arr = pygame.surfarray.array3d(surface)
    return float(arr.std())
