"""Smile Studio 2145 — thin entry point: hands the command line to game.cli."""

from __future__ import annotations

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
