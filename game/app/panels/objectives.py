"""The objectives panel: what wins and what loses the level, with live progress, and what to do
next.

Reads the view's `objectives()` ("leads 1/2 and customers 23/40 · day 3 of 5"), split into one
line per condition; the level's title and intro; the achievements so far; and a few hints made
from public data (a lead who can be recruited now, the next announced rally to answer).
"""

from __future__ import annotations

from game.app import actions as A
from game.app.markers import countdown
from game.app.panels.base import Panel, Row, button, label
from game.app.panels.scheduler import default_kind
from game.sim.entities import a_event
from game.sim.objectives import KNOWN_METRICS

FRIENDLY = {
    "leads": "leads recruited",
    "customers": "customers served",
    "traction": "Pure Smiles traction",
    "support": "support",
    "events_held": "counter-events held",
    "clashes_won": "clashes won",
    "workshop_districts": "districts with a workshop",
    "living_gallery_held": "Living Gallery held",
}


def split_top(text: str, sep: str) -> list[str]:
    """Split on `sep` outside parentheses."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(sep, i):
            out.append(text[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    out.append(text[start:])
    return [p.strip() for p in out if p.strip()]


def condition_lines(progress: str) -> list[tuple[str, bool]]:
    """One (line, is_sub) per condition of a progress text; deadlines get their own line."""
    lines: list[tuple[str, bool]] = []
    for alt in split_top(progress, " or "):
        head, _, tail = alt.partition(" · ") if " · " in alt else (alt, "", "")
        if head.startswith("(") and head.endswith(")"):
            head = head[1:-1]
        parts = split_top(head, " and ")
        if len(parts) > 1 and tail:
            lines += [(_friendly(p), False) for p in parts]
            lines.append((tail if tail.startswith("deadline") else f"deadline: {tail}", True))
        else:
            text = " and ".join(_friendly(p) for p in parts)
            lines.append((f"{text} · {tail}" if tail else text, False))
    return lines


def _friendly(part: str) -> str:
    word, _, rest = part.partition(" ")
    return f"{FRIENDLY.get(word, word.replace('_', ' '))} {rest}".strip()


def _metric_help(text: str) -> str:
    docs = [f"{m}: {info.doc}" for m, info in KNOWN_METRICS.items() if m in text]
    return "; ".join(docs)


class ObjectivesPanel(Panel):
    name = "objectives"

    def rows(self) -> list[Row]:
        ctx = self.ctx
        sim, view = ctx.sim, ctx.view
        level = sim.level
        out: list[Row] = []
        act = level.prop("act", 0)
        title = f"Act {act} · {level.title}" if act else level.title
        out += self.para(title, "#title", "The level you are playing.")
        status, reason = view.outcome()
        if status != "ongoing":
            style = "#good" if status == "won" else "#bad"
            out += self.para(
                f"Level {status}: {reason}", style, "The level is decided; this is why."
            )
        objs = view.objectives()
        if not objs:
            out += self.para(
                "This level has no objectives: play as long as you like.", "#dim", "A sandbox."
            )
        for o in objs:
            head = "To win (all of these)" if o.key == "win" else "You lose if (any of these)"
            if o.key == "win" and " and " not in o.text:
                head = "To win"
            if o.key == "lose" and " or " not in o.text:
                head = "You lose if"
            tip = f"The level's {o.key} condition: {o.text}. {_metric_help(o.text)}"
            out += self.section(head, tip)
            if o.met:
                mark, style = ("done", "#good") if o.key == "win" else ("it happened", "#bad")
            elif o.failed:
                mark, style = ("can no longer be met", "#bad")
            else:
                mark, style = ("in progress", "#dim") if o.key == "win" else ("not yet", "#dim")
            for line, sub in condition_lines(o.progress):
                out += self.para(("" if sub else "• ") + line, "#dim" if sub else "", tip)
            out.append(Row((label(mark, "Whether this objective is met now.", style),), 20))
        out += self._hints()
        out += self._record()
        intro = level.prop("intro", "")
        if intro:
            out += self.section("The story", "The level's briefing.")
            out += self.para(str(intro), "#dim", "The level's briefing.")
        return out

    def _hints(self) -> list[Row]:
        ctx = self.ctx
        sim, view = ctx.sim, ctx.view
        if sim.finished:
            return []
        out: list[Row] = []
        rows = self.section("What to do next", "Suggestions from what you can see right now.")
        for lead in view.leads():
            if not lead.available or lead.recruited:
                continue
            if lead.recruit_blocker is None:
                out += self.para(
                    f"» {lead.name} can join now (fee {lead.fee:,} cr).",
                    "#good",
                    "Open the leads panel to recruit them.",
                )
                out.append(
                    Row(
                        (
                            button(
                                f"Recruit {lead.name.split()[-1]}…",
                                A.FocusLead(lead.key),
                                f"Open the leads panel at {lead.name} ({ctx.key('panel_leads')})",
                            ),
                        )
                    )
                )
            else:
                how = _how(lead.recruit_blocker, ctx.keys)
                out += self.para(f"• {lead.recruit_blocker}.", "", how)
                out += self.para(how, "#dim")
        nxt = [e for e in view.calendar() if e.side == "pure_smiles"]
        if nxt:
            r = nxt[0]
            when = countdown(r.start_tick - sim.tick)
            state = "now" if r.state == "active" else f"in {when}"
            out += self.para(
                f"» Pure Smiles rally at {r.place} {state} (up to {r.capacity}).",
                "#warn",
                "An event near a rally at the same time clashes with it: the bigger, "
                "better-hosted crowd wins a large swing in opinion and momentum.",
            )
            if r.state == "announced":
                out.append(
                    Row(
                        (
                            button(
                                "Answer it with an event",
                                A.DraftMeetRally(r.number),
                                "Open the scheduler with the venue nearest this rally, "
                                f"starting when it starts ({ctx.key('panel_events')})",
                            ),
                        )
                    )
                )
        booked = [e for e in view.calendar() if e.side == "studio"]
        if not booked:
            kind = default_kind(ctx)
            out += self.para(
                f"• No counter-event booked: {a_event(kind)} draws a crowd and moves "
                f"opinion toward self-expression ({ctx.key('panel_events')}).",
                "",
                "Counter-events are how you fight the Pure Smiles' rallies.",
            )
            out.append(
                Row(
                    (
                        button(
                            f"Plan {a_event(kind)}",
                            A.DraftKind(kind),
                            "Open the event scheduler with this type chosen "
                            f"({ctx.key('panel_events')})",
                        ),
                    )
                )
            )
        return rows + out if out else []

    def _record(self) -> list[Row]:
        a = self.ctx.view.achievements()
        res = self.ctx.view.resources()
        tip = "What you have achieved in this level so far."
        out = self.section("So far", tip)
        out += self.para(
            f"Customers served {res.customers} · turned away {res.turned_away} · "
            f"events held {a['events_held']} · clashes won {a['clashes_won']}, lost "
            f"{a['clashes_lost']} · incidents {a['incidents']}",
            "#dim",
            tip,
        )
        return out


def _how(blocker: str, keys: dict[str, str]) -> str:
    """What to do about a lead's recruiting condition (`keys`: the player's key labels)."""
    b = blocker.lower()
    if "trust" in b:
        return (
            "Trust rises a little with every customer served, every night under the sliding-"
            "scale pricing policy, and with some events."
        )
    if "counter-event" in b:
        return f"Hold a counter-event to its end (Events tab, {keys.get('panel_events', '?')})."
    if "built" in b or "build" in b:
        return f"Build it in the Studio tab ({keys.get('panel_studio', '?')})."
    if "fee" in b:
        return "Earn credits: customers pay for every service."
    return f"See the leads panel ({keys.get('panel_leads', '?')}) for the conditions."
