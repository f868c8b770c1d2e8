"""Anything Tiled can write gets a loaded level or one clear error: never a traceback."""

from __future__ import annotations

import tracemalloc

import pytest

from game.cli import main
from game.level import LevelError, load_level
from tests.level.conftest import FIXTURES

# fixture -> what the one-line message must say
CLEAR_ERRORS = {
    "malformed": "not valid XML (unclosed token: line 7, column 2)",
    "not-a-map": "is a tileset, not a map",
    "foreign-root": "not a Tiled map (root element is <svg>)",
    "json-map": "is a JSON map (.tmj/.tsj/.json), which the game cannot read",
    "isometric": "is an isometric map: only orthogonal maps are supported",
    "staggered": "is a staggered (isometric) map: only orthogonal maps are supported",
    "hexagonal": "is a hexagonal map: only orthogonal maps are supported",
    "oblique": "is an oblique map: only orthogonal maps are supported",
    "zstd": "layer 'ground' uses zstd compression, which the game cannot read",
    "missing-tileset": "tileset 'nowhere.tsx' not found",
    "json-tileset": "tileset 'tiles.tsj' is a JSON tileset, which the game cannot read",
    "tile-template": "object #2 uses template 'templates/tile.tx', a tile object template",
    "missing-template": "object #2 uses template 'templates/lost.tx', which is not found",
    "list-property": "map property 'tags' is a list property (Tiled 1.12)",
    "class-property": "object #2 'Neon Plaza' property 'style' is a class property",
    "image-no-size-bad": "tileset 'fixture' image 'not-png.gif' has no width/height",
    "escape-tileset": "tileset '../../../../../../etc/passwd.tsx' points outside the level's "
    "folder",
    "escape-image": "tileset 'fixture' image '/etc/hosts' points outside the level's folder",
    "escape-image-layer": "image layer 'backdrop' image '../../../../../../etc/passwd' points "
    "outside the level's folder",
    "huge": "map size 100000x100000 tiles is too large (at most 1024x1024)",
    "zip-bomb": "layer 'ground' holds more tile data than its 4 tiles allow",
    "entity": "contains a DTD or entity declarations",
    "non-square": "tiles are 32x16: the game needs square tiles",
    "unknown-gid": "layer 'ground' uses tile id 99, which no tileset provides",
}


@pytest.mark.parametrize("name", sorted(CLEAR_ERRORS))
def test_clear_error_names_file_and_problem(name):
    with pytest.raises(LevelError) as info:
        load_level(FIXTURES / f"{name}.tmx")
    msg = str(info.value)
    assert CLEAR_ERRORS[name] in msg
    assert "\n" not in msg
    # the message starts with the file it is about (the map, or the tileset it points at)
    assert msg.startswith(str(FIXTURES)) or msg.startswith(str(FIXTURES / f"{name}.tmx"))


@pytest.mark.parametrize("name", sorted(CLEAR_ERRORS))
def test_validate_level_reports_unreadable_with_exit_2(name, capsys):
    assert main(["validate-level", str(FIXTURES / f"{name}.tmx")]) == 2
    out = capsys.readouterr()
    assert CLEAR_ERRORS[name] in out.out and "Traceback" not in out.out + out.err


def test_zip_bomb_is_never_inflated():
    tracemalloc.start()
    try:
        with pytest.raises(LevelError):
            load_level(FIXTURES / "zip-bomb.tmx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000  # the data inflates to 50 MB; we stop after 17 bytes


def test_missing_file():
    with pytest.raises(LevelError, match="nowhere.tmx: no such level file"):
        load_level(FIXTURES / "nowhere.tmx")


def test_missing_tileset_image_is_a_validation_error(capsys):
    level = load_level(FIXTURES / "missing-image.tmx")  # loads: the simulation needs no pixels
    assert [p.message for p in level.problems][0].startswith(
        "tileset 'fixture' image 'missing.png' not found"
    )
    assert main(["validate-level", str(FIXTURES / "missing-image.tmx")]) == 1


@pytest.mark.parametrize("reserved", ["name", "type", "id"])
def test_reserved_property_names(reserved, capsys):
    path = FIXTURES / f"reserved-{reserved}.tmx"
    assert main(["validate-level", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: layer 'zones' object #2 'Neon Plaza' (venue): has a custom property named "
        f"'{reserved}', which clashes with the object's own {reserved}: rename or remove the "
        "property"
    ]
