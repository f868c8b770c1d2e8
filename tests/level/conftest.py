"""Shared paths for the level tests."""

from __future__ import annotations

from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "levels"
SHIPPED = sorted((ROOT / "levels").glob("*.tmx"))
