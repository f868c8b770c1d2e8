"""The loader: every shipped level loads, properties are typed with defaults, grids are right."""

from __future__ import annotations

import numpy as np
import pytest

from game.level import load_level
from game.level.loader import rasterise_districts
from tests.level.conftest import FIXTURES, SHIPPED

EXPECTED_LEVELS = {
    "act1-neon-opening": (1, 100, 75, 6000),
    "act2-pure-smiles-rise": (2, 110, 80, 10000),
    "act3-the-summit": (3, 120, 85, 10000),
    "act4-aftermath": (4, 110, 80, 10000),
    "act5-resonance-day": (5, 120, 90, 10000),
    "sandbox-open-city": (0, 200, 150, 100000),
}


def test_the_six_levels_are_shipped():
    assert {p.stem for p in SHIPPED} == set(EXPECTED_LEVELS)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_level_loads_with_its_act(path):
    level = load_level(path)
    act, w, h, pop = EXPECTED_LEVELS[path.stem]
    assert (level.properties["act"], level.width, level.height) == (act, w, h)
    assert level.properties["population"] == pop
    assert level.tile_size == 32
    assert level.walkable.shape == (h, w) and level.walkable.dtype == bool
    # a city: streets and buildings both
    assert 0.5 < level.walkable.mean() < 0.9
    assert level.district_grid.shape == (h, w)
    assert (level.district_grid >= 0).mean() > 0.9
    kinds = {o.properties["kind"] for o in level.of_type("venue")}
    assert len(kinds) >= 3, kinds
    assert len(level.districts) >= 4
    assert {d.properties["tribe"] for d in level.districts} >= {"chrome", "naturals", "drifters"}
    assert len(level.of_type("home")) >= 8 and len(level.of_type("rally_point")) >= 2
    assert level.problems == []


def test_levels_are_distinct_parts_of_the_city():
    grids = [load_level(p).walkable for p in SHIPPED]
    titles = {load_level(p).title for p in SHIPPED}
    assert len(titles) == 6
    for i in range(len(grids)):
        for j in range(i + 1, len(grids)):
            if grids[i].shape == grids[j].shape:
                assert (grids[i] != grids[j]).mean() > 0.2


def test_properties_are_typed_and_defaults_filled():
    level = load_level(FIXTURES / "ok.tmx")
    venue = level.of_type("venue")[0]
    assert venue.properties == {"kind": "plaza", "capacity": 120}
    rally = level.of_type("rally_point")[0]
    assert rally.properties == {"capacity": 400, "weight": 1.5}
    assert isinstance(rally.properties["weight"], float)
    home = level.of_type("home")[0]
    assert home.properties == {"residents": 2.0}
    studio = level.of_type("studio")[0]
    assert studio.properties == {}
    p = level.properties
    assert p["population"] == 500 and p["act"] == 1 and p["title"] == "Fixture Block"
    # map-property defaults from the contract
    assert p["difficulty"] == "normal" and p["start_credits"] == 5000
    assert p["rally_frequency"] == 1.0 and p["momentum_start"] == 30.0 and p["aggression"] == 1.0
    assert p["leads_available"] == "zara,roth,milo,arian" and p["leads_start"] == "zara"
    assert level.leads("leads_start") == ("zara",)
    assert p["win"] == "customers >= 10 by day 3"


def test_polygon_points_are_absolute_tile_coordinates():
    level = load_level(FIXTURES / "ok.tmx")
    lumen, docks = level.districts
    assert lumen.points == ((0.0, 0.0), (12.0, 0.0), (12.0, 16.0), (0.0, 16.0))
    assert lumen.shape == "polygon" and docks.shape == "rectangle"
    assert (docks.x, docks.y, docks.width, docks.height) == (12, 0, 12, 16)
    grid = level.district_grid
    assert (grid[:, :12] == 0).all() and (grid[:, 12:] == 1).all()


