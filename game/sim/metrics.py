"""City metrics as hourly time series (support, traction, credits...), plus the latest values."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class MetricsHistory:
    """`ticks[i]` is when sample i was taken; `series[name][i]` its value (NaN-free floats)."""

    ticks: list[int] = field(default_factory=list)
    series: dict[str, list[float]] = field(default_factory=dict)

    def record(self, tick: int, values: dict[str, float]) -> None:
        n = len(self.ticks)
        self.ticks.append(tick)
        for name, v in values.items():
            col = self.series.setdefault(name, [0.0] * n)
            col.append(float(v))
        for col in self.series.values():  # a metric missing this hour repeats its last
            if len(col) < n + 1:
                col.append(col[-1] if col else 0.0)

    def latest(self) -> dict[str, float]:
        return {name: col[-1] for name, col in self.series.items() if col}

    def to_dict(self) -> dict[str, object]:
        return {"ticks": list(self.ticks), "series": {k: list(v) for k, v in self.series.items()}}
