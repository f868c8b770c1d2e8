"""The screens around the play scene: title, campaign, custom level, briefing, play (with the
pause menu and its dialogs), settings, result and ending. `game.app.app.App` switches between
them; `game.app.screens.shots` renders any of them to a PNG without a window.
"""

from __future__ import annotations

SCENES = ("title", "campaign", "custom", "briefing", "pause", "settings", "result", "ending")
