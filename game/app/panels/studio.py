"""The studio panel: today's accounts, the queue, chairs and sculptors, the pricing policy, the
services and their prices, upgrades (with what each unlocks) and the Transparency Charter.

Numbers come from the view (`resources`, `services`, `upgrades`); the day's revenue and spending
and the night's rent and wages, which the view does not list, are read from the studio's public
books and the balance file. Every button issues one command; a refusal is shown in the status
strip at the bottom of the panel.
"""

from __future__ import annotations

from game.app.panels.base import Panel, Row, button, label
from game.sim.commands import (
    AdoptTransparencyCharter,
    BuildUpgrade,
    BuyChair,
    DismissSculptor,
    HireSculptor,
    SetPricingPolicy,
    SetService,
    SetServicePrice,
)

POLICIES = (
    (
        "standard",
        "Standard",
        "Everyone pays the list price.",
    ),
    (
        "premium",
        "Premium",
        "Everyone pays more: better margins and a little reputation every night, but trust "
        "falls every night and fewer people can afford a smile.",
    ),
    (
        "sliding_scale",
        "Sliding",
        "Sliding scale: low incomes pay less, high incomes more. Better equity and trust "
        "every night, lower margins.",
    ),
)
PRICE_STEP = 0.1  # a price button moves the list price by this share of the base price


