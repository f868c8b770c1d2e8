"""Temporary: replaced below."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def open_tiled_map(path: str | Path, image_loader: Any = None) -> Any:
    import pytmx

    kw = {"image_loader": image_loader} if image_loader else {}
    return pytmx.TiledMap(str(path), **kw)
