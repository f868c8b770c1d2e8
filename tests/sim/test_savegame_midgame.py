"""Round trips in the thick of it: a save taken while a counter-event runs, and while it clashes
with a rally, continues to the same state hash as the game that never stopped."""

from __future__ import annotations

import pytest

from game.headless.policies import make_policy
from game.level import load_level
from game.sim.entities import clashes, events
from game.sim.savegame import load_game, save_game
from game.sim.simulation import Simulation
from tests.conftest import ROOT

AFTER = 240  # ticks played on both sides of the save


def _event_active(sim):
    return any(ev.state == "active" for _, ev in events(sim))


def _clash_active(sim):
    return any(not c.resolved for _, c in clashes(sim)) and _event_active(sim)


@pytest.fixture(scope="module")
def act2():
    return load_level(ROOT / "levels" / "act2-pure-smiles-rise.tmx")


@pytest.mark.parametrize("moment", [_event_active, _clash_active], ids=["mid-event", "mid-clash"])
def test_save_mid_game_continues_identically(act2, balance, tmp_path, moment):
    sim = Simulation(act2, balance, 7)
    policy = make_policy("balanced", 7)
    while not moment(sim):
        assert sim.tick < 6 * 1080 and not sim.finished, "the moment never came"
        sim.step(policy.decide(sim))
    path = save_game(sim, tmp_path / "mid.zip")
    saved_at = sim.tick
    sim.run_ticks(AFTER)
    expected = sim.state_hash()
    sim.close()
    loaded = load_game(path, level=act2).sim
    assert loaded.tick == saved_at and moment(loaded)
    loaded.run_ticks(AFTER)
    assert loaded.state_hash() == expected
    loaded.close()
