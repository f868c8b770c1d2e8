"""The fixed-step clock and the interpolation of crowd positions between ticks."""

from __future__ import annotations

import numpy as np
import pytest

from game.app.loop import MAX_STEPS_PER_FRAME, TICKS_PER_SECOND, CrowdInterpolator, FixedStep


def test_one_second_at_each_speed_runs_ten_ticks_per_x():
    for speed in (1, 2, 4, 8):
        clock = FixedStep()
        clock.set_speed(speed)
        ran = sum(clock.advance(1 / 60) for _ in range(60))
        assert ran in (TICKS_PER_SECOND * speed - 1, TICKS_PER_SECOND * speed)


def test_pause_runs_nothing_and_keeps_alpha():
    clock = FixedStep()
    clock.advance(0.05)  # half a tick
    a = clock.alpha
    clock.toggle_pause()
    assert clock.advance(1.0) == 0
    assert clock.alpha == a == pytest.approx(0.5)
    clock.set_speed(2)  # choosing a speed resumes
    assert not clock.paused


def test_steps_per_frame_are_capped_and_the_backlog_dropped():
    clock = FixedStep()
    clock.set_speed(8)
    steps = clock.advance(0.25)  # 20 ticks due
    assert steps == MAX_STEPS_PER_FRAME
    assert clock.dropped_ticks == 20 - MAX_STEPS_PER_FRAME
    assert clock.accumulator == 0.0


def test_unknown_speed_is_refused():
    with pytest.raises(ValueError, match="speed 3"):
        FixedStep().set_speed(3)


def _step(interp, before_pos, before_uid, after_pos, after_uid):
    interp.before_step(np.array(before_pos, np.float32), np.array(before_uid, np.int64))
    after = np.array(after_pos, np.float32)
    interp.after_step(after, np.array(after_uid, np.int64))
    return after


def test_interpolates_between_the_last_two_ticks():
    it = CrowdInterpolator()
    cur = _step(it, [[0, 0], [10, 10]], [0, 1], [[1, 0], [10, 12]], [0, 1])
    np.testing.assert_allclose(it.positions(cur, 0.5), [[0.5, 0], [10, 11]])
    np.testing.assert_allclose(it.positions(cur, 0.0), [[0, 0], [10, 10]])
    np.testing.assert_allclose(it.positions(cur, 1.0), cur)


def test_reordered_rows_are_matched_by_uid():
    it = CrowdInterpolator()
    # the crowd re-sorted: uid 7 moved from row 0 to row 2; uid 9 is new this tick
    cur = _step(
        it,
        [[0, 0], [5, 5], [20, 20]],
        [7, 8, 3],
        [[20, 21], [5, 6], [1, 0], [40, 40]],
        [3, 8, 7, 9],
    )
    got = it.positions(cur, 0.5)
    np.testing.assert_allclose(got, [[20, 20.5], [5, 5.5], [0.5, 0], [40, 40]])
    assert it.rematched == 1


def test_teleports_are_not_interpolated():
    it = CrowdInterpolator()
    cur = _step(it, [[0, 0], [3, 3]], [0, 1], [[30, 30], [3.5, 3]], [0, 1])
    got = it.positions(cur, 0.5)
    np.testing.assert_allclose(got[0], [30, 30])  # sent home at night: drawn there at once
    np.testing.assert_allclose(got[1], [3.25, 3])


def test_a_crowd_that_changed_size_without_a_step_is_drawn_as_is():
    it = CrowdInterpolator()
    _step(it, [[0, 0]], [0], [[1, 0]], [0])
    other = np.array([[5, 5], [6, 6]], np.float32)
    np.testing.assert_allclose(it.positions(other, 0.5), other)
