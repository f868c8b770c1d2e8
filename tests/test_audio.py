"""Sound: the generator is deterministic, effects load, messages map to effects, no device is
silent rather than an error."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pygame

from game.app.audio import EFFECTS, SOUND_DIR, Audio
from game.sim.messages import Message
from game.userdata import Settings
from tests.conftest import ROOT


def _digest():
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SOUND_DIR.glob("*.wav")}


def test_generator_reproduces_the_committed_files(tmp_path):
    before = _digest()
    assert {f"{e}.wav" for e in EFFECTS} | {"ambient.wav"} <= set(before)
    subprocess.run([sys.executable, "tools/make_sounds.py"], cwd=ROOT, check=True,
                   capture_output=True)
    assert _digest() == before


def test_messages_play_their_effects_and_volumes_apply():
    audio = Audio(Settings())
    audio.on_messages([
        Message(5, "rally_announced", "Rally at Chrome Corner at 14:00"),
        Message(5, "rally_announced", "another"),
        Message(6, "outcome", "Level won", {"status": "won"}),
        Message(6, "policy_changed", "no sound for this"),
    ])
    assert audio.played == ["rally_announced", "won"]
    audio.settings.master_volume = 0.0
    audio.apply_volumes()
    if audio.enabled and "click" in audio.sounds:
        assert audio.sounds["click"].get_volume() == 0.0
    pygame.mixer.quit()


def test_no_audio_device_is_silent(monkeypatch):
    def no_device(*_a, **_k):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    audio = Audio(Settings())
    assert not audio.enabled
    audio.start_ambient()
    audio.play("click")
    assert audio.played == ["click"]
