"""City metrics from the crowd, sampled every in-game hour (a source of `systems.metrics`).

Names (flat, as objectives and graphs use them):

- `support.district.<name>`, `traction.district.<name>`, `mean_opinion.district.<name>` for
  every district (by the citizen's home district; `<name>` is the district's name in lower case
  with non-alphanumerics as `_`), and the same with `.tribe.<tribe>` for every tribe;
- `attendance.rallies`, `attendance.events`: citizens standing at rallies / counter-events now;
  `attendance.rally.<entity id>`, `attendance.event.<entity id>` per active one (0 the hour
  after it ended, then it repeats, as missing metrics do);
- `equity_index`: customization rate of the low income band over the high band's, at most 1
  (1 when the high band has none: nobody is behind);
- `cohesion`: 1 - (highest tribe mean opinion - lowest) / 2: 1 when every tribe thinks alike,
  0 when two tribes sit at opposite ends.

The overall `support`, `traction`, `mean_opinion` stay in `systems.metrics.opinion_metrics`.

Reads: crowd opinion/district/tribe/income/customized/state, sim.attractors, level districts.
Writes: nothing (returns values). Phase: metrics (last in the day).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.sim.attractors import EVENT, RALLY
from game.sim.crowd import metric_names

if TYPE_CHECKING:
    from game.sim.simulation import Simulation

SUPPORT_THRESHOLD = 0.2  # DESIGN section 4: support o > 0.2, traction o < -0.2


def _grouped(prefix: str, names: list[str], group: np.ndarray, o: np.ndarray) -> dict[str, float]:
    k = len(names)
    out: dict[str, float] = {}
    if not k:
        return out
    ok = (group >= 0) & (group < k)
    g = group[ok].astype(np.int64)
    ov = o[ok]
    count = np.bincount(g, minlength=k)
    sup = np.bincount(g[ov > SUPPORT_THRESHOLD], minlength=k)
    tra = np.bincount(g[ov < -SUPPORT_THRESHOLD], minlength=k)
    tot = np.bincount(g, weights=ov, minlength=k)
    for i, name in enumerate(names):
        c = max(int(count[i]), 1)
        out[f"support.{prefix}.{name}"] = float(sup[i]) / c
        out[f"traction.{prefix}.{name}"] = float(tra[i]) / c
        out[f"mean_opinion.{prefix}.{name}"] = float(tot[i]) / c
    return out


def source(sim: Simulation) -> dict[str, float]:
    crowd = sim.crowd
    n = crowd.n
    o = crowd.opinion[:n]
    out: dict[str, float] = {}
    districts = metric_names([d.name for d in sim.level.districts], "district")
    out.update(_grouped("district", districts, crowd.district[:n], o))
    tribes = sorted(sim.balance.tribes)
    out.update(_grouped("tribe", tribes, crowd.tribe[:n], o))

    # equity: customization rate, low band over high band
    per = np.bincount(crowd.income[:n].astype(np.int64) * 2 + crowd.customized[:n], minlength=6)
    low_rate = per[1] / max(per[0] + per[1], 1)
    high_rate = per[5] / max(per[4] + per[5], 1)
    out["equity_index"] = 1.0 if high_rate <= 0 else float(min(low_rate / high_rate, 1.0))

    # cohesion: how close the tribes' mean opinions are
    t = crowd.tribe[:n].astype(np.int64)
    cnt = np.bincount(t, minlength=len(tribes))
    means = np.bincount(t, weights=o, minlength=len(tribes))[cnt > 0] / cnt[cnt > 0]
    spread = float(means.max() - means.min()) if len(means) else 0.0
    out["cohesion"] = max(0.0, 1.0 - spread / 2.0)

    # attendance now
    table = sim.attractors
    rallies = events = 0
    seen: set[str] = set()
    for r in range(len(table)):
        kind = int(table.kind[r])
        if kind not in (RALLY, EVENT):
            continue
        a = int(table.attendance[r]) if r < len(table.attendance) else 0
        name = f"attendance.{'rally' if kind == RALLY else 'event'}.{int(table.entity[r])}"
        out[name] = float(a)
        seen.add(name)
        if kind == RALLY:
            rallies += a
        else:
            events += a
    for name in sim.metrics.latest():  # ended since the last sample: 0 from now on
        if name.startswith(("attendance.rally.", "attendance.event.")) and name not in seen:
            out[name] = 0.0
    out["attendance.rallies"] = float(rallies)
    out["attendance.events"] = float(events)
    return out
