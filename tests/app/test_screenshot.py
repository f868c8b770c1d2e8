"""`python main.py screenshot`: a headless run, then the play scene drawn off-screen to a PNG."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.cli import main
from tests.conftest import SAMPLE_LEVEL


def _png(path):
    return pygame.surfarray.array3d(pygame.image.load(str(path)))


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """One short run per overlay of the sample level (plus the why panel)."""
    out = tmp_path_factory.mktemp("shots")
    files = {}
    for name in ("none", "opinion", "density", "districts", "reach"):
        f = out / f"{name}.png"
        args = ["screenshot", "--level", str(SAMPLE_LEVEL), "--days", "1", "--time", "09:30"]
        args += ["--out", str(f)] + ([] if name == "none" else ["--overlay", name])
        assert main(args) == 0
        files[name] = f
    f = out / "why.png"
    assert (
        main(
            [
                "screenshot",
                "--level",
                str(SAMPLE_LEVEL),
                "--days",
                "0",
                "--panel",
                "why",
                "--size",
                "800x600",
                "--out",
                str(f),
            ]
        )
        == 0
    )
    files["why"] = f
    return files


def test_the_picture_is_the_requested_size_and_not_blank(shots):
    img = _png(shots["none"])
    assert img.shape[:2] == (1280, 720)
    assert img.std() > 20
    assert len(np.unique(img.reshape(-1, 3), axis=0)) > 200
    why = _png(shots["why"])
    assert why.shape[:2] == (800, 600) and why.std() > 20


def test_every_overlay_gives_a_different_picture(shots):
    names = ("none", "opinion", "density", "districts", "reach")
    imgs = {n: _png(shots[n]).astype(np.int32) for n in names}
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            changed = np.any(imgs[a] != imgs[b], axis=2).mean()
            assert changed > 0.002, f"{a} and {b} look the same ({changed:.4%} pixels differ)"


def test_bad_arguments_are_one_line_errors(tmp_path, capsys):
    assert main(["screenshot", "--level", str(SAMPLE_LEVEL), "--out", str(tmp_path / "x.jpg")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".png" in err
    assert (
        main(
            ["screenshot", "--level", str(tmp_path / "nope.tmx"), "--out", str(tmp_path / "x.png")]
        )
        == 2
    )
    assert "nope.tmx" in capsys.readouterr().err
    code = main(
        [
            "screenshot",
            "--level",
            str(SAMPLE_LEVEL),
            "--overlay",
            "heat",
            "--out",
            str(tmp_path / "x.png"),
        ]
    )
    assert code == 2
    assert "heat" in capsys.readouterr().err
    code = main(
        [
            "screenshot",
            "--level",
            str(SAMPLE_LEVEL),
            "--time",
            "03:00",
            "--out",
            str(tmp_path / "x.png"),
        ]
    )
    assert code == 2
    assert "outside the day" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.png"))


@pytest.fixture(scope="module")
def panel_shots(tmp_path_factory):
    """`--panel NAME` for every side panel, on the first morning of the sample level."""
    from game.app.screenshot import PANELS

    out = tmp_path_factory.mktemp("panels")
    files = {}
    for name in PANELS:
        f = out / f"{name}.png"
        args = ["screenshot", "--level", str(SAMPLE_LEVEL), "--days", "0", "--time", "08:00"]
        assert main([*args, "--panel", name, "--size", "800x600", "--out", str(f)]) == 0
        files[name] = f
    return files


def test_every_panel_can_be_photographed_and_each_looks_different(panel_shots):
    from game.app.layout import TABS

    assert set(panel_shots) == {name for name, _, _ in TABS} | {"none"}
    imgs = {n: _png(f).astype(np.int32) for n, f in panel_shots.items()}
    for name, img in imgs.items():
        assert img.shape[:2] == (800, 600) and img.std() > 20, name
    names = sorted(imgs)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            changed = np.any(imgs[a] != imgs[b], axis=2).mean()
            assert changed > 0.01, f"{a} and {b} look the same ({changed:.4%} pixels differ)"


def test_an_unknown_panel_is_a_one_line_error(tmp_path, capsys):
    args = ["screenshot", "--level", str(SAMPLE_LEVEL), "--days", "0", "--panel", "shop"]
    assert main([*args, "--out", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "shop" in err and "schedule" in err
