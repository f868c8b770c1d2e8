"""The simulation never needs a screen: no pygame import in game/sim, no display in a run."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT, SAMPLE_LEVEL


def test_game_sim_imports_no_pygame():
    offenders = []
    for path in (ROOT / "game" / "sim").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path}: {n}" for n in names if n.split(".")[0] == "pygame"]
    assert offenders == []


def test_headless_run_never_initialises_the_display():
    code = (
        "import pygame, sys\n"
        "from game.cli import main\n"
        f"rc = main(['run', '--level', r'{SAMPLE_LEVEL}', '--days', '1', '--json'])\n"
        "assert rc == 0\n"
        "print('DISPLAY_INIT', pygame.display.get_init())\n"
    )
    env_out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    assert "DISPLAY_INIT False" in env_out
