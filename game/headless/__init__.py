"""Headless use: the runner, (later) policies, replays and balance sweeps. No window."""

from __future__ import annotations
