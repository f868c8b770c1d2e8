"""Settings, profile and save slots: defaults, broken files replaced with a message, atomic writes."""

from __future__ import annotations

import json
import os
import time

import pytest

from game import userdata
from game.userdata import (
    DEFAULT_KEYS,
    Profile,
    Settings,
    load_profile,
    load_settings,
    next_autosave_slot,
    save_profile,
    save_settings,
)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SMILE_STUDIO_HOME", str(tmp_path))
    return tmp_path


def test_settings_round_trip_and_rebinding():
    s = Settings()
    s.keys["pause"] = "p"
    s.ui_scale = 1.5
    save_settings(s)
    loaded, problems = load_settings()
    assert problems == [] and loaded.keys["pause"] == "p" and loaded.ui_scale == 1.5
    loaded.reset_keys()
    assert loaded.keys == DEFAULT_KEYS


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "the settings file is broken"),
        ("[1, 2]", "must hold a JSON object"),
        ('{"ui_scale": 9}', "'ui_scale' = 9 is not between 0.75 and 2.0; using the default"),
        ('{"palette": "neon"}', "'palette' = 'neon' is not one of standard, colorblind"),
        ('{"keys": {"fly": "f"}}', "unknown key action 'fly' ignored"),
        ('{"autosave_slots": 2.5}', "'autosave_slots' = 2.5 is not between 1 and 20"),
    ],
)
def test_broken_settings_are_reported_and_replaced(text, message):
    path = userdata.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(text)
    s, problems = load_settings()
    assert isinstance(s, Settings)
    assert any(message in p and str(path) in p for p in problems), problems


def test_profile_unlocks_acts_in_order_and_survives_breakage():
    p = Profile()
    assert p.unlocked(0) and not p.unlocked(1)
    p.mark_won("act1-neon-opening")
    save_profile(p)
    loaded, problems = load_profile()
    assert problems == [] and loaded.unlocked(1) and not loaded.unlocked(2)
    userdata.profile_path().write_text(json.dumps({"won": "everything"}))
    fresh, problems = load_profile()
    assert fresh.won == [] and "the profile is broken" in problems[0]


def test_autosave_rotates_through_the_oldest_slot():
    first = next_autosave_slot(2)
    first.parent.mkdir(parents=True)
    first.write_text("a")
    second = next_autosave_slot(2)
    assert second != first
    second.write_text("b")
    old = time.time() - 100
    os.utime(first, (old, old))
    assert next_autosave_slot(2) == first
    assert userdata.slot_path("../../etc/passwd").parent == userdata.saves_dir()
