"""The schema is the contract of docs/contracts.md, and converts values as designers expect."""

from __future__ import annotations

import re

import pytest

from game.level import schema
from tests.conftest import ROOT


def test_tribes_are_the_balance_file_tribes(balance):
    assert set(schema.ENUMS["tribe"]) == set(balance.tribes)


def test_contract_table_matches_the_schema():
    text = (ROOT / "docs" / "contracts.md").read_text()
    section = text.split("## Level objects", 1)[1].split("## Crowd", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| [^|]+ \| (.+) \|$", section, flags=re.M)
    assert {name for name, _ in rows} == set(schema.OBJECT_TYPES)
    for name, props in rows:
        for prop, ptype in re.findall(r"`(\w+)` (enum|int|float)", props):
            p = schema.OBJECT_TYPES[name].prop(prop)
            assert p is not None, (name, prop)
            assert (ptype == "enum") == (p.enum is not None), (name, prop)
            if ptype != "enum":
                assert p.type == ptype
    for prop in re.findall(r"`(\w+)` (?:str|int|float|enum)", section.split("Map properties")[1]):
        assert prop in schema.MAP_PROPERTY, prop


@pytest.mark.parametrize(
    ("ptype", "value", "expected"),
    [
        ("int", "12", 12),
        ("int", 12.0, 12),
        ("int", " 7 ", 7),
        ("float", "2.5", 2.5),
        ("float", 3, 3.0),
        ("bool", "true", True),
        ("string", 5, "5"),
        ("leads", "zara, roth", "zara,roth"),
    ],
)
def test_convert(ptype, value, expected):
    out = schema.convert(schema.Prop("x", ptype, None, "", 0, 100), value)
    assert out == expected and type(out) is type(expected)


@pytest.mark.parametrize(
    ("prop", "value", "message"),
    [
        (schema.Prop("capacity", "int", 1, "", 1, 5000), "-5", "capacity -5 is below 1"),
        (schema.Prop("capacity", "int", 1, "", 1, 5000), 2.5, "capacity 2.5 is not a whole number"),
        (schema.Prop("weight", "float", 1.0, "", 0, 10), "nan", "weight nan is not a finite number"),
        (schema.Prop("weight", "float", 1.0, "", 0, 10), "11", "weight 11 is above 10"),
        (schema.Prop("kind", "venue_kind", "plaza", ""), "disco",
         "kind 'disco' is not one of plaza, gallery, hall, park, market, clinic, ar_lab, stage"),
        (schema.Prop("leads_start", "leads", "zara", ""), "zara,bob",
         "leads_start names unknown lead 'bob' (known: zara, roth, milo, arian)"),
    ],
)  # fmt: skip
def test_convert_errors(prop, value, message):
    with pytest.raises(schema.ConvertError, match=re.escape(message)):
        schema.convert(prop, value)


def test_resolve_fills_defaults_and_keeps_extras():
    values, errors, unknown = schema.resolve(
        schema.OBJECT_TYPES["venue"].props, {"capacity": "50", "note": "x"}
    )
    assert values == {"kind": "plaza", "capacity": 50, "note": "x"}
    assert errors == [] and unknown == ["note"]
