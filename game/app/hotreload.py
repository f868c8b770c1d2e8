"""Hot reload for level designers: notice when a level (or a tileset beside it) changes on disk.

Tiled saves through a temp file and a rename, so watching the file's own handle would miss the
new file: this watches the *folder* by polling each relevant file's (inode, size, mtime). A
change is reported once the files have stayed unchanged for `settle` seconds, so a save caught
half-written is not read. No pygame here.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

logger = logging.getLogger(__name__)

WATCHED_SUFFIXES = (".tmx", ".tsx", ".tx", ".png")

Stamp = dict[str, tuple[int, int, int]]


class LevelWatcher:
    """Poll `level_path`'s folder; `poll()` returns True once per settled change."""

    def __init__(
        self,
        level_path: str | Path,
        settle: float = 0.15,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = Path(level_path).resolve()
        self.folder = self.path.parent
        self.settle = settle
        self.clock = clock
        self._stamp = self._scan()
        self._pending: Stamp | None = None
        self._pending_since = 0.0

    def _scan(self) -> Stamp:
        stamp: Stamp = {}
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return stamp
        for e in entries:
            if e.name.startswith(".") or not e.name.endswith(WATCHED_SUFFIXES):
                continue
            try:
                st = e.stat()
            except OSError:
                continue
            stamp[e.name] = (st.st_ino, st.st_size, st.st_mtime_ns)
        return stamp

    def poll(self) -> bool:
        now = self.clock()
        current = self._scan()
        if current == self._stamp:
            self._pending = None
            return False
        if current != self._pending:
            self._pending, self._pending_since = current, now
            return False
        if now - self._pending_since < self.settle:
            return False
        self._stamp, self._pending = current, None
        if self.path.name not in current:
            logger.info("%s is gone (a save in progress?); waiting", self.path)
            return False
        return True
