"""The campaign's balance targets on a small seeded sweep (marker `balance`, part of `make test`).

Every act is played to its end by `idle`, `balanced` and `random` on the same seeds, exactly as
`python main.py balance` does (10,000 citizens; nothing reduced), and each win count is checked
against its target with an exact one-sided binomial test (`game.headless.targets`): per act, and
pooled over the five acts, where a handful of seeds per act adds up to a sample that can catch a
policy that is off target everywhere. Level alpha = 0.01 per check; the seeds are fixed, so the
verdict is the same on every run of the same code.

Size: SMILE_BALANCE_SEEDS seeds per act and policy (default 3), SMILE_BALANCE_JOBS processes
(default 2). The full version is the same test with more seeds, or the documented sweep (see
docs/balance.md):

    SMILE_BALANCE_SEEDS=100 .venv/bin/pytest -m balance
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.headless.report import read_games
from game.headless.sweep import run_sweep
from game.headless.targets import TARGETS, Verdict, check
from tests.conftest import ROOT

pytestmark = pytest.mark.balance

ACTS = sorted(str(p) for p in (ROOT / "levels").glob("act*.tmx"))
POLICIES = ("idle", "balanced", "random")
SEEDS = int(os.environ.get("SMILE_BALANCE_SEEDS", "3"))
JOBS = int(os.environ.get("SMILE_BALANCE_JOBS", "2"))
ALPHA = 0.01
DAYS = 14  # every act is decided well before (its objectives have deadlines)


@pytest.fixture(scope="module")
def games(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    out = tmp_path_factory.mktemp("balance") / "sweep"
    res = run_sweep(ACTS, POLICIES, range(SEEDS), out, days=DAYS, jobs=JOBS, progress=False)
    assert res.failures == 0, (Path(out) / "failures.csv").read_text()
    return read_games(out)


def test_five_acts_are_swept(games: list[dict[str, str]]) -> None:
    assert len(ACTS) == 5
    assert len(games) == len(ACTS) * len(POLICIES) * SEEDS
    assert all(g["outcome"] in ("won", "lost") for g in games), "a game was not decided"


@pytest.mark.parametrize("act", ACTS, ids=lambda p: Path(p).stem)
@pytest.mark.parametrize("policy", POLICIES)
def test_each_act_meets_the_target(games: list[dict[str, str]], act: str, policy: str) -> None:
    (verdict,) = [v for v in check(games, ALPHA) if v.level == act and v.policy == policy]
    assert verdict.ok, verdict.text()


@pytest.mark.parametrize("policy", POLICIES)
def test_pooled_over_the_acts(games: list[dict[str, str]], policy: str) -> None:
    mine = [dict(g, level="all acts") for g in games if g["policy"] == policy]
    (verdict,) = check(mine, ALPHA)
    assert isinstance(verdict, Verdict) and verdict.games == len(ACTS) * SEEDS
    assert verdict.ok, verdict.text()
    low, high = TARGETS[policy]
    if SEEDS >= 20:  # a big enough sample should show the rate itself inside the range
        assert low <= verdict.rate <= high, verdict.text()
