"""Generated files are up to date: the designer's kit, the fixtures, the art and the maps."""

from __future__ import annotations

import json
import os
import sys

import pytest

from tests.conftest import ROOT
from tests.level.conftest import FIXTURES

sys.path.insert(0, str(ROOT))

from tests.fixtures import make_fixtures  # noqa: E402
from tools import gen_tiled_project, make_levels, make_tilesets  # noqa: E402


def test_designer_kit_is_up_to_date():
    stale = [str(p.relative_to(ROOT)) for p in gen_tiled_project.stale()]
    assert stale == [], f"run python tools/gen_tiled_project.py ({stale})"


def test_project_file_has_enums_classes_and_commands():
    project = json.loads(gen_tiled_project.PROJECT.read_text())
    enums = {t["name"]: t["values"] for t in project["propertyTypes"] if t["type"] == "enum"}
    assert enums["tribe"] == ["chrome", "naturals", "glowfangs", "drifters"]
    assert enums["venue_kind"][0] == "plaza" and "ar_lab" in enums["venue_kind"]
    assert set(enums) >= {"tribe", "income", "venue_kind", "daytime_kind", "lead", "difficulty"}
    classes = {t["name"]: t for t in project["propertyTypes"] if t["type"] == "class"}
    assert set(classes) == {"studio", "venue", "rally_point", "district", "home", "daytime",
                            "lead", "level"}  # fmt: skip
    venue = {m["name"]: m for m in classes["venue"]["members"]}
    assert venue["kind"] == {"name": "kind", "propertyType": "venue_kind", "type": "string",
                             "value": "plaza"}  # fmt: skip
    play = project["commands"][0]
    assert play["command"] == ".venv/bin/python"
    assert play["arguments"] == "main.py play --level %mapfile --watch"
    assert play["workingDirectory"] == "%projectpath/.." and play["saveBeforeExecute"]
    ids = [t["id"] for t in project["propertyTypes"]]
    assert len(ids) == len(set(ids))


def test_fixtures_are_up_to_date():
    stale = []
    for name, content in make_fixtures.fixtures().items():
        data = content.encode() if isinstance(content, str) else content
        path = FIXTURES / name
        if not path.exists() or path.read_bytes() != data:
            stale.append(name)
    assert stale == [], "run python tests/fixtures/make_fixtures.py"


def test_maps_are_what_the_generator_makes(tmp_path):
    assert make_levels.main(["make_levels", str(tmp_path)]) == 0
    for plan in make_levels.LEVELS:
        made = (tmp_path / plan.file).read_text()
        committed = (ROOT / "levels" / plan.file).read_text()
        # tileset paths are relative to the output folder: compare everything else
        strip = [ln for ln in made.splitlines() if "<tileset " not in ln]
        assert strip == [ln for ln in committed.splitlines() if "<tileset " not in ln], plan.file


@pytest.fixture(scope="module")
def pygame_dummy():
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    return pygame


def test_tilesets_are_reproduced_pixel_for_pixel(tmp_path, pygame_dummy):
    pygame = pygame_dummy
    make_tilesets.write_all(tmp_path)
    for ts in make_tilesets.TILESETS:
        committed = ROOT / "assets" / "tiles" / f"{ts.name}.png"
        a = pygame.image.load(str(committed))
        b = pygame.image.load(str(tmp_path / f"{ts.name}.png"))
        assert a.get_size() == b.get_size()
        assert pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA"), ts.name
        assert (tmp_path / f"{ts.name}.tsx").read_text() == committed.with_suffix(
            ".tsx"
        ).read_text()


def test_tilesets_have_the_neon_city_tiles():
    names = {t.name for ts in make_tilesets.TILESETS for t in ts.tiles}
    for needed in ("asphalt", "road_dash_h", "crosswalk_h", "sidewalk_0", "plaza_0", "grass_0",
                   "water_0", "bridge_h", "chrome_c", "glowfang_n", "tower_s", "studio_0_0",
                   "gallery_0_0", "clinic_0_0", "ar_lab_0_0", "stage_0_0", "sign_magenta_0",
                   "sign_cyan_0", "sign_amber_0", "lamp", "tree"):  # fmt: skip
        assert needed in names
    solid = {t.name for ts in make_tilesets.TILESETS for t in ts.tiles if t.solid}
    assert "water_5" in solid and "studio_1_1" in solid and "asphalt" not in solid
    assert "lamp" not in solid
