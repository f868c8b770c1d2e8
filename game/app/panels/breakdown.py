"""Support and traction by district and by tribe: what hovering the HUD's support bar shows.

Computed in the app from the crowd's public arrays (opinion, district, tribe) with numpy
bincounts, using the same thresholds as the city metrics (support above +0.2, traction below
-0.2). The view does not offer this split.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import numpy as np

from game.sim.simulation import Simulation

SUPPORT_ABOVE = 0.2
TRACTION_BELOW = -0.2


@dataclass(frozen=True, slots=True)
class Share:
    """One group's head count and its support and traction shares."""

    name: str
    people: int
    support: float
    traction: float


def _shares(group: np.ndarray, opinion: np.ndarray, size: int) -> np.ndarray:
    """[size, 3]: people, supporters, opponents per group index (negative groups dropped)."""
    ok = group >= 0
    g = group[ok].astype(np.int64)
    o = opinion[ok]
    people = np.bincount(g, minlength=size)[:size]
    sup = np.bincount(g, weights=o > SUPPORT_ABOVE, minlength=size)[:size]
    tra = np.bincount(g, weights=o < TRACTION_BELOW, minlength=size)[:size]
    return np.stack([people, sup, tra], axis=1)


def breakdown(sim: Simulation) -> tuple[list[Share], list[Share]]:
    """(by district, by tribe): every district of the map and every tribe of the balance."""
    c = sim.crowd
    n = c.n
    op = c.opinion[:n]
    districts = sim.level.districts
    tribes = sorted(sim.balance.tribes)
    out: list[list[Share]] = []
    for names, group in (
        ([d.name or f"district {i}" for i, d in enumerate(districts)], c.district[:n]),
        (tribes, c.tribe[:n]),
    ):
        counts = _shares(np.asarray(group), op, len(names))
        rows = []
        for i, name in enumerate(names):
            people, sup, tra = (float(v) for v in counts[i])
            rows.append(
                Share(
                    name,
                    int(people),
                    sup / people if people else 0.0,
                    tra / people if people else 0.0,
                )
            )
        out.append(rows)
    return out[0], out[1]


def tooltip_html(sim: Simulation) -> str:
    """The support bar's tooltip: the whole city, then each district and each tribe."""
    by_district, by_tribe = breakdown(sim)
    op = sim.crowd.opinion[: sim.crowd.n]
    support = float(np.mean(op > SUPPORT_ABOVE)) if len(op) else 0.0
    traction = float(np.mean(op < TRACTION_BELOW)) if len(op) else 0.0
    lines = [
        "<b>Support vs traction</b>",
        "Support: opinion above +0.2 (left, cyan). Traction: below -0.2, for the Pure Smiles "
        "(right, amber). The rest are undecided.",
        f"City now: <b>{support:.0%}</b> support · <b>{traction:.0%}</b> traction",
    ]
    tribes = {d.name: str(d.properties.get("tribe", "")) for d in sim.level.districts}
    lines.append("<b>By district</b> (support / traction)")
    if not by_district:
        lines.append("(this map has no districts)")
    for s in by_district:
        tribe = f" ({escape(tribes.get(s.name, ''))})" if tribes.get(s.name) else ""
        lines.append(
            f"{escape(s.name)}{tribe}: {s.support:.0%} / {s.traction:.0%} · {s.people:,} people"
        )
    lines.append("<b>By tribe</b> (support / traction)")
    for s in by_tribe:
        lines.append(f"{escape(s.name)}: {s.support:.0%} / {s.traction:.0%} · {s.people:,} people")
    return "<br>".join(lines)
