"""Record the replay library in tests/replays/: one short game per command type, on the small
test map, that CI replays and verifies day by day.

Each game is the `balanced` player plus, every half hour, the first accepted command of the
type the replay is about (candidates drawn like the `random` player's). Re-run after a
deliberate change of the rules (the replays embed their balance, so tuning numbers alone does not
invalidate them):

    python tools/record_replays.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.headless.policies import make_policy  # noqa: E402
from game.headless.policies.random_player import RandomPlayer  # noqa: E402
from game.headless.replay import write_replay  # noqa: E402
from game.level import load_level  # noqa: E402
from game.sim.balance import load_balance  # noqa: E402
from game.sim.commands import COMMANDS  # noqa: E402
from game.sim.simulation import Simulation  # noqa: E402
from game.sim.view import SimView  # noqa: E402

LEVEL = "tests/fixtures/sample-tiny.tmx"
OUT = ROOT / "tests" / "replays"
TICKS = 1080 + 420  # a day and a morning: every replay crosses one night
LONGEST = 4 * 1080  # ... or longer, until the command has been accepted once


def record(kind: str, seed: int = 11) -> tuple[Path, int, int]:
    os.chdir(ROOT)
    sim = Simulation(load_level(LEVEL), load_balance(), seed)
    helper = make_policy("balanced", seed)
    drawer = RandomPlayer(seed + 1)
    accepted = tried = 0
    while sim.tick < TICKS or (accepted == 0 and sim.tick < LONGEST):
        cmds = helper.decide(sim)
        if sim.tick % 30 == 15:
            view = SimView(sim)
            for _ in range(200):
                cmd = drawer._draw(view, sim)
                if cmd.name != kind:
                    continue
                tried += 1
                if view.check(cmd) is None or (accepted == 0 and sim.tick > LONGEST - 120):
                    accepted += view.check(cmd) is None
                    cmds.append(cmd)
                    break
        sim.step(cmds)
    path = write_replay(sim, OUT / f"{kind}.jsonl")
    sim.close()
    return path, accepted, tried


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for kind in sorted(COMMANDS):
        path, accepted, _tried = record(kind)
        in_log = path.read_text().count(f'"type":"{kind}"')
        print(f"{path.relative_to(ROOT)}: {in_log} '{kind}' command(s), "
              f"{accepted} of the extra ones accepted")


if __name__ == "__main__":
    main()
