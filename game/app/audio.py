"""Sound: short effects for what happens in the game and an ambient loop.

The WAV files are made by `tools/make_sounds.py`. With no audio device (or SDL's dummy audio
driver) everything here is silent and raises nothing. Volumes apply at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import pygame

from game.sim.messages import Message
from game.userdata import Settings

logger = logging.getLogger(__name__)

SOUND_DIR = Path(__file__).resolve().parent.parent.parent / "assets" / "sound"
EFFECTS = ("click", "rally_announced", "event_starts", "clash", "recruit", "won", "lost")

# message kind -> effect; an outcome message picks won/lost from its data
MESSAGE_SOUNDS = {
    "rally_announced": "rally_announced",
    "event_started": "event_starts",
    "clash": "clash",
    "clash_resolved": "clash",
    "lead_recruited": "recruit",
}


class Audio:
    """Plays effects and the ambient loop; silent when there is no device."""

    def __init__(self, settings: Settings, sound_dir: Path = SOUND_DIR) -> None:
        self.settings = settings
        self.enabled = False
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.played: list[str] = []  # names of the effects played (tests and the log read it)
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            self.enabled = True
        except pygame.error as exc:
            logger.info("no audio device, sound is off: %s", exc)
            return
        for name in EFFECTS:
            path = sound_dir / f"{name}.wav"
            try:
                self.sounds[name] = pygame.mixer.Sound(str(path))
            except (pygame.error, FileNotFoundError) as exc:
                logger.warning("%s: cannot load sound (%s)", path, exc)
        self._ambient = sound_dir / "ambient.wav"
        self.apply_volumes()

    def apply_volumes(self) -> None:
        if not self.enabled:
            return
        s = self.settings
        for snd in self.sounds.values():
            snd.set_volume(s.master_volume * s.effects_volume)
        try:
            pygame.mixer.music.set_volume(s.master_volume * s.music_volume)
        except pygame.error:
            pass

    def start_ambient(self) -> None:
        if not self.enabled:
            return
        try:
            pygame.mixer.music.load(str(self._ambient))
            pygame.mixer.music.play(loops=-1, fade_ms=1500)
        except pygame.error as exc:
            logger.warning("%s: cannot play the ambient loop (%s)", self._ambient, exc)
        self.apply_volumes()

    def ensure_ambient(self) -> None:
        """Start the ambient loop unless it is already playing (screens change, music goes on)."""
        if not self.enabled:
            return
        try:
            busy = pygame.mixer.music.get_busy()
        except pygame.error:
            busy = False
        if not busy:
            self.start_ambient()

    def stop_ambient(self) -> None:
        if self.enabled:
            try:
                pygame.mixer.music.fadeout(500)
            except pygame.error:
                pass

    def play(self, name: str) -> None:
        self.played.append(name)
        snd = self.sounds.get(name)
        if snd is not None:
            try:
                snd.play()
            except pygame.error:
                pass

    def on_messages(self, messages: Iterable[Message]) -> None:
        """Play the effect for each message that has one (at most one of each per call)."""
        wanted: list[str] = []
        for m in messages:
            name = MESSAGE_SOUNDS.get(m.kind)
            if m.kind == "outcome":
                name = "won" if m.data.get("status") == "won" else "lost"
            if name and name not in wanted:
                wanted.append(name)
        for name in wanted:
            self.play(name)
