"""The night's accounts: rent is paid and the day's change in credits is reported.

Reads: balance.studio. Writes: Studio.credits, credits_at_day_start, days_in_debt. Phase: night.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import calendar

if TYPE_CHECKING:
    from game.sim.simulation import Simulation


def run(sim: Simulation) -> None:
    studio = sim.studio()
    rent = sim.balance.studio.daily_rent
    studio.credits -= rent
    change = studio.credits - studio.credits_at_day_start
    studio.days_in_debt = studio.days_in_debt + 1 if studio.credits < 0 else 0
    sim.post(
        "accounts_settled",
        f"Day {calendar.day_of(sim.tick)} closed: rent {rent} cr, change {change:+d} cr, "
        f"balance {studio.credits} cr",
        rent=rent,
        change=change,
        credits=studio.credits,
    )
    studio.credits_at_day_start = studio.credits
