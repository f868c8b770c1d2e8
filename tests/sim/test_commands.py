"""Commands: registered names, JSON round trip, readable rejections."""

from __future__ import annotations

import json

import pytest

from game.sim.commands import COMMANDS, Command, CommandError, SetPricingPolicy
from game.sim.simulation import Simulation


def test_round_trip_through_json():
    cmd = SetPricingPolicy("premium")
    data = json.loads(json.dumps(cmd.to_dict()))
    assert data == {"type": "set_pricing_policy", "policy": "premium"}
    assert Command.from_dict(data) == cmd
    assert COMMANDS["set_pricing_policy"] is SetPricingPolicy


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "a command must be a JSON object, got list"),
        ({"type": "fly"}, "unknown command type 'fly'"),
        ({"type": "set_pricing_policy"}, "set_pricing_policy: missing field 'policy'"),
        (
            {"type": "set_pricing_policy", "policy": 3},
            "set_pricing_policy.policy: expected a short string",
        ),
        ({"type": "set_pricing_policy", "policy": "premium", "x": 1}, "unknown field 'x'"),
    ],
)
def test_from_dict_errors(data, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Command.from_dict(data)


def test_rejection_is_a_message_not_an_exception(sample_level, balance):
    sim = Simulation(sample_level, balance, 0)
    msgs = sim.step([SetPricingPolicy("free"), SetPricingPolicy("standard")])
    rejected = [m.text for m in msgs if m.kind == "command_rejected"]
    assert rejected == [
        "pricing policy 'free' is not one of: standard, premium, sliding_scale",
        "the standard policy is already in effect",
    ]
    assert sim.apply(SetPricingPolicy("sliding_scale")) is None
    assert sim.studio().pricing_policy == "sliding_scale"
    sim.close()
