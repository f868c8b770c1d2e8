"""The leads panel: a card per lead (portrait, energy, what they are doing), their assignment,
the events they host, Milo's Unite the Tribes, and recruiting with the conditions shown.

Recruiting also starts from the map: clicking a lead's spot (the ringed figure) opens this panel
with that lead first. The conditions (fee, trust, events held, an upgrade) are read from the
balance file, since the view only says whether recruiting would be refused now and why
(`LeadView.recruit_blocker`, the command's own check text); a refusal after pressing Recruit is
shown in the status strip at the bottom of the panel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.app import actions as A
from game.app.markers import PORTRAITS_DIR, load_image
from game.app.palette import NEON_AMBER, NEON_CYAN, NEON_PINK, TEXT, TEXT_DIM
from game.app.panels.base import Panel, PanelContext, Row, button, image, ui_font_path
from game.sim.commands import AssignLead, RecruitLead, UniteTheTribes
from game.sim.entities import EVENT_KINDS, UPGRADES, event_name
from game.sim.view import LeadView

CARD_H = 66
ABILITIES = {
    "zara": "Her craft lifts service quality. Hosts the Showcase.",
    "roth": "Removes the incident risk of advanced services. Hosts the Ethics Forum; "
    "brings the Transparency Charter (Studio tab).",
    "milo": "Hosts the Counter-Rally; Unite the Tribes softens the most divided tribes.",
    "arian": "Hosts the AR Installation (a lasting attractor); unlocks the Story Smile.",
}


class LeadsPanel(Panel):
    name = "leads"
    commands = (AssignLead, RecruitLead, UniteTheTribes)

    def __init__(self, ctx: PanelContext, rect: pygame.Rect, container: Any) -> None:
        super().__init__(ctx, rect, container)
        self._portraits: dict[str, pygame.Surface] = {}
        self._cards: dict[tuple[object, ...], pygame.Surface] = {}

    def stamp(self) -> object:
        return self.ctx.state.focus_lead

    def rows(self) -> list[Row]:
        ctx = self.ctx
        leads = [c for c in ctx.view.leads() if c.available]
        focus = ctx.state.focus_lead
        leads.sort(key=lambda c: (c.key != focus, not c.recruited and c.key != focus))
        out: list[Row] = []
        for c in leads:
            out += self._card(c, c.key == focus)
        away = [c.name for c in ctx.view.leads() if not c.available]
        if away:
            out += self.para(
                f"Not in this part of the city: {', '.join(away)}.",
                "#dim",
                "Leads the level does not offer.",
            )
        return out

    def _card(self, c: LeadView, focused: bool) -> list[Row]:
        ctx = self.ctx
        tip = f"{c.name}, {c.title}. {ABILITIES.get(c.key, '')}"
        card = self._card_image(c, focused)
        out = [Row((image(card, tip),), card.get_height())]
        if c.recruited:
            out.append(
                Row(
                    (
                        button(
                            "Work the studio",
                            AssignLead(c.key, "studio"),
                            f"{c.name} works a chair in the studio (energy falls slowly)",
                            selected=c.assignment == "studio",
                        ),
                        button(
                            "Rest",
                            AssignLead(c.key, "resting"),
                            f"{c.name} rests: energy comes back faster (events need energy)",
                            selected=c.assignment == "resting",
                        ),
                    )
                )
            )
            hosts = [k for k, (_, h) in EVENT_KINDS.items() if h == c.key]
            cells = [
                button(
                    f"Book {event_name(k)}",
                    A.DraftKind(k),
                    f"Open the scheduler with {event_name(k)} chosen ({ctx.key('panel_events')})",
                )
                for k in hosts
            ]
            if c.key == "milo":
                b = ctx.sim.balance.leads
                cells.append(
                    button(
                        "Unite the Tribes",
                        UniteTheTribes(),
                        f"Milo brings the tooth tribes together: the tribes less supportive than "
                        f"the city close {b.unite_strength:.0%} of the gap. Costs {b.unite_cost} "
                        f"cr and {b.unite_energy:.0f} energy; again after "
                        f"{b.unite_cooldown_days} days.",
                    )
                )
            if cells:
                out.append(Row(tuple(cells)))
            out += self.para(ABILITIES.get(c.key, ""), "#dim", tip)
            return out
        out += self._conditions(c)
        if c.recruit_blocker is None:
            out += self.para("Ready to join now.", "#good", "Every condition is met.")
        else:
            out += self.para(
                f"Not yet: {c.recruit_blocker}",
                "#bad",
                "Why recruiting would be refused right now.",
            )
        fee = f" ({c.fee:,} cr)" if c.fee else ""
        out.append(
            Row(
                (
                    button(
                        f"Recruit{fee}",
                        RecruitLead(c.key),
                        f"Recruit {c.name}{fee} ({ctx.key('recruit_lead')} recruits the lead "
                        "shown first)",
                        0.6,
                    ),
                    button(
                        "Show spot",
                        A.CenterOn(*c.spot),
                        f"Move the map to {c.name}'s spot",
                        0.4,
                    ),
                )
            )
        )
        out += self.para(ABILITIES.get(c.key, ""), "#dim", tip)
        return out

    def _conditions(self, c: LeadView) -> list[Row]:
        ctx = self.ctx
        bal = getattr(ctx.sim.balance.leads, c.key)
        res = ctx.view.resources()
        held = ctx.view.achievements()["events_held"]
        parts: list[tuple[bool, str]] = []
        if bal.fee:
            parts.append((res.credits >= bal.fee, f"fee {bal.fee:,} cr (you have {res.credits:,})"))
        if bal.trust_required > 0:
            parts.append(
                (
                    res.trust >= bal.trust_required,
                    f"trust >= {bal.trust_required:.0f} (now {res.trust:.0f})",
                )
            )
        if bal.events_required > 0:
            parts.append(
                (
                    held >= bal.events_required,
                    f"{bal.events_required} counter-event(s) held (so far {held})",
                )
            )
        if bal.needs_upgrade != "none":
            parts.append(
                (
                    bal.needs_upgrade in res.upgrades,
                    f"the {UPGRADES.get(bal.needs_upgrade, bal.needs_upgrade)} built",
                )
            )
        if not parts:
            return self.para("Joins with no conditions.", "#dim", "")
        tip = "What recruiting needs: met, or still needed."
        out = self.para("Joins when:", "", tip)
        for ok, text in parts:
            out += self.para(
                f"{'• met:' if ok else '• needs:'} {text}", "#good" if ok else "#warn", tip
            )
        return out

    # ------------------------------------------------------------------ pictures

    def _portrait(self, key: str) -> pygame.Surface:
        if key not in self._portraits:
            img = load_image(Path(PORTRAITS_DIR) / f"{key}.png", (96, 96))
            side = self.ctx.s(56)
            self._portraits[key] = pygame.transform.smoothscale(img, (side, side))
        return self._portraits[key]

    def _card_image(self, c: LeadView, focused: bool) -> pygame.Surface:
        """The lead's card, drawn at the UI scale (`s`)."""
        key = (c.key, c.recruited, round(c.energy), c.assignment, c.hosting, focused)
        if key in self._cards:
            return self._cards[key]
        if len(self._cards) > 64:
            self._cards.clear()
        s = self.ctx.s
        w = self.inner_w
        surf = pygame.Surface((w, s(CARD_H)), pygame.SRCALPHA)
        surf.fill((20, 14, 42, 235))
        border = NEON_CYAN if focused else (NEON_PINK if c.recruited else (110, 90, 160))
        pygame.draw.rect(surf, border, surf.get_rect(), 2 if focused else 1, border_radius=5)
        portrait = self._portrait(c.key)
        if not c.recruited:
            portrait = portrait.copy()
            portrait.fill((90, 90, 90), special_flags=pygame.BLEND_RGB_MULT)
        surf.blit(portrait, (s(4), s(5)))
        bold = pygame.font.Font(ui_font_path(True), s(14))
        small = pygame.font.Font(ui_font_path(), s(12))
        x = s(66)
        surf.blit(bold.render(c.name, True, TEXT), (x, s(1)))
        surf.blit(small.render(c.title, True, TEXT_DIM), (x, s(18)))
        if c.recruited:
            bar = pygame.Rect(x, s(36), min(w - x - s(70), s(120)), s(8))
            pygame.draw.rect(surf, (50, 44, 80), bar, border_radius=3)
            share = max(0.0, min(1.0, c.energy / 100.0))
            colour = NEON_CYAN if share >= 0.35 else NEON_AMBER
            pygame.draw.rect(
                surf, colour, (bar.x, bar.y, int(bar.w * share), bar.h), border_radius=3
            )
            energy = small.render(f"energy {c.energy:.0f}", True, TEXT)
            surf.blit(energy, (bar.right + s(6), bar.centery - energy.get_height() // 2))
            doing = {
                "studio": "working the studio",
                "resting": "resting",
                "hosting": f"hosting {c.hosting}",
            }.get(c.assignment, c.assignment)
            surf.blit(small.render(doing, True, NEON_PINK), (x, s(46)))
        else:
            surf.blit(small.render("not recruited yet", True, NEON_AMBER), (x, s(38)))
        return surf
