"""Smile Studio 2145: a strategy / management sim of dental art in the neon city of 2145."""

from __future__ import annotations

import os

# pygame prints a banner to stdout on import (pytmx imports it too); keep stdout for output.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

__version__ = "0.1.0"
