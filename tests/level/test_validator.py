"""The validator: one failing fixture per rule with its exact message; exit codes 0/1/2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.cli import main
from game.level import load_level
from game.level.validator import LevelInvalid, load_checked, validate
from tests.conftest import ROOT
from tests.level.conftest import FIXTURES, SHIPPED

Z = "layer 'zones' object"
RULES = {
    "rule-no-studio": "no studio: place exactly one object of type 'studio'",
    "rule-two-studios": f"{Z} #11 'Second Studio' (studio): is one of 2 studios: a level has "
    "exactly one",
    "rule-no-venue": "no venue: place at least one object of type 'venue'",
    "rule-no-rally": "no rally point: place at least one object of type 'rally_point'",
    "rule-no-home": "no home: place at least one object of type 'home'",
    "rule-no-lead-spot": "no lead spot for 'milo': the level lets the player recruit Milo "
    "Trevane, so place a 'lead' object with lead = milo",
    "rule-leads-start": "map properties: leads_start names 'milo', who is not in leads_available",
    "rule-outside": f"{Z} #2 'Neon Plaza' (venue): is outside the map (at 30, 2; the map is "
    "24x16 tiles)",
    "rule-on-solid": f"{Z} #3 'Chrome Corner' (rally_point): stands on a solid tile at (0, 0): "
    "its centre must be on street, plaza or park",
    "rule-unreachable": f"{Z} #2 'Vault Gallery' (venue): cannot be reached on foot from any "
    "home (walls or water cut it off)",
    "rule-home-cut-off": f"{Z} #11 'Vault Flats' (home): is cut off from the studio: its "
    "citizens could never walk there",
    "rule-range": f"{Z} #2 'Neon Plaza' (venue): capacity -5 is below 1",
    "rule-type": f"{Z} #2 'Neon Plaza' (venue): capacity 'lots' is not a whole number",
    "rule-enum": f"{Z} #7 'Docks' (district): tribe 'purple' is not one of chrome, naturals, "
    "glowfangs, drifters",
    "rule-win-metric": "map properties: win: objective 'happiness > 3': at column 1: unknown "
    "metric 'happiness' (known: ",
    "rule-win-syntax": "map properties: win: objective 'customers >= ': at column 14: expected "
    "a number after 'customers >='",
    "rule-population-range": "map properties: population 300000 is above 200000",
    "rule-population-density": "map properties: population 100000 is too many for 290 walkable "
    "tiles (at most 10 a tile: 2900)",
    "rule-shape": f"{Z} #2 'Neon Plaza' (venue): is a point; a venue must be a rectangle",
    "rule-missing-image": "tileset 'fixture' image 'missing.png' not found",
}


@pytest.mark.parametrize("name", sorted(RULES))
def test_each_rule_fails_its_fixture_with_its_message(name, capsys):
    path = FIXTURES / f"{name}.tmx"
    assert main(["validate-level", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    errors = [ln for ln in lines if ": warning: " not in ln]
    assert len(errors) == 1, lines  # exactly the one problem the fixture was made for
    assert errors[0].startswith(f"{path}: {RULES[name]}")


def test_the_valid_fixture_is_clean(capsys):
    path = FIXTURES / "ok.tmx"
    assert main(["validate-level", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: ok (24x16 tiles, 10 objects)\n"


def test_warnings_do_not_fail(capsys):
    path = FIXTURES / "warn-unknown-type.tmx"
    assert main(["validate-level", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: warning: {Z} #11 'Kiosk' (kiosk): unknown object type 'kiosk' (ignored)",
        f"{path}: ok (24x16 tiles, 11 objects, 1 warning)",
    ]


def test_exit_code_is_the_worst_of_all_paths(capsys):
    ok, bad, unreadable = (FIXTURES / f"{n}.tmx" for n in ("ok", "rule-range", "huge"))
    assert main(["validate-level", str(ok), str(bad)]) == 1
    assert main(["validate-level", str(ok), str(bad), str(unreadable)]) == 2
    out = capsys.readouterr().out
    assert out.count("ok (24x16") == 2 and "too large" in out


def test_every_shipped_level_validates_clean():
    for path in SHIPPED:
        assert validate(load_level(path)) == [], path


def test_validate_level_command_line_on_shipped_levels():
    proc = subprocess.run(
        [sys.executable, "main.py", "validate-level", *[str(p.relative_to(ROOT)) for p in SHIPPED]],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(proc.stdout.splitlines()) == 6
    assert all(": ok (" in line for line in proc.stdout.splitlines())


def test_game_refuses_a_bad_level_with_the_same_list(capsys):
    path = FIXTURES / "rule-range.tmx"
    with pytest.raises(LevelInvalid) as info:
        load_checked(path)
    assert str(info.value).splitlines() == [
        f"{path}: 1 problem in this level",
        f"{path}: {RULES['rule-range']}",
    ]
    assert main(["run", "--level", str(path)]) == 2
    err = capsys.readouterr().err
    assert RULES["rule-range"] in err and "Traceback" not in err
