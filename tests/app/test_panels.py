"""The side panels answer real posted mouse and key events, issue the commands a player means,
and show what the game said back (refusals with their reason)."""

from __future__ import annotations

import esper
import pygame
import pytest

from game.app import actions as A
from game.app.layout import TABS
from game.app.panels.objectives import condition_lines
from game.sim import calendar, entities
from game.sim.commands import COMMANDS, Command, ScheduleEvent
from game.sim.components import Rally
from tests.app.conftest import post_click, post_key

TAB_NAMES = [name for name, _, _ in TABS]


def _frames(scene, screen, n=2, dt=0.0):
    for _ in range(n):
        scene.frame(dt)
        scene.draw(screen)


def _press(scene, screen, button) -> None:
    """Scroll `button` into view and click it for real (press, release, then the frame that
    reads pygame_gui's UI_BUTTON_PRESSED)."""
    panel = scene.hud.active
    if panel is not None:
        panel.scroll_into_view(button)
    _frames(scene, screen, 1)
    visible = scene.hud.panel.rect if scene.hud.panel is not None else screen.get_rect()
    assert visible.collidepoint(button.rect.center), "button is not on screen"
    post_click(button.rect.center)
    _frames(scene, screen, 2)


def _button(scene, text):
    b = scene.hud.active.find_button(text)
    assert b is not None, f"no button '{text}' in {scene.hud.active.texts()}"
    return b


def _logged(sim, name):
    return [cmd for _, _, cmd in sim.command_log if cmd["type"] == name]


def _announce_rally(sim, x, y, start, minutes=120):
    """An announced Pure Smiles rally (as the director makes them) at tile (x, y)."""
    sim.activate()
    esper.create_entity(
        Rally(
            number=99,
            point=3,
            name="Chrome Corner",
            x=x,
            y=y,
            announce_tick=sim.tick,
            start_tick=start,
            end_tick=start + minutes,
            capacity=300,
            radius=20.0,
            pull=0.7,
            strength=0.007,
            quality=1.0,
            state="announced",
        )
    )


# --------------------------------------------------------------------------- scheduler


