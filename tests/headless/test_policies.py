"""Scripted players: each plays through the same commands a person issues, deterministically."""

from __future__ import annotations

import pytest

from game.headless.policies import POLICIES, make_policy
from game.sim.commands import Command
from game.sim.simulation import Simulation
from tests.conftest import ROOT

TICKS = 1080 + 300  # a day and a morning


def _play(level, balance, name, seed=3):
    sim = Simulation(level, balance, seed)
    policy = make_policy(name, seed)
    rejected = 0
    while sim.tick < TICKS and not sim.finished:
        msgs = sim.step(policy.decide(sim))
        rejected += sum(m.kind == "command_rejected" for m in msgs)
    out = (sim.state_hash(), list(sim.command_log), rejected)
    sim.close()
    return out


def test_every_required_policy_exists():
    assert {"idle", "greedy", "advocate", "balanced", "random"} <= set(POLICIES)
    with pytest.raises(KeyError, match="unknown policy 'nobody'"):
        make_policy("nobody", 1)


@pytest.mark.parametrize("name", ["idle", "greedy", "advocate", "balanced", "random"])
def test_policy_plays_valid_commands_deterministically(sample_level, balance, name):
    first = _play(sample_level, balance, name)
    second = _play(sample_level, balance, name)
    assert first[0] == second[0]
    h, log, rejected = first
    for _submit, _at, data in log:  # only commands the UI can issue, in their JSON form
        assert Command.from_dict(data).to_dict() == data
    assert rejected == 0  # every policy checks a command against the view before issuing it
    if name == "idle":
        assert log == []
    if name in ("balanced", "advocate", "random"):
        assert log, f"{name} never acted"


def test_balanced_answers_an_announced_rally_with_a_clashing_event(balance):
    from game.level import load_level

    level = load_level(ROOT / "levels" / "act2-pure-smiles-rise.tmx")
    sim = Simulation(level, balance, 5)
    policy = make_policy("balanced", 5)
    booked = []
    while sim.tick < 3 * 1080 and not booked:
        sim.step(policy.decide(sim))
        booked = [c for _s, _a, c in sim.command_log if c["type"] == "schedule_event"]
    assert booked, "balanced booked no event in three days of act 2"
    sim.close()
