"""The simulation: numpy, esper, pytmx (no images), tomllib. No pygame, no display, no wall
clock, no global random. Runs the same headless and on screen."""

from __future__ import annotations