def test_the_scheduler_books_the_event_the_player_composed(scene, display):
    sim = scene.sim
    scene.clock.paused = True
    _announce_rally(sim, 32.0, 14.0, calendar.tick_at(1, 9))
    post_key(pygame.K_e)
    _frames(scene, display, 1)
    assert scene.state.tab == "schedule" and scene.hud.active.name == "schedule"
    _press(scene, display, _button(scene, "Showcase"))
    _press(scene, display, _button(scene, "Neon Plaza"))
    earliest = scene.hud.active.ctx.sim.tick + sim.balance.events.setup_minutes
    _press(scene, display, _button(scene, "+1h"))
    texts = " ".join(scene.hud.active.texts())
    # cost, reach and the clash with the announced rally, before confirming
    assert "Cost 350 cr" in texts and "Expected reach" in texts
    assert "Clash: meets the Pure Smiles rally at Chrome Corner" in texts
    assert "Ready to book." in texts
    assert not _logged(sim, "schedule_event")
    _press(scene, display, _button(scene, "Book Showcase"))
    booked = _logged(sim, "schedule_event")
    assert len(booked) == 1
    cmd = booked[0]
    assert (cmd["kind"], cmd["venue"]) == ("showcase", 2)
    assert cmd["start_tick"] == -(-earliest // 15) * 15 + 60
    events = [ev for _, ev in entities.events(sim)]
    assert [(ev.kind, ev.name, ev.start_tick) for ev in events] == [
        ("showcase", "Neon Plaza", cmd["start_tick"])
    ]
    assert scene.state.tab == "calendar"  # what was booked, among the rest
    texts = " ".join(scene.hud.active.texts())
    assert "Done: Showcase booked at Neon Plaza" in texts
    assert "Clash: meets the rally at Chrome Corner" in texts


def test_enter_and_brackets_book_from_the_keyboard(scene, display):
    sim = scene.sim
    scene.clock.paused = True
    post_key(pygame.K_RETURN)  # the first Enter opens the scheduler, books nothing
    _frames(scene, display, 1)
    assert scene.state.tab == "schedule" and not _logged(sim, "schedule_event")
    from game.app.panels.scheduler import resolve

    start = resolve(scene.hud.ctx).start_tick
    post_key(pygame.K_RIGHTBRACKET)
    post_key(pygame.K_RIGHTBRACKET, pygame.KMOD_SHIFT)
    post_key(pygame.K_LEFTBRACKET)
    _frames(scene, display, 1)
    assert scene.state.draft.start_tick == start + 60
    post_key(pygame.K_RETURN)
    _frames(scene, display, 1)
    booked = _logged(sim, "schedule_event")
    assert len(booked) == 1 and booked[0]["start_tick"] == start + 60


def test_clicking_a_venue_on_the_map_picks_it(scene, display):
    scene.clock.paused = True
    scene.apply(A.ShowTab("schedule"))
    scene.apply(A.DraftVenue(-1))
    scene.camera.zoom = scene.camera.clamp_zoom(1.0)
    scene.camera.center_on(19.0 * scene.tile, 14.0 * scene.tile)  # Neon Plaza's middle
    _frames(scene, display, 1)
    r = scene.layout.map_rect
    sx, sy = scene.camera.world_to_screen(18.2 * scene.tile, 13.2 * scene.tile)
    post_click((int(sx) + r.x, int(sy) + r.y))
    _frames(scene, display, 1)
    assert scene.state.draft.venue == 2
    assert scene.hud.active.find_button("Neon Plaza").is_selected


def test_cancel_from_the_calendar(scene, display, sim):
    scene.clock.paused = True
    start = calendar.tick_at(1, 12)
    assert sim.apply(ScheduleEvent("showcase", 2, start)) is None
    credits = sim.studio().credits
    post_key(pygame.K_k)
    _frames(scene, display, 1)
    texts = " ".join(scene.hud.active.texts())
    assert "Showcase at Neon Plaza" in texts
    _press(scene, display, _button(scene, "Cancel (refund 175 cr)"))
    assert _logged(sim, "cancel_event") == [{"type": "cancel_event", "event": 1}]
    assert sim.studio().credits == credits + 175
    assert [ev.state for _, ev in entities.events(sim)] == ["cancelled"]


# --------------------------------------------------------------------------- leads


def test_a_recruit_refusal_shows_its_reason_on_screen(scene, display, sim):
    scene.clock.paused = True
    roth = entities.lead(sim, "roth")
    scene.camera.zoom = scene.camera.clamp_zoom(1.0)
    scene.camera.center_on(roth.spot_x * scene.tile, (roth.spot_y + 3) * scene.tile)
    _frames(scene, display, 1)
    r = scene.layout.map_rect
    sx, sy = scene.camera.world_to_screen(roth.spot_x * scene.tile, roth.spot_y * scene.tile)
    post_click((int(sx) + r.x, int(sy) + r.y - 10))  # on the figure, which stands on its spot
    _frames(scene, display, 1)
    assert scene.state.tab == "leads" and scene.state.focus_lead == "roth"
    texts = " ".join(scene.hud.active.texts())
    assert "Joins when:" in texts and "needs: trust >= 60 (now 50)" in texts
    _press(scene, display, _button(scene, "Recruit (1,200 cr)"))
    assert _logged(sim, "recruit_lead") == [{"type": "recruit_lead", "lead": "roth"}]
    assert not entities.lead(sim, "roth").recruited
    reason = "Dr. Roth joins when trust >= 60 — trust is 50"
    assert f"Refused: {reason}" in " ".join(scene.hud.active.texts())
    # and as a notification over the map
    assert any(reason in b.text for b in scene.hud._notice_buttons)


def test_shift_r_recruits_and_the_lead_can_rest(scene, display, sim):
    scene.clock.paused = True
    sim.studio().trust = 70.0
    post_key(pygame.K_r, pygame.KMOD_SHIFT)
    _frames(scene, display, 1)
    assert entities.lead(sim, "roth").recruited
    assert scene.state.overlay == ""  # Shift+R is an order, not the reach overlay
    rest = [
        b
        for b, act in scene.hud.active.actions.items()
        if getattr(act, "lead", "") == "roth" and getattr(act, "assignment", "") == "resting"
    ]
    assert len(rest) == 1
    _press(scene, display, rest[0])
    assert entities.lead(sim, "roth").assignment == "resting"


# --------------------------------------------------------------------------- studio


def test_buying_a_chair_through_the_studio_panel(scene, display, sim):
    scene.clock.paused = True
    post_key(pygame.K_u)
    _frames(scene, display, 1)
    credits = sim.studio().credits
    chairs = len(entities.floor(sim).chair_uid)
    _press(scene, display, _button(scene, "Buy chair"))
    assert len(entities.floor(sim).chair_uid) == chairs + 1
    assert sim.studio().credits == credits - sim.balance.studio.chair_cost
    assert _logged(sim, "buy_chair") == [{"type": "buy_chair"}]
    assert f"Chairs {chairs + 1} of" in " ".join(scene.hud.active.texts())
    post_key(pygame.K_c, pygame.KMOD_SHIFT)  # the shortcut buys another
    _frames(scene, display, 1)
    assert len(entities.floor(sim).chair_uid) == chairs + 2
    assert scene.state.overlay == ""


def test_pricing_policy_and_services(scene, display, sim):
    scene.clock.paused = True
    scene.apply(A.ShowTab("studio"))
    _frames(scene, display, 1)
    _press(scene, display, _button(scene, "Sliding"))
    assert sim.studio().pricing_policy == "sliding_scale"
    assert _button(scene, "Sliding").is_selected
    plus = next(
        b
        for b, act in scene.hud.active.actions.items()
        if type(act).__name__ == "SetServicePrice"
        and act.service == "chrome_inlay"
        and act.price > sim.balance.services["chrome_inlay"].price
    )
    _press(scene, display, plus)
    assert sim.studio().prices["chrome_inlay"] == 176


# --------------------------------------------------------------------------- objectives


def test_progress_lines_split_conditions():
    assert condition_lines("leads 1/2 and customers 23/40 · day 3 of 5") == [
        ("leads recruited 1/2", False),
        ("customers served 23/40", False),
        ("deadline: day 3 of 5", True),
    ]
    lose = (
        "credits 5,000 cr (needs < 0 cr) · 0 of 2 days or traction 35% (needs >= 60%) · 0 of 3 days"
    )
    assert [t for t, _ in condition_lines(lose)] == [
        "credits 5,000 cr (needs < 0 cr) · 0 of 2 days",
        "Pure Smiles traction 35% (needs >= 60%) · 0 of 3 days",
    ]
    late = condition_lines("leads 1/2 and customers 23/40 · deadline day 5 passed")
    assert late[-1] == ("deadline day 5 passed", True)


def test_the_objectives_panel_shows_live_progress(scene, display, sim):
    o = entities.objectives(sim)
    o.win = "leads >= 2 and customers >= 40 by day 5"
    o.lose = "credits < 0 for 2 days"
    scene.clock.paused = True
    post_key(pygame.K_j)
    for _ in range(61):  # past the first hourly sample
        sim.step()
    entities.floor(sim).served = 23
    _frames(scene, display, 1)
    scene.hud.active.refresh(force=True)
    for _ in range(60):
        sim.step()
    _frames(scene, display, 1)
    texts = scene.hud.active.texts()
    assert "leads recruited 1/2" in " ".join(texts)
    assert "customers served 23/40" in " ".join(texts)
    assert "deadline: day 1 of 5" in " ".join(texts)
    assert "Dr. Roth joins when trust >= 60" in " ".join(texts)


def test_the_outcome_and_its_reason_are_shown(scene, display, sim):
    scene.clock.paused = True
    scene.apply(A.ShowTab("objectives"))
    sim.end("lost", "bankrupt: the studio ended 2 days in a row below 0 credits")
    _frames(scene, display, 2)
    banner = scene.hud._banner
    assert banner is not None and banner.visible
    assert "bankrupt: the studio ended 2 days in a row" in banner.html_text
    assert scene.hud.banner_text.startswith("Level lost: bankrupt")
    assert "Level lost: bankrupt" in " ".join(scene.hud.active.texts())


# --------------------------------------------------------------------------- every panel


def test_every_command_is_reachable_from_a_panel(scene, display, sim):
    scene.clock.paused = True
    for key in ("roth", "milo"):  # on the team, so their buttons exist (Arian stays to recruit)
        entities.lead(sim, key).recruited = True
    sim.studio().credits = 50_000
    assert sim.apply(ScheduleEvent("showcase", 2, calendar.tick_at(1, 12))) is None
    reached: set[str] = set()
    for tab in TAB_NAMES:
        scene.apply(A.ShowTab(tab))
        _frames(scene, display, 1)
        panel = scene.hud.active
        for element, act in panel.actions.items():
            assert element.tool_tip_text, f"{tab}: '{element.text}' has no tooltip"
            if isinstance(act, Command):
                reached.add(act.name)
    # booking goes through the scheduler's draft (Book / Enter -> ScheduleEvent)
    assert scene.hud.active is not None
    scene.apply(A.ShowTab("schedule"))
    _frames(scene, display, 1)
    assert scene.hud.active.find_button("Book Showcase") is not None
    reached.add("schedule_event")
    assert reached == set(COMMANDS), sorted(set(COMMANDS) - reached)


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
def test_no_panel_text_is_cut_off(sim, size):
    from game.app.panels.base import STYLE_FONTS
    from game.app.scene import PlayScene
    from game.app.viewer import open_window

    screen = open_window(size, "test")
    try:
        scene = PlayScene(sim, size)
        scene.clock.paused = True
        for _ in range(130):
            sim.step()
        fonts = scene.hud.ctx.manager.get_theme().get_font_dictionary()
        for tab in TAB_NAMES:
            scene.apply(A.ShowTab(tab))
            _frames(scene, screen, 1)
            panel = scene.hud.active
            assert panel.rect.right <= size[0]
            for el, cell in panel.body.pairs():
                assert el.rect.right <= size[0], (tab, cell.text)
                if cell.kind == "image":
                    assert el.rect.width >= cell.image.get_width() - 1, tab
                    continue
                # never shortened: what the panel meant to say is what is on screen
                assert el.text == cell.text, (tab, size, cell.text)
                style = cell.style or ("#panel_button" if cell.kind == "button" else "")
                pt, bold = STYLE_FONTS[style]
                width = fonts.find_font(pt, "noto_sans", bold).size(cell.text)[0]
                assert width <= el.rect.width, (tab, size, cell.text)
        for b in scene.hud.tab_buttons.values():
            assert b.rect.right <= size[0]
    finally:
        pygame.quit()


def test_the_support_bar_breaks_down_by_district_and_tribe(scene, display, sim):
    scene.clock.paused = True
    _frames(scene, display, 1)
    bar = scene.hud.bar
    tip = bar.tool_tip_text
    assert "By district" in tip and "By tribe" in tip
    for d in sim.level.districts:
        assert d.name in tip
    for tribe in sim.balance.tribes:
        assert tribe in tip
    pygame.mouse.set_pos(bar.rect.center)
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=bar.rect.center, rel=(0, 0), buttons=(0, 0, 0))
    )
    _frames(scene, display, 4, 0.2)
    assert bar.tool_tip is not None  # the breakdown is on screen
    assert "By tribe" in bar.tool_tip.text_block.html_text


