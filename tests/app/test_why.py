"""The why panel follows a citizen by uid and words their influences."""

from __future__ import annotations

import numpy as np

from game.app import why
from game.app.graphs import charts_for, draw_charts


def test_describe_reads_the_citizen_and_follows_them_after_a_reorder(sim):
    c = sim.crowd
    uid = int(c.uid[5])
    before = why.describe(sim, uid)
    assert before is not None and before.row == 5
    assert before.tribe == sorted(sim.balance.tribes)[int(c.tribe[5])]
    assert before.opinion == float(c.opinion[5])
    order = np.arange(c.n)[::-1].copy()
    c.reorder(order)
    after = why.describe(sim, uid)
    assert after is not None and after.row == c.n - 1 - 5
    assert (after.tribe, after.income, after.opinion) == (
        before.tribe,
        before.income,
        before.opinion,
    )


def test_influences_are_named_newest_first(sim):
    for _ in range(200):  # past 09:00: peers and media have had their hourly say
        sim.step()
    c = sim.crowd
    moved = np.abs(c.log_delta[: c.n]).sum(axis=1)
    row = int(np.argmax(moved))
    info = why.describe(sim, int(c.uid[row]))
    assert info is not None and info.has_log and info.influences
    ticks = [i.tick for i in info.influences]
    assert ticks == sorted(ticks, reverse=True)
    html = why.to_html(sim, info)
    assert info.influences[0].source in html
    assert f"{info.influences[0].delta:+.3f}" in html


def test_a_citizen_who_left_has_no_description(sim):
    assert why.describe(sim, 10**9) is None
    assert "Click a citizen" in why.to_html(sim, None)


def test_graphs_draw_every_recorded_series(sim, display):
    for _ in range(180):
        sim.step()
    names = [c.title for c in charts_for(sim.metrics)]
    assert "Support vs traction" in names and "Credits" in names
    import pygame

    surf = draw_charts(sim.metrics, 300, pygame.font.Font(None, 14))
    assert surf.get_width() == 300 and surf.get_height() >= 100 * len(names)
