"""The why panel's content: who a citizen is and what last moved their opinion.

`describe(sim, uid)` reads the crowd arrays (the citizen is followed by uid, since rows move) and
the crowd's influence log; `to_html` words it for a pygame_gui text box. Plain functions, so
tests check the words without a window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from game.sim import crowd as crowd_mod
from game.sim import entities
from game.sim.calendar import describe as describe_tick
from game.sim.simulation import Simulation

INCOME_NAMES = ("low", "middle", "high")


@dataclass(frozen=True, slots=True)
class Influence:
    """One logged source of opinion change: what, by how much in total, when last."""

    source: str
    delta: float
    tick: int


@dataclass(frozen=True, slots=True)
class CitizenInfo:
    """What the why panel shows about one citizen."""

    uid: int
    row: int
    tribe: str
    income: str
    opinion: float
    leaning: str
    state: str
    district: str
    customized: bool
    advocate: bool
    attending: str
    influences: list[Influence] = field(default_factory=list)
    has_log: bool = False


def leaning(opinion: float) -> str:
    if opinion > 0.2:
        return "supports self-expression"
    if opinion < -0.2:
        return "leans Pure Smiles"
    return "undecided"


def source_name(sim: Simulation, source: int) -> str:
    """An influence-log source in words: an attractor's entity, or peers / media / smiles."""
    names = getattr(crowd_mod, "SOURCE_NAMES", {})
    if source in names:
        return str(names[source])
    for ent, rally in entities.rallies(sim):
        if ent == source:
            return f"Pure Smiles rally at {rally.name}"
    for ent, ev in entities.events(sim):
        if ent == source:
            return f"{entities.event_name(ev.kind)} at {ev.name}"
    return f"an event that has ended (#{source})"


def row_of(sim: Simulation, uid: int) -> int:
    """The citizen's current row, or -1 when they are no longer in the crowd."""
    c = sim.crowd
    rows_of = getattr(c, "rows_of", None)
    if rows_of is not None:
        import numpy as np

        return int(rows_of(np.array([uid], dtype=np.int64))[0])
    hits = (c.uid[: c.n] == uid).nonzero()[0]
    return int(hits[0]) if len(hits) else -1


def describe(sim: Simulation, uid: int) -> CitizenInfo | None:
    """Everything the panel shows about citizen `uid`, or None if they have left the crowd."""
    c = sim.crowd
    row = row_of(sim, uid)
    if row < 0 or row >= c.n:
        return None
    tribes = sorted(sim.balance.tribes)
    t = int(c.tribe[row])
    d = int(c.district[row])
    districts = sim.level.districts
    if 0 <= d < len(districts):
        dobj = districts[d]
        district = (
            f"{dobj.name or 'district ' + str(d)} ({dobj.properties.get('tribe', 'drifters')})"
        )
    else:
        district = "outside every district"
    st = int(c.state[row])
    att = int(c.attending[row])
    op = float(c.opinion[row])
    influences: list[Influence] = []
    log = getattr(c, "influence_log", None)
    if log is not None:
        influences = [Influence(source_name(sim, s), d_, tk) for s, d_, tk in log(row)]
    return CitizenInfo(
        uid=int(uid),
        row=row,
        tribe=tribes[t] if t < len(tribes) else f"tribe {t}",
        income=INCOME_NAMES[int(c.income[row])] if int(c.income[row]) < 3 else "?",
        opinion=op,
        leaning=leaning(op),
        state=crowd_mod.STATE_NAMES[st] if st < len(crowd_mod.STATE_NAMES) else f"state {st}",
        district=district,
        customized=bool(c.customized[row]),
        advocate=bool(c.advocate[row]),
        attending=source_name(sim, att) if att >= 0 else "",
        influences=influences,
        has_log=log is not None,
    )


def ago(sim: Simulation, tick: int) -> str:
    minutes = sim.tick - tick
    if minutes < 60:
        return f"{max(minutes, 0)} min ago"
    if minutes < 24 * 60:
        return f"{minutes // 60} h ago"
    return describe_tick(tick)


def to_html(sim: Simulation, info: CitizenInfo | None) -> str:
    """The text box content for `info` (pygame_gui's HTML subset)."""
    if info is None:
        return (
            "<b>Why panel</b><br><br>Click a citizen on the map to see who they are and what "
            "last moved their opinion.<br><br><i>Shapes:</i> + supports self-expression, "
            "x leans Pure Smiles, square undecided. A halo means a customized smile, a bar "
            "above means an advocate."
        )
    colour = "#3cebff" if info.opinion > 0.2 else "#ffaa28" if info.opinion < -0.2 else "#c8c0e8"
    lines = [
        f"<b>Citizen #{info.uid}</b>",
        f"Opinion <font color='{colour}'><b>{info.opinion:+.2f}</b></font> · {info.leaning}",
        f"Tribe <b>{escape(info.tribe)}</b> · income <b>{info.income}</b>",
        f"Lives in {escape(info.district)}",
        f"Now: {escape(info.state)}" + (f" ({escape(info.attending)})" if info.attending else ""),
        ("Customized smile" if info.customized else "No customization yet")
        + (" · <b>advocate</b>" if info.advocate else ""),
        "",
        "<b>What moved their opinion</b> (newest first)",
    ]
    if not info.has_log:
        lines.append("<i>The crowd keeps no influence log in this build.</i>")
    elif not info.influences:
        lines.append("<i>Nothing yet: their opinion is where it started.</i>")
    for inf in info.influences:
        c = "#3cebff" if inf.delta > 0 else "#ffaa28"
        lines.append(
            f"<font color='{c}'>{inf.delta:+.3f}</font> {escape(inf.source)} "
            f"<font color='#9a96c8'>({ago(sim, inf.tick)})</font>"
        )
    return "<br>".join(lines)
