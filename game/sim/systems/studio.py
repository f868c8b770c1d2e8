"""The Smile Studio's floor: picking customers from the crowd, queueing them by uid, serving them
in chairs, taking payment, incidents, and closing up at night.

Customers are chosen vectorised over the crowd: out and about (not busy), opinion above the
threshold, not customized yet, and able to pay the cheapest offered service at their income band
under the pricing policy. Each such citizen visits with a chance per hour scaled by reputation
(and cut by a picket). The crowd walks them to the studio (`send_to_studio`) and marks them
`AT_STUDIO` on arrival; from then on the studio holds them by **uid** (the crowd re-sorts rows),
queues them (a long queue turns them away), serves them in a chair for the service's time, makes
them customized, takes payment, and `release`s them.

Reads: crowd (state, opinion, income, customized, uid), Studio, StudioFloor, Lead, Director,
balance.studio/services. Writes: crowd.state (via send_to_studio / release), crowd.customized,
Studio (credits, trust, reputation, revenue), StudioFloor, Record.incidents, Director.momentum;
messages `incident`, `turned_away` (hourly summary), `studio_closed`.
Phase: `pick` before the crowd; `serve` after the crowd; `night` at night.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.sim import calendar
from game.sim import crowd as cc
from game.sim.entities import (
    UPGRADES,
    director,
    floor,
    has_lead,
    leads_on_staff,
    record,
    service_name,
)

if TYPE_CHECKING:
    from game.sim.components import Studio, StudioFloor
    from game.sim.simulation import Simulation

OUT_AND_ABOUT = np.zeros(len(cc.STATE_NAMES), dtype=bool)  # lookup by state code
OUT_AND_ABOUT[[cc.TO_DAY, cc.AT_DAY, cc.TO_HOME]] = True


# --------------------------------------------------------------------------- prices


def policy_multipliers(sim: Simulation, policy: str) -> np.ndarray:
    """Price multiplier per income band (low, middle, high) under `policy`."""
    b = sim.balance.studio
    if policy == "premium":
        return np.full(3, b.premium_markup)
    if policy == "sliding_scale":
        return np.array([b.sliding_low, b.sliding_middle, b.sliding_high])
    return np.ones(3)


def budgets(sim: Simulation) -> np.ndarray:
    b = sim.balance.studio
    return np.array([b.budget_low, b.budget_middle, b.budget_high], dtype=np.float64)


def price_for(sim: Simulation, studio: Studio, service: str, band: int) -> int:
    """What a citizen of income `band` pays for `service` under the current policy."""
    base = studio.prices.get(service, sim.balance.services[service].price)
    return int(round(base * float(policy_multipliers(sim, studio.pricing_policy)[band])))


def locked_reason(sim: Simulation, studio: Studio, service: str) -> str | None:
    """Why `service` cannot be offered yet, or None."""
    sb = sim.balance.services[service]
    if sb.needs_upgrade != "none" and sb.needs_upgrade not in studio.upgrades:
        return f"{service_name(service)} needs the {UPGRADES[sb.needs_upgrade]}"
    if sb.needs_lead != "none" and not has_lead(sim, sb.needs_lead):
        from game.sim.entities import LEAD_NAMES

        return f"{service_name(service)} needs {LEAD_NAMES[sb.needs_lead]} on staff"
    return None


def offered(sim: Simulation, studio: Studio) -> list[str]:
    """Services on offer now: switched on and unlocked (balance order, sorted by key)."""
    return [
        k
        for k in sorted(sim.balance.services)
        if k not in studio.services_off and locked_reason(sim, studio, k) is None
    ]


def cheapest_by_band(sim: Simulation, studio: Studio) -> np.ndarray:
    """The cheapest offered price per income band (inf when nothing is offered)."""
    out = np.full(3, np.inf)
    for k in offered(sim, studio):
        for band in range(3):
            out[band] = min(out[band], price_for(sim, studio, k, band))
    return out


def staff(sim: Simulation, studio: Studio) -> int:
    """Hands that can work a chair now: hired sculptors plus leads on staff."""
    return studio.sculptors + len(leads_on_staff(sim))


def is_open(sim: Simulation) -> bool:
    b = sim.balance.studio
    return b.open_hour <= calendar.hour_of(sim.tick) < b.close_hour


def demand_multiplier(sim: Simulation, studio: Studio) -> float:
    b = sim.balance.studio
    rep = studio.reputation / 100.0
    m = (
        b.demand_at_zero_reputation
        + (b.demand_at_full_reputation - b.demand_at_zero_reputation) * rep
    )
    if director(sim).picket:
        m *= b.picket_demand
    return float(m)


# --------------------------------------------------------------------------- picking


def candidates(sim: Simulation, studio: Studio) -> np.ndarray:
    """Rows of citizens who would come if asked now (vectorised)."""
    c = sim.crowd
    n = c.n
    cheapest = cheapest_by_band(sim, studio)
    can_pay = budgets(sim)[c.income[:n]] >= cheapest[c.income[:n]]
    mask = (
        OUT_AND_ABOUT[c.state[:n]]
        & (c.opinion[:n] > sim.balance.studio.customer_opinion)
        & ~c.customized[:n]
        & can_pay
    )
    return np.nonzero(mask)[0]


def pick(sim: Simulation) -> None:
    """Every `pick_minutes`, send the new customers of those minutes walking to the studio."""
    b = sim.balance.studio
    if sim.tick % b.pick_minutes != 0 or not is_open(sim):
        return
    studio = sim.studio()
    fl = floor(sim)
    c = sim.crowd
    walking = int(np.count_nonzero(c.state[: c.n] == cc.TO_STUDIO))
    if walking >= b.max_walking_share * max(b.max_queue, 1):
        return  # word of the crowd at the door spreads: nobody else sets out
    rows = candidates(sim, studio)
    if len(rows) == 0:
        return
    p = b.visit_rate * b.pick_minutes / calendar.TICKS_PER_HOUR * demand_multiplier(sim, studio)
    k = int(sim.rng.binomial(len(rows), min(max(p, 0.0), 1.0)))
    if k == 0:
        return
    chosen = np.sort(sim.rng.choice(rows, size=k, replace=False))
    c.send_to_studio(chosen)
    fl.sent += k


# --------------------------------------------------------------------------- serving


def rows_of(sim: Simulation, uids: list[int]) -> dict[int, int]:
    """uid -> current row for the citizens `uids` that still exist."""
    if not uids:
        return {}
    c = sim.crowd
    live = c.uid[: c.n]
    idx = np.nonzero(np.isin(live, np.asarray(uids, dtype=live.dtype)))[0]
    return dict(zip(live[idx].tolist(), idx.tolist(), strict=True))


def serve(sim: Simulation) -> None:
    """Queue arrivals, finish services that are done, seat the next customers."""
    studio = sim.studio()
    fl = floor(sim)
    _arrivals(sim, studio, fl)
    _finish_chairs(sim, studio, fl, sim.tick)
    _seat(sim, studio, fl)


def _arrivals(sim: Simulation, studio: Studio, fl: StudioFloor) -> None:
    c = sim.crowd
    rows = np.nonzero(c.state[: c.n] == cc.AT_STUDIO)[0]
    if len(rows) == 0:
        return
    order = np.argsort(c.uid[rows], kind="stable")
    rows = rows[order]
    space = max(0, sim.balance.studio.max_queue - len(fl.queue))
    if not is_open(sim):
        space = 0
    accepted, refused = rows[:space], rows[space:]
    fl.arrived += len(rows)
    if len(accepted):
        c.state[accepted] = cc.IN_STUDIO
        fl.queue.extend(int(u) for u in c.uid[accepted])
    if len(refused):
        c.release(refused)
        fl.turned_away += len(refused)
        loss = sim.balance.studio.turned_away_reputation * len(refused)
        studio.reputation = float(max(0.0, studio.reputation - loss))
        sim.post(
            "turned_away",
            f"{len(refused)} customer(s) turned away: the queue is full",
            pos=(studio.x, studio.y),
            count=len(refused),
        )


def _finish_chairs(sim: Simulation, studio: Studio, fl: StudioFloor, until: int) -> None:
    done = [i for i, u in enumerate(fl.chair_uid) if u >= 0 and fl.chair_end[i] <= until]
    if not done:
        return
    rows = rows_of(sim, [fl.chair_uid[i] for i in done])
    c = sim.crowd
    b = sim.balance.studio
    roth = has_lead(sim, "roth")
    zara = any(x.key == "zara" for x in leads_on_staff(sim))
    for i in done:
        uid, service, price = fl.chair_uid[i], fl.chair_service[i], fl.chair_price[i]
        fl.chair_uid[i], fl.chair_service[i], fl.chair_price[i], fl.chair_end[i] = -1, "", 0, 0
        row = rows.get(uid)
        if row is None:
            continue  # the citizen left the city meanwhile
        risk = sim.balance.services[service].incident_risk
        if risk > 0 and not roth and sim.rng.random() < risk:
            _incident(sim, studio, service)
        else:
            studio.credits += price
            studio.revenue_today += price
            studio.trust = float(min(100.0, studio.trust + b.trust_per_service))
            gain = b.reputation_per_service * (b.zara_quality if zara else 1.0)
            studio.reputation = float(min(100.0, studio.reputation + gain))
            c.customized[row] = True
            fl.served += 1
            fl.served_by_band[int(c.income[row])] += 1
        c.release(np.array([row]))


def _incident(sim: Simulation, studio: Studio, service: str) -> None:
    b = sim.balance.studio
    rec = record(sim)
    d = director(sim)
    rec.incidents += 1
    studio.trust = float(max(0.0, studio.trust - b.incident_trust))
    studio.reputation = float(max(0.0, studio.reputation - b.incident_reputation))
    d.momentum = float(min(100.0, d.momentum + b.incident_momentum))
    sim.post(
        "incident",
        f"Incident: a {service_name(service)} went wrong. No charge; trust −{b.incident_trust:.0f}"
        f", Pure Smiles momentum +{b.incident_momentum:.0f}. Dr. Roth on staff prevents this.",
        pos=(studio.x, studio.y),
        service=service,
    )


def _seat(sim: Simulation, studio: Studio, fl: StudioFloor) -> None:
    if not fl.queue:
        return
    free = [i for i, u in enumerate(fl.chair_uid) if u < 0]
    busy = len(fl.chair_uid) - len(free)
    hands = staff(sim, studio) - busy
    n_seat = min(len(free), hands, len(fl.queue))
    if n_seat <= 0:
        return
    take = fl.queue[:n_seat]
    del fl.queue[:n_seat]
    rows = rows_of(sim, take)
    c = sim.crowd
    services = offered(sim, studio)
    bud = budgets(sim)
    chairs = iter(free)
    for uid in take:
        row = rows.get(uid)
        if row is None:
            continue
        band = int(c.income[row])
        affordable = [k for k in services if price_for(sim, studio, k, band) <= bud[band]]
        if not affordable:
            c.release(np.array([row]))  # prices changed while they waited
            fl.turned_away += 1
            continue
        service = affordable[int(sim.rng.integers(0, len(affordable)))]
        i = next(chairs)
        fl.chair_uid[i] = uid
        fl.chair_service[i] = service
        fl.chair_price[i] = price_for(sim, studio, service, band)
        fl.chair_end[i] = sim.tick + sim.balance.services[service].chair_minutes


def night(sim: Simulation) -> None:
    """Close up: finish the chairs, send the queue and the walkers home, daily policy effects."""
    studio = sim.studio()
    fl = floor(sim)
    b = sim.balance.studio
    _finish_chairs(sim, studio, fl, until=2**62)
    c = sim.crowd
    waiting = rows_of(sim, list(fl.queue))
    fl.queue.clear()
    stray = np.nonzero(np.isin(c.state[: c.n], [cc.TO_STUDIO, cc.AT_STUDIO]))[0]
    home = np.union1d(np.array(sorted(waiting.values()), dtype=np.int64), stray)
    if len(home):
        c.release(home)
    if studio.pricing_policy == "premium":
        studio.trust += b.premium_trust_per_day
        studio.reputation += b.premium_reputation_per_day
    elif studio.pricing_policy == "sliding_scale":
        studio.trust += b.sliding_trust_per_day
    if studio.charter:
        studio.trust += b.charter_trust_per_day
    studio.trust = float(min(100.0, max(0.0, studio.trust)))
    studio.reputation = float(min(100.0, max(0.0, studio.reputation)))


def metrics(sim: Simulation) -> dict[str, float]:
    """Metric source: the studio's books and floor."""
    s = sim.studio()
    fl = floor(sim)
    return {
        "credits": float(s.credits),
        "day": float(calendar.day_of(sim.tick)),
        "customers": float(fl.served),
        "trust": float(s.trust),
        "reputation": float(s.reputation),
        "queue": float(len(fl.queue)),
        "chairs": float(len(fl.chair_uid)),
        "turned_away": float(fl.turned_away),
        "customized": float(np.count_nonzero(sim.crowd.customized[: sim.crowd.n]))
        / max(sim.crowd.n, 1),
    }
