"""The command line: `python main.py COMMAND ...` (also the `smile-studio` console script).

Every command reports bad arguments and bad input as one line on stderr and exits 2; no
traceback reaches the user for anything they can fix.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from game import __version__

REPO_ROOT = Path(__file__).resolve().parent.parent
LEVELS_DIR = REPO_ROOT / "levels"
DEFAULT_LEVEL = LEVELS_DIR / "act1-neon-opening.tmx"

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad arguments or bad input: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not usage + error
        raise UsageError(f"{self.prog}: {message} (see --help)")


def _positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"{v} must be at least 1")
    return v


def _non_negative_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if v < 0:
        raise argparse.ArgumentTypeError(f"{v} must not be negative")
    return v


def _window_size(text: str) -> tuple[int, int]:
    parts = text.lower().split("x")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x720")
    w, h = int(parts[0]), int(parts[1])
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise argparse.ArgumentTypeError(f"{w}x{h} must be between 320x240 and 7680x4320")
    return w, h


def _tile_point(text: str) -> tuple[float, float]:
    parts = text.split(",")
    try:
        x, y = (float(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a tile position like 40,25") from None
    return x, y


def _seed(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 0 <= v < 2**63:
        raise argparse.ArgumentTypeError(f"seed {v} must be between 0 and 2**63-1")
    return v


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="smile-studio",
        description="Smile Studio 2145 — run the dental-art studio of the neon city and win "
        "the city back from the Pure Smiles. Without a command, starts the game.",
    )
    p.add_argument("--version", action="version", version=f"smile-studio {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log debug detail to stderr")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    play = sub.add_parser(
        "play",
        help="start the game in a window",
        description="Open a window on the title screen (campaign, custom levels, settings), or "
        "straight into one level with --level. With --watch the level reloads whenever its file "
        "changes on disk (each reload logs `reloaded PATH` on stderr).",
    )
    play.add_argument("--level", type=Path, default=None,
                      help="play this .tmx level at once (default: the title screen)")
    play.add_argument("--watch", action="store_true",
                      help="reload the level when it changes on disk (for level designers)")
    play.add_argument("--seed", type=_seed, default=1, help="random seed (default 1)")
    play.add_argument("--balance", type=Path, default=None, help="a balance TOML file")
    play.add_argument("--quit-after", type=float, default=None, metavar="SECONDS",
                      help="close the window after this many real seconds (smoke tests)")

    shot = sub.add_parser(
        "screenshot",
        help="render the play scene (or another screen) to a PNG without a window",
        description="Run a level headless for D in-game days, then draw the play scene (map, "
        "crowd, HUD, side panel) off-screen and write it as a PNG. --scene draws another "
        "screen instead: title, campaign, custom, briefing, pause, settings, result (runs the "
        "level until it is decided, at most D days) or ending.",
    )
    shot.add_argument("--scene", default="play",
                      choices=("play", "title", "campaign", "custom", "briefing", "pause",
                               "settings", "result", "ending"),
                      help="which screen (default play)")
    shot.add_argument("--level", type=Path, default=None,
                      help="the .tmx level (needed by play, briefing, pause and result)")
    shot.add_argument("--ui-scale", type=float, default=1.0,
                      help="UI scale of the HUD and menus, 0.75-2 (default 1)")
    shot.add_argument("--acts-won", type=_non_negative_int, default=0,
                      help="campaign acts shown as won (a fresh profile otherwise)")
    shot.add_argument("--days", type=_non_negative_int, default=1,
                      help="in-game days to run first (default 1; 0 = the first morning)")
    shot.add_argument("--out", type=Path, required=True, metavar="FILE.png", help="the PNG")
    shot.add_argument("--seed", type=_seed, default=1, help="random seed (default 1)")
    shot.add_argument("--time", dest="at", default=None, metavar="HH:MM",
                      help="after the days, run on to this time of the next day (e.g. 14:30)")
    shot.add_argument("--overlay", choices=("opinion", "density", "districts", "reach"),
                      default=None, help="a map overlay")
    shot.add_argument("--panel", default="graphs", metavar="NAME",
                      help="the side panel's tab: objectives, studio, leads, schedule, calendar, "
                      "graphs (default), why (selects a citizen) or none")
    shot.add_argument("--size", type=_window_size, default=(1280, 720), metavar="WxH",
                      help="picture size (default 1280x720)")
    shot.add_argument("--colorblind", action="store_true", help="the colour-blind palette")
    shot.add_argument("--center", type=_tile_point, default=None, metavar="X,Y",
                      help="centre the camera on this tile (default: the studio)")
    shot.add_argument("--zoom", type=float, default=None, help="camera zoom (default 0.625)")
    shot.add_argument("--balance", type=Path, default=None, help="a balance TOML file")

    run = sub.add_parser(
        "run",
        help="run a level headless and print a summary",
        description="Run a level without any window or audio device for D in-game days (or "
        "until it is won or lost) and print a summary; --json prints one JSON object with the "
        "keys level, seed, days, ticks, ticks_per_second, population, metrics, outcome and "
        "state_hash.",
    )
    run.add_argument("--level", type=Path, required=True, help="the .tmx level to run")
    run.add_argument("--seed", type=_seed, default=0, help="random seed (default 0)")
    run.add_argument("--days", type=_positive_int, default=1, help="in-game days (default 1)")
    run.add_argument("--balance", type=Path, default=None, help="a balance TOML file")
    run.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a balance value, e.g. --set studio.daily_rent=500 (repeatable)",
    )
    run.add_argument("--json", action="store_true", help="print one JSON object")
    run.add_argument("--record", type=Path, default=None, metavar="FILE",
                     help="write the game's replay (commands and daily hashes) to FILE")
    run.add_argument("--save", type=Path, default=None, metavar="FILE",
                     help="write a save of the final state to FILE")

    rp = sub.add_parser(
        "replay",
        help="replay a recorded game headless (or on screen with --watch)",
        description="Replay a recorded game (a .jsonl replay file) without a window. With "
        "--verify, exit 1 at the first in-game day whose state hash differs from the recording, "
        "naming the day. With --watch, play it in a window in the play scene (speed keys work, "
        "orders are off); with --verify too, a differing day is shown on screen and logged.",
    )
    rp.add_argument("file", type=Path, help="the replay file")
    rp.add_argument("--verify", action="store_true", help="check every day's state hash")
    rp.add_argument("--json", action="store_true", help="print the final summary as JSON")
    rp.add_argument("--watch", action="store_true", help="watch it in a window")
    rp.add_argument("--speed", type=int, choices=(1, 2, 4, 8), default=1,
                    help="with --watch: the starting speed (default 1)")
    rp.add_argument("--quit-after", type=float, default=None, metavar="SECONDS",
                    help="with --watch: close the window after this many real seconds")

    bal = sub.add_parser(
        "balance",
        help="run a seeded sweep of headless games and report win rates",
        description="Play every level x policy x seed headless, on all local cores (or a Dask "
        "cluster), and write manifest.json, games.csv, timeseries.csv, failures.csv, "
        "summary.csv and plots/ into --out. `balance report DIR` re-prints the table and "
        "redraws the plots of an existing sweep.",
    )
    bal.add_argument("--levels", nargs="+", type=Path, required=True, metavar="PATH")
    bal.add_argument("--policies", nargs="+", default=["idle"], metavar="NAME",
                     help="scripted players (see game/headless/policies)")
    bal.add_argument("--seeds", default="0:20", help="seed indices, e.g. 0:200 (default 0:20)")
    bal.add_argument("--root-seed", type=_seed, default=2145,
                     help="every game's seed derives from this and its index (default 2145)")
    bal.add_argument("--days", type=_positive_int, default=14, help="in-game days per game")
    bal.add_argument("--set", dest="overrides", action="append", default=[],
                     metavar="KEY=VALUE", help="override a balance value (repeatable)")
    bal.add_argument("--jobs", type=_positive_int, default=None,
                     help="worker processes (default: all cores)")
    bal.add_argument("--dask", default=None, metavar="tcp://HOST:PORT",
                     help="run on a Dask distributed scheduler instead of local processes")
    bal.add_argument("--out", type=Path, required=True, help="the folder for the results")
    bal.add_argument("--resume", action="store_true", help="skip games already in --out")
    bal.add_argument("--no-progress", action="store_true", help="no progress bar")
    bal.add_argument("--no-plots", action="store_true", help="skip drawing the plots")

    rep = sub.add_parser("balance-report", help="(also `balance report DIR`) re-print a "
                         "sweep's table and redraw its plots")
    rep.add_argument("dir", type=Path, help="a folder written by `balance`")
    rep.add_argument("--no-plots", action="store_true", help="skip drawing the plots")

    vl = sub.add_parser(
        "validate-level",
        help="check Tiled levels against the level contract",
        description="Check each .tmx level and print every problem, one a line, as "
        "`file: layer 'zones' object #12 'Neon Plaza' (venue): capacity -5 is below 1` "
        "(warnings say `warning:`). Exit 0 when every level is clean, 1 when one has problems, "
        "2 when one cannot be read at all.",
    )
    vl.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=".tmx files")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:2] == ["balance", "report"]:
        argv = ["balance-report", *argv[2:]]
    try:
        args = parser.parse_args(argv)
        logging.basicConfig(
            level=logging.DEBUG if args.verbose else logging.WARNING,
            format="%(levelname)s %(name)s: %(message)s",
        )
        if args.command is None or args.command == "play":
            return _cmd_play(args)
        if args.command == "run":
            return _cmd_run(args)
        if args.command == "replay":
            return _cmd_replay(args)
        if args.command == "balance":
            return _cmd_balance(args, argv)
        if args.command == "balance-report":
            return _cmd_balance_report(args)
        if args.command == "screenshot":
            return _cmd_screenshot(args)
        if args.command == "validate-level":
            from game.level.validator import check_paths

            return check_paths(args.paths)
        raise UsageError(f"unknown command {args.command!r}")  # unreachable through argparse
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _load_balance(args: argparse.Namespace):  # noqa: ANN202 - Balance, imported lazily
    from game.sim.balance import BalanceError, load_balance, parse_override

    try:
        overrides = dict(parse_override(o) for o in getattr(args, "overrides", []) or [])
        return load_balance(args.balance, overrides)
    except BalanceError as exc:
        raise UsageError(str(exc)) from None


def _cmd_run(args: argparse.Namespace) -> int:
    from game.headless.runner import format_summary, make_simulation, run_days, summary
    from game.level import LevelError
    from game.level.validator import load_checked

    balance = _load_balance(args)
    try:
        load_checked(args.level)  # refuse a level that breaks the contract, listing why
        sim = make_simulation(args.level, args.seed, balance)
    except LevelError as exc:
        raise UsageError(str(exc)) from None
    start = sim.tick
    wall = run_days(sim, args.days)
    s = summary(sim, args.days, wall, sim.tick - start)
    _write_outputs(sim, args)
    sim.close()
    print(json.dumps(s, sort_keys=True) if args.json else format_summary(s))
    return EXIT_OK


def _write_outputs(sim, args: argparse.Namespace) -> None:  # noqa: ANN001 - Simulation
    from game.headless.replay import write_replay
    from game.sim.savegame import SaveError, save_game

    try:
        if args.record is not None:
            write_replay(sim, args.record)
        if args.save is not None:
            save_game(sim, args.save)
    except (SaveError, OSError) as exc:
        raise UsageError(f"cannot write output: {exc}") from None


def _cmd_replay(args: argparse.Namespace) -> int:
    from game.headless.replay import ReplayError, read_replay, replay
    from game.headless.runner import summary

    if args.watch:
        return _cmd_replay_watch(args)
    try:
        rep = read_replay(args.file)
        result = replay(rep, stop_at_mismatch=args.verify)
    except ReplayError as exc:
        raise UsageError(str(exc)) from None
    sim = result.sim
    assert sim is not None
    if args.json:
        print(json.dumps(summary(sim, sim.day, 0.0, 0), sort_keys=True))
    sim.close()
    if args.verify and not result.ok:
        print(f"{args.file}: replay differs: {result.message}", file=sys.stderr)
        return 1
    if not args.json:
        status = "verified" if args.verify else "replayed"
        print(f"{args.file}: {status}: {result.message}")
    return EXIT_OK


def _cmd_replay_watch(args: argparse.Namespace) -> int:
    """`replay FILE --watch [--verify]`: the recorded game on screen."""
    from game.app.replay_watch import ReplayError, watch
    from game.app.viewer import DisplayUnavailable, SceneError

    logging.getLogger("game.app.replay_watch").setLevel(logging.INFO)
    try:
        feed = watch(args.file, verify=args.verify, speed=args.speed, quit_after=args.quit_after)
    except (ReplayError, DisplayUnavailable, SceneError) as exc:
        raise UsageError(str(exc)) from None
    if args.verify and (feed.mismatches or feed.final_ok is False):
        what = feed.mismatches[0] if feed.mismatches else "the final state differs"
        print(f"{args.file}: replay differs: {what}", file=sys.stderr)
        return 1
    how = "ended" if feed.ended else "stopped before its end"
    print(f"{args.file}: watched, {how}; {feed.days_checked} day(s) checked")
    return EXIT_OK


def _cmd_balance(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from game.headless.report import report
    from game.headless.sweep import SweepError, parse_seed_range, run_sweep
    from game.sim.balance import BalanceError, parse_override

    try:
        overrides = dict(parse_override(o) for o in args.overrides)
        result = run_sweep(
            levels=[str(p) for p in args.levels],
            policies=args.policies,
            seeds=parse_seed_range(args.seeds),
            out=args.out,
            days=args.days,
            overrides=overrides,
            jobs=args.jobs,
            dask_address=args.dask,
            resume=args.resume,
            root_seed=args.root_seed,
            progress=not args.no_progress,
            argv=["main.py", *argv],
        )
    except (SweepError, BalanceError) as exc:
        raise UsageError(str(exc)) from None
    print(report(args.out, plots=not args.no_plots))
    print(
        f"{result.games_run} game(s) in {result.wall_seconds:.1f} s "
        f"({60 * result.games_run / max(result.wall_seconds, 1e-9):.1f} games/min), "
        f"{result.skipped} skipped, {result.failures} failed -> {args.out}"
    )
    return EXIT_OK


def _cmd_balance_report(args: argparse.Namespace) -> int:
    from game.headless.report import report

    try:
        print(report(args.dir, plots=not args.no_plots))
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    return EXIT_OK


def _cmd_play(args: argparse.Namespace) -> int:
    """`play` (and no command at all): the title screen, or one level with --level."""
    from game.level import LevelError
    from game.level.validator import load_checked

    balance = (
        _load_balance(args)
        if getattr(args, "balance", None)
        else _load_balance(argparse.Namespace(balance=None, overrides=[]))
    )
    level_path = getattr(args, "level", None)
    watch = bool(getattr(args, "watch", False))
    if watch and level_path is None:
        raise UsageError("play --watch needs --level PATH (the level to watch)")
    if watch:  # `reloaded PATH` always reaches stderr when watching, -v or not
        logging.getLogger("game.app.screens.play").setLevel(logging.INFO)
    level = None
    if level_path is not None:
        try:
            level = load_checked(Path(level_path).resolve())
        except LevelError as exc:
            raise UsageError(str(exc)) from None
    from game.app.viewer import DisplayUnavailable, SceneError, run_game

    try:
        return run_game(
            level,
            balance,
            seed=getattr(args, "seed", 1),
            quit_after=getattr(args, "quit_after", None),
            watch=watch,
        )
    except (DisplayUnavailable, SceneError) as exc:
        raise UsageError(str(exc)) from None


def _cmd_screen_shot(args: argparse.Namespace) -> int:
    """`screenshot --scene NAME`: a screen around the play scene, drawn off-screen."""
    from game.app.screens.shots import ShotError, render_screen
    from game.app.viewer import DisplayUnavailable, SceneError
    from game.level import LevelError
    from game.level.validator import load_checked

    balance = _load_balance(args)
    level = None
    if args.level is not None:
        try:
            level = load_checked(Path(args.level).resolve())
        except LevelError as exc:
            raise UsageError(str(exc)) from None
    try:
        shot = render_screen(
            args.scene,
            args.out,
            level,
            balance,
            seed=args.seed,
            size=args.size,
            ui_scale=args.ui_scale,
            days=args.days,
            acts_won=args.acts_won,
            colorblind=args.colorblind,
        )
    except (ShotError, DisplayUnavailable, SceneError) as exc:
        raise UsageError(str(exc)) from None
    finally:
        import pygame

        pygame.quit()
    print(f"{shot.path}: {shot.size[0]}x{shot.size[1]}, {shot.note}")
    return EXIT_OK


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from game.app.screenshot import use_dummy_display

    use_dummy_display()  # before anything initialises the display
    from game.app.screenshot import ScreenshotError, render_screenshot
    from game.app.viewer import DisplayUnavailable, SceneError
    from game.headless.runner import run_days
    from game.level import LevelError
    from game.level.validator import load_checked
    from game.sim.simulation import Simulation

    if args.out.suffix.lower() != ".png":
        raise UsageError(f"{args.out}: the picture must be a .png file")
    if args.scene != "play":
        return _cmd_screen_shot(args)
    if args.level is None:
        raise UsageError("screenshot --scene play needs --level")
    balance = _load_balance(args)
    try:
        level = load_checked(args.level)
    except LevelError as exc:
        raise UsageError(str(exc)) from None
    at_tick = None
    if args.at is not None:
        from game.sim import calendar

        try:
            hour, minute = calendar.parse_clock(args.at)
            at_tick = calendar.tick_at(args.days + 1, hour, minute)
        except ValueError as exc:
            raise UsageError(f"--time: {exc}") from None
    sim = Simulation(level, balance, args.seed)
    try:
        if args.days:
            run_days(sim, args.days)
        while at_tick is not None and sim.tick < at_tick and not sim.finished:
            sim.step()
        shot = render_screenshot(
            sim,
            args.out,
            size=args.size,
            overlay=args.overlay or "",
            panel=args.panel,
            palette="colorblind" if args.colorblind else "neon",
            center=args.center,
            zoom=args.zoom,
            ui_scale=args.ui_scale,
        )
    except (ScreenshotError, DisplayUnavailable, SceneError) as exc:
        raise UsageError(str(exc)) from None
    finally:
        sim.close()
        import pygame

        pygame.quit()
    print(f"{shot.path}: {shot.size[0]}x{shot.size[1]}, {shot.clock}")
    return EXIT_OK
