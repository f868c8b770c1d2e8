"""`python main.py replay FILE --watch [--verify]`: a recorded game played on screen in the play
scene reaches the recorded end with the recorded state hash; the speed controls work, the
player's orders are refused, the top bar says "Replay"; with verify, a night whose hash differs
is reported on screen and in the log."""

from __future__ import annotations

import json
import logging

import pygame

from game.app.replay_watch import REPLAY_DIFFERS, ReplayWatch, load_replay
from game.cli import main
from tests.conftest import ROOT

LIBRARY = ROOT / "tests" / "replays"
SHORT = LIBRARY / "buy_chair.jsonl"  # 1,500 ticks: one night and a morning
MAX_FRAMES = 400


def _key(key: int, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))


def _run(w: ReplayWatch, surface: pygame.Surface, stop) -> int:
    """Frames of a quarter second (8x: the step cap, 12 ticks) until `stop()`; returns how many."""
    n = 0
    while not stop() and n < MAX_FRAMES:
        w.frame(0.25)
        w.draw(surface)
        n += 1
    return n


def test_a_watched_replay_reaches_the_recorded_end_with_the_same_hash(window):
    rep, level = load_replay(SHORT)
    w = ReplayWatch(rep, level, window, verify=True)
    scene, sim = w.scene, w.sim
    try:
        w.frame(0.0)
        w.draw(window)
        assert scene.hud.speed_label.text.startswith("Replay")
        _key(pygame.K_4)  # the speed keys work: 8x
        w.frame(0.0)
        assert scene.clock.speed == 8 and not scene.clock.paused
        assert scene.hud.speed_label.text == "Replay · 8×"
        # the player cannot give orders: Shift+C is refused, nothing reaches the game
        _key(pygame.K_c, pygame.KMOD_SHIFT)
        w.frame(0.0)
        assert scene.hud.ctx.results[0].refused
        assert "replay" in scene.hud.ctx.results[0].text
        # a press on the pause button pauses, another resumes
        for _ in range(2):
            pos = scene.hud.pause_button.rect.center
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))  # fmt: skip
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
            w.frame(0.0)
            w.frame(0.0)
            if scene.clock.paused:
                paused_at = sim.tick
                w.frame(0.25)
                assert sim.tick == paused_at
        assert not scene.clock.paused
        n = _run(w, window, lambda: w.done)
        assert w.done, f"not at the end after {n} frames (tick {sim.tick} of {rep.end_tick})"
        assert sim.tick == rep.end_tick
        assert sim.state_hash() == rep.end_hash
        assert w.feed.final_ok and not w.feed.mismatches
        assert w.feed.days_checked == len(rep.day_hashes) >= 1
        # exactly the recorded commands went in, none of the player's
        recorded = [(s, a, c.to_dict()) for s, a, c in rep.commands]
        assert sim.command_log == recorded
        assert scene.clock.paused  # it stops at the end
        w.frame(0.25)
        assert sim.tick == rep.end_tick  # and never runs past it
        assert any("final state matches" in n.message.text for n in scene.hud.notices), (
            "the end is not said on screen"
        )
    finally:
        w.close()


def test_verify_reports_a_differing_day_on_screen_and_in_the_log(window, tmp_path, caplog):
    lines = SHORT.read_text(encoding="utf-8").splitlines()
    objs = [json.loads(line) for line in lines]
    day = next(o for o in objs if "day" in o)
    day["hash"] = "0" * 64  # the recording says something else happened that night
    bad = tmp_path / "tampered.jsonl"
    bad.write_text("\n".join(json.dumps(o) for o in objs) + "\n", encoding="utf-8")
    rep, level = load_replay(bad)
    w = ReplayWatch(rep, level, window, verify=True, speed=8)
    try:
        with caplog.at_level(logging.ERROR, logger="game.app.replay_watch"):
            _run(w, window, lambda: bool(w.feed.mismatches))
        text = f"day {day['day']}: state hash differs from the recording"
        assert w.feed.mismatches == [text]
        assert w.sim.tick == day["tick"]  # stopped at that night
        assert w.scene.clock.paused
        assert any(text in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)
        on_screen = [n.message for n in w.scene.hud.notices if n.message.kind == REPLAY_DIFFERS]
        assert on_screen and text in on_screen[0].text
        assert any(text in b.tool_tip_text for b in w.scene.hud._notice_buttons)
        assert text in w.feed.status(w.sim)  # and on the status card drawn over the map
    finally:
        w.close()


def test_cli_replay_watch(tmp_path, capsys):
    pygame.quit()  # the command opens its own window
    assert main(["replay", str(SHORT), "--watch", "--verify", "--speed", "8",
                 "--quit-after", "0.3"]) == 0  # fmt: skip
    assert "watched" in capsys.readouterr().out
    missing = tmp_path / "nope.jsonl"
    assert main(["replay", str(missing), "--watch"]) == 2
    assert "no such replay file" in capsys.readouterr().err
