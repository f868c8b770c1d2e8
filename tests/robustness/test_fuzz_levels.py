"""Property-based robustness of the level loader: mutated copies of the shipped maps (truncated,
garbage bytes, huge dimensions, deep nesting, bad attributes and properties) give a loaded level
or a `LevelError` naming the file — never another exception, a hang or unbounded memory."""

from __future__ import annotations

import re
import resource
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.level import LevelError, load_level
from game.level.validator import validate
from tests.conftest import ROOT

SHIPPED = sorted((ROOT / "levels").glob("*.tmx"))
SMALL = [p for p in SHIPPED if "sandbox" not in p.name]  # the sandbox is slow to mutate often
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")


def _absolute_sources(text: str) -> str:
    """Point the copy's tilesets at the shipped ones, so mutations reach past the tilesets."""
    return re.sub(r'source="\.\./assets/', f'source="{ROOT}/assets/', text)


def _load(tmp_path_factory, text: str | bytes) -> None:
    path = tmp_path_factory.mktemp("lv") / "mutant.tmx"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(text)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, hard))  # a runaway allocation fails here
    try:
        level = load_level(path)
        validate(level)
    except LevelError as exc:
        assert str(path) in str(exc)
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


_TEXTS = {p.name: _absolute_sources(p.read_text()) for p in SMALL}


@pytest.fixture(scope="module")
def texts():
    return _TEXTS


def test_deep_nesting_is_refused_by_name(tmp_path_factory):
    text = _TEXTS[sorted(_TEXTS)[0]].replace("</map>", "<group>" * 500 + "</group>" * 500 + "</map>")
    path = tmp_path_factory.mktemp("deep") / "deep.tmx"
    path.write_text(text)
    with pytest.raises(LevelError, match=r"deep.tmx: nests its XML 65 levels deep \(at most 64"):
        load_level(path)


def test_unmutated_copies_load(texts, tmp_path_factory):
    for text in texts.values():
        path = tmp_path_factory.mktemp("ok") / "copy.tmx"
        path.write_text(text)
        assert load_level(path).width >= 100


@FUZZ
@given(data=st.data())
def test_truncated_and_garbage_bytes(texts, tmp_path_factory, data):
    raw = bytearray(texts[data.draw(st.sampled_from(sorted(texts)))].encode())
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    for _ in range(data.draw(st.integers(0, 6))):
        i = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        raw[i:i + 1] = data.draw(st.binary(min_size=0, max_size=8))
    _load(tmp_path_factory, bytes(raw))


@FUZZ
@given(data=st.data())
def test_huge_and_bad_dimensions(texts, tmp_path_factory, data):
    text = texts[data.draw(st.sampled_from(sorted(texts)))]
    attr = data.draw(st.sampled_from(["width", "height", "tilewidth", "tileheight"]))
    value = data.draw(st.one_of(st.integers(-10, 2**40).map(str), st.text(max_size=6)))
    scope = data.draw(st.sampled_from(["map", "layer"]))
    pattern = rf'(<{scope}\b[^>]*\b{attr}=")[^"]*(")'
    text = re.sub(pattern, lambda m: m.group(1) + value.replace('"', "") + m.group(2), text,
                  count=1)
    _load(tmp_path_factory, text)


@FUZZ
@given(depth=st.integers(1, 3000), kind=st.sampled_from(["group", "objectgroup", "properties"]))
def test_deep_nesting(texts, tmp_path_factory, depth, kind):
    text = texts[sorted(texts)[0]]
    opening = f"<{kind}>" * depth
    closing = f"</{kind}>" * depth
    text = text.replace("</map>", f"{opening}{closing}</map>")
    _load(tmp_path_factory, text)


@FUZZ
@given(data=st.data())
def test_bad_attributes_and_properties(texts, tmp_path_factory, data):
    root = ET.fromstring(texts[data.draw(st.sampled_from(sorted(texts)))])
    elements = [e for e in root.iter() if e.tag != "data"]
    for _ in range(data.draw(st.integers(1, 4))):
        el = data.draw(st.sampled_from(elements))
        names = [*el.attrib, "id", "type", "class", "name", "value", "x", "y", "points",
                 "source", "encoding", "compression", "infinite", "orientation"]
        name = data.draw(st.sampled_from(names))
        value = data.draw(st.one_of(
            st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
            st.integers(-(2**63), 2**63).map(str), st.sampled_from(["nan", "inf", "-1", "1e309",
                                                                     "../../etc/passwd"]),
        ))
        el.set(name, value)
    _load(tmp_path_factory, ET.tostring(root, encoding="unicode"))
