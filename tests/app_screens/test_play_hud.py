"""The play scene's HUD follows the player's settings, with real posted pygame events: the UI
scale reaches the top bar, the map buttons and every side panel (nothing cut off, nothing
overlapping, at 1280x720 and 800x600); rebound keys work and the labels and the keys card say
them; tooltips are readable; and a status line appearing never moves the panel's buttons."""

from __future__ import annotations

import warnings

import pygame
import pytest
from pygame_gui.elements import UIButton

from game.app.layout import TABS
from game.userdata import CAMPAIGN, DEFAULT_KEYS, Profile, Settings
from tests.app_screens.conftest import button, click, frames, press

TAB_NAMES = [name for name, _, _ in TABS]


def _play(app):
    click(app, button(app.screen, "Campaign"))
    click(app, app.screen.act_buttons[0])
    click(app, button(app.screen, "Start ›"))
    play = app.screen
    assert play.name == "play"
    play.scene.clock.paused = True
    frames(app, 2)
    return play


def _logged(sim, name):
    return [cmd for _, _, cmd in sim.command_log if cmd["type"] == name]


def _press_panel_button(app, scene, element) -> None:
    """Scroll `element` into view, then click it for real."""
    scene.hud.active.scroll_into_view(element)
    frames(app, 1)
    click(app, element)


# --------------------------------------------------------------------------- 1. UI scale


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
def test_the_hud_at_ui_scale_1_5_fits_and_nothing_is_cut_off(size, balance, campaign_dir):
    from game.app.app import App
    from game.app.viewer import open_window

    window = open_window(size, "hud")
    app = App(window, balance, levels_dir=campaign_dir, settings=Settings(ui_scale=1.5),
              profile=Profile(won=list(CAMPAIGN[:1])), persist=False)  # fmt: skip
    try:
        app.show_title()
        frames(app, 2)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            play = _play(app)
            scene = play.scene
            assert scene.ui_scale == 1.5 and scene.hud.ctx.scale == 1.5
            # the scaled theme: the panel's words are measured (and drawn) 1.5 times as large
            fonts = scene.manager.get_theme().get_font_dictionary()
            words = "Queue 0 of 6 · chairs busy"
            base = fonts.find_font(14, "noto_sans").size(words)
            assert scene.hud.ctx.font("").size(words)[0] >= base[0] * 1.4
            assert scene.hud.overlay_buttons["opinion"].rect.height == round(28 * 1.5)
            for _ in range(130):  # an hour and more: graphs, accounts, notifications
                play.sim.step()
            bounds = pygame.Rect(0, 0, *size)
            for tab in TAB_NAMES:
                click(app, scene.hud.tab_buttons[tab])  # a real click on the tab button
                assert scene.state.tab == tab and scene.hud.active.name == tab
                frames(app, 2)
                panel = scene.hud.active
                assert bounds.contains(panel.rect), tab
                for el, cell in panel.body.pairs() + panel.foot.pairs():
                    assert el.rect.right <= size[0], (tab, cell.text)
                    if cell.kind == "image":
                        assert el.rect.size == cell.image.get_size(), tab  # never stretched
                        continue
                    assert el.text == cell.text, (tab, size, cell.text)  # never shortened
                    style = cell.style or ("#panel_button" if cell.kind == "button" else "")
                    width = panel.ctx.font(style).size(cell.text)[0]
                    assert width <= el.rect.width, (tab, size, cell.text)
        too_small = [str(w.message) for w in caught if "too small" in str(w.message)]
        assert not too_small, too_small
        # the top bar: every element inside the window, none over another
        top = scene.hud.top
        assert bounds.contains(top.rect)
        els = [e for e in top.get_container().elements]
        for i, e in enumerate(els):
            assert bounds.contains(e.rect), e
            for f in els[i + 1 :]:
                assert not e.rect.colliderect(f.rect), (e, f)
        # the buttons over the map (overlays, palette, notifications) and the side panel's
        # tabs: inside the window and apart
        play.sim.post("rally_announced", "A rally is coming to the far corner", pos=(5.0, 5.0))
        scene._notify(play.sim.messages[-1:])
        frames(app, 2)
        assert scene.hud._notice_buttons
        root = scene.manager.get_root_container()
        tops = [e for e in root.elements if isinstance(e, UIButton)]
        tops += list(scene.hud.tab_buttons.values())
        for i, b in enumerate(tops):
            assert bounds.contains(b.rect), b.text
            for c in tops[i + 1 :]:
                assert not b.rect.colliderect(c.rect), (b.text, c.text)
        assert pygame.surfarray.array3d(app.surface).std() > 10
    finally:
        app.close()
        pygame.quit()


