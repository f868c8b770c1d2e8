"""Systems: one module per system, each `def run(sim) -> None` with a docstring saying what it
reads and writes. The order they run in is `game/sim/schedule.py`."""
