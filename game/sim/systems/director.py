"""The Pure Smiles director: plans each morning's rallies where the player's support is weakest,
announces them hours ahead, holds them, pickets the studio at high momentum, sets the media drift,
and at night moves momentum and counts toward the ordinance (which loses the level).

Reads: Director, RallyPoint, Rally, crowd.pos/opinion, balance.director, balance.clash.
Writes: Director, Rally (created, announced, started, ended), sim.media_drift, messages
`rally_announced`, `rally_started`, `rally_ended`,
`picket_started`, `picket_ended`, `ordinance_warning`; the outcome (ordinance).
Phase: `run` before the crowd (first of the gameplay systems); `night` at night.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import esper
import numpy as np

from game.sim import calendar
from game.sim.components import Director, Rally
from game.sim.entities import director, rallies, rally_points

if TYPE_CHECKING:
    from game.sim.simulation import Simulation


def difficulty_factor(sim: Simulation, d: Director) -> float:
    """The difficulty multiplier on rallies and drift (story / normal / hard)."""
    return float(getattr(sim.balance.director, d.difficulty, sim.balance.director.normal))


def momentum_factor(d: Director) -> float:
    """1 at momentum 50, 0.5 at 0, 1.5 at 100."""
    return 0.5 + d.momentum / 100.0


def rallies_today(sim: Simulation, d: Director) -> int:
    """How many rallies the Pure Smiles hold today (seeded rounding of the expected number)."""
    bal = sim.balance.director
    expected = (
        d.rally_frequency
        * d.aggression
        * difficulty_factor(sim, d)
        * (0.5 + bal.momentum_rally_weight * d.momentum / 100.0)
    )
    n = int(expected)
    if sim.rng.random() < expected - n:
        n += 1
    return min(n, bal.max_rallies_per_day, len(rally_points(sim)))


def local_support(sim: Simulation, x: float, y: float, radius: float) -> float:
    """Share of citizens within `radius` tiles of (x, y) who support the studio (0 if none)."""
    from game.sim.systems.metrics import SUPPORT_THRESHOLD  # metrics imports this module

    crowd = sim.crowd
    pos = crowd.pos[: crowd.n]
    d2 = (pos[:, 0] - x) ** 2 + (pos[:, 1] - y) ** 2
    near = d2 <= radius * radius
    count = int(np.count_nonzero(near))
    if count == 0:
        return 0.0
    return float(np.count_nonzero(crowd.opinion[: crowd.n][near] > SUPPORT_THRESHOLD)) / count


def plan_day(sim: Simulation, d: Director) -> None:
    """Choose today's rally points (weakest support first) and their times."""
    bal = sim.balance.director
    d.planned_day = sim.day
    n = rallies_today(sim, d)
    points = rally_points(sim)
    if n <= 0 or not points:
        return
    noise = sim.rng.random(len(points)) * bal.weakness_noise
    scores = [
        p.weight * (1.0 - local_support(sim, p.x, p.y, bal.radius)) + float(noise[i])
        for i, p in enumerate(points)
    ]
    order = sorted(range(len(points)), key=lambda i: (-scores[i], points[i].object_id))
    day_start = (sim.day - 1) * calendar.TICKS_PER_DAY
    day_last = day_start + calendar.TICKS_PER_DAY - 1
    factor = momentum_factor(d) * difficulty_factor(sim, d)
    for i in sorted(order[:n], key=lambda j: points[j].object_id):
        p = points[i]
        hour = int(sim.rng.integers(bal.earliest_hour, max(bal.latest_hour, bal.earliest_hour) + 1))
        minute = int(sim.rng.integers(0, 4)) * 15
        start = calendar.tick_at(sim.day, hour, minute)
        start = max(start, sim.tick + 1)
        end = min(start + bal.duration_minutes, day_last)
        announce = max(sim.tick, start - int(bal.announce_hours * calendar.TICKS_PER_HOUR))
        rally = Rally(
            number=d.next_rally,
            point=p.object_id,
            name=p.name,
            x=p.x,
            y=p.y,
            announce_tick=announce,
            start_tick=start,
            end_tick=end,
            capacity=max(1, round(p.capacity * min(1.0, bal.size * factor))),
            radius=float(bal.radius),
            pull=float(bal.pull * factor * d.aggression),
            strength=float(bal.strength * factor),
            quality=float(sim.balance.clash.rally_quality * factor),
        )
        d.next_rally += 1
        esper.create_entity(rally)  # kept secret until its announce tick


