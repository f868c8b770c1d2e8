"""The side panels of the play scene, one module each, keyed by their tab name (`layout.TABS`).

Every panel is a `base.Panel`: rows of labels, buttons and pictures made from the simulation's
public view, inside a scrolling container, with a tooltip on every element.
"""

from __future__ import annotations

from game.app.panels.base import Panel
from game.app.panels.calendar import CalendarPanel
from game.app.panels.city_graphs import GraphsPanel
from game.app.panels.leads import LeadsPanel
from game.app.panels.objectives import ObjectivesPanel
from game.app.panels.scheduler import SchedulerPanel
from game.app.panels.studio import StudioPanel
from game.app.panels.why_panel import WhyPanel

PANELS: dict[str, type[Panel]] = {
    p.name: p
    for p in (
        ObjectivesPanel,
        StudioPanel,
        LeadsPanel,
        SchedulerPanel,
        CalendarPanel,
        GraphsPanel,
        WhyPanel,
    )
}

__all__ = ["PANELS", "Panel"]
