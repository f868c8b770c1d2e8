"""Test set-up: no window, no audio device, a fresh esper state for every test."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import esper  # noqa: E402
import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# CI must not fail on a new random draw: there the property tests are derandomised (the same
# examples every run); on a developer's machine they explore afresh each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_LEVEL = ROOT / "tests" / "fixtures" / "sample-tiny.tmx"


@pytest.fixture(autouse=True)
def _fresh_esper():
    """esper is global: wipe every world after each test (as esper's own tests do)."""
    yield
    esper.switch_world("default")
    esper.clear_database()
    for name in esper.list_worlds():
        if name != "default":
            esper.delete_world(name)


@pytest.fixture(scope="session")
def sample_level():
    from game.level import load_level

    return load_level(SAMPLE_LEVEL)


@pytest.fixture(scope="session")
def balance():
    from game.sim.balance import load_balance

    return load_balance()
