"""The pygame-ce shell: window, loop, input, scenes and renderers. Uses game.sim; never the
other way round."""

from __future__ import annotations
