"""Balance sweeps: seeds derived per game, the same rows on 1 or 2 processes or Dask, resume,
failures recorded, Wilson intervals, the report."""

from __future__ import annotations

import csv

import pytest

from game.cli import main
from game.headless import policies
from game.headless.policies import Policy
from game.headless.report import report, wilson_interval
from game.headless.sweep import SweepError, derive_seed, parse_seed_range, run_sweep
from tests.conftest import SAMPLE_LEVEL

LEVEL = str(SAMPLE_LEVEL)


def _rows(out):
    with (out / "games.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r.pop("wall_seconds")
        r.pop("replay")
        r.pop("reproduce")
    return rows


def test_wilson_interval_known_values():
    lo, hi = wilson_interval(0, 10)
    assert lo == 0.0 and hi == pytest.approx(0.2775, abs=1e-4)
    lo, hi = wilson_interval(7, 10)
    assert (lo, hi) == (pytest.approx(0.3968, abs=1e-4), pytest.approx(0.8922, abs=1e-4))
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_seeds_depend_on_root_and_index_only():
    assert derive_seed(2145, 3) == derive_seed(2145, 3)
    assert len({derive_seed(2145, i) for i in range(100)}) == 100
    assert derive_seed(1, 3) != derive_seed(2, 3)
    assert parse_seed_range("0:200") == range(0, 200)
    with pytest.raises(SweepError, match="not a range like 0:200"):
        parse_seed_range("a:b")


def test_same_rows_on_one_or_two_processes_and_resume(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    run_sweep([LEVEL], ["idle"], range(0, 4), a, days=1, jobs=1, progress=False)
    res = run_sweep([LEVEL], ["idle"], range(0, 4), b, days=1, jobs=2, progress=False)
    assert res.games_run == 4 and res.failures == 0
    assert _rows(a) == _rows(b)
    assert len(_rows(a)) == 4
    again = run_sweep([LEVEL], ["idle"], range(0, 6), b, days=1, jobs=1, resume=True,
                      progress=False)
    assert (again.skipped, again.games_run) == (4, 2)
    assert [int(r["seed_index"]) for r in _rows(b)] == list(range(6))
    with pytest.raises(SweepError, match="already holds a sweep"):
        run_sweep([LEVEL], ["idle"], range(0, 1), b, days=1, jobs=1, progress=False)


class _Explodes(Policy):
    name = "explodes"

    def act(self, sim):
        if sim.tick >= 60:
            raise RuntimeError("the bot tripped")
        return []


def test_a_failing_game_is_recorded_and_the_sweep_goes_on(tmp_path, monkeypatch):
    monkeypatch.setitem(policies.POLICIES, "explodes", _Explodes)
    res = run_sweep([LEVEL], ["idle", "explodes"], range(0, 2), tmp_path / "s", days=1, jobs=1,
                    progress=False)
    assert res.failures == 2 and res.games_run == 4
    with (tmp_path / "s" / "failures.csv").open() as fh:
        fails = list(csv.DictReader(fh))
    assert {f["error"] for f in fails} == {"RuntimeError: the bot tripped"}
    assert "Traceback" in fails[0]["traceback"]
    assert len(_rows(tmp_path / "s")) == 2


def test_dask_local_cluster_gives_the_same_rows(tmp_path):
    distributed = pytest.importorskip("distributed", reason="the [cluster] extra is not installed")
    local = tmp_path / "local"
    run_sweep([LEVEL], ["idle"], range(0, 3), local, days=1, jobs=1, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        res = run_sweep([LEVEL], ["idle"], range(0, 3), tmp_path / "dask", days=1,
                        dask_address=cluster.scheduler_address, progress=False)
    assert res.failures == 0
    assert _rows(local) == _rows(tmp_path / "dask")


def test_cli_sweep_and_report(tmp_path, capsys):
    out = tmp_path / "cli"
    assert main(["balance", "--levels", LEVEL, "--policies", "idle", "--seeds", "0:2",
                 "--days", "1", "--jobs", "1", "--out", str(out), "--no-progress"]) == 0
    printed = capsys.readouterr().out
    assert "win rate (95% CI)" in printed and "sample-tiny" in printed
    for name in ("manifest.json", "games.csv", "timeseries.csv", "summary.csv",
                 "plots/win_rate.png", "plots/curves_sample-tiny.png"):
        assert (out / name).exists(), name
    assert main(["balance", "report", str(out), "--no-plots"]) == 0
    assert "sample-tiny" in capsys.readouterr().out
    assert report(out, plots=False).splitlines()[0].startswith("level")


def test_cli_sweep_errors(tmp_path, capsys):
    assert main(["balance", "--levels", LEVEL, "--policies", "wizard", "--out",
                 str(tmp_path)]) == 2
    assert "unknown policy 'wizard' (known:" in capsys.readouterr().err
    assert main(["balance", "report", str(tmp_path / "nowhere")]) == 2
    assert "no games.csv here" in capsys.readouterr().err
