"""Tiled levels: load a .tmx into a plain `LevelData` (no images, no pygame display), check it.

- `schema`: the contract (object types, properties, map properties);
- `tmx`: safe reading and normalising of what Tiled writes (one clear `LevelError` otherwise);
- `loader`: `load_level(path) -> LevelData`;
- `validator`: `validate(level)` and `load_checked(path)` (refuses a level with problems).
"""

from __future__ import annotations

from game.level.loader import LevelData, LevelError, LevelObject, Problem, load_level

__all__ = ["LevelData", "LevelError", "LevelObject", "Problem", "load_level"]
