"""tools/make_sprites.py draws the same portraits and map sprites every time."""

from __future__ import annotations

import importlib.util
import sys

import pygame

from tests.conftest import ROOT


def _tool():
    spec = importlib.util.spec_from_file_location(
        "make_sprites", ROOT / "tools" / "make_sprites.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is made
    spec.loader.exec_module(mod)
    return mod


def test_sprites_are_deterministic_and_match_the_shipped_ones(tmp_path):
    tool = _tool()
    a = tool.make_all(tmp_path / "a")
    b = tool.make_all(tmp_path / "b")
    assert len(a) == 2 * len(tool.WHO)
    for fa, fb in zip(a, b, strict=True):
        assert pygame.image.tobytes(pygame.image.load(str(fa)), "RGBA") == pygame.image.tobytes(
            pygame.image.load(str(fb)), "RGBA"
        )
        shipped = ROOT / "assets" / "ui" / fa.relative_to(tmp_path / "a")
        assert shipped.is_file(), f"{shipped} missing: run tools/make_sprites.py"
        assert pygame.image.tobytes(
            pygame.image.load(str(shipped)), "RGBA"
        ) == pygame.image.tobytes(pygame.image.load(str(fa)), "RGBA"), (
            f"{shipped} is stale: run tools/make_sprites.py"
        )


def test_portraits_and_map_sprites_have_their_sizes(tmp_path):
    tool = _tool()
    for who in tool.WHO:
        assert tool.draw_portrait(who).get_size() == (96, 96)
        spr = tool.draw_map_sprite(who)
        assert spr.get_size() == (24, 32)
        assert spr.get_at((0, 0)).a == 0  # transparent around the figure
        assert spr.get_at((12, 9)).a == 255
