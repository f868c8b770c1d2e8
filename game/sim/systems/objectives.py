"""Decide the level from its `win` and `lose` objectives (game/sim/objectives.py).

Checked at the start of every in-game hour (after the metrics are recorded) and at night (where
`for N days` streaks advance and `by day D` deadlines close). A met `lose` objective loses the
level; a met `win` objective wins it; a `win` objective that can no longer be met (its deadline
passed) loses it. Hard rules outside the map's text (bankruptcy, the ordinance) are decided by
the accounts and the director.

Reads: Objectives, sim.metrics / metrics.sample. Writes: Objectives state, the outcome
(message `outcome`). Phase: after the crowd and the metrics (hourly); last at night.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from game.sim import calendar
from game.sim.entities import objectives
from game.sim.objectives import Objective, Verdict, evaluate, parse, progress

if TYPE_CHECKING:
    from game.sim.components import Objectives
    from game.sim.simulation import Simulation


@functools.lru_cache(maxsize=64)
def parsed(text: str) -> Objective | None:
    """The parsed objective for `text` ('' -> None). Texts were checked when the level loaded."""
    return parse(text) if text.strip() else None


def _state(obj: Objective, state: list[int]) -> list[int]:
    if len(state) != obj.size:
        state[:] = obj.new_state()
    return state


def check(sim: Simulation, values: dict[str, float], day_end: bool) -> None:
    """Evaluate both objectives against `values` and end the level if one decides it."""
    if sim.finished:
        return
    o: Objectives = objectives(sim)
    win, lose = parsed(o.win), parsed(o.lose)
    day = calendar.day_of(sim.tick)
    lose_v = evaluate(lose, _state(lose, o.lose_state), values, day, day_end) if lose else None
    win_v = evaluate(win, _state(win, o.win_state), values, day, day_end) if win else None
    _decide(sim, o, win, lose, win_v, lose_v, values, day)


def _decide(
    sim: Simulation,
    o: Objectives,
    win: Objective | None,
    lose: Objective | None,
    win_v: Verdict | None,
    lose_v: Verdict | None,
    values: dict[str, float],
    day: int,
) -> None:
    if lose is not None and lose_v is not None and lose_v.met:
        p = progress(lose, o.lose_state, values, day)
        sim.end("lost", f"{p.text} (lose: {lose.text})")
    elif win is not None and win_v is not None and win_v.met:
        sim.end("won", f"{win.text}")
    elif win is not None and win_v is not None and win_v.failed:
        p = progress(win, o.win_state, values, day)
        sim.end("lost", f"out of time: {p.text} (win: {win.text})")


def run(sim: Simulation) -> None:
    if sim.finished or not calendar.is_hour_start(sim.tick):
        return
    check(sim, sim.metrics.latest(), day_end=False)


def night(sim: Simulation) -> None:
    from game.sim.systems.metrics import sample

    check(sim, sample(sim), day_end=True)
