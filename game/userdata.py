"""The player's files: settings, campaign profile and save slots, in the user's folders.

Everything is read defensively: a broken or half-written settings or profile file is reported
(one line, naming the file and the problem) and replaced by defaults, never a crash. Everything
is written atomically (temp file, fsync, rename). Folders come from platformdirs and can be
redirected with the SMILE_STUDIO_HOME environment variable (tests and portable installs).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

APP = "smile-studio-2145"

# action -> key name as pygame.key.name spells it; "shift+" in front means with Shift held
DEFAULT_KEYS: dict[str, str] = {
    "pause": "space",
    "speed_1": "1",
    "speed_2": "2",
    "speed_4": "3",
    "speed_8": "4",
    "pan_up": "w",
    "pan_down": "s",
    "pan_left": "a",
    "pan_right": "d",
    "zoom_in": "=",
    "zoom_out": "-",
    "overlay_opinion": "o",
    "overlay_density": "c",
    "overlay_districts": "t",
    "overlay_reach": "r",
    "panel_goals": "j",
    "panel_studio": "u",
    "panel_leads": "l",
    "panel_events": "e",
    "panel_calendar": "k",
    "book_event": "return",
    "start_earlier": "[",
    "start_later": "]",
    "buy_chair": "shift+c",
    "hire_sculptor": "shift+h",
    "recruit_lead": "shift+r",
    "quicksave": "f5",
    "quickload": "f9",
    "menu": "escape",
}


def data_dir() -> Path:
    """Where saves and the profile live."""
    home = os.environ.get("SMILE_STUDIO_HOME")
    if home:
        return Path(home) / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    """Where the settings file lives."""
    home = os.environ.get("SMILE_STUDIO_HOME")
    if home:
        return Path(home) / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def user_levels_dir() -> Path:
    return data_dir() / "levels"


def saves_dir() -> Path:
    return data_dir() / "saves"


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` through a temp file and a rename (the old file survives a crash)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- settings


@dataclass(slots=True)
class Settings:
    """What the player can set; each value is checked when read."""

    master_volume: float = 0.8
    music_volume: float = 0.6
    effects_volume: float = 0.8
    ui_scale: float = 1.0
    palette: str = "standard"  # or "colorblind"
    fullscreen: bool = False
    autosave_slots: int = 3
    keys: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_KEYS))

    LIMITS = {
        "master_volume": (0.0, 1.0),
        "music_volume": (0.0, 1.0),
        "effects_volume": (0.0, 1.0),
        "ui_scale": (0.75, 2.0),
        "autosave_slots": (1, 20),
    }
    PALETTES = ("standard", "colorblind")

    def reset_keys(self) -> None:
        self.keys = dict(DEFAULT_KEYS)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _check_settings(data: Any) -> tuple[Settings, list[str]]:
    """Build Settings from JSON; every bad value is named and replaced by its default."""
    s = Settings()
    problems: list[str] = []
    if not isinstance(data, dict):
        return s, ["the file must hold a JSON object"]
    known = {f.name for f in fields(Settings)}
    for key in sorted(set(data) - known):
        problems.append(f"unknown setting '{key}' ignored")
    for name, (lo, hi) in Settings.LIMITS.items():
        if name not in data:
            continue
        v = data[name]
        want_int = isinstance(getattr(s, name), int)
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) and lo <= v <= hi
        if ok and want_int and not float(v).is_integer():
            ok = False
        if ok:
            setattr(s, name, int(v) if want_int else float(v))
        else:
            problems.append(f"'{name}' = {v!r} is not between {lo} and {hi}; using the default")
    if "palette" in data:
        if data["palette"] in Settings.PALETTES:
            s.palette = data["palette"]
        else:
            problems.append(
                f"'palette' = {data['palette']!r} is not one of "
                f"{', '.join(Settings.PALETTES)}; using the default"
            )
    if "fullscreen" in data:
        if isinstance(data["fullscreen"], bool):
            s.fullscreen = data["fullscreen"]
        else:
            problems.append(f"'fullscreen' = {data['fullscreen']!r} must be true or false")
    if "keys" in data:
        keys = data["keys"]
        if not isinstance(keys, dict):
            problems.append("'keys' must be an object of action -> key; using the defaults")
        else:
            for action, key in keys.items():
                if action not in DEFAULT_KEYS:
                    problems.append(f"unknown key action '{action}' ignored")
                elif not isinstance(key, str) or not key or len(key) > 20:
                    problems.append(f"key for '{action}' = {key!r} is not a key name")
                else:
                    s.keys[action] = key
    return s, problems


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The saved settings (defaults if none) and a list of readable problems found."""
    p = path or settings_path()
    if not p.exists():
        return Settings(), []
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        msg = f"{p}: the settings file is broken ({exc}); using the defaults"
        logger.warning(msg)
        return Settings(), [msg]
    s, problems = _check_settings(data)
    problems = [f"{p}: {x}" for x in problems]
    for msg in problems:
        logger.warning(msg)
    return s, problems


