"""Flow fields: for each destination, one byte per map cell naming the neighbour that leads there.

A destination is a *region*: a set of walkable cells (a home's rectangle, a day zone, the disc
where a rally gathers). Its flow field is computed by a breadth-first search outward from every
region cell at once, over the walkable grid with 4-neighbour steps (the distance is the number of
orthogonal steps). Each cell then stores the code of its best neighbour among the 8 around it:

- 0..7: step east, south-east, south, south-west, west, north-west, north, north-east
  (`DIR_DX`, `DIR_DY`); a diagonal step is only ever chosen when both orthogonal cells beside it
  are walkable, so following a field never cuts a wall corner;
- `GOAL` (8): the cell is in the region;
- `UNREACHABLE` (255): a wall, or a walkable cell not connected to the region.

Following the codes from any reachable cell lowers the distance at every step and ends in the
region. Many fields are computed in one batched search (`compute_fields`), all in numpy: the
search loop runs once per distance ring, never once per cell.

`FlowFields` is the cache: static destinations (homes, day zones, the studio) get the first
slots in a fixed order; dynamic ones (where a rally or event gathers) are added on demand, keyed
by their region, and their slots are reused once no attractor needs them. The cache is derived
from the level alone, so it is never saved or hashed. Fields are recomputed only when a new
destination appears; the walkable grid of a level does not change while it runs.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence

import numpy as np

GOAL = 8
UNREACHABLE = 255

# Offsets per direction code, padded to 256 entries so a code can index them directly
# (GOAL and UNREACHABLE give 0: stay in the cell).
_DX8 = (1, 1, 0, -1, -1, -1, 0, 1)
_DY8 = (0, 1, 1, 1, 0, -1, -1, -1)
DIR_DX = np.zeros(256, dtype=np.float32)
DIR_DY = np.zeros(256, dtype=np.float32)
DIR_DX[:8] = _DX8
DIR_DY[:8] = _DY8

# Search order of the 8 neighbours when choosing a step: orthogonal first, so among equally good
# steps the straight one wins (with 4-step distances a useful diagonal is strictly better).
_CHOICE_ORDER = (0, 2, 4, 6, 1, 3, 5, 7)


def compute_fields(
    walkable: np.ndarray, regions: Sequence[np.ndarray], with_distance: bool = False
) -> tuple[np.ndarray, np.ndarray | None]:
    """Flow fields for several destination regions at once.

    `walkable` is bool [h, w]; each region is an array of flat cell indices (y * w + x); cells
    that are walls are ignored. Returns (codes uint8 [k, h*w], distance int32 [k, h*w] or None);
    the distance is the number of orthogonal steps to the region, -1 where unreachable.
    """
    h, w = walkable.shape
    k = len(regions)
    hp, wp = h + 2, w + 2
    size = hp * wp
    # A wall border around the padded grid: a neighbour offset never leaves a slot's block.
    open_pad = np.zeros((hp, wp), dtype=bool)
    open_pad[1:-1, 1:-1] = walkable
    open_flat = open_pad.ravel()
    is_open = np.tile(open_flat, k)
    dist = np.full(k * size, -1, dtype=np.int32)
    starts = []
    for s, region in enumerate(regions):
        r = np.asarray(region, dtype=np.int64)
        r = r[(r >= 0) & (r < h * w)]
        padded = (r // w + 1) * wp + (r % w + 1) + s * size
        starts.append(padded[is_open[padded]])
    front = np.unique(np.concatenate(starts)) if starts else np.zeros(0, np.int64)
    dist[front] = 0
    is_open[front] = False
    offsets = np.array([1, -1, wp, -wp], dtype=np.int64)
    claim = np.zeros(k * size, dtype=np.int32)  # de-duplicates a ring without sorting it
    d = 0
    while front.size:
        d += 1
        nb = (front[:, None] + offsets).ravel()
        nb = nb[is_open[nb]]
        if not nb.size:
            break
        order = np.arange(len(nb), dtype=np.int32)
        claim[nb] = order  # of repeated cells one write stays; keep exactly that one
        nb = nb[claim[nb] == order]
        is_open[nb] = False
        dist[nb] = d
        front = nb

    dist3 = dist.reshape(k, hp, wp)
    inner = dist3[:, 1:-1, 1:-1]
    big = np.int32(np.iinfo(np.int32).max)
    best = np.full((k, h, w), big, dtype=np.int32)
    code = np.full((k, h, w), UNREACHABLE, dtype=np.uint8)
    for c in _CHOICE_ORDER:
        dx, dy = _DX8[c], _DY8[c]
        nd = dist3[:, 1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w]
        ok = nd >= 0
        if dx and dy:  # a diagonal: both orthogonal cells beside it must be walkable
            side = (
                open_pad[1 : 1 + h, 1 + dx : 1 + dx + w] & open_pad[1 + dy : 1 + dy + h, 1 : 1 + w]
            )
            ok &= side[None]
        better = ok & (nd < best)
        best = np.where(better, nd, best)
        code[better] = c
    code[inner < 0] = UNREACHABLE
    code[inner == 0] = GOAL
    codes = code.reshape(k, h * w)
    distance = np.ascontiguousarray(inner).reshape(k, h * w) if with_distance else None
    return codes, distance


def rect_region(
    walkable: np.ndarray, x: float, y: float, width: float, height: float
) -> np.ndarray:
    """Flat indices of the walkable cells whose centre lies in the rectangle (tiles).

    A rectangle with no walkable cell (drawn over a building) grows a tile on every side until it
    holds one, so every destination can be reached.
    """
    h, w = walkable.shape
    grow = 0.0
    while True:
        x0, y0 = x - grow, y - grow
        x1, y1 = x + width + grow, y + height + grow
        cx0 = max(int(np.ceil(x0 - 0.5)), 0)
        cy0 = max(int(np.ceil(y0 - 0.5)), 0)
        cx1 = min(int(np.floor(x1 - 0.5)), w - 1)
        cy1 = min(int(np.floor(y1 - 0.5)), h - 1)
        if cx1 >= cx0 and cy1 >= cy0:
            ys, xs = np.nonzero(walkable[cy0 : cy1 + 1, cx0 : cx1 + 1])
            if len(ys):
                return ((ys + cy0) * w + (xs + cx0)).astype(np.int32)
        if grow > max(h, w):
            return np.zeros(0, dtype=np.int32)
        grow += 1.0


def disc_region(walkable: np.ndarray, x: float, y: float, radius: float) -> np.ndarray:
    """Flat indices of the walkable cells whose centre is within `radius` of (x, y); when there
    is none, the walkable cell nearest to (x, y)."""
    h, w = walkable.shape
    r = max(float(radius), 0.5)
    cx0, cx1 = max(int(x - r - 1), 0), min(int(x + r + 1), w - 1)
    cy0, cy1 = max(int(y - r - 1), 0), min(int(y + r + 1), h - 1)
    if cx1 >= cx0 and cy1 >= cy0:
        ys, xs = np.mgrid[cy0 : cy1 + 1, cx0 : cx1 + 1]
        inside = ((xs + 0.5 - x) ** 2 + (ys + 0.5 - y) ** 2 <= r * r) & walkable[
            cy0 : cy1 + 1, cx0 : cx1 + 1
        ]
        if inside.any():
            return (ys[inside] * w + xs[inside]).astype(np.int32)
    ys, xs = np.nonzero(walkable)
    if not len(ys):
        return np.zeros(0, dtype=np.int32)
    i = int(np.argmin((xs + 0.5 - x) ** 2 + (ys + 0.5 - y) ** 2))
    return np.array([ys[i] * w + xs[i]], dtype=np.int32)


class FlowFields:
    """Cache of flow fields over one walkable grid, one slot per destination region.

    Storage is cell-major, uint8 [h*w, stride]: look a walker up with
    `codes_flat[cell * stride + slot]` (the crowd is sorted by cell, so walkers in the same
    cell read neighbouring bytes whatever their destination); `codes` is the [slots, h*w] view
    of the same bytes. `region_cells`,
    `region_start` and `region_len` list each slot's region cells, so a citizen can pick its own
    spot inside the region.
    """

    def __init__(self, walkable: np.ndarray) -> None:
        self.walkable = np.ascontiguousarray(walkable, dtype=bool)
        self.height, self.width = self.walkable.shape
        self.cells = self.height * self.width
        self.walkable_flat = self.walkable.ravel()
        self._codes = np.zeros((self.cells, 0), dtype=np.uint8)
        self._regions: list[np.ndarray] = []
        self._keys: dict[Hashable, int] = {}
        self._key_of: list[Hashable | None] = []
        self._free: list[int] = []
        self.n_static = 0
        self.computed = 0  # fields computed so far (tests check the cache works)
        self._refresh_regions()

    # ------------------------------------------------------------------ slots

    @property
    def n_slots(self) -> int:
        return len(self._regions)

    @property
    def stride(self) -> int:
        return int(self._codes.shape[1])

    @property
    def codes(self) -> np.ndarray:
        """uint8 [slots, h*w]: the direction code of every cell, per destination slot."""
        return self._codes[:, : self.n_slots].T

    @property
    def codes_flat(self) -> np.ndarray:
        return self._codes.reshape(-1)

    def add_static(self, regions: Sequence[np.ndarray]) -> None:
        """Add the level's fixed destinations (slots 0..len-1 in order), computed in batches."""
        if self._regions:
            raise RuntimeError("static destinations must be added first, once")
        self._ensure_capacity(len(regions))
        batch = max(1, 4_000_000 // max(self.cells, 1))  # bounded memory per batch
        for s in range(0, len(regions), batch):
            part = regions[s : s + batch]
            codes, _ = compute_fields(self.walkable, part)
            self._codes[:, s : s + len(part)] = codes.T
            self.computed += len(part)
        self._regions = [np.asarray(r, dtype=np.int32) for r in regions]
        self._key_of = [None] * len(regions)
        self.n_static = len(regions)
        self._refresh_regions()

    def slot(self, key: Hashable, region: np.ndarray) -> int:
        """The slot of a dynamic destination `key` (computing its field the first time)."""
        hit = self._keys.get(key)
        if hit is not None:
            return hit
        codes, _ = compute_fields(self.walkable, [region])
        self.computed += 1
        if self._free:
            s = self._free.pop()
            self._regions[s] = np.asarray(region, dtype=np.int32)
            self._key_of[s] = key
        else:
            s = self.n_slots
            self._ensure_capacity(s + 1)
            self._regions.append(np.asarray(region, dtype=np.int32))
            self._key_of.append(key)
        self._codes[:, s] = codes[0]
        self._keys[key] = s
        self._refresh_regions()
        return s

    def release_unused(self, keep: Collection[Hashable], limit: int = 64) -> None:
        """Free dynamic slots whose key is not in `keep` once more than `limit` are held."""
        if len(self._keys) <= limit:
            return
        for key in sorted((k for k in self._keys if k not in keep), key=repr):
            s = self._keys.pop(key)
            self._key_of[s] = None
            self._free.append(s)

    def _ensure_capacity(self, slots: int) -> None:
        have = self._codes.shape[1]
        if slots <= have:
            return
        new = np.full((self.cells, max(slots + 8, have + have // 2)), UNREACHABLE, np.uint8)
        new[:, :have] = self._codes
        self._codes = new

    def _refresh_regions(self) -> None:
        # an empty region (a map with no walkable cell at all) keeps a 1-cell placeholder
        lens = np.array([max(len(r), 1) for r in self._regions], dtype=np.int64)
        self.region_len = lens
        self.region_start = np.zeros(len(lens), dtype=np.int64)
        if len(lens):
            self.region_start[1:] = np.cumsum(lens)[:-1]
        parts = [r if len(r) else np.zeros(1, np.int32) for r in self._regions]
        self.region_cells = (
            np.concatenate(parts).astype(np.int64) if parts else np.zeros(1, dtype=np.int64)
        )

    # ------------------------------------------------------------------ lookups

    def spot(self, slot: np.ndarray, key: np.ndarray) -> np.ndarray:
        """A cell of each slot's region chosen by `key` (a per-citizen hash): flat cell index."""
        start = self.region_start[slot]
        return self.region_cells[start + key % self.region_len[slot]]