def test_polygon_offset_by_object_position(tmp_path):
    """Tiled writes polygon points relative to the object; pytmx adds x/y (a triangle at 4,2)."""
    zeros = ",".join(["0"] * 12 * 10)
    (tmp_path / "tri.tmx").write_text(
        '<map orientation="orthogonal" width="12" height="10" tilewidth="32" tileheight="32">'
        f'<layer name="g" width="12" height="10"><data encoding="csv">{zeros}</data></layer>'
        '<objectgroup name="d"><object id="1" name="Tri" type="district" x="128" y="64">'
        '<polygon points="0,0 192,0 0,192"/></object></objectgroup></map>'
    )
    level = load_level(tmp_path / "tri.tmx")
    tri = level.districts[0]
    assert tri.points == ((4.0, 2.0), (10.0, 2.0), (4.0, 8.0))
    assert level.district_grid is not None
    grid = rasterise_districts(level)
    ys, xs = np.nonzero(grid == 0)
    # exactly the tiles whose centre is inside x >= 4, y >= 2, x + y < 12
    expected = {(x, y) for y in range(10) for x in range(12)
                if x + 0.5 > 4 and y + 0.5 > 2 and x + y + 1 < 12}  # fmt: skip
    assert set(zip(xs.tolist(), ys.tolist(), strict=True)) == expected
    assert (level.district_grid == grid).all()


def test_tile_property_solid_makes_walls():
    level = load_level(FIXTURES / "ok.tmx")
    assert not level.walkable[0, :].any() and not level.walkable[:, 0].any()
    assert not level.walkable[1, 18] and level.walkable[3, 20]  # the vault: walls round a room
    assert level.walkable[5, 5]


@pytest.mark.parametrize(
    "name", ["base64-raw", "base64-zlib", "base64-gzip", "xml-layer", "class-attr", "image-no-size"]
)
def test_every_encoding_and_type_attribute_gives_the_same_level(name):
    ok = load_level(FIXTURES / "ok.tmx")
    other = load_level(FIXTURES / f"{name}.tmx")
    assert (other.walkable == ok.walkable).all()
    assert [(o.type, o.name, o.properties) for o in other.objects] == [
        (o.type, o.name, o.properties) for o in ok.objects
    ]


def test_infinite_map_is_clipped_to_its_painted_area():
    ok = load_level(FIXTURES / "ok.tmx")
    inf = load_level(FIXTURES / "infinite.tmx")
    assert (inf.width, inf.height) == (32, 16)
    assert (inf.walkable[:, :24] == ok.walkable).all() and inf.walkable[:, 24:].all()
    assert [(o.x, o.y, o.points) for o in inf.objects] == [(o.x, o.y, o.points) for o in ok.objects]
    assert any("clipped" in p.message for p in inf.problems)


def test_templates_are_resolved():
    level = load_level(FIXTURES / "template.tmx")
    venue = level.of_type("venue")[0]
    assert venue.name == "Template Plaza"
    assert venue.properties == {"kind": "gallery", "capacity": 300}
    assert (venue.x, venue.y, venue.width, venue.height) == (8, 2, 4, 3)


def test_group_layers_keep_order_names_and_hidden_state():
    level = load_level(FIXTURES / "groups.tmx")
    # the walls layer sits in a hidden group: ignored, and said so
    assert level.walkable[3:8, 3].all()
    assert "draft/walls" in level.hidden_layers
    assert any(p.where == "layer 'draft/walls'" and p.severity == "warning" for p in level.problems)
    assert {o.layer for o in level.objects} == {"city/zones"}
    assert len(level.objects) == 10


def test_unknown_types_are_kept_with_a_warning():
    level = load_level(FIXTURES / "warn-unknown-type.tmx")
    kiosk = [o for o in level.objects if o.type == "kiosk"]
    assert len(kiosk) == 1
    assert [p.format("x") for p in level.problems] == [
        "x: warning: layer 'zones' object #11 'Kiosk' (kiosk): unknown object type 'kiosk' "
        "(ignored)"
    ]