class StudioPanel(Panel):
    name = "studio"
    commands = (
        AdoptTransparencyCharter,
        BuildUpgrade,
        BuyChair,
        DismissSculptor,
        HireSculptor,
        SetPricingPolicy,
        SetService,
        SetServicePrice,
    )

    def rows(self) -> list[Row]:
        out: list[Row] = []
        out += self._accounts()
        out += self._floor()
        out += self._policy()
        out += self._services()
        out += self._upgrades()
        out += self._charter()
        return out

    def _accounts(self) -> list[Row]:
        ctx = self.ctx
        res = ctx.view.resources()
        s = ctx.sim.studio()
        b = ctx.sim.balance.studio
        wages = b.sculptor_wage * res.sculptors
        out = self.section("Today's accounts", "The studio's books since this morning.")
        tip = (
            "Credits now and their change since this morning. Two nights in a row below 0 "
            "credits is bankruptcy."
        )
        out.append(
            Row(
                (
                    label(f"{res.credits:,} cr", tip, "#value", 0.5),
                    label(
                        f"{res.credits_change_today:+,} cr today",
                        tip,
                        "#good" if res.credits_change_today >= 0 else "#bad",
                        0.5,
                    ),
                )
            )
        )
        out += self.para(
            f"Revenue {s.revenue_today:,} · spent {s.spent_today:,} · tonight rent "
            f"{b.daily_rent:,} + wages {wages:,}",
            "#dim",
            "Revenue from services today; what you spent today on fees, events and purchases; "
            "the rent and the sculptors' wages paid at night.",
        )
        if res.days_in_debt:
            out += self.para(
                f"In debt: {res.days_in_debt} of {b.bankrupt_days} nights toward bankruptcy",
                "#bad",
                "End a day above 0 credits to clear it.",
            )
        out += self.para(
            f"Trust {res.trust:.0f} · reputation {res.reputation:.0f}",
            "",
            "Trust (0-100) rises with customers served, the sliding scale and the charter; "
            "incidents cost it. Dr. Roth joins at a trust threshold. Reputation (0-100) brings "
            "customers in.",
        )
        return out

    def _floor(self) -> list[Row]:
        ctx = self.ctx
        res = ctx.view.resources()
        b = ctx.sim.balance.studio
        room = b.max_chairs + (b.gallery_wing_chairs if "gallery_wing" in res.upgrades else 0)
        out = self.section("The floor", "Who is in the studio right now.")
        if res.picket:
            out += self.para(
                "Picket: the Pure Smiles picket the studio: fewer customers come in.",
                "#warn",
                "A picket stands while their momentum is high. Win clashes to lower it.",
            )
        out += self.para(
            f"Queue {res.queue} of {b.max_queue} · chairs busy {res.busy_chairs} of "
            f"{res.chairs} · served {res.customers} · turned away {res.turned_away}",
            "",
            "Customers wait in the queue for a free chair with someone to work it; a full queue "
            f"turns people away. The studio is open {b.open_hour:02d}:00-{b.close_hour:02d}:00.",
        )
        hands = res.staff
        leads = hands - res.sculptors
        out += self.para(
            f"Staff {hands} for {res.chairs} chairs ({_n(res.sculptors, 'sculptor')} + "
            f"{_n(leads, 'lead')} working the studio)",
            "" if hands >= res.chairs else "#warn",  # same height: nothing below moves
            "A chair needs someone to work it: hired sculptors plus the leads working the studio.",
        )
        out.append(
            Row(
                (
                    label(
                        f"Chairs {res.chairs} of {room}", "Chairs in the studio / room.", "", 0.45
                    ),
                    button(
                        f"Buy chair {b.chair_cost:,}",
                        BuyChair(),
                        f"Buy one more chair for {b.chair_cost:,} cr "
                        f"({ctx.key('buy_chair')}). Room for "
                        f"{room}; the gallery wing adds {b.gallery_wing_chairs}.",
                        0.55,
                    ),
                )
            )
        )
        out.append(
            Row(
                (
                    label(
                        f"Sculptors {res.sculptors}",
                        f"Hired sculptors; each is paid {b.sculptor_wage} cr every night.",
                        "",
                        0.36,
                    ),
                    button(
                        f"Hire {b.sculptor_hire_fee}",
                        HireSculptor(),
                        f"Hire a sculptor: {b.sculptor_hire_fee} cr now and "
                        f"{b.sculptor_wage} cr every night ({ctx.key('hire_sculptor')})",
                        0.34,
                    ),
                    button(
                        "Dismiss",
                        DismissSculptor(),
                        f"Let a sculptor go: saves {b.sculptor_wage} cr a night",
                        0.30,
                    ),
                )
            )
        )
        return out

    def _policy(self) -> list[Row]:
        res = self.ctx.view.resources()
        out = self.section("Pricing policy", "Who pays what. Changes apply to the next customers.")
        out.append(
            Row(
                tuple(
                    button(
                        text,
                        SetPricingPolicy(key),
                        f"{text} pricing: {doc}",
                        selected=res.pricing_policy == key,
                    )
                    for key, text, doc in POLICIES
                )
            )
        )
        doc = next(d for k, _, d in POLICIES if k == res.pricing_policy)
        out += self.para(doc, "#dim", "The policy in effect.")
        return out

    def _services(self) -> list[Row]:
        ctx = self.ctx
        b = ctx.sim.balance
        out = self.section(
            "Services", "What the studio offers. Customers pick what they can afford."
        )
        for sv in ctx.view.services():
            base = b.services[sv.key].price
            step = max(1, round(base * PRICE_STEP))
            lo = round(base * b.studio.min_price_share)
            hi = round(base * b.studio.max_price_share)
            lowp, midp, highp = sv.price_by_band
            prices = f"{midp} cr" if lowp == midp == highp else f"{lowp}/{midp}/{highp} cr"
            tip_price = (
                f"List price {sv.list_price} cr (allowed {lo}-{hi}); low/middle/high incomes "
                f"pay {lowp}/{midp}/{highp} cr under the current policy."
            )
            state = "On" if sv.switched_on else "Off"
            if sv.locked and sv.switched_on:
                state = "Locked"
            out += self.para(sv.name, "#value", _service_tip(sv))
            out.append(
                Row(
                    (
                        button(
                            "−",
                            SetServicePrice(sv.key, max(lo, sv.list_price - step)),
                            f"Lower {sv.name}'s list price by {step} cr",
                            0.15,
                        ),
                        label(prices, tip_price, "", 0.4),
                        button(
                            "+",
                            SetServicePrice(sv.key, min(hi, sv.list_price + step)),
                            f"Raise {sv.name}'s list price by {step} cr",
                            0.15,
                        ),
                        button(
                            state,
                            SetService(sv.key, not sv.switched_on),
                            f"{sv.name} is {'offered' if sv.switched_on else 'switched off'}"
                            f"{' (but locked)' if sv.locked else ''}: click to "
                            f"{'stop offering' if sv.switched_on else 'offer'} it",
                            0.3,
                            selected=sv.offered,
                        ),
                    )
                )
            )
            if sv.locked:
                out += self.para(f"Locked: {sv.locked}", "#warn", "Not on offer until then.")
            else:
                risk = (
                    f"incident risk {sv.incident_risk:.0%}"
                    if sv.incident_risk
                    else "no incident risk"
                )
                out += self.para(
                    f"{sv.chair_minutes} min in the chair · {risk}", "#dim", _service_tip(sv)
                )
        return out

    def _upgrades(self) -> list[Row]:
        out = self.section("Upgrades", "Build once; each unlocks something.")
        for up in self.ctx.view.upgrades():
            name = up.name[0].upper() + up.name[1:]
            tip = f"The {up.name} {up.gives}."
            if up.built:
                out.append(Row((label(f"{name}: built", tip, "#good"),)))
            else:
                out.append(
                    Row(
                        (
                            label(name, tip, "#value", 0.5),
                            button(
                                f"Build {up.cost:,}",
                                BuildUpgrade(up.key),
                                f"Build the {up.name} for {up.cost:,} cr: it {up.gives}",
                                0.5,
                            ),
                        )
                    )
                )
            out += self.para(f"It {up.gives}.", "#dim", tip)
        return out

    def _charter(self) -> list[Row]:
        ctx = self.ctx
        b = ctx.sim.balance.studio
        res = ctx.view.resources()
        tip = (
            f"Dr. Roth's Transparency Charter: trust +{b.charter_trust:.0f} now and "
            f"+{b.charter_trust_per_day:.0f} every night."
        )
        out = self.section("Transparency Charter", tip)
        if res.charter:
            return out + self.para("In force.", "#good", tip)
        out.append(
            Row(
                (
                    button(
                        f"Adopt the charter ({b.charter_cost:,} cr)",
                        AdoptTransparencyCharter(),
                        tip,
                    ),
                )
            )
        )
        roth = next((c for c in ctx.view.leads() if c.key == "roth"), None)
        if roth is None or not roth.recruited:
            where = "" if roth is not None and roth.available else " (not in this level)"
            out += self.para(f"Needs Dr. Eli Roth on the team{where}.", "#dim", tip)
        else:
            out += self.para(tip, "#dim", tip)
        return out


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _service_tip(sv: object) -> str:
    from game.sim.view import ServiceView

    assert isinstance(sv, ServiceView)
    risk = (
        f"Without Dr. Roth, {sv.incident_risk:.0%} of these go wrong (an incident costs trust "
        "and feeds the Pure Smiles)."
        if sv.incident_risk
        else "No incident risk."
    )
    return f"{sv.name}: {sv.chair_minutes} minutes in a chair. {risk}"
