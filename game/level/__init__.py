"""Tiled levels: load a .tmx into a plain `LevelData` (no images, no pygame display)."""

from __future__ import annotations

from game.level.loader import LevelData, LevelError, LevelObject, load_level

__all__ = ["LevelData", "LevelError", "LevelObject", "load_level"]
