"""The calendar: announced Pure Smiles rallies and the player's booked events, soonest first,
with what clashes with what; each can be shown on the map, a rally can be answered (the
scheduler opens at the venue nearest it) and a booked event cancelled before it starts.

Reads the view's `calendar()` (secret rally plans are never shown); whether an event and a
rally stand close enough to clash follows the same rule as `SimView.would_clash` (the clash
distance of the balance file; The Living Gallery reaches every rally).
"""

from __future__ import annotations

from game.app import actions as A
from game.app.markers import countdown
from game.app.panels.base import Panel, Row, button
from game.sim import calendar
from game.sim.commands import CancelEvent, ScheduleEvent
from game.sim.view import CalendarEntry

EARLIER_MAX = 8


class CalendarPanel(Panel):
    name = "calendar"
    commands = (CancelEvent, ScheduleEvent)

    def rows(self) -> list[Row]:
        ctx = self.ctx
        sim = ctx.sim
        out: list[Row] = []
        out += self.para(
            f"Now: {calendar.describe(sim.tick)}", "#value", "The in-game day and time."
        )
        coming = ctx.view.calendar()
        out += self.section(
            "Coming up", "Announced rallies (amber) and your booked events (cyan), soonest first."
        )
        if not coming:
            out += self.para(
                "Nothing announced or booked. The Pure Smiles announce rallies hours ahead: "
                "they appear here, in the notifications and on the map as dashed amber rings.",
                "#dim",
                "",
            )
        rallies = [e for e in coming if e.side == "pure_smiles"]
        events = [e for e in coming if e.side == "studio"]
        for e in coming:
            out += self._entry(e, rallies if e.side == "studio" else events)
        earlier = [
            e for e in ctx.view.calendar(include_over=True) if e.state in ("over", "cancelled")
        ]
        if earlier:
            out += self.section("Earlier", "What already happened in this level.")
            for e in sorted(earlier, key=lambda e: -e.start_tick)[:EARLIER_MAX]:
                if e.state == "cancelled":
                    what = "cancelled"
                elif e.side == "pure_smiles":
                    what = f"{e.peak} attended"
                else:
                    what = f"peak {e.peak}"
                out += self.para(
                    f"{e.when} · {e.title} at {e.place} · {what}", "#dim", "A past entry."
                )
        return out

    def _entry(self, e: CalendarEntry, others: list[CalendarEntry]) -> list[Row]:
        sim = self.ctx.sim
        rally = e.side == "pure_smiles"
        out = self.para(
            f"{e.when} · {e.title} at {e.place}",
            "#warn" if rally else "#good",
            "A Pure Smiles rally: it draws a crowd and pulls opinion toward their norm."
            if rally
            else "Your counter-event.",
        )
        if e.state == "active":
            state = f"now: {e.attendance} of {e.capacity} attending, ends in " + countdown(
                e.end_tick - sim.tick
            )
        else:
            state = f"starts in {countdown(e.start_tick - sim.tick)}"
            state += f" · up to {e.capacity}" if rally else f" · room for {e.capacity}"
        if not rally and e.hosts:
            from game.sim.entities import LEAD_SHORT

            state += " · hosted by " + ", ".join(LEAD_SHORT.get(h, h) for h in e.hosts)
        out += self.para(state, "#dim", "Where it stands.")
        for o in others:
            overlap = o.start_tick < e.end_tick and e.start_tick < o.end_tick
            if overlap and self._in_reach(o if rally else e, e if rally else o):
                other = f"your {o.title} at {o.place}" if rally else f"the rally at {o.place}"
                out += self.para(
                    f"Clash: meets {other}",
                    "#warn",
                    "When both are on, the bigger, better-hosted crowd wins the clash.",
                )
        cells = [button("Show", A.CenterOn(e.x, e.y), f"Move the map to {e.place}", 0.3)]
        if rally and e.state == "announced":
            cells.append(
                button(
                    "Answer it",
                    A.DraftMeetRally(e.number),
                    "Open the scheduler at the venue nearest this rally, starting with it",
                    0.7,
                )
            )
        if not rally and e.state == "scheduled":
            refund = self._refund(e)
            cells.append(
                button(
                    f"Cancel (refund {refund:,} cr)",
                    CancelEvent(e.number),
                    f"Cancel the {e.title} at {e.place} before it starts: {refund:,} cr back, "
                    "the hosts' energy returns",
                    0.7,
                )
            )
        out.append(Row(tuple(cells)))
        return out

    def _in_reach(self, event: CalendarEntry, rally: CalendarEntry) -> bool:
        if event.kind == "living_gallery":
            return True
        d2 = (event.x - rally.x) ** 2 + (event.y - rally.y) ** 2
        return d2 <= self.ctx.sim.balance.clash.distance**2

    def _refund(self, e: CalendarEntry) -> int:
        sim = self.ctx.sim
        cost = getattr(sim.balance.events, e.kind).cost
        return int(cost * sim.balance.events.cancel_refund)