def test_a_new_ui_scale_from_the_pause_menu_reaches_the_running_hud(app):
    play = _play(app)
    small = play.scene.hud.overlay_buttons["opinion"].rect.size
    press(app, pygame.K_ESCAPE)
    click(app, button(play.stack[-1], "Settings"))
    settings = play.stack[-1]
    click(app, settings.scale_up)
    click(app, play.stack[-1].scale_up)
    assert app.settings.ui_scale == 1.5
    click(app, button(play.stack[-1], "Done"))
    click(app, button(play.stack[-1], "Resume"))
    assert play.stack == []
    big = play.scene.hud.overlay_buttons["opinion"].rect.size
    assert big[1] == round(small[1] * 1.5) and big[0] > small[0]
    assert play.scene.layout.top_bar.height == round(48 * 1.5)
    click(app, play.scene.hud.tab_buttons["studio"])
    assert play.scene.state.tab == "studio"


# --------------------------------------------------------------------------- 2. keys


def test_the_phase_2_keys_are_rebindable_with_todays_defaults():
    want = {
        "panel_goals": "j",
        "panel_studio": "u",
        "panel_leads": "l",
        "panel_events": "e",
        "panel_calendar": "k",
        "book_event": "return",
        "start_earlier": "[",
        "start_later": "]",
        "buy_chair": "shift+c",
        "hire_sculptor": "shift+h",
        "recruit_lead": "shift+r",
    }
    assert {k: DEFAULT_KEYS[k] for k in want} == want


def test_rebound_panel_and_overlay_keys_work_and_the_hud_says_them(app):
    click(app, button(app.screen, "Settings"))
    settings = app.screen
    click(app, settings.key_buttons["panel_leads"])
    press(app, pygame.K_n)
    click(app, settings.key_buttons["overlay_opinion"])
    press(app, pygame.K_p)
    click(app, settings.key_buttons["buy_chair"])
    press(app, pygame.K_x, mod=pygame.KMOD_SHIFT)  # a Shift+key binding
    keys = app.settings.keys
    assert (keys["panel_leads"], keys["overlay_opinion"], keys["buy_chair"]) == (
        "n",
        "p",
        "shift+x",
    )
    assert settings.key_buttons["buy_chair"].text == "Shift+X"
    click(app, button(settings, "Done"))
    play = _play(app)
    scene, hud = play.scene, play.scene.hud
    # the labels say the new keys
    assert hud.overlay_buttons["opinion"].text == "Opinion  [P]"
    assert "(N)" in hud.tab_buttons["leads"].tool_tip_text
    press(app, pygame.K_F1)
    html = hud.help_card.html_text
    assert "N leads" in html and "P opinion" in html and "Shift+X buy a chair" in html
    assert "L leads" not in html and "O opinion" not in html
    press(app, pygame.K_ESCAPE)  # closes the card
    assert hud.help_card is None
    # the new keys work, the old ones no longer do
    press(app, pygame.K_p)
    assert scene.state.overlay == "opinion"
    press(app, pygame.K_o)
    assert scene.state.overlay == "opinion"
    press(app, pygame.K_l)
    assert scene.state.tab == "objectives"
    press(app, pygame.K_n)
    assert scene.state.tab == "leads"
    press(app, pygame.K_u)
    assert scene.state.tab == "studio"
    assert f"({hud.key('buy_chair')})" == "(Shift+X)"
    assert "(Shift+X)" in hud.active.find_button("Buy chair").tool_tip_text
    sim = play.sim
    press(app, pygame.K_x, mod=pygame.KMOD_SHIFT)
    assert _logged(sim, "buy_chair") == [{"type": "buy_chair"}]
    press(app, pygame.K_c, mod=pygame.KMOD_SHIFT)  # no longer an order: nothing bought
    assert len(_logged(sim, "buy_chair")) == 1


