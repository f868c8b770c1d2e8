"""The recorded replay library (tests/replays/, made by tools/record_replays.py): every command
type is covered, and every replay plays back to the same state hash, day by day."""

from __future__ import annotations

import pytest

from game.headless.replay import read_replay, replay
from game.level import load_level
from game.sim.commands import COMMANDS
from tests.conftest import ROOT

LIBRARY = sorted((ROOT / "tests" / "replays").glob("*.jsonl"))


def test_every_command_type_has_a_replay():
    covered = {p.stem for p in LIBRARY}
    assert set(COMMANDS) <= covered, f"no replay for {sorted(set(COMMANDS) - covered)}"


@pytest.mark.parametrize("path", LIBRARY, ids=[p.stem for p in LIBRARY])
def test_replay_verifies(path):
    rep = read_replay(path)
    assert any(cmd.name == path.stem for _s, _a, cmd in rep.commands)
    assert rep.day_hashes, "a replay should cross at least one night"
    result = replay(rep, level=load_level(ROOT / rep.level))
    assert result.ok, f"{path.name}: {result.message}"
    assert result.days_checked == len(rep.day_hashes)
    result.sim.close()
