"""The in-game calendar: 1 tick = 1 in-game minute, days run 06:00-24:00.

Tick 0 is day 1, 06:00. Tick 1079 is day 1, 23:59; after it the night transition runs and
tick 1080 is day 2, 06:00. Everything here is a pure function of the tick.
"""

from __future__ import annotations

DAY_START_MINUTE = 6 * 60  # 06:00
DAY_END_MINUTE = 24 * 60  # 24:00
TICKS_PER_DAY = DAY_END_MINUTE - DAY_START_MINUTE  # 1,080
TICKS_PER_HOUR = 60


def day_of(tick: int) -> int:
    """The 1-based day that `tick` falls on."""
    return tick // TICKS_PER_DAY + 1


def minute_of_day(tick: int) -> int:
    """Minutes since midnight at `tick` (360 .. 1439)."""
    return DAY_START_MINUTE + tick % TICKS_PER_DAY


def hour_of(tick: int) -> int:
    """The clock hour (6 .. 23) at `tick`."""
    return minute_of_day(tick) // 60


def clock_text(tick: int) -> str:
    """'hh:mm' at `tick`."""
    m = minute_of_day(tick)
    return f"{m // 60:02d}:{m % 60:02d}"


def describe(tick: int) -> str:
    """'Day 2 07:15' at `tick`."""
    return f"Day {day_of(tick)} {clock_text(tick)}"


def tick_at(day: int, hour: int, minute: int = 0) -> int:
    """The tick of day `day` (1-based) at hh:mm; raises ValueError outside 06:00-23:59."""
    if day < 1:
        raise ValueError(f"day {day} is before day 1")
    m = hour * 60 + minute
    if not (DAY_START_MINUTE <= m < DAY_END_MINUTE) or not (0 <= minute < 60):
        raise ValueError(f"{hour:02d}:{minute:02d} is outside the day (06:00-23:59)")
    return (day - 1) * TICKS_PER_DAY + (m - DAY_START_MINUTE)


def is_last_tick_of_day(tick: int) -> bool:
    """True when the night transition follows this tick."""
    return tick % TICKS_PER_DAY == TICKS_PER_DAY - 1


def is_hour_start(tick: int) -> bool:
    """True on the first minute of each clock hour (06:00, 07:00, ...)."""
    return tick % TICKS_PER_HOUR == 0


def parse_clock(text: str) -> tuple[int, int]:
    """'07:30' -> (7, 30); raises ValueError with a readable message."""
    parts = text.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise ValueError(f"'{text}' is not a time like 07:30")
    return int(parts[0]), int(parts[1])
