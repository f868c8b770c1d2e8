"""The night's accounts: rent and wages are paid, the day's change in credits is reported, and
a studio below 0 credits at the end of `bankrupt_days` days in a row is bankrupt (level lost).

Reads: balance.studio, Studio. Writes: Studio.credits, credits_at_day_start, days_in_debt,
revenue_today, wages_today, spent_today; message `accounts_settled`; the outcome (bankruptcy).
Phase: night, after the studio has closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import calendar

if TYPE_CHECKING:
    from game.sim.simulation import Simulation


def run(sim: Simulation) -> None:
    studio = sim.studio()
    bal = sim.balance.studio
    rent = bal.daily_rent
    wages = bal.sculptor_wage * studio.sculptors
    studio.credits -= rent + wages
    studio.wages_today = wages
    change = studio.credits - studio.credits_at_day_start
    studio.days_in_debt = studio.days_in_debt + 1 if studio.credits < 0 else 0
    sim.post(
        "accounts_settled",
        f"Day {calendar.day_of(sim.tick)} closed: revenue {studio.revenue_today} cr, rent {rent} cr"
        f", wages {wages} cr, change {change:+d} cr, balance {studio.credits} cr",
        rent=rent,
        wages=wages,
        revenue=studio.revenue_today,
        change=change,
        credits=studio.credits,
    )
    studio.credits_at_day_start = studio.credits
    studio.revenue_today = 0
    studio.spent_today = 0
    if studio.days_in_debt >= bal.bankrupt_days:
        sim.end(
            "lost",
            f"bankrupt: the studio ended {studio.days_in_debt} days in a row below 0 credits",
        )
    elif studio.days_in_debt > 0:
        sim.post(
            "debt_warning",
            f"The studio is {-studio.credits} cr in debt: {studio.days_in_debt} of "
            f"{bal.bankrupt_days} nights toward bankruptcy",
            days=studio.days_in_debt,
        )
