"""The event scheduler: choose a type, a venue (from the list or by clicking it on the map), a
start time and, where the type allows, a host; see the cost, the expected reach, any clash with
an announced rally and whether the booking would be accepted, then confirm.

The draft lives in `ViewState.draft` (nothing is booked until Confirm / Enter, which the scene
turns into a `ScheduleEvent` command). Unset parts of the draft get sensible defaults here: the
first type a recruited lead can host, the venue nearest the next announced rally (else the
studio), the earliest start. Clashes come from the view (`would_clash`) and acceptance from
`view.check` (the command's own check, changing nothing). The expected reach is estimated in
the app from public data: citizens within the event's radius of the venue now whose opinion the
event can draw, and the room the venue gives it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pygame

from game.app import actions as A
from game.app.markers import countdown
from game.app.palette import NEON_CYAN
from game.app.panels.base import BUTTON_PAD, GAP, Panel, PanelContext, Row, button, label
from game.sim import calendar
from game.sim.commands import CancelEvent, ScheduleEvent
from game.sim.entities import EVENT_KINDS, LEAD_NAMES, a_event, event_name
from game.sim.view import CalendarEntry, EventType, VenueView

SLOT_MINUTES = 15  # drafted start times snap to the quarter hour
SHORT = {"community_workshop": "Workshop", "living_gallery": "Living Gallery"}  # narrow panels
DOES = {
    "showcase": "Zara shows her art: a wide draw that moves everyone there toward self-expression.",
    "counter_rally": "Milo's answer to a rally: the strongest pull, made to clash with the "
    "Pure Smiles.",
    "ar_installation": "Arian's installation stays for days with a small radius: a lasting "
    "attractor.",
    "ethics_forum": "Dr. Roth speaks: it raises trust and sways only the undecided.",
    "community_workshop": "Small and close: attendees become advocates who sway their "
    "neighbours. Needs the workshop room.",
    "living_gallery": "All four leads, once per level: it draws the whole city.",
}


@dataclass(frozen=True, slots=True)
class Resolved:
    """The draft with its defaults filled in."""

    kind: str
    etype: EventType | None
    venue: VenueView | None
    start_tick: int
    host: str

    def command(self) -> ScheduleEvent | None:
        if self.venue is None or not self.kind:
            return None
        return ScheduleEvent(self.kind, self.venue.object_id, self.start_tick, self.host)


def earliest_start(ctx: PanelContext, kind: str) -> int:
    """The first quarter hour an event of `kind` can start (after set-up, ending by 24:00)."""
    sim = ctx.sim
    rules = sim.balance.events
    t = sim.tick + rules.setup_minutes
    t = -(-t // SLOT_MINUTES) * SLOT_MINUTES
    minutes = getattr(rules, kind).duration_minutes if kind in EVENT_KINDS else 0
    if minutes <= calendar.TICKS_PER_DAY and calendar.day_of(t + minutes - 1) != calendar.day_of(t):
        t = calendar.tick_at(calendar.day_of(t) + 1, 6)
    return t


def next_rally(ctx: PanelContext) -> CalendarEntry | None:
    for e in ctx.view.calendar():
        if e.side == "pure_smiles" and e.state == "announced":
            return e
    return None


def nearest_venue(venues: list[VenueView], x: float, y: float, kind: str = "") -> VenueView | None:
    if not venues:
        return None
    return min(venues, key=lambda v: ((v.x - x) ** 2 + (v.y - y) ** 2, v.object_id))


def default_kind(ctx: PanelContext) -> str:
    leads = {c.key: c for c in ctx.view.leads()}
    upgrades = ctx.view.resources().upgrades
    for kind, (_, host) in EVENT_KINDS.items():
        if host in leads and leads[host].recruited:
            return kind
        if host == "any" and "workshop_room" in upgrades:
            return kind
    return next(iter(EVENT_KINDS))


def resolve(ctx: PanelContext) -> Resolved:
    """The draft of `ctx.state` with every unset part given its default."""
    d = ctx.state.draft
    types = {t.kind: t for t in ctx.view.event_types()}
    kind = d.kind if d.kind in types else default_kind(ctx)
    venues = ctx.view.venues()
    venue = next((v for v in venues if v.object_id == d.venue), None)
    if venue is None:
        r = next_rally(ctx)
        if r is not None:
            venue = nearest_venue(venues, r.x, r.y)
        else:
            s = ctx.sim.studio()
            venue = nearest_venue(venues, s.x, s.y)
    start = d.start_tick if d.start_tick >= 0 else earliest_start(ctx, kind)
    host = ""
    if EVENT_KINDS.get(kind, ("", ""))[1] == "any":
        recruited = [c for c in ctx.view.leads() if c.recruited]
        keys = [c.key for c in recruited]
        if d.host in keys:
            host = d.host
        elif recruited:
            host = max(recruited, key=lambda c: (c.energy, -keys.index(c.key))).key
    return Resolved(kind, types.get(kind), venue, start, host)


def meet_rally(ctx: PanelContext, number: int) -> None:
    """Set the draft to answer rally `number`: the venue nearest it, starting when it starts."""
    entry = next(
        (e for e in ctx.view.calendar() if e.side == "pure_smiles" and e.number == number), None
    )
    if entry is None:
        return
    d = ctx.state.draft
    kind = d.kind or default_kind(ctx)
    v = nearest_venue(ctx.view.venues(), entry.x, entry.y)
    if v is not None:
        d.venue = v.object_id
    d.kind = kind
    d.start_tick = max(entry.start_tick, earliest_start(ctx, kind))


def expected_reach(ctx: PanelContext, kind: str, venue: VenueView) -> tuple[int, int]:
    """(citizens within the event's radius of `venue` now that it can draw, its capacity)."""
    sim = ctx.sim
    eb = getattr(sim.balance.events, kind)
    capacity = max(1, min(eb.max_capacity, int(venue.capacity * eb.capacity_share)))
    c = sim.crowd
    n = c.n
    if not n:
        return 0, capacity
    pos = c.pos[:n]
    d2 = (pos[:, 0] - venue.x) ** 2 + (pos[:, 1] - venue.y) ** 2
    op = c.opinion[:n]
    ok = (d2 <= eb.radius**2) & (op >= eb.min_opinion) & (op <= eb.max_opinion)
    return int(np.count_nonzero(ok)), capacity


def _hhmm(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h} h" if not m else (f"{h} h {m:02d}" if h else f"{m} min")


class SchedulerPanel(Panel):
    name = "schedule"
    commands = (ScheduleEvent, CancelEvent)
    footer_h = 64  # the status line and the Book button stay in view

    def stamp(self) -> object:
        d = self.ctx.state.draft
        return (d.kind, d.venue, d.start_tick, d.host)

    def rows(self) -> list[Row]:
        ctx = self.ctx
        sim = ctx.sim
        r = resolve(ctx)
        out: list[Row] = []
        if sim.finished:
            return out + self.para("The level is over: nothing more can be booked.", "#dim")
        out += self._types(r)
        out += self._venues(r)
        out += self._start(r)
        out += self._host(r)
        out += self._preview(r)
        booked = [e for e in ctx.view.calendar() if e.side == "studio"]
        if booked:
            out += self.para(
                f"You have {len(booked)} event(s) booked: see the calendar "
                f"({ctx.key('panel_calendar')}) to cancel one.",
                "#dim",
                "The calendar lists rallies and your events.",
            )
        return out

    def _types(self, r: Resolved) -> list[Row]:
        out = self.section("1 · Type", "What kind of counter-event to stage.")
        types = self.ctx.view.event_types()
        room = (self.inner_w - GAP) // 2 - BUTTON_PAD  # two buttons a row
        cells = []
        for t in types:
            host = {"any": "any lead", "all": "all four leads"}.get(
                t.host, LEAD_NAMES.get(t.host, t.host)
            )
            tip = (
                f"{t.name}: {DOES.get(t.kind, '')} Hosted by {host}; {t.cost:,} cr; "
                f"{_hhmm(t.minutes)}; {t.energy:.0f} energy; reach {t.radius:.0f} tiles."
            )
            fits = self.ctx.font("#panel_button").size(t.name)[0] <= room
            name = t.name if fits else SHORT.get(t.kind, t.name)
            cells.append(button(name, A.DraftKind(t.kind), tip, selected=t.kind == r.kind))
        out += [Row(tuple(cells[i : i + 2])) for i in range(0, len(cells), 2)]
        if r.etype is not None:
            t = r.etype
            host = {"any": "any lead", "all": "all four leads"}.get(
                t.host, LEAD_NAMES.get(t.host, t.host)
            )
            out += self.para(
                f"{DOES.get(t.kind, '')} Host: {host} · {_hhmm(t.minutes)} · energy "
                f"{t.energy:.0f} · reach {t.radius:.0f} tiles",
                "#dim",
                f"About the {t.name}.",
            )
        return out

    def _venues(self, r: Resolved) -> list[Row]:
        out = self.section(
            "2 · Venue (or click one on the map)",
            "Where to stage it. Venues are the cyan boxes on the map.",
        )
        rally = next_rally(self.ctx)
        clash = self.ctx.sim.balance.clash.distance
        for v in self.ctx.view.venues():
            tip = f"{v.name}: a {v.kind} for up to {v.capacity} people."
            text = f"{v.name} · {v.capacity}"
            if rally is not None:
                dist = ((v.x - rally.x) ** 2 + (v.y - rally.y) ** 2) ** 0.5
                near = dist <= clash
                tip += (
                    f" {dist:.0f} tiles from the rally at {rally.place}"
                    f"{' (close enough to clash)' if near else ''}."
                )
                if near:
                    text += " · near rally"
            out.append(
                Row(
                    (
                        button(
                            text,
                            A.DraftVenue(v.object_id),
                            tip,
                            selected=r.venue is not None and v.object_id == r.venue.object_id,
                        ),
                    )
                )
            )
        if not self.ctx.view.venues():
            out += self.para("This map has no venues.", "#bad", "")
        return out

    def _start(self, r: Resolved) -> list[Row]:
        sim = self.ctx.sim
        minutes = r.etype.minutes if r.etype else 0
        end = r.start_tick + minutes
        wait = r.start_tick - sim.tick
        out = self.section(
            "3 · Start", "When it starts. Events need set-up time and must end by 24:00."
        )
        out.append(
            Row(
                (
                    label(
                        f"{calendar.describe(r.start_tick)}–{calendar.clock_text(end)}"
                        f" (in {countdown(wait)})",
                        "The drafted start and end, and how long until it starts.",
                        "#value",
                    ),
                )
            )
        )
        earlier, later = self.ctx.key("start_earlier"), self.ctx.key("start_later")
        out.append(
            Row(
                tuple(
                    button(text, A.DraftShift(m), f"Move the start {text} ({keys})")
                    for text, m, keys in (
                        ("−1h", -60, f"Shift+{earlier}"),
                        ("−15m", -15, earlier),
                        ("+15m", 15, later),
                        ("+1h", 60, f"Shift+{later}"),
                    )
                )
            )
        )
        cells = [button("Earliest", A.DraftStart(-1), "Start as soon as set-up allows", 0.4)]
        rally = next_rally(self.ctx)
        if rally is not None:
            cells.append(
                button(
                    "With the rally",
                    A.DraftMeetRally(rally.number),
                    f"Start when the rally at {rally.place} starts "
                    f"({calendar.describe(rally.start_tick)}) at the venue nearest it",
                    0.6,
                )
            )
        out.append(Row(tuple(cells)))
        return out

    def _host(self, r: Resolved) -> list[Row]:
        ctx = self.ctx
        out = self.section(
            "4 · Host", "Who hosts it. Hosting costs energy; a rested host draws better."
        )
        rule = EVENT_KINDS.get(r.kind, ("", ""))[1]
        leads = {c.key: c for c in ctx.view.leads()}
        energy = r.etype.energy if r.etype else 0.0
        if rule == "any":
            recruited = [c for c in leads.values() if c.recruited]
            cells = [
                button(
                    c.name.split()[-1],
                    A.DraftHost(c.key),
                    f"{c.name} hosts (energy {c.energy:.0f}, needs {energy:.0f})",
                    selected=c.key == r.host,
                )
                for c in recruited
            ]
            for i in range(0, len(cells), 2):
                out.append(Row(tuple(cells[i : i + 2])))
            if not cells:
                out += self.para("No lead has joined yet.", "#bad", "")
            return out
        keys = list(leads) if rule == "all" else [rule]
        for k in keys:
            c = leads.get(k)
            if c is None:
                continue
            state = (
                f"energy {c.energy:.0f}, {max(0.0, c.energy - energy):.0f} after"
                if c.recruited
                else "has not joined"
            )
            out += self.para(
                f"{c.name} · {state}",
                "" if c.recruited and c.energy >= energy else "#warn",
                f"{a_event(r.kind)} is hosted by {c.name}.",
            )
        return out

    def _preview(self, r: Resolved) -> list[Row]:
        ctx = self.ctx
        view = ctx.view
        out = self.section("Before you book", "What booking this would cost and bring.")
        if r.etype is None or r.venue is None:
            return out + self.para("Choose a type and a venue.", "#dim")
        res = view.resources()
        t = r.etype
        out += self.para(
            f"Cost {t.cost:,} cr (you have {res.credits:,})",
            "" if res.credits >= t.cost else "#bad",
            "Paid when you book; half comes back if you cancel before it starts.",
        )
        within, room = expected_reach(ctx, r.kind, r.venue)
        out += self.para(
            f"Expected reach: {within:,} citizens within {t.radius:.0f} tiles now; room for "
            f"{room:,}",
            "",
            "Citizens near the venue right now whose opinion this event can draw, and how many "
            "the venue holds for it. Who comes depends on their opinion, tribe and the host.",
        )
        clashes = view.would_clash(r.kind, r.venue.object_id, r.start_tick)
        for e in clashes:
            out += self.para(
                f"Clash: meets the Pure Smiles rally at {e.place}, {e.when} (up to {e.capacity})",
                "#warn",
                "Overlapping in time and place: the bigger, better-hosted crowd wins a large "
                "swing in opinion and momentum.",
            )
        if not clashes:
            rally = next_rally(ctx)
            text = "No clash with an announced rally."
            if rally is not None:
                text += f" Next rally: {rally.place}, {rally.when}."
            out += self.para(text, "#dim", "Rallies are announced hours ahead.")
        reason = self._reason(r)
        if reason is None:
            out += self.para("Ready to book.", "#good", "The game would accept this booking.")
        else:
            out += self.para(
                f"Refused now: {reason}", "#bad", "Why the game would refuse this booking now."
            )
        return out

    def _reason(self, r: Resolved) -> str | None:
        cmd = r.command()
        return self.ctx.view.check(cmd) if cmd is not None else "choose a type and a venue"

    def footer(self) -> list[Row]:
        r = resolve(self.ctx)
        if self.ctx.sim.finished or r.etype is None or r.venue is None:
            return [
                Row(
                    (
                        label(
                            "Nothing to book.", "The level is over or nothing is drafted.", "#dim"
                        ),
                    ),
                    20,
                ),
                Row(
                    (
                        button(
                            "Book",
                            A.ConfirmDraft(),
                            f"Nothing to book ({self.ctx.key('book_event')})",
                            style="#confirm",
                        ),
                    ),
                    34,
                ),
            ]
        reason = self._reason(r)
        where = f"{event_name(r.kind)} at {r.venue.name}, {calendar.clock_text(r.start_tick)}"
        if reason is None:
            status = label(f"Ready: {where}", f"Book the {where}.", "#good")
        else:
            status = label(
                f"Not possible now: {reason}", f"Why the game would refuse it: {reason}", "#bad"
            )
        book = button(
            f"Book {event_name(r.kind)} · {r.etype.cost:,} cr",
            A.ConfirmDraft(),
            f"Book the {where} on {calendar.describe(r.start_tick)} for {r.etype.cost:,} cr "
            f"({self.ctx.key('book_event')})",
            style="#confirm",
        )
        return [Row((status,), 20), Row((book,), 34)]


def draw_preview(
    surf: pygame.Surface,
    r: Resolved,
    world_to_screen: Callable[[float, float], tuple[float, float]],
    tile: int,
    scale: float,
    text: Callable[[str, tuple[int, int, int], bool], pygame.Surface],
) -> None:
    """The drafted event on the map: its reach as a ring at the venue, with a label."""
    if r.venue is None or r.etype is None:
        return
    sx, sy = world_to_screen(r.venue.x * tile, r.venue.y * tile)
    c = (int(sx), int(sy))
    rad = max(int(min(r.etype.radius, 400.0) * tile * scale), 6)
    pygame.draw.circle(surf, NEON_CYAN, c, rad, 1)
    pygame.draw.circle(surf, NEON_CYAN, c, 9, 2)
    img = text(
        f"Draft: {event_name(r.kind)} · {calendar.clock_text(r.start_tick)}", NEON_CYAN, False
    )
    # below the venue's own labels (an event running there writes above and just below it)
    surf.blit(img, (c[0] - img.get_width() // 2, c[1] + 28))
