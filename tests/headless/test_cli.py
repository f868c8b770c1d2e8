"""The command line: the run summary, --help, and one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game.cli import main
from tests.conftest import ROOT, SAMPLE_LEVEL

SUMMARY_KEYS = {
    "level",
    "seed",
    "days",
    "ticks",
    "ticks_per_second",
    "population",
    "metrics",
    "outcome",
    "state_hash",
}


def test_run_json_summary(capsys):
    assert main(["run", "--level", str(SAMPLE_LEVEL), "--seed", "1", "--days", "1", "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert SUMMARY_KEYS <= set(s)
    assert s["ticks"] == 1080 and s["population"] == 2000 and s["seed"] == 1
    assert s["outcome"]["status"] in ("won", "lost", "ongoing") and "reason" in s["outcome"]
    assert {"support", "traction", "credits"} <= set(s["metrics"])


def test_run_text_summary(capsys):
    assert main(["run", "--level", str(SAMPLE_LEVEL), "--days", "1"]) == 0
    out = capsys.readouterr().out
    assert "Sample Block" in out and "state hash:" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["run", "--level", "nowhere.tmx"], "nowhere.tmx: no such level file"),
        (
            ["run", "--level", str(SAMPLE_LEVEL), "--days", "0"],
            "argument --days: 0 must be at least 1",
        ),
        (
            ["run", "--level", str(SAMPLE_LEVEL), "--seed", "x"],
            "argument --seed: 'x' is not a whole number",
        ),
        (["run"], "the following arguments are required: --level"),
        (["fly"], "invalid choice: 'fly'"),
        (
            ["run", "--level", str(SAMPLE_LEVEL), "--set", "studio.daily_rent=-1"],
            "'studio.daily_rent' = -1 is out of range (allowed 0 to 1000000)",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(argv, expected, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_level_file_message(tmp_path, capsys):
    bad = tmp_path / "broken.tmx"
    bad.write_text("<map><layer>")
    assert main(["run", "--level", str(bad)]) == 2
    assert f"{bad}: not valid XML" in capsys.readouterr().err


def test_help_describes_every_command():
    out = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "run" in out and "play" in out
    out = subprocess.run(
        [sys.executable, "main.py", "run", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "--json" in out and "state_hash" in out
