"""Property-based robustness: random and mutated input to every parser gives a clear error or a
valid result — never another exception, a hang or unbounded memory.

Targets here: every command's `from_dict` (and `apply` of whatever parses), the balance file and
its overrides, the save loader (byte-level and JSON-level mutations), the replay reader.
"""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.headless.replay import ReplayError, read_replay, write_replay
from game.sim.balance import DEFAULT_BALANCE_PATH, Balance, BalanceError, load_balance
from game.sim.commands import COMMANDS, Command, CommandError
from game.sim.savegame import LoadResult, SaveError, load_game, save_game
from game.sim.simulation import Simulation

pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


@st.composite
def command_dicts(draw):
    kind = draw(st.one_of(st.sampled_from(sorted(COMMANDS)), st.text(max_size=12)))
    data = {"type": kind}
    cls = COMMANDS.get(kind)
    if cls is not None:
        import dataclasses

        for f in dataclasses.fields(cls):
            if draw(st.integers(0, 9)) > 0:
                data[f.name] = draw(json_values)
    extra = draw(st.dictionaries(st.text(max_size=6), json_values, max_size=2))
    if draw(st.booleans()):
        data.update(extra)
    return data


@pytest.fixture
def fuzz_sim(sample_level, balance):
    sim = Simulation(sample_level, balance, 0)
    yield sim
    sim.close()


@FUZZ
@given(data=command_dicts())
def test_command_from_dict_gives_command_or_error(data, fuzz_sim):
    try:
        cmd = Command.from_dict(data)
    except CommandError as exc:
        assert str(exc)
        return
    assert isinstance(cmd, Command)
    assert Command.from_dict(json.loads(json.dumps(cmd.to_dict()))) == cmd
    reason = fuzz_sim.apply(cmd)  # a rejection is a message, never an exception
    assert reason is None or isinstance(reason, str)


@FUZZ
@given(data=json_values)
def test_command_from_arbitrary_json(data):
    try:
        Command.from_dict(data)
    except CommandError:
        pass


SHIPPED = DEFAULT_BALANCE_PATH.read_text()


@FUZZ
@given(cut=st.integers(0, len(SHIPPED)), junk=st.text(max_size=20),
       pos=st.integers(0, len(SHIPPED)))
def test_mutated_balance_file(tmp_path_factory, cut, junk, pos):
    text = SHIPPED[:pos] + junk + SHIPPED[pos:cut] if cut > pos else SHIPPED[:cut] + junk
    p = tmp_path_factory.mktemp("bal") / "balance.toml"
    p.write_text(text)
    try:
        assert isinstance(load_balance(p), Balance)
    except BalanceError as exc:
        assert str(p) in str(exc)


@FUZZ
@given(key=st.text(max_size=30), value=st.text(max_size=30))
def test_random_overrides(key, value):
    try:
        load_balance(None, {key: value})
    except BalanceError as exc:
        assert str(exc)


@pytest.fixture(scope="module")
def saved(tmp_path_factory, sample_level, balance):
    sim = Simulation(sample_level, balance, 0)
    sim.run_ticks(20)
    path = save_game(sim, tmp_path_factory.mktemp("save") / "base.zip")
    sim.close()
    return path.read_bytes(), sample_level


def _try_load(path, level):
    try:
        result = load_game(path, level=level)
    except SaveError as exc:
        assert str(path) in str(exc)
        return
    assert isinstance(result, LoadResult)
    result.sim.close()


@FUZZ
@given(data=st.data())
def test_byte_mutated_saves(saved, data, tmp_path_factory):
    blob, level = saved
    b = bytearray(blob)
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(b) - 1))
        b[i] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        b = b[: data.draw(st.integers(0, len(b)))]
    p = tmp_path_factory.mktemp("m") / "mut.zip"
    p.write_bytes(bytes(b))
    _try_load(p, level)


def _paths(obj, prefix=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield (*prefix, k)
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj[:3]):
            yield (*prefix, i)
            yield from _paths(v, (*prefix, i))


@FUZZ
@given(data=st.data())
def test_json_mutated_saves(saved, data, tmp_path_factory):
    blob, level = saved
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        state = json.loads(zf.read("state.json"))
        npz = zf.read("crowd.npz")
    paths = list(_paths(state))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        node = state
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = data.draw(json_values)
        paths = list(_paths(state))
    p = tmp_path_factory.mktemp("j") / "mut.zip"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("state.json", json.dumps(state))
        zf.writestr("crowd.npz", npz)
    _try_load(p, level)


@FUZZ
@given(data=st.data())
def test_array_mutated_saves(saved, data, tmp_path_factory):
    blob, level = saved
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        state = zf.read("state.json")
        with np.load(io.BytesIO(zf.read("crowd.npz")), allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    name = data.draw(st.sampled_from(sorted(arrays)))
    choice = data.draw(st.integers(0, 3))
    a = arrays[name]
    if choice == 0:
        arrays[name] = a[: data.draw(st.integers(0, len(a)))]
    elif choice == 1:
        arrays[name] = a.astype(np.float64)
    elif choice == 2 and a.size:
        flat = a.reshape(-1).copy()
        bad = [np.nan, np.inf, -1e30, 1e30, 0, -1] if a.dtype.kind == "f" else [0, -1, 2**15, 255]
        value = data.draw(st.sampled_from(bad))
        if a.dtype.kind in "iub":
            value = np.array(value).astype(a.dtype)  # wraps like a corrupted file would
        flat[data.draw(st.integers(0, flat.size - 1))] = value
        arrays[name] = flat.reshape(a.shape)
    else:
        arrays.pop(name)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    p = tmp_path_factory.mktemp("a") / "mut.zip"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("state.json", state)
        zf.writestr("crowd.npz", buf.getvalue())
    _try_load(p, level)


@FUZZ
@given(data=st.data())
def test_mutated_replays(fuzz_sim, data, tmp_path_factory):
    base = tmp_path_factory.mktemp("r") / "base.jsonl"
    write_replay(fuzz_sim, base)
    lines = base.read_text().splitlines()
    i = data.draw(st.integers(0, len(lines) - 1))
    if data.draw(st.booleans()):
        lines[i] = json.dumps(data.draw(json_values))
    else:
        s = lines[i]
        j = data.draw(st.integers(0, len(s)))
        lines[i] = s[:j] + data.draw(st.text(max_size=5)) + s[j + 1:]
    base.write_text("\n".join(lines) + "\n")
    try:
        read_replay(base)
    except ReplayError as exc:
        assert str(base) in str(exc)
