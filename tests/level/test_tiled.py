"""Real Tiled reads every shipped level: tmxrasterizer renders it, `tiled --export-map` exports it.

Needs Debian's `tiled` package (`.ci/run` installs it when it can); skipped with the reason
otherwise. Runs Qt headless with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from tests.level.conftest import FIXTURES, SHIPPED

TMXRASTERIZER = shutil.which("tmxrasterizer")
TILED = shutil.which("tiled")
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

needs_rasterizer = pytest.mark.skipif(
    TMXRASTERIZER is None, reason="Tiled's tmxrasterizer is not installed (apt-get install tiled)"
)
needs_tiled = pytest.mark.skipif(
    TILED is None, reason="Tiled is not installed (apt-get install tiled)"
)


@needs_rasterizer
@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_tmxrasterizer_renders_the_level(path, tmp_path):
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    out = tmp_path / f"{path.stem}.png"
    proc = subprocess.run(
        [TMXRASTERIZER, "--scale", "0.125", str(path), str(out)],
        env=ENV, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    pic = pygame.image.load(str(out))
    w, h = pic.get_size()
    assert (w, h) == (round(path_size(path)[0] * 4), round(path_size(path)[1] * 4))
    # not blank: many distinct colours, and neon (bright, saturated) pixels among them
    small = pygame.transform.scale(pic, (64, 48))
    pixels = {tuple(small.get_at((x, y)))[:3] for x in range(64) for y in range(48)}
    assert len(pixels) > 40  # a blank or flat picture has one or two
    assert any(max(p) > 180 and max(p) - min(p) > 120 for p in pixels)


def path_size(path):
    from game.level.tmx import read_map

    _, info = read_map(path)
    return info.width, info.height


@needs_tiled
@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_tiled_exports_the_level_to_json(path, tmp_path):
    out = tmp_path / f"{path.stem}.json"
    proc = subprocess.run(
        [TILED, "--export-map", "json", str(path), str(out)],
        env=ENV, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text())
    w, h = path_size(path)
    assert (data["width"], data["height"], data["orientation"]) == (w, h, "orthogonal")
    layers = {layer["name"]: layer for layer in data["layers"]}
    assert {"ground", "buildings", "decor", "districts", "zones", "places"} <= set(layers)
    places = [o["type"] for o in layers["places"]["objects"]]
    assert places.count("studio") == 1


@needs_tiled
def test_tiled_resolves_the_shipped_templates_like_the_game(tmp_path):
    """A map made of the shipped templates: Tiled and the loader agree on types and defaults."""
    from game.level import load_level

    out = tmp_path / "t.json"
    proc = subprocess.run(
        [TILED, "--detach-templates", "--export-map", "json",
         str(FIXTURES / "shipped-templates.tmx"), str(out)],
        env=ENV, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    tiled_objects = [o for layer in json.loads(out.read_text())["layers"]
                     if layer["type"] == "objectgroup" for o in layer["objects"]]  # fmt: skip
    ours = load_level(FIXTURES / "shipped-templates.tmx").objects
    assert [o["type"] for o in tiled_objects] == [o.type for o in ours]
    for t, o in zip(tiled_objects, ours, strict=True):
        tiled_props = {p["name"]: p["value"] for p in t.get("properties", [])}
        assert tiled_props == {k: v for k, v in o.properties.items()}, o.type
        assert (t["x"] / 32, t["y"] / 32) == (o.x, o.y)