def test_keys_rebound_from_the_pause_menu_reach_the_running_hud(app):
    play = _play(app)
    press(app, pygame.K_ESCAPE)
    click(app, button(play.stack[-1], "Settings"))
    settings = play.stack[-1]
    click(app, settings.key_buttons["overlay_density"])
    press(app, pygame.K_v)
    click(app, button(settings, "Done"))
    click(app, button(play.stack[-1], "Resume"))
    assert play.scene.hud.overlay_buttons["density"].text == "Density  [V]"
    press(app, pygame.K_v)
    assert play.scene.state.overlay == "density"


# --------------------------------------------------------------------------- 3. tooltips, status


def test_tooltips_have_a_readable_background(app):
    play = _play(app)
    b = play.scene.hud.overlay_buttons["density"]
    pos = b.rect.center
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.mouse.set_pos(pos)
    frames(app, 6, 0.2)
    tip = b.tool_tip
    assert tip is not None, "no tooltip after hovering"
    box = tip.text_block
    assert box.background_colour.a >= 220  # nearly opaque, not the see-through text box
    assert sum(box.background_colour[:3]) < 120  # dark, under light words
    # drawn: just inside the tooltip's edge the picture is the background colour
    inside = (box.rect.x + 4, box.rect.bottom - 4)
    px = app.surface.get_at(inside)
    assert all(abs(px[i] - box.background_colour[i]) <= 8 for i in range(3)), px


def test_a_status_line_appearing_never_moves_the_buttons(app):
    play = _play(app)
    sim, scene = play.sim, play.scene
    click(app, scene.hud.tab_buttons["studio"])
    panel = scene.hud.active
    buy, hire = panel.find_button("Buy chair"), panel.find_button("Hire")
    panel.scroll_into_view(buy)
    frames(app, 1)
    hire_at, buy_at = hire.rect.center, buy.rect.center
    assert "Done:" not in " ".join(panel.texts())
    click(app, buy)
    assert _logged(sim, "buy_chair") == [{"type": "buy_chair"}]
    texts = " ".join(panel.texts())
    assert "Done:" in texts  # the status line appeared...
    assert panel.find_button("Hire").rect.center == hire_at  # ...and nothing moved
    assert panel.find_button("Buy chair").rect.center == buy_at
    post_at(app, hire_at)  # where the player saw Hire before the status line appeared
    assert _logged(sim, "hire_sculptor") == [{"type": "hire_sculptor"}]
    assert len(_logged(sim, "buy_chair")) == 1
    # a refusal too: its reason shows, the buttons stay put
    sim.studio().credits = 0
    post_at(app, buy_at)
    assert "Refused:" in " ".join(panel.texts())
    assert panel.find_button("Hire").rect.center == hire_at
    dismiss_at = panel.find_button("Dismiss").rect.center
    post_at(app, dismiss_at)
    assert _logged(sim, "dismiss_sculptor") == [{"type": "dismiss_sculptor"}]
    # the strip sits under the scrolling list, inside the panel
    for el, _cell in panel.status.pairs():
        assert el.rect.top >= panel.scroll.rect.bottom
        assert el.rect.bottom <= scene.layout.panel.bottom


def post_at(app, pos) -> None:
    """A real press and release at a window position."""
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    frames(app, 3)