def run(sim: Simulation) -> None:
    d = director(sim)
    bal = sim.balance.director
    tick = sim.tick
    if tick % calendar.TICKS_PER_DAY == 0 and d.planned_day < sim.day:
        plan_day(sim, d)
    for _, r in rallies(sim):
        if r.state == "over":
            continue
        if r.state == "planned" and tick >= r.announce_tick:
            r.state = "announced"
            sim.post(
                "rally_announced",
                f"Pure Smiles announce a rally at {r.name}, {calendar.describe(r.start_tick)}"
                f"–{calendar.clock_text(r.end_tick)}",
                pos=(r.x, r.y),
                number=r.number,
                start_tick=r.start_tick,
                end_tick=r.end_tick,
                point=r.point,
            )
        if r.state == "announced" and tick >= r.start_tick:
            r.state = "active"
            sim.post(
                "rally_started",
                f"The Pure Smiles rally at {r.name} has begun",
                pos=(r.x, r.y),
                number=r.number,
            )
        if r.state == "active" and tick >= r.end_tick:
            r.state = "over"
            d.rallies_held += 1
            text = f"The Pure Smiles rally at {r.name} is over: {r.peak} attended"
            if not r.contested:
                share = min(1.0, r.peak / max(r.capacity, 1))
                gain = bal.uncontested_gain * d.aggression * (0.5 + 0.5 * share)
                d.momentum = min(100.0, d.momentum + gain)
                text += f", uncontested (momentum +{gain:.0f})"
            sim.post("rally_ended", text, pos=(r.x, r.y), number=r.number, peak=r.peak)
    _picket(sim, d)
    sim.media_drift = float(
        bal.media_drift * d.momentum / 100.0 * difficulty_factor(sim, d) * d.aggression
    )


def _picket(sim: Simulation, d: Director) -> None:
    hour = calendar.hour_of(sim.tick)
    s = sim.studio()
    standing = (
        d.momentum >= sim.balance.director.picket_momentum
        and sim.balance.studio.open_hour <= hour < sim.balance.studio.close_hour
    )
    if standing and not d.picket:
        d.picket = True
        sim.post(
            "picket_started",
            "Pure Smiles picket the studio: fewer customers will come in",
            pos=(s.x, s.y),
        )
    elif not standing and d.picket:
        d.picket = False
        sim.post("picket_ended", "The picket outside the studio has gone home", pos=(s.x, s.y))


def night(sim: Simulation) -> None:
    """Momentum follows the city's mood; the ordinance counts nights of high traction."""
    from game.sim.systems.metrics import opinion_metrics  # metrics imports this module

    d = director(sim)
    bal = sim.balance.director
    ops = opinion_metrics(sim)
    change = bal.daily_drift + bal.daily_opinion_weight * (ops["traction"] - ops["support"])
    d.momentum = float(min(100.0, max(0.0, d.momentum + change)))
    if ops["traction"] >= bal.ordinance_traction:
        d.ordinance_days += 1
        if d.ordinance_days >= bal.ordinance_days:
            sim.end(
                "lost",
                f"the city revoked the studio's permit: Pure Smiles traction was at or above "
                f"{bal.ordinance_traction:.0%} for {bal.ordinance_days} days in a row",
            )
        else:
            sim.post(
                "ordinance_warning",
                f"Traction is {ops['traction']:.0%}: {d.ordinance_days} of "
                f"{bal.ordinance_days} days toward an ordinance that revokes your permit",
                days=d.ordinance_days,
            )
    else:
        d.ordinance_days = 0
    _tidy(sim)


def _tidy(sim: Simulation) -> None:
    """Drop rallies, events and clashes that finished before today (keeps the world small)."""
    from game.sim.entities import clashes, events

    today = (sim.day - 1) * calendar.TICKS_PER_DAY
    dead = [e for e, r in rallies(sim) if r.state == "over" and r.end_tick < today]
    dead += [
        e for e, ev in events(sim) if ev.state in ("over", "cancelled") and ev.end_tick < today
    ]
    dead += [e for e, c in clashes(sim) if c.resolved]
    for ent in sorted(dead):
        esper.delete_entity(ent, immediate=True)


def metrics(sim: Simulation) -> dict[str, float]:
    """Metric source: Pure Smiles momentum and rallies held."""
    d = director(sim)
    return {"momentum": float(d.momentum), "rallies_held": float(d.rallies_held)}
