"""Synthesise the game's sound effects and ambient loop with numpy (deterministic).

Re-running reproduces the committed WAV files byte for byte:
    python tools/make_sounds.py
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "assets" / "sound"


def _t(seconds: float) -> np.ndarray:
    return np.arange(int(RATE * seconds)) / RATE


def _env(n: int, attack: float = 0.01, release: float = 0.2) -> np.ndarray:
    a = max(1, min(n // 2, int(RATE * attack)))
    r = max(1, min(n - a, int(RATE * release)))
    e = np.ones(n)
    e[:a] = np.linspace(0, 1, a)
    e[-r:] *= np.linspace(1, 0, r)
    return e


def tone(freq: float, seconds: float, kind: str = "sine", attack: float = 0.01,
         release: float = 0.15) -> np.ndarray:
    t = _t(seconds)
    phase = 2 * np.pi * freq * t
    if kind == "sine":
        w = np.sin(phase)
    elif kind == "square":
        w = np.sign(np.sin(phase)) * 0.5
    elif kind == "saw":
        w = 2 * (t * freq - np.floor(0.5 + t * freq)) * 0.6
    else:
        raise ValueError(kind)
    return w * _env(len(t), attack, release)


def seq(*parts: np.ndarray, gap: float = 0.0) -> np.ndarray:
    g = np.zeros(int(RATE * gap))
    out = []
    for p in parts:
        out += [p, g]
    return np.concatenate(out)


def mix(*parts: np.ndarray) -> np.ndarray:
    n = max(len(p) for p in parts)
    out = np.zeros(n)
    for p in parts:
        out[: len(p)] += p
    return out


def sounds() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(2145)
    noise = rng.uniform(-1, 1, int(RATE * 1.2))
    click = tone(1800, 0.05, "sine", 0.001, 0.04) * 0.6
    rally = seq(tone(220, 0.25, "saw"), tone(196, 0.25, "saw"), tone(174.6, 0.5, "saw"), gap=0.05)
    event = seq(tone(523.3, 0.12), tone(659.3, 0.12), tone(784, 0.3), gap=0.02)
    clash_hits = noise[: int(RATE * 0.6)] * _env(int(RATE * 0.6), 0.002, 0.5) * 0.7
    clash = mix(clash_hits, tone(110, 0.6, "square", 0.002, 0.4) * 0.5)
    recruit = seq(tone(440, 0.1), tone(554.4, 0.1), tone(659.3, 0.1), tone(880, 0.35), gap=0.01)
    won = seq(*(tone(f, 0.18) for f in (523.3, 659.3, 784, 1046.5)), tone(1046.5, 0.6), gap=0.02)
    lost = seq(tone(392, 0.3, "saw"), tone(349.2, 0.3, "saw"), tone(311.1, 0.3, "saw"),
               tone(261.6, 0.8, "saw"), gap=0.03)
    # ambient: a slow neon pad (two detuned chords), 8 s, ends where it starts (seamless loop)
    t = _t(8.0)
    lfo = 0.5 + 0.5 * np.sin(2 * np.pi * t / 8.0)
    pad = sum(np.sin(2 * np.pi * f * t) for f in (110, 110.5, 164.8, 220.3, 277.2))
    pad2 = sum(np.sin(2 * np.pi * f * t) for f in (98, 146.8, 196.4, 246.9))
    ambient = (pad * lfo + pad2 * (1 - lfo)) / 6.0 * 0.5
    return {"click": click, "rally_announced": rally, "event_starts": event, "clash": clash,
            "recruit": recruit, "won": won, "lost": lost, "ambient": ambient}


def write_wav(path: Path, samples: np.ndarray) -> None:
    peak = float(np.max(np.abs(samples))) or 1.0
    data = (samples / peak * 0.8 * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data.tobytes())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, samples in sounds().items():
        write_wav(OUT / f"{name}.wav", samples)
        print(f"wrote {OUT / name}.wav ({len(samples) / RATE:.2f} s)")


if __name__ == "__main__":
    main()
