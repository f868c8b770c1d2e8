"""Saves: round trip to the same hash, atomic writes, and one readable error per bad file."""

from __future__ import annotations

import io
import json
import os
import zipfile

import numpy as np
import pytest

from game.sim.commands import SetPricingPolicy
from game.sim.savegame import SAVE_FORMAT, SaveError, load_game, read_save, save_game
from game.sim.simulation import Simulation

END = 2 * 1080 + 30


def _continuous(level, balance):
    sim = Simulation(level, balance, 11)
    sim.submit(SetPricingPolicy("premium"), at_tick=700)
    sim.run_ticks(END)
    h = sim.state_hash()
    sim.close()
    return h


@pytest.mark.parametrize("save_tick", [0, 1, 699, 1079, 1080, 1500])
def test_round_trip_gives_the_same_hash_as_never_stopping(sample_level, balance, tmp_path,
                                                          save_tick):
    expected = _continuous(sample_level, balance)
    sim = Simulation(sample_level, balance, 11)
    sim.submit(SetPricingPolicy("premium"), at_tick=700)
    sim.run_ticks(save_tick)
    before = sim.state_hash()
    path = save_game(sim, tmp_path / "slot.zip")
    sim.close()
    loaded = load_game(path, level=sample_level)
    assert loaded.warnings == []
    assert loaded.sim.state_hash() == before
    loaded.sim.run_ticks(END - save_tick)
    assert loaded.sim.state_hash() == expected
    loaded.sim.close()


def test_save_is_atomic_and_keeps_the_old_file(sample_level, balance, tmp_path, monkeypatch):
    sim = Simulation(sample_level, balance, 2)
    path = save_game(sim, tmp_path / "slot.zip")
    old = path.read_bytes()
    sim.run_ticks(10)

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(SaveError, match="cannot write the save .No space left on device"):
        save_game(sim, path)
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["slot.zip"]  # no temp file left behind
    sim.close()


def _rewrite(path, state_fn=None, arrays_fn=None):
    state, arrays = read_save(path)
    if state_fn:
        state_fn(state)
    if arrays_fn:
        arrays_fn(arrays)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("state.json", json.dumps(state))
        zf.writestr("crowd.npz", buf.getvalue())


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda p: p.write_bytes(p.read_bytes()[:200]), "not a readable save"),
        (lambda p: p.write_bytes(b"garbage" * 50), "not a readable save"),
        (lambda p: _rewrite(p, lambda s: s.update(format_version=SAVE_FORMAT + 1)),
         "is newer than this game understands"),
        (lambda p: _rewrite(p, lambda s: s.update(format_version=0)), "too old to upgrade"),
        (lambda p: _rewrite(p, lambda s: s.update(walkable_hash="x", level_hash="y")),
         "has changed its walkable map"),
        (lambda p: _rewrite(p, arrays_fn=lambda a: a["opinion"].__setitem__(0, np.nan)),
         "'opinion' holds non-finite values"),
        (lambda p: _rewrite(p, arrays_fn=lambda a: a.update(opinion=a["opinion"][:-1])),
         "crowd array 'opinion' is float32"),
        (lambda p: _rewrite(p, arrays_fn=lambda a: a.update(opinion=a["opinion"] * 5)),
         "opinions outside"),
        (lambda p: _rewrite(p, lambda s: s["components"][0][1][0].__setitem__(0, "Bogus")),
         "unknown component 'Bogus'"),
        (lambda p: _rewrite(p, lambda s: s["balance"]["studio"].update(daily_rent=-3)),
         "'studio.daily_rent' = -3 is out of range"),
        (lambda p: _rewrite(p, lambda s: s.update(tick=5)), "does not match the save's checksum"),
    ],
)
def test_bad_saves_get_one_readable_error(sample_level, balance, tmp_path, mutate, message):
    sim = Simulation(sample_level, balance, 4)
    sim.run_ticks(50)
    path = save_game(sim, tmp_path / "slot.zip")
    running = sim.state_hash()
    mutate(path)
    with pytest.raises(SaveError, match=message) as err:
        load_game(path, level=sample_level)
    assert str(path) in str(err.value)
    assert sim.state_hash() == running  # the running game is untouched
    sim.close()


def test_changed_level_file_with_same_walls_only_warns(sample_level, balance, tmp_path):
    sim = Simulation(sample_level, balance, 4)
    path = save_game(sim, tmp_path / "slot.zip")
    sim.close()
    _rewrite(path, lambda s: s.update(level_hash="an-older-version"))
    result = load_game(path, level=sample_level)
    assert any("has changed since this save" in w for w in result.warnings)
    result.sim.close()
