"""UI actions: what a key, a click or a button asks of the play scene that is not a game command.

Camera moves, speed, overlays, panels and selection only change what the player sees, so they
never enter the simulation (and never reach replays). Anything that changes the game is a
`game.sim.commands.Command` and goes through `sim.step(commands)`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UIAction:
    """Base of every UI action."""


@dataclass(frozen=True, slots=True)
class Quit(UIAction):
    pass


@dataclass(frozen=True, slots=True)
class Resize(UIAction):
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class TogglePause(UIAction):
    pass


@dataclass(frozen=True, slots=True)
class SetSpeed(UIAction):
    speed: int  # 1, 2, 4 or 8


@dataclass(frozen=True, slots=True)
class Pause(UIAction):
    pass


@dataclass(frozen=True, slots=True)
class ToggleOverlay(UIAction):
    name: str  # opinion, density, districts, reach


@dataclass(frozen=True, slots=True)
class TogglePalette(UIAction):
    pass


@dataclass(frozen=True, slots=True)
class Pan(UIAction):
    dx: float  # screen pixels
    dy: float


@dataclass(frozen=True, slots=True)
class ZoomAt(UIAction):
    factor: float
    x: int  # screen point (window coordinates) that stays put
    y: int


@dataclass(frozen=True, slots=True)
class CenterOn(UIAction):
    x: float  # tiles
    y: float


@dataclass(frozen=True, slots=True)
class CenterOnStudio(UIAction):
    pass


@dataclass(frozen=True, slots=True)
class MinimapClick(UIAction):
    x: int  # window coordinates
    y: int


@dataclass(frozen=True, slots=True)
class MapClick(UIAction):
    x: int  # window coordinates
    y: int


@dataclass(frozen=True, slots=True)
class Deselect(UIAction):
    pass


@dataclass(frozen=True, slots=True)
class ShowTab(UIAction):
    name: str


@dataclass(frozen=True, slots=True)
class TogglePanel(UIAction):
    pass


@dataclass(frozen=True, slots=True)
class FocusNotification(UIAction):
    index: int  # position in the notification list, newest first


# --------------------------------------------------------------------------- panels
# The scheduler's draft, the leads panel's focus and the help card are view state too; the
# actions that stand for a game change (ConfirmDraft, RecruitFocused) are turned into commands
# by the scene, which hands them to the simulation like every other command.


@dataclass(frozen=True, slots=True)
class DraftKind(UIAction):
    kind: str  # an event kind


@dataclass(frozen=True, slots=True)
class DraftVenue(UIAction):
    venue: int  # Tiled object id


@dataclass(frozen=True, slots=True)
class DraftStart(UIAction):
    tick: int  # -1: the earliest possible start


@dataclass(frozen=True, slots=True)
class DraftShift(UIAction):
    minutes: int  # move the drafted start by this much


@dataclass(frozen=True, slots=True)
class DraftHost(UIAction):
    host: str  # a lead key


@dataclass(frozen=True, slots=True)
class DraftMeetRally(UIAction):
    rally: int  # rally number: draft an event at the venue nearest it, starting with it


@dataclass(frozen=True, slots=True)
class ConfirmDraft(UIAction):
    """Book the drafted event (the scene issues the ScheduleEvent command). From the keyboard
    it only books while the scheduler is open (else it opens it)."""

    from_key: bool = False


@dataclass(frozen=True, slots=True)
class FocusLead(UIAction):
    key: str  # a lead key; opens the leads panel with this lead first


@dataclass(frozen=True, slots=True)
class RecruitFocused(UIAction):
    """Recruit the lead in focus, else the first one not yet recruited (a key shortcut)."""


@dataclass(frozen=True, slots=True)
class ToggleHelp(UIAction):
    pass