def save_settings(s: Settings, path: Path | None = None) -> Path:
    p = path or settings_path()
    atomic_write_text(p, json.dumps(asdict(s), indent=2, sort_keys=True) + "\n")
    return p


# --------------------------------------------------------------------------- campaign profile

CAMPAIGN = (
    "act1-neon-opening",
    "act2-pure-smiles-rise",
    "act3-the-summit",
    "act4-aftermath",
    "act5-resonance-day",
)


@dataclass(slots=True)
class Profile:
    """Campaign progress: which acts are won (each unlocks the next) and the last save."""

    won: list[str] = field(default_factory=list)
    last_save: str = ""

    def unlocked(self, act_index: int) -> bool:
        """Act 1 is always open; act N opens when act N-1 is won."""
        return act_index == 0 or CAMPAIGN[act_index - 1] in self.won

    def mark_won(self, level_stem: str) -> None:
        if level_stem not in self.won:
            self.won.append(level_stem)


def profile_path() -> Path:
    return data_dir() / "profile.json"


def load_profile(path: Path | None = None) -> tuple[Profile, list[str]]:
    p = path or profile_path()
    if not p.exists():
        return Profile(), []
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        won = data["won"]
        last = data.get("last_save", "")
        if not isinstance(won, list) or not all(isinstance(w, str) for w in won):
            raise ValueError("'won' must be a list of level names")
        if not isinstance(last, str):
            raise ValueError("'last_save' must be a path")
    except (
        OSError,
        UnicodeDecodeError,
        json.JSONDecodeError,
        RecursionError,
        KeyError,
        TypeError,
        ValueError,
    ) as exc:
        msg = f"{p}: the profile is broken ({exc}); starting a new one"
        logger.warning(msg)
        return Profile(), [msg]
    return Profile(won=[w for w in won if w in CAMPAIGN], last_save=last), []


def save_profile(profile: Profile, path: Path | None = None) -> Path:
    p = path or profile_path()
    atomic_write_text(p, json.dumps(asdict(profile), indent=2) + "\n")
    return p


# --------------------------------------------------------------------------- save slots


def slot_path(name: str) -> Path:
    """A named slot's file ('quick', 'autosave-1', or a player's name)."""
    safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in name).strip() or "save"
    return saves_dir() / f"{safe[:60]}.zip"


def next_autosave_slot(count: int) -> Path:
    """The autosave slot to write next: the oldest of `count` rotating slots."""
    slots = [slot_path(f"autosave-{i}") for i in range(1, max(1, count) + 1)]
    missing = [s for s in slots if not s.exists()]
    if missing:
        return missing[0]
    return min(slots, key=lambda s: s.stat().st_mtime_ns)


def list_saves() -> list[Path]:
    """Every save in the saves folder, newest first."""
    folder = saves_dir()
    if not folder.exists():
        return []
    return sorted(folder.glob("*.zip"), key=lambda s: s.stat().st_mtime_ns, reverse=True)
