"""The balance file: loaded and range-checked, with messages that name the key."""

from __future__ import annotations

import pytest

from game.sim.balance import BalanceError, describe_fields, load_balance, parse_override


def test_shipped_balance_loads(balance):
    assert balance.studio.start_credits == 5000
    assert set(balance.tribes) >= {"chrome", "naturals"}
    assert len(balance.digest()) == 64


def _write(tmp_path, text):
    p = tmp_path / "balance.toml"
    shipped = load_balance.__globals__["DEFAULT_BALANCE_PATH"].read_text()
    p.write_text(shipped.replace("daily_rent = 300", text))
    return p


def test_out_of_range_value_names_key_value_and_range(tmp_path):
    p = _write(tmp_path, "daily_rent = -5")
    with pytest.raises(BalanceError) as err:
        load_balance(p)
    assert str(err.value) == (
        f"{p}: 'studio.daily_rent' = -5 is out of range (allowed 0 to 1000000)"
    )


def test_wrong_type_unknown_and_missing_keys(tmp_path):
    with pytest.raises(BalanceError, match=r"'studio.daily_rent' = 'lots' must be a number"):
        load_balance(_write(tmp_path, 'daily_rent = "lots"'))
    with pytest.raises(BalanceError, match=r"unknown key 'studio.dayly_rent'"):
        load_balance(_write(tmp_path, "dayly_rent = 300"))
    p = tmp_path / "b2.toml"
    p.write_text("[crowd]\ndefault_population = 10\n")
    with pytest.raises(BalanceError, match=r"missing key 'crowd.opinion_noise'"):
        load_balance(p)


def test_bad_choice_and_bad_toml(tmp_path):
    with pytest.raises(BalanceError, match=r"'studio.pricing_policy' = 'free' is not one of"):
        load_balance(None, {"studio.pricing_policy": "free"})
    p = tmp_path / "broken.toml"
    p.write_text("[studio\n")
    with pytest.raises(BalanceError, match="not valid TOML"):
        load_balance(p)
    with pytest.raises(BalanceError, match="cannot read the balance file"):
        load_balance(tmp_path / "missing.toml")


def test_overrides_are_validated_like_the_file():
    b = load_balance(None, dict([parse_override("studio.daily_rent=500")]))
    assert b.studio.daily_rent == 500
    with pytest.raises(BalanceError, match="out of range"):
        load_balance(None, {"crowd.walk_speed": "99"})
    with pytest.raises(BalanceError, match="no section 'nope'"):
        load_balance(None, {"nope.x": "1"})
    with pytest.raises(BalanceError, match="not of the form"):
        parse_override("studio.daily_rent")


def test_every_field_is_described():
    keys = [k for k, _, _ in describe_fields()]
    assert "studio.daily_rent" in keys and "tribes.<name>.baseline" in keys