def test_help_card_lists_the_shortcuts(scene, display):
    post_key(pygame.K_F1)
    _frames(scene, display, 1)
    assert scene.state.help_open and scene.hud.help_card is not None
    html = scene.hud.help_card.html_text
    for words in ("Shift+C", "Enter", "J goals", "E events", "Shift+R"):
        assert words in html
    post_key(pygame.K_ESCAPE)
    _frames(scene, display, 1)
    assert not scene.state.help_open and scene.hud.help_card is None
    assert not scene.state.quit


def test_a_lead_whose_conditions_are_met_is_announced(scene, display, sim):
    _frames(scene, display, 1)
    assert not any("can join now" in n.message.text for n in scene.hud.notices)
    sim.studio().trust = 75.0
    for _ in range(6):
        sim.step()
    _frames(scene, display, 1)
    notice = next(n.message for n in scene.hud.notices if "can join now" in n.message.text)
    assert notice.text.startswith("Dr. Eli Roth can join now")
    roth = entities.lead(sim, "roth")
    assert notice.pos == (roth.spot_x, roth.spot_y)  # a click on it looks at his spot


def test_rally_and_clash_notifications_read_well():
    from game.app.hud import headline, is_alert
    from game.sim.messages import Message

    rally = Message(
        10, "rally_announced", "Pure Smiles announce a rally at Old Lumen Square, Day 3 19:15–21:45"
    )
    assert headline(rally).startswith("» Pure Smiles announce a rally at Old Lumen Square")
    assert is_alert(rally)
    clash = Message(
        20,
        "clash_resolved",
        "Clash at Old Lumen Square: your Showcase drew 412 (hosted by Zara Kline) against the "
        "Pure Smiles' 380 — you won. Pure Smiles momentum −6",
        {"winner": "studio", "event_crowd": 412, "rally_crowd": 380},
    )
    assert headline(clash) == "Clash at Old Lumen Square: you won (412 vs 380)"
    won = Message(30, "outcome", "Level won: customers >= 40 by day 5", {"status": "won"})
    assert not is_alert(won) and ">=" in headline(won)


def test_chart_headers_wrap_instead_of_being_cut(sim, display):
    from game.app.graphs import _header, charts_for, draw_charts

    for _ in range(130):
        sim.step()
    font = pygame.font.Font(None, 16)
    width = 230  # narrower than any panel
    for chart in charts_for(sim.metrics):
        lines = _header(chart, sim.metrics, width, font)
        for line in lines:
            used = sum(font.size(text)[0] for text, _ in line) + 10 * (len(line) - 1)
            assert used <= width - 8 or len(line) == 1, (chart.title, line)
        shown = [text for line in lines for text, _ in line]
        assert shown[0] == chart.title and len(shown) == 1 + sum(
            1 for name, _ in chart.series if sim.metrics.series.get(name)
        )
    surf = draw_charts(sim.metrics, width, font)
    assert surf.get_width() == width and surf.get_height() > 100
