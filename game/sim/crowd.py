"""The citizens: one struct of numpy arrays (not ECS entities).

Capacity-sized arrays with `n` live rows at the front; `arrays()` returns the live views in a
fixed order, which `state_hash` and saves use. Every array is per citizen, row i is one citizen.

**Rows are not stable; uids are.** Rows move when citizens are removed (`remove`: swap-remove)
and when the crowd is re-sorted by grid cell (`reorder`, run by the `crowd_sort` system at the
very start of a tick every `balance.crowd.sort_interval` ticks, so citizens who stand near each
other sit near each other in memory and every gather over the map is faster). A row index is
therefore valid only within the tick it was computed in. Anything that remembers citizens across
ticks -- the studio's queue and chairs, a UI selection -- keeps their **uids** and turns them into
rows with `rows_of(uids)` when it needs them. After a reorder, `reorder_count` has grown and
`last_order` holds the permutation (new row i was old row `last_order[i]`), so a renderer can
re-index positions it kept from the previous tick.

`pos` and `vel` are float32 [capacity, 2] (x, y in tiles) as the contract says; they are views
on x-row / y-row storage, so `x`, `y`, `vx`, `vy` are contiguous per-axis views of the same data
(assign into them, never rebind them).

Influence log: each citizen keeps the last `LOG_SLOTS` sources that moved its opinion
(`log_source`: an attractor's entity id, or `PEERS`, `MEDIA`, `SMILES`; `NO_SOURCE` when empty),
how much in total (`log_delta`, opinion units) and the tick of the latest change (`log_tick`).
A source already in the log adds to its entry; a new source replaces the oldest entry.
`influence_log(row)` reads it newest first, for the UI's "why" panel.

Movement: `goal` is where the citizen walks or last walked to: an index into the level's fixed
destinations (`Navigation`: homes 0..H-1, then day zones H..H+D-1), `GOAL_ATTRACTOR` for a
rally or event (then `attending` holds its entity id) or `GOAL_STUDIO`. Whoever changes a
citizen's state sets its goal (the routine, attraction, `send_to_studio`, `release`). Flow fields
are derived from the level alone (`navigation(level)` builds them on first use, also after a
save is loaded), never saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from game.level.loader import LevelError
from game.sim.flowfield import DIR_DX, DIR_DY, FlowFields, disc_region, rect_region

if TYPE_CHECKING:
    from game.level.loader import LevelData, LevelObject
    from game.sim.attractors import AttractorTable
    from game.sim.balance import Balance

# State codes (the contract between the crowd systems and the gameplay systems).
AT_HOME = 0  # at home (night, or not gone out yet)
TO_DAY = 1  # walking to the day zone
AT_DAY = 2  # at the day zone (work, market, plaza)
TO_HOME = 3  # walking home
TO_ATTRACTOR = 4  # diverted to a rally / event (`attending` holds its entity id)
ATTENDING = 5  # standing at a rally / event (`attending` holds its entity id)
TO_STUDIO = 6  # a customer walking to the studio (set by the studio system via send_to_studio)
AT_STUDIO = 7  # arrived at the studio: the studio system queues, serves or turns them away
IN_STUDIO = 8  # queued or in a chair: the crowd does not move them until released
STATE_NAMES = (
    "at home",
    "to work",
    "at work",
    "going home",
    "drawn to an event",
    "attending",
    "to the studio",
    "at the studio",
    "in the studio",
)
N_STATES = len(STATE_NAMES)

# Lookup tables by state code.
WALKING = np.zeros(N_STATES, dtype=bool)  # the states in which the crowd moves a citizen
WALKING[[TO_DAY, TO_HOME, TO_ATTRACTOR, TO_STUDIO]] = True
ARRIVED = np.arange(N_STATES, dtype=np.uint8)  # the state a walker takes on arrival
ARRIVED[[TO_DAY, TO_HOME, TO_ATTRACTOR, TO_STUDIO]] = [AT_DAY, AT_HOME, ATTENDING, AT_STUDIO]
ROUTINE = np.zeros(N_STATES, dtype=bool)  # following the daily routine (may be drawn away)
ROUTINE[[AT_HOME, TO_DAY, AT_DAY, TO_HOME]] = True

# Influence log sources that are not attractors (attractor sources are entity ids, >= 1).
NO_SOURCE = 0
PEERS = -1  # the hourly pull toward the citizens around
MEDIA = -2  # the Pure Smiles' media drift
SMILES = -3  # customized smiles seen nearby
SOURCE_NAMES = {PEERS: "peers", MEDIA: "Pure Smiles media", SMILES: "smiles seen nearby"}
LOG_SLOTS = 6
LOG_MIN_DELTA = 1e-4  # smaller changes are applied but not logged

GOAL_ATTRACTOR = -1  # `goal` of a citizen heading to / at the rally or event in `attending`
GOAL_STUDIO = -2  # `goal` of a customer

INCOME_BANDS = ("low", "middle", "high")
DEFAULT_TRIBE = "drifters"  # docs/contracts.md defaults for district properties
DEFAULT_INCOME = "middle"


def spot_key(uid: np.ndarray) -> np.ndarray:
    """A well-mixed non-negative int per citizen: picks its own spot inside a destination."""
    return ((uid.astype(np.int64) * 2654435761) >> 11) & 0xFFFFF


class Crowd:
    """Struct of arrays for up to `capacity` citizens."""

    def __init__(self, capacity: int) -> None:
        self.capacity = int(capacity)
        self.n = 0
        self.next_uid = 0
        c = self.capacity
        self.uid = np.zeros(c, dtype=np.int64)
        self._xy = np.zeros((2, c), dtype=np.float32)
        self._vxy = np.zeros((2, c), dtype=np.float32)
        self.pos = self._xy.T  # [c, 2] tiles, x/y (a view: x and y rows are contiguous)
        self.vel = self._vxy.T  # [c, 2] tiles per tick
        self.x, self.y = self._xy[0], self._xy[1]
        self.vx, self.vy = self._vxy[0], self._vxy[1]
        self.state = np.zeros(c, dtype=np.uint8)
        self.home = np.zeros(c, dtype=np.int32)  # index into Navigation.homes
        self.day_zone = np.zeros(c, dtype=np.int32)  # index into Navigation.day_zones
        self.goal = np.zeros(c, dtype=np.int32)  # destination index or GOAL_ATTRACTOR/STUDIO
        self.tribe = np.zeros(c, dtype=np.uint8)  # index in sorted(balance.tribes)
        self.opinion = np.zeros(c, dtype=np.float32)
        self.income = np.zeros(c, dtype=np.uint8)  # 0 low, 1 middle, 2 high
        self.district = np.full(c, -1, dtype=np.int16)  # index into level.districts, -1 none
        self.customized = np.zeros(c, dtype=bool)
        self.advocate = np.zeros(c, dtype=bool)
        self.attending = np.full(c, -1, dtype=np.int64)  # entity id of the rally/event, -1 none
        self.cell = np.zeros(c, dtype=np.int32)  # flat map cell (y * width + x) of pos
        self.speed = np.zeros(c, dtype=np.float32)  # walking speed, tiles per tick
        self.leave_minute = np.zeros(c, dtype=np.int16)  # minute of day the citizen goes out
        self.return_minute = np.zeros(c, dtype=np.int16)  # ... and heads home (equal: stays in)
        self.log_source = np.zeros((c, LOG_SLOTS), dtype=np.int32)
        self.log_delta = np.zeros((c, LOG_SLOTS), dtype=np.float32)
        self.log_tick = np.full((c, LOG_SLOTS), -1, dtype=np.int32)
        self.reorder_count = 0
        self.last_order: np.ndarray | None = None
        self._row_of_uid: np.ndarray | None = None
        self._nav: Navigation | None = None

    _FIELDS = (
        "uid",
        "pos",
        "vel",
        "state",
        "home",
        "tribe",
        "opinion",
        "income",
        "district",
        "customized",
        "advocate",
        "attending",
        "day_zone",
        "goal",
        "cell",
        "speed",
        "leave_minute",
        "return_minute",
        "log_source",
        "log_delta",
        "log_tick",
    )

    # ------------------------------------------------------------------ contract

    def send_to_studio(self, idx: np.ndarray) -> None:
        """Make citizens `idx` customers walking to the studio (state TO_STUDIO)."""
        self.state[idx] = TO_STUDIO
        self.goal[idx] = GOAL_STUDIO
        self.attending[idx] = -1

    def release(self, idx: np.ndarray) -> None:
        """Hand citizens `idx` back to their daily routine (after the studio or an event).

        They head home; during their day window the routine turns them to their day zone.
        """
        self.state[idx] = TO_HOME
        self.goal[idx] = self.home[idx]
        self.attending[idx] = -1

    def arrays(self) -> dict[str, np.ndarray]:
        """The live rows of every per-citizen array, by name (fixed order)."""
        return {name: getattr(self, name)[: self.n] for name in self._FIELDS}

    # ------------------------------------------------------------------ rows and uids

    def rows_of(self, uids: np.ndarray) -> np.ndarray:
        """Current rows of the citizens with these uids (-1 for a uid no longer in the crowd)."""
        u = np.asarray(uids, dtype=np.int64)
        table = self._row_of_uid
        if table is None or len(table) != self.next_uid:
            table = np.full(self.next_uid, -1, dtype=np.int64)
            table[self.uid[: self.n]] = np.arange(self.n)
            self._row_of_uid = table
        ok = (u >= 0) & (u < len(table))
        out = np.full(u.shape, -1, dtype=np.int64)
        out[ok] = table[u[ok]]
        return out

    def reorder(self, order: np.ndarray) -> None:
        """Permute the live rows: new row i is old row `order[i]` (a permutation of 0..n-1)."""
        n = self.n
        order = np.asarray(order, dtype=np.int64)
        self._xy[:, :n] = self._xy[:, order]
        self._vxy[:, :n] = self._vxy[:, order]
        for name in self._FIELDS:
            if name in ("pos", "vel"):
                continue
            a = getattr(self, name)
            a[:n] = a[order]
        self.reorder_count += 1
        self.last_order = order
        self._row_of_uid = None

    def remove(self, rows: np.ndarray) -> None:
        """Remove citizens (swap-remove: the last live rows move into the holes)."""
        rows = np.unique(np.asarray(rows, dtype=np.int64))
        rows = rows[(rows >= 0) & (rows < self.n)]
        if not len(rows):
            return
        n_new = self.n - len(rows)
        keep = np.ones(self.n, dtype=bool)
        keep[rows] = False
        holes = rows[rows < n_new]
        movers = np.nonzero(keep[n_new:])[0] + n_new
        self._xy[:, holes] = self._xy[:, movers]
        self._vxy[:, holes] = self._vxy[:, movers]
        for name in self._FIELDS:
            if name in ("pos", "vel"):
                continue
            a = getattr(self, name)
            a[holes] = a[movers]
        self.n = n_new
        self._row_of_uid = None

    # ------------------------------------------------------------------ influence log

    def log_influence(
        self, rows: np.ndarray, source: np.ndarray | int, delta: np.ndarray, tick: int
    ) -> None:
        """Record that `source` moved the opinion of citizens `rows` by `delta` (vectorised)."""
        delta = np.asarray(delta, dtype=np.float32)
        big = np.abs(delta) >= LOG_MIN_DELTA
        if not big.all():
            rows, delta = rows[big], delta[big]
            if not np.isscalar(source):
                source = np.asarray(source)[big]
        if not len(rows):
            return
        src = np.asarray(source, dtype=np.int32)
        logged = self.log_source.take(rows, axis=0)
        hit = logged == (src[:, None] if src.ndim else src)
        has = hit.any(axis=1)
        slot = np.where(has, hit.argmax(axis=1), self.log_tick.take(rows, axis=0).argmin(axis=1))
        flat = rows * LOG_SLOTS + slot
        deltas = self.log_delta.reshape(-1)
        deltas[flat] = np.where(has, deltas.take(flat) + delta, delta)
        self.log_source.reshape(-1)[flat] = src
        self.log_tick.reshape(-1)[flat] = tick

    def influence_log(self, row: int) -> list[tuple[int, float, int]]:
        """(source, total delta, last tick) of one citizen's logged influences, newest first."""
        order = np.argsort(-self.log_tick[row], kind="stable")
        return [
            (
                int(self.log_source[row, k]),
                float(self.log_delta[row, k]),
                int(self.log_tick[row, k]),
            )
            for k in order
            if self.log_source[row, k] != NO_SOURCE
        ]

    # ------------------------------------------------------------------ level

    def navigation(self, level: LevelData) -> Navigation:
        """The level's destinations and flow fields (built on first use; derived, not saved)."""
        if self._nav is None:
            self._nav = Navigation(level)
        return self._nav

    def refresh_cells(self, width: int) -> None:
        """Recompute `cell` from `pos` (after positions were written from outside)."""
        n = self.n
        self.cell[:n] = self.y[:n].astype(np.int32) * width + self.x[:n].astype(np.int32)

    def spawn(self, level: LevelData, balance: Balance, rng: np.random.Generator) -> None:
        """Fill the crowd from the level: split over homes, tribe and income from districts.

        The population (map property, else the balance default, at most the capacity) is split
        over the homes by their `residents` weight. A citizen's tribe and income band are its
        home district's with probability `crowd.district_tribe_share` / `district_income_share`,
        any other otherwise; its opinion is its tribe's baseline plus seeded noise. Each citizen
        gets a day zone (weighted by zone weight and nearness), staggered times to go out and come
        back, and a walking speed.
        """
        nav = self.navigation(level)
        cb, rb = balance.crowd, balance.routine
        population = int(level.prop("population", cb.default_population))
        population = max(0, min(population, self.capacity))
        tribe_names = sorted(balance.tribes)
        n_tribes = len(tribe_names)
        d_tribe, d_income = district_traits(level, tribe_names)
        homes = nav.homes
        weights = np.array([h.weight for h in homes], dtype=np.float64)
        weights = (
            weights / weights.sum() if weights.sum() > 0 else np.full(len(homes), 1 / len(homes))
        )
        counts = rng.multinomial(population, weights)
        home = np.repeat(np.arange(len(homes), dtype=np.int32), counts)

        # a random walkable cell of the home's region, a random point inside it
        slots = home.astype(np.int64)
        pick = (rng.random(population) * nav.fields.region_len[slots]).astype(np.int64)
        cell = nav.fields.region_cells[nav.fields.region_start[slots] + pick]
        off = rng.uniform(0.15, 0.85, size=(population, 2)).astype(np.float32)
        w = level.width
        px = (cell % w).astype(np.float32) + off[:, 0]
        py = (cell // w).astype(np.float32) + off[:, 1]

        home_district = np.array([h.district for h in homes], dtype=np.int16)
        dist_of = home_district[home]
        has_d = dist_of >= 0
        dt = d_tribe[np.maximum(dist_of, 0)] if len(d_tribe) else np.zeros(population, np.int64)
        di = d_income[np.maximum(dist_of, 0)] if len(d_income) else np.ones(population, np.int64)
        u_t = rng.random(population)
        any_tribe = rng.integers(0, n_tribes, size=population)
        tribe = np.where(has_d & (u_t < cb.district_tribe_share), dt, any_tribe)
        u_i = rng.random(population)
        any_income = rng.integers(0, 3, size=population)
        income = np.where(has_d & (u_i < cb.district_income_share), di, any_income)
        baselines = np.array([balance.tribes[t].baseline for t in tribe_names], dtype=np.float32)
        noise = rng.normal(0.0, cb.opinion_noise, size=population).astype(np.float32)
        opinion = np.clip(baselines[tribe] + noise, -1.0, 1.0)

        # day zone: weight x nearness to the home, drawn per home (a loop over homes, not people)
        zones = nav.day_zones
        zc = np.array([z.center for z in zones], dtype=np.float64)
        zw = np.array([z.weight for z in zones], dtype=np.float64)
        u_z = rng.random(population)
        day_zone = np.zeros(population, dtype=np.int32)
        start = 0
        for hi, hcount in enumerate(counts):
            if hcount:
                hx, hy = homes[hi].center
                d = np.hypot(zc[:, 0] - hx, zc[:, 1] - hy)
                p = zw * np.exp(-d / rb.commute_scale)
                if p.sum() <= 0:
                    p = np.ones(len(zones))
                cum = np.cumsum(p / p.sum())
                sel = np.searchsorted(cum, u_z[start : start + hcount], side="right")
                day_zone[start : start + hcount] = np.minimum(sel, len(zones) - 1)
            start += hcount

        leave = rng.normal(rb.leave_hour * 60, rb.leave_spread_minutes, size=population)
        back = rng.normal(rb.return_hour * 60, rb.return_spread_minutes, size=population)
        leave = np.clip(np.rint(leave), 6 * 60 + 1, 23 * 60)
        back = np.clip(np.rint(back), leave + 30, 23 * 60 + 30)
        stays = rng.random(population) < rb.stay_home_share
        back = np.where(stays, leave, back)
        spread = balance.movement.speed_spread
        speed = cb.walk_speed * (1.0 + spread * (2.0 * rng.random(population) - 1.0))

        n = population
        self.n = n
        self.uid[:n] = np.arange(n)
        self.next_uid = n
        self.x[:n], self.y[:n] = px, py
        self.vx[:n] = 0.0
        self.vy[:n] = 0.0
        self.state[:n] = AT_HOME
        self.home[:n] = home
        self.day_zone[:n] = day_zone
        self.goal[:n] = home
        self.tribe[:n] = tribe
        self.opinion[:n] = opinion
        self.income[:n] = income
        self.district[:n] = dist_of
        self.customized[:n] = False
        self.advocate[:n] = False
        self.attending[:n] = -1
        self.cell[:n] = cell
        self.speed[:n] = speed
        self.leave_minute[:n] = leave
        self.return_minute[:n] = back
        self.log_source[:n] = NO_SOURCE
        self.log_delta[:n] = 0.0
        self.log_tick[:n] = -1
        self._row_of_uid = None


# --------------------------------------------------------------------------- the level's places


@dataclass(slots=True)
class Place:
    """A fixed destination: a home, a day zone or the studio."""

    name: str
    kind: str  # home; work / market / plaza for a day zone; studio
    center: tuple[float, float]
    weight: float
    district: int  # index into level.districts, -1 none
    region: np.ndarray  # flat walkable cells


def _prop(obj: LevelObject, name: str, default: Any) -> Any:
    v = obj.properties.get(name, default)
    return default if v is None or v == "" else v


def _number(obj: LevelObject, name: str, default: float, level: LevelData) -> float:
    v = _prop(obj, name, default)
    try:
        f = float(v)
    except (TypeError, ValueError):
        raise LevelError(f"{level.path}: {obj.label()}: '{name}' = {v!r} is not a number") from None
    if not np.isfinite(f) or f < 0:
        raise LevelError(f"{level.path}: {obj.label()}: '{name}' = {v!r} must be 0 or more")
    return f


def _region_of(level: LevelData, obj: LevelObject) -> np.ndarray:
    if obj.points:
        grid = level.district_grid
        if obj.type == "district" and grid.shape == level.walkable.shape:
            idx = level.districts.index(obj)
            cells = np.flatnonzero((grid == idx) & level.walkable)
            if len(cells):
                return cells.astype(np.int32)
        xs = [p[0] for p in obj.points]
        ys = [p[1] for p in obj.points]
        return rect_region(level.walkable, min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
    if obj.width <= 0 or obj.height <= 0:  # a point object: the disc around it
        return disc_region(level.walkable, obj.x, obj.y, 1.5)
    return rect_region(level.walkable, obj.x, obj.y, obj.width, obj.height)


def _district_of(level: LevelData, region: np.ndarray) -> int:
    grid = level.district_grid
    if grid.shape != level.walkable.shape or not len(region):
        return -1
    labels = grid.ravel()[region]
    labels = labels[labels >= 0]
    return int(np.bincount(labels).argmax()) if len(labels) else -1


def district_traits(level: LevelData, tribe_names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(tribe index, income band) of every district, from its properties (contract defaults)."""
    tribes, incomes = [], []
    for d in level.districts:
        t = str(_prop(d, "tribe", DEFAULT_TRIBE))
        if t not in tribe_names:
            raise LevelError(
                f"{level.path}: {d.label()}: tribe '{t}' is not one of: {', '.join(tribe_names)}"
            )
        inc = str(_prop(d, "income", DEFAULT_INCOME))
        if inc not in INCOME_BANDS:
            raise LevelError(
                f"{level.path}: {d.label()}: income '{inc}' is not one of: "
                f"{', '.join(INCOME_BANDS)}"
            )
        tribes.append(tribe_names.index(t))
        incomes.append(INCOME_BANDS.index(inc))
    return np.array(tribes, dtype=np.int64), np.array(incomes, dtype=np.int64)


def metric_names(names: list[str], prefix: str) -> list[str]:
    """Flat, unique metric-name parts from object names ('North Flats' -> 'north_flats')."""
    out: list[str] = []
    for i, raw in enumerate(names):
        base = re.sub(r"[^a-z0-9]+", "_", raw.lower()).strip("_") or f"{prefix}{i + 1}"
        name, k = base, 2
        while name in out:
            name, k = f"{base}_{k}", k + 1
        out.append(name)
    return out


class Navigation:
    """The level's fixed destinations and the flow-field cache over its walkable grid.

    Destination index (what `Crowd.goal` holds): homes 0..H-1, day zones H..H+D-1, the studio
    H+D. Without `home` objects the districts (else the whole map) are the homes; without
    `daytime` objects the venues (else the homes) are the day zones. Built from the level alone.
    """

    def __init__(self, level: LevelData) -> None:
        self.width, self.height = level.width, level.height
        walk = level.walkable
        self.fields = FlowFields(walk)
        homes = [
            self._place(level, o, _number(o, "residents", 1.0, level), "home")
            for o in level.of_type("home")
        ]
        if not homes:
            homes = [self._place(level, d, 1.0, "home") for d in level.districts]
        if not homes:
            everywhere = np.flatnonzero(walk).astype(np.int32)
            c = (level.width / 2, level.height / 2)
            homes = [Place("the city", "home", c, 1.0, -1, everywhere)]
        zones = [
            self._place(level, o, _number(o, "weight", 1.0, level), str(_prop(o, "kind", "work")))
            for o in level.of_type("daytime")
        ]
        if not zones:
            zones = [self._place(level, o, 1.0, "plaza") for o in level.of_type("venue")]
        if not zones:
            zones = [Place(h.name, "home", h.center, 1.0, h.district, h.region) for h in homes]
        studios = level.of_type("studio")
        if studios:
            studio = self._place(level, studios[0], 1.0, "studio")
        else:
            c = (level.width / 2, level.height / 2)
            studio = Place("studio", "studio", c, 1.0, -1, disc_region(walk, c[0], c[1], 1.5))
        self.homes, self.day_zones, self.studio_place = homes, zones, studio
        self.day_base = len(homes)
        self.studio = len(homes) + len(zones)
        self.fields.add_static([p.region for p in (*homes, *zones, studio)])
        # scratch for the movement system's density grid (padded by one cell)
        self.density_pad = np.zeros((self.height + 2, self.width + 2), dtype=np.int64)
        # per flow-field code, the offset from a cell's corner to the centre of the next cell
        self.step_to_centre = np.stack([DIR_DX, DIR_DY]) + np.float32(0.5)
        # is the neighbour to the right / left / below / above walkable (off-map counts as no)
        sides = [np.zeros_like(walk) for _ in range(4)]
        sides[0][:, :-1] = walk[:, 1:]
        sides[1][:, 1:] = walk[:, :-1]
        sides[2][:-1] = walk[1:]
        sides[3][1:] = walk[:-1]
        self.open_sides = tuple(sides)
        # [cells, 4]: the flat index of each cell's right / left / lower / upper neighbour, or
        # the cell itself where that neighbour is a wall or off the map
        own = np.arange(self.width * self.height, dtype=np.int32)
        self.neighbours = np.stack(
            [
                np.where(sides[0].ravel(), own + 1, own),
                np.where(sides[1].ravel(), own - 1, own),
                np.where(sides[2].ravel(), own + self.width, own),
                np.where(sides[3].ravel(), own - self.width, own),
            ],
            axis=1,
        )
        # attractor rows -> dynamic slots, cached per table content
        self._table_key: tuple[Any, ...] | None = None
        self.attractor_entities = np.zeros(0, dtype=np.int64)  # sorted
        self.attractor_slots = np.zeros(0, dtype=np.int64)  # slot per sorted entity
        self.attractor_ids_seen: bytes | None = None  # rally/event ids at the last dispersal
        self._reach_key: tuple[Any, ...] | None = None
        self._reach = np.full(self.width * self.height, -1, dtype=np.int16)

    @staticmethod
    def _place(level: LevelData, obj: LevelObject, weight: float, kind: str) -> Place:
        region = _region_of(level, obj)
        name = obj.name or obj.label()
        return Place(name, kind, obj.center, weight, _district_of(level, region), region)

    def attractor_slots_for(self, table: AttractorTable, gather_density: float) -> None:
        """Make sure every rally / event row has a flow field to where its crowd gathers."""
        from game.sim.attractors import STUDIO

        key = (
            table.entity.tobytes(),
            table.kind.tobytes(),
            table.x.tobytes(),
            table.y.tobytes(),
            table.capacity.tobytes(),
            float(gather_density),
        )
        if key == self._table_key:
            return
        self._table_key = key
        rows = (table.kind != STUDIO).nonzero()[0]
        ents, slots, keep = [], [], set()
        for r in rows:
            x, y = float(table.x[r]), float(table.y[r])
            if not (np.isfinite(x) and np.isfinite(y)):  # a broken row draws nobody anywhere
                continue
            radius = gather_radius(int(table.capacity[r]), gather_density)
            k = ("gather", round(x * 4), round(y * 4), round(radius * 4))
            keep.add(k)
            slots.append(self.fields.slot(k, disc_region(self.fields.walkable, x, y, radius)))
            ents.append(int(table.entity[r]))
        self.fields.release_unused(keep)
        order = np.argsort(np.array(ents, dtype=np.int64), kind="stable")
        self.attractor_entities = np.array(ents, dtype=np.int64)[order]
        self.attractor_slots = np.array(slots, dtype=np.int64)[order]

    def reach_grid(self, table: AttractorTable) -> np.ndarray:
        """Per map cell, the rally / event row whose reach covers it (the strongest pull where
        reaches overlap, the first row on a tie), -1 for none. Cached per table geometry."""
        from game.sim.attractors import STUDIO

        key = (
            table.kind.tobytes(),
            table.x.tobytes(),
            table.y.tobytes(),
            table.radius.tobytes(),
            table.pull.tobytes(),
        )
        if key == self._reach_key:
            return self._reach
        self._reach_key = key
        w, h = self.width, self.height
        reach = np.full((h, w), -1, dtype=np.int16)
        best = np.full((h, w), -np.inf, dtype=np.float32)
        for r in (table.kind != STUDIO).nonzero()[0]:
            x, y, rad = float(table.x[r]), float(table.y[r]), float(table.radius[r])
            if not (np.isfinite(x) and np.isfinite(y) and np.isfinite(rad)) or rad <= 0:
                continue
            rad = min(rad, float(w + h))
            x0, x1 = max(int(x - rad - 1), 0), min(int(x + rad + 1), w - 1)
            y0, y1 = max(int(y - rad - 1), 0), min(int(y + rad + 1), h - 1)
            if x1 < x0 or y1 < y0:
                continue
            ys, xs = np.mgrid[y0 : y1 + 1, x0 : x1 + 1]
            inside = (xs + 0.5 - x) ** 2 + (ys + 0.5 - y) ** 2 <= rad * rad
            sub_best = best[y0 : y1 + 1, x0 : x1 + 1]
            win = inside & (table.pull[r] > sub_best)
            sub_best[win] = table.pull[r]
            reach[y0 : y1 + 1, x0 : x1 + 1][win] = r
        self._reach = reach.ravel()
        return self._reach

    def slot_of_entity(self, entity: np.ndarray, fallback: np.ndarray) -> np.ndarray:
        """Flow-field slot of each attractor entity id (`fallback` where it has no row)."""
        ents = self.attractor_entities
        if not len(ents):
            return fallback
        i = np.minimum(np.searchsorted(ents, entity), len(ents) - 1)
        return np.where(ents[i] == entity, self.attractor_slots[i], fallback)


def gather_radius(capacity: int, density: float) -> float:
    """Radius (tiles) of the disc where `capacity` people stand at `density` people per tile."""
    return max(1.5, float(np.sqrt(max(capacity, 1) / (max(density, 1e-3) * np.pi))))
