"""`random`: valid random commands — each look, it draws a few candidate commands of random types
with random arguments from what the player can see, and issues the first the game would accept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.headless.policies import Policy, register
from game.headless.policies.common import ok
from game.sim import calendar
from game.sim.commands import (
    PRICING_POLICIES,
    AdoptTransparencyCharter,
    AssignLead,
    BuildUpgrade,
    BuyChair,
    CancelEvent,
    Command,
    DismissSculptor,
    HireSculptor,
    RecruitLead,
    ScheduleEvent,
    SetPricingPolicy,
    SetService,
    SetServicePrice,
    UniteTheTribes,
)
from game.sim.entities import ASSIGNMENTS, EVENT_KINDS, LEAD_KEYS, SERVICE_NAMES, UPGRADES
from game.sim.view import SimView

if TYPE_CHECKING:
    from game.sim.simulation import Simulation


@register
class RandomPlayer(Policy):
    name = "random"
    interval = 60

    def act(self, sim: Simulation) -> list[Command]:
        view = SimView(sim)
        for _ in range(6):
            cmd = self._draw(view, sim)
            if ok(view, cmd):
                return [cmd]
        return []

    def _pick(self, seq: list | tuple):  # type: ignore[no-untyped-def,type-arg]
        return seq[int(self.rng.integers(len(seq)))]

    def _draw(self, view: SimView, sim: Simulation) -> Command:
        rng = self.rng
        kind = int(rng.integers(14))
        if kind == 0:
            return SetPricingPolicy(self._pick(PRICING_POLICIES))
        if kind == 1:
            return RecruitLead(self._pick(LEAD_KEYS))
        if kind == 2:
            return AssignLead(self._pick(LEAD_KEYS), self._pick(ASSIGNMENTS))
        if kind in (3, 4, 5):
            venues = view.venues()
            start = sim.tick + int(rng.integers(0, 3 * calendar.TICKS_PER_DAY))
            return ScheduleEvent(
                self._pick(list(EVENT_KINDS)),
                self._pick(venues).object_id,
                start,
                self._pick(["", *LEAD_KEYS]),
            )
        if kind == 6:
            booked = [e for e in view.calendar() if e.side == "studio"]
            return CancelEvent(self._pick(booked).number if booked else 1)
        if kind == 7:
            return BuyChair()
        if kind == 8:
            return HireSculptor()
        if kind == 9:
            return DismissSculptor()
        if kind == 10:
            return BuildUpgrade(self._pick(list(UPGRADES)))
        if kind == 11:
            return SetService(self._pick(list(SERVICE_NAMES)), bool(rng.integers(2)))
        if kind == 12:
            return SetServicePrice(self._pick(list(SERVICE_NAMES)), int(rng.integers(50, 1500)))
        return AdoptTransparencyCharter() if rng.integers(2) else UniteTheTribes()
