"""The level watcher notices a Tiled-style save (temp file + rename) once it has settled."""

from __future__ import annotations

import os

from game.app.hotreload import LevelWatcher


class FakeClock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


def _tiled_save(path, text):
    tmp = path.with_name(path.name + ".XyZ123")
    tmp.write_text(text)
    os.replace(tmp, path)


def test_rename_save_is_reported_once_after_settling(tmp_path):
    level = tmp_path / "mine.tmx"
    level.write_text("<map/>")
    clock = FakeClock()
    w = LevelWatcher(level, settle=0.2, clock=clock)
    assert not w.poll()
    _tiled_save(level, "<map width='2'/>")
    assert not w.poll()  # seen, not yet settled
    clock.t += 0.1
    assert not w.poll()
    clock.t += 0.2
    assert w.poll()
    clock.t += 1
    assert not w.poll()  # once


def test_tileset_change_counts_and_unrelated_files_do_not(tmp_path):
    level = tmp_path / "mine.tmx"
    level.write_text("<map/>")
    clock = FakeClock()
    w = LevelWatcher(level, settle=0.0, clock=clock)
    (tmp_path / "notes.txt").write_text("hello")
    assert not w.poll() and not w.poll()
    (tmp_path / "tiles.tsx").write_text("<tileset/>")
    w.poll()
    assert w.poll()


def test_missing_level_mid_save_waits(tmp_path):
    level = tmp_path / "mine.tmx"
    level.write_text("<map/>")
    clock = FakeClock()
    w = LevelWatcher(level, settle=0.0, clock=clock)
    level.unlink()
    w.poll()
    assert not w.poll()
    level.write_text("<map/>")
    w.poll()
    assert w.poll()
