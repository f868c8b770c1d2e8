"""Replays: recorded games replay to the same daily hashes; a tampered one is caught by day."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.headless.replay import ReplayError, read_replay, replay, write_replay
from game.sim.commands import SetPricingPolicy
from game.sim.simulation import Simulation


def _record(level, balance, path):
    sim = Simulation(level, balance, 21)
    sim.submit(SetPricingPolicy("premium"), at_tick=1500)  # submitted on day 1, due on day 2
    sim.run_ticks(300)
    sim.step([SetPricingPolicy("sliding_scale")])
    sim.run_ticks(2 * 1080)
    write_replay(sim, path)
    h = sim.state_hash()
    sim.close()
    return h


def test_replay_verifies_every_day(sample_level, balance, tmp_path):
    path = tmp_path / "game.jsonl"
    final = _record(sample_level, balance, path)
    rep = read_replay(path)
    assert len(rep.commands) == 2 and len(rep.day_hashes) == 2
    result = replay(rep, level=sample_level)
    assert result.ok and result.days_checked == 2
    assert result.sim.state_hash() == final
    result.sim.close()


def test_tampered_replay_names_the_first_bad_day(sample_level, balance, tmp_path, capsys):
    path = tmp_path / "game.jsonl"
    _record(sample_level, balance, path)
    lines = path.read_text().splitlines()
    # the command due on day 2 now asks for another policy: day 1 still matches, day 2 does not
    lines.insert(1, json.dumps({"submit": 1600, "at": 1600,
                                "command": {"type": "set_pricing_policy", "policy": "standard"}}))
    path.write_text("\n".join(lines) + "\n")
    result = replay(read_replay(path), level=sample_level)
    assert not result.ok and result.message.startswith("day 2:")
    result.sim.close()


def test_replay_cli_verify(sample_level, tmp_path, capsys):
    from tests.conftest import SAMPLE_LEVEL

    path = tmp_path / "g.jsonl"
    assert main(["run", "--level", str(SAMPLE_LEVEL), "--days", "1", "--record", str(path)]) == 0
    capsys.readouterr()
    assert main(["replay", str(path), "--verify"]) == 0
    assert "verified: 1 day(s) and the final state match" in capsys.readouterr().out
    lines = path.read_text().splitlines()
    day = json.loads(lines[-1])
    day["hash"] = "0" * 64
    lines[-1] = json.dumps(day)
    path.write_text("\n".join(lines) + "\n")
    assert main(["replay", str(path), "--verify"]) == 1
    assert "day 1: state hash differs" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty replay file"),
        ("[1]\n", "line 1 must be a JSON object"),
        ('{"x": 1}\n', "no replay header"),
        ("{not json\n", "line 1 is not JSON"),
    ],
)
def test_bad_replay_files(tmp_path, text, message):
    p = tmp_path / "bad.jsonl"
    p.write_text(text)
    with pytest.raises(ReplayError, match=message):
        read_replay(p)


def test_bad_command_line_in_replay(sample_level, balance, tmp_path):
    path = tmp_path / "game.jsonl"
    _record(sample_level, balance, path)
    lines = path.read_text().splitlines()
    lines.insert(1, json.dumps({"submit": 0, "at": 0, "command": {"type": "teleport"}}))
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ReplayError, match="line 2: unknown command type 'teleport'"):
        read_replay(path)
