"""Read a .tmx safely and hand pytmx a map it can parse, or raise one clear `LevelError`.

Tiled can write many things pytmx cannot read (or reads wrongly without a word). This module
parses the XML itself first and normalises it:

- refuses what is not an orthogonal Tiled map (malformed XML, JSON maps, tilesets, DTDs,
  isometric / staggered / hexagonal / oblique orientations, non-square tiles);
- caps the map (at most `MAX_SIDE` x `MAX_SIDE` tiles, `MAX_FILE_BYTES` per file) **before**
  any layer data is decoded, and decompresses layer data with a hard output limit;
- infinite maps: clips them to the area their chunks use (objects shift with it);
- decodes every tile layer itself (CSV, XML `<tile>` elements, base64 raw / zlib / gzip) and
  hands pytmx plain CSV; zstd is refused with the fix to apply in Tiled;
- inlines external `.tsx` tilesets and resolves object templates (`.tx`), checking that every
  path stays inside the level's folder or the game's `assets/` / `levels/` folders; JSON
  tilesets and tile-object templates are refused clearly; a tileset image without width and
  height gets them from the PNG header;
- flattens group layers in order, a layer inside a hidden group is hidden, and names become
  `group/layer`;
- refuses Tiled 1.12 list properties and class properties.

Nothing in a map is executed or evaluated. `open_tiled_map(path, image_loader)` gives the
renderer the same normalised map with images.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import struct
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

GAME_ROOT = Path(__file__).resolve().parent.parent.parent
ASSETS_DIR = GAME_ROOT / "assets"
LEVELS_DIR = GAME_ROOT / "levels"

MAX_SIDE = 1024  # tiles, each way
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_TILESETS = 64
MAX_TEMPLATE_FILES = 256
GID_MASK = 0x0FFFFFFF  # Tiled's flip/rotation flags live in the top four bits
ORIENTATION_NAMES = {
    "isometric": "an isometric",
    "staggered": "a staggered (isometric)",
    "hexagonal": "a hexagonal",
    "oblique": "an oblique",
}


class LevelError(ValueError):
    """A level that cannot be used; the message names the file and what is wrong."""


@dataclass(slots=True)
class TileLayer:
    """A tile layer as Tiled global ids (flags masked off), row-major, `width*height` long."""

    name: str
    visible: bool
    gids: list[int]


@dataclass(slots=True)
class MapInfo:
    """What the normaliser learned while reading (for the loader and the validator)."""

    path: Path
    width: int = 0
    height: int = 0
    tile_size: int = 0
    layers: list[TileLayer] = field(default_factory=list)
    hidden_object_layers: list[str] = field(default_factory=list)
    solid_gids: set[int] = field(default_factory=set)
    tilesets: list[str] = field(default_factory=list)  # names, in order
    missing_images: list[str] = field(default_factory=list)  # one message each
    shapes: dict[int, str] = field(default_factory=dict)  # object id -> shape
    rotated: set[int] = field(default_factory=set)  # object ids with a rotation
    clipped_from: tuple[int, int] | None = None  # infinite map: tile offset of the used area


def _err(path: Path, msg: str) -> LevelError:
    return LevelError(f"{path}: {msg}")


def _allowed_roots(level_dir: Path) -> tuple[Path, ...]:
    return (level_dir.resolve(), ASSETS_DIR.resolve(), LEVELS_DIR.resolve())


def safe_path(owner: Path, ref: str, level_dir: Path, what: str) -> Path:
    """Resolve `ref` (relative to `owner`'s folder) and insist it stays in an allowed folder."""
    if not ref or "\x00" in ref:
        raise _err(owner, f"{what} has an empty or invalid path")
    if "://" in ref or ref.startswith(":/"):
        raise _err(owner, f"{what} is not a file path the game can read")
    target = (owner.parent / ref).resolve()
    for root in _allowed_roots(level_dir):
        if target == root or root in target.parents:
            return target
    raise _err(
        owner,
        f"{what} points outside the level's folder and the game's assets/ folder "
        "(refused for safety: keep tilesets, images and templates next to the map)",
    )


def _read_xml(path: Path, what: str) -> ET.Element:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _err(path, f"cannot read {what} ({exc.strerror or exc})") from None
    if size > MAX_FILE_BYTES:
        raise _err(path, f"{what} is {size // 1_000_000} MB; the limit is "
                   f"{MAX_FILE_BYTES // 1_000_000} MB")  # fmt: skip
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _err(path, f"cannot read {what} ({exc.strerror or exc})") from None
    head = data[:4096].lstrip()
    if head.startswith((b"{", b"[")):
        raise _err(
            path,
            f"is a JSON {what} (.tmj/.tsj/.json), which the game cannot read: in Tiled use "
            "File > Export As... and choose the TMX/TSX format",
        )
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _err(path, "contains a DTD or entity declarations, which Tiled never writes "
                   "(refused for safety)")  # fmt: skip
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise _err(path, f"not valid XML ({exc})") from None
    except RecursionError:
        raise _err(path, f"nests its XML too deeply (at most {MAX_XML_DEPTH} levels)") from None
    depth = _xml_depth(root)
    if depth > MAX_XML_DEPTH:
        raise _err(path, f"nests its XML {depth} levels deep (at most {MAX_XML_DEPTH}: Tiled "
                   "group layers rarely go past a handful)")  # fmt: skip
    return root


MAX_XML_DEPTH = 64


def _xml_depth(root: ET.Element) -> int:
    """How deep the element tree goes (iteratively: a hostile file must not blow the stack)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        el, d = stack.pop()
        deepest = max(deepest, d)
        if d > MAX_XML_DEPTH:
            return d
        stack.extend((child, d + 1) for child in el)
    return deepest


def _int_attr(path: Path, el: ET.Element, name: str, where: str, default: int | None = None) -> int:
    raw = el.get(name)
    if raw is None:
        if default is not None:
            return default
        raise _err(path, f"{where} has no {name}")
    try:
        return int(raw)
    except ValueError:
        try:
            f = float(raw)
        except ValueError:
            raise _err(path, f"{where} {name} '{raw}' is not a number") from None
        if not f.is_integer():
            raise _err(path, f"{where} {name} '{raw}' is not a whole number") from None
        return int(f)


# ------------------------------------------------------------------------------ layer data
def _decode_data(
    path: Path,
    data: ET.Element,
    count: int,
    where: str,
    encoding: str | None,
    compression: str | None,
) -> list[int]:
    """Decode a <data> or <chunk> element into exactly `count` raw gids (flags kept)."""
    if encoding is None:
        tiles = data.findall("tile")
        if len(tiles) != count:
            raise _err(path, f"{where} has {len(tiles)} tiles, expected {count}")
        out = []
        for t in tiles:
            try:
                out.append(int(t.get("gid", "0")))
            except ValueError:
                raise _err(path, f"{where} has a tile with gid '{t.get('gid')}'") from None
        return out
    text = (data.text or "").strip()
    if encoding == "csv":
        if compression:
            raise _err(path, f"{where}: CSV data cannot be compressed ('{compression}')")
        if len(text) > count * 16 + 4096:  # 10 digits, a comma and some spacing per tile
            raise _err(path, f"{where} holds more data than its size allows")
        try:
            out = [int(v) for v in text.replace("\n", "").split(",") if v.strip() != ""]
        except ValueError:
            raise _err(path, f"{where} has CSV data that is not whole numbers") from None
        if len(out) != count:
            raise _err(path, f"{where} has {len(out)} tiles, expected {count}")
        return out
    if encoding != "base64":
        raise _err(path, f"{where} uses the unknown encoding '{encoding}'")
    if compression == "zstd":
        raise _err(
            path,
            f"{where} uses zstd compression, which the game cannot read: in Tiled open Map > "
            "Map Properties and set Tile Layer Format to CSV (or Base64 zlib)",
        )
    if compression not in (None, "zlib", "gzip"):
        raise _err(path, f"{where} uses the unknown compression '{compression}'")
    expected = count * 4
    if len(text) > (expected * 2 + 1024) * 4 // 3 + 16 and compression is None:
        raise _err(path, f"{where} holds more data than its size allows")
    try:
        raw = base64.b64decode(text, validate=False)
    except (binascii.Error, ValueError):
        raise _err(path, f"{where} has base64 data that cannot be decoded") from None
    if compression:
        wbits = 16 + zlib.MAX_WBITS if compression == "gzip" else zlib.MAX_WBITS
        try:
            d = zlib.decompressobj(wbits)
            raw = d.decompress(raw, expected + 1)  # never inflate beyond what the map needs
        except zlib.error as exc:
            raise _err(
                path, f"{where} has {compression} data that cannot be read ({exc})"
            ) from None
    if len(raw) > expected:
        raise _err(path, f"{where} holds more tile data than its {count} tiles allow")
    if len(raw) != expected:
        raise _err(path, f"{where} has {len(raw) // 4} tiles of data, expected {count}")
    return list(struct.unpack(f"<{count}I", raw))


# ------------------------------------------------------------------------------ tilesets
def _png_size(path: Path) -> tuple[int, int] | None:
    try:
        with path.open("rb") as fh:
            head = fh.read(24)
    except OSError:
        return None
    if len(head) == 24 and head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
        w, h = struct.unpack(">II", head[16:24])
        return int(w), int(h)
    return None


def _rel(target: Path, base: Path) -> str:
    return Path(os.path.relpath(target, base)).as_posix()


def _fix_image(
    img: ET.Element,
    owner: Path,
    map_path: Path,
    level_dir: Path,
    info: MapInfo,
    where: str,
    need_size: bool = True,
) -> None:
    src = img.get("source")
    if not src:
        raise _err(owner, f"{where} has an image without a source (embedded images are not "
                   "supported)")  # fmt: skip
    target = safe_path(owner, src, level_dir, f"{where} image '{src}'")
    img.set("source", _rel(target, map_path.parent))
    if not target.is_file():
        info.missing_images.append(f"{where} image '{src}' not found (looked at {target})")
    if need_size and (img.get("width") is None or img.get("height") is None):
        size = _png_size(target)
        if size is None:
            raise _err(
                owner,
                f"{where} image '{src}' has no width/height and they cannot be read from the "
                "file: re-save the tileset in Tiled",
            )
        img.set("width", str(size[0]))
        img.set("height", str(size[1]))


def _inline_tileset(
    map_path: Path, ts: ET.Element, level_dir: Path, info: MapInfo, seen: dict[Path, ET.Element]
) -> ET.Element:
    """An external tileset reference becomes the tileset itself (paths made map-relative)."""
    source = ts.get("source")
    firstgid = ts.get("firstgid")
    if firstgid is None:
        raise _err(map_path, "a tileset has no firstgid")
    owner = map_path
    if source:
        if source.lower().endswith((".tsj", ".json")):
            raise _err(
                map_path,
                f"tileset '{source}' is a JSON tileset, which the game cannot read: open it in "
                "Tiled and use File > Export As... to save it as .tsx",
            )
        target = safe_path(map_path, source, level_dir, f"tileset '{source}'")
        if not target.is_file():
            raise _err(map_path, f"tileset '{source}' not found (looked at {target})")
        if target not in seen:
            root = _read_xml(target, "tileset")
            if root.tag != "tileset":
                raise _err(target, f"is not a Tiled tileset (root element is <{root.tag}>)")
            seen[target] = root
        node = _copy(seen[target])
        owner = target
    else:
        node = ts
    name = node.get("name") or (Path(source).stem if source else "tileset")
    where = f"tileset '{name}'"
    tw = _int_attr(owner, node, "tilewidth", where, 0)
    th = _int_attr(owner, node, "tileheight", where, 0)
    if tw <= 0 or th <= 0 or tw > 4096 or th > 4096:
        raise _err(owner, f"{where} has an invalid tile size {tw}x{th}")
    node.set("firstgid", firstgid)
    node.attrib.pop("source", None)
    image = node.find("image")
    if image is not None:
        _fix_image(image, owner, map_path, level_dir, info, where)
    for tile in node.findall("tile"):
        for shapes in tile.findall("objectgroup"):  # collision shapes: pytmx would take them
            tile.remove(shapes)  # for map layers once the tileset is inlined
        timg = tile.find("image")
        if timg is not None:
            _fix_image(timg, owner, map_path, level_dir, info, f"{where} tile {tile.get('id')}")
    info.tilesets.append(name)
    return node


def _copy(el: ET.Element) -> ET.Element:
    return ET.fromstring(ET.tostring(el))


# ------------------------------------------------------------------------------ templates
def _resolve_template(
    map_path: Path, obj: ET.Element, level_dir: Path, cache: dict[Path, ET.Element]
) -> None:
    ref = obj.get("template") or ""
    where = f"object #{obj.get('id', '?')}"
    target = safe_path(map_path, ref, level_dir, f"{where} template '{ref}'")
    if not target.is_file():
        raise _err(map_path, f"{where} uses template '{ref}', which is not found "
                   f"(looked at {target})")  # fmt: skip
    if target not in cache:
        if len(cache) >= MAX_TEMPLATE_FILES:
            raise _err(map_path, "uses too many object templates")
        root = _read_xml(target, "template")
        if root.tag != "template":
            raise _err(target, f"is not a Tiled object template (root element is <{root.tag}>)")
        cache[target] = root
    troot = cache[target]
    tobj = troot.find("object")
    if tobj is None:
        raise _err(target, "template has no object")
    if tobj.get("gid") is not None or troot.find("tileset") is not None:
        raise _err(
            map_path,
            f"{where} uses template '{ref}', a tile object template, which the game does not "
            "support: use a rectangle, polygon or point template",
        )
    for key, value in tobj.attrib.items():
        if key not in ("id", "x", "y") and obj.get(key) is None:
            obj.set(key, value)
    # shape children (polygon, point, ellipse...) come from the template unless overridden
    shape_tags = ("polygon", "polyline", "point", "ellipse", "text")
    if not any(obj.find(t) is not None for t in shape_tags):
        for t in shape_tags:
            el = tobj.find(t)
            if el is not None:
                obj.append(_copy(el))
    tprops = tobj.find("properties")
    if tprops is not None:
        props = obj.find("properties")
        if props is None:
            props = ET.SubElement(obj, "properties")
        have = {p.get("name") for p in props.findall("property")}
        for p in tprops.findall("property"):
            if p.get("name") not in have:
                props.append(_copy(p))
    del obj.attrib["template"]


# ------------------------------------------------------------------------------ groups
def _flatten(parent: ET.Element, out: list[ET.Element], prefix: str, visible: bool) -> None:
    for child in list(parent):
        if child.tag not in ("layer", "objectgroup", "imagelayer", "group"):
            continue
        vis = visible and child.get("visible", "1") not in ("0", "false")
        name = prefix + (child.get("name") or "")
        if child.tag == "group":
            _flatten(child, out, name + "/", vis)
            continue
        child.set("name", name)
        if not vis:
            child.set("visible", "0")
        out.append(child)


# ------------------------------------------------------------------------------ properties
def _check_properties(path: Path, root: ET.Element) -> None:
    for el in root.iter():
        props = el.find("properties")
        if props is None:
            continue
        for p in props.findall("property"):
            ptype = p.get("type", "string")
            pname = p.get("name") or ""
            if ptype == "list" or p.find("item") is not None:
                raise _err(
                    path,
                    f"{_owner(el)} property '{pname}' is a list property (Tiled 1.12), which "
                    "the game cannot read: use a comma-separated string instead",
                )
            if ptype == "class":
                raise _err(
                    path,
                    f"{_owner(el)} property '{pname}' is a class property, which the game "
                    "cannot read: use plain string, int, float, bool or enum properties",
                )


def _owner(el: ET.Element) -> str:
    if el.tag == "map":
        return "map"
    if el.tag == "object":
        return f"object #{el.get('id', '?')} '{el.get('name', '')}'"
    if el.tag in ("layer", "objectgroup", "imagelayer", "group"):
        return f"layer '{el.get('name', '')}'"
    if el.tag == "tile":
        return f"tile {el.get('id', '?')}"
    return el.tag


# ------------------------------------------------------------------------------ the map
def read_map(path: str | Path) -> tuple[ET.Element, MapInfo]:
    """Parse and normalise `path`; returns the XML root pytmx can parse and what was learned."""
    p = Path(path)
    if not p.is_file():
        raise LevelError(f"{p}: no such level file")
    info = MapInfo(path=p)
    root = _read_xml(p, "map")
    if root.tag != "map":
        if root.tag == "tileset":
            raise _err(p, "is a tileset, not a map: open a .tmx map")
        if root.tag == "template":
            raise _err(p, "is an object template, not a map: open a .tmx map")
        raise _err(p, f"not a Tiled map (root element is <{root.tag}>)")
    orientation = root.get("orientation", "orthogonal")
    if orientation != "orthogonal":
        kind = ORIENTATION_NAMES.get(orientation, f"an '{orientation}'")
        raise _err(p, f"is {kind} map: only orthogonal maps are supported")
    infinite = root.get("infinite", "0") in ("1", "true")
    tw = _int_attr(p, root, "tilewidth", "the map")
    th = _int_attr(p, root, "tileheight", "the map")
    if tw != th or tw <= 0:
        raise _err(p, f"tiles are {tw}x{th}: the game needs square tiles (32x32)")
    if tw > 1024:
        raise _err(p, f"tiles of {tw} pixels are too large")
    width = _int_attr(p, root, "width", "the map", 0)
    height = _int_attr(p, root, "height", "the map", 0)
    if not infinite:
        if width < 1 or height < 1:
            raise _err(p, f"map size {width}x{height} is empty")
        if width > MAX_SIDE or height > MAX_SIDE:
            raise _err(p, f"map size {width}x{height} tiles is too large (at most "
                       f"{MAX_SIDE}x{MAX_SIDE})")  # fmt: skip
    level_dir = p.parent
    _check_properties(p, root)

    # group layers: flatten, in order, hidden-ness inherited
    flat: list[ET.Element] = []
    _flatten(root, flat, "", True)
    for child in list(root):
        if child.tag in ("layer", "objectgroup", "imagelayer", "group"):
            root.remove(child)
    # tilesets (inlined, checked)
    tilesets = root.findall("tileset")
    if len(tilesets) > MAX_TILESETS:
        raise _err(p, f"uses {len(tilesets)} tilesets; the limit is {MAX_TILESETS}")
    cache: dict[Path, ET.Element] = {}
    ranges: list[tuple[int, int]] = []
    for ts in tilesets:
        node = _inline_tileset(p, ts, level_dir, info, cache)
        root.remove(ts)
        root.append(node)
        first = _int_attr(p, node, "firstgid", "a tileset")
        count = _int_attr(p, node, "tilecount", f"tileset '{node.get('name')}'", 0)
        if count <= 0:  # count the tiles the tileset lists
            count = max([int(t.get("id", "0")) + 1 for t in node.findall("tile")] + [0])
            cols = _int_attr(p, node, "columns", "a tileset", 0)
            img = node.find("image")
            if img is not None and cols > 0:
                rows = int(img.get("height", "0")) // max(1, int(node.get("tileheight", "1")))
                count = max(count, cols * rows)
        ranges.append((first, first + count))
        for tile in node.findall("tile"):
            for prop in tile.iter("property"):
                if prop.get("name") == "solid" and str(prop.get("value", "")).strip().lower() in (
                    "true",
                    "1",
                    "yes",
                ):
                    info.solid_gids.add(first + int(tile.get("id", "0")))

    # infinite maps: the used area of every chunk
    if infinite:
        width, height, ox, oy = _infinite_bounds(p, flat)
        info.clipped_from = (ox, oy)
        root.set("infinite", "0")
        root.set("width", str(width))
        root.set("height", str(height))
    info.width, info.height, info.tile_size = width, height, tw

    templates: dict[Path, ET.Element] = {}
    for layer in flat:
        name = layer.get("name") or ""
        visible = layer.get("visible", "1") not in ("0", "false")
        if layer.tag == "layer":
            gids = _layer_gids(p, layer, width, height, info.clipped_from, name)
            for g in set(gids):
                gid = g & GID_MASK
                if gid and not any(a <= gid < b for a, b in ranges):
                    raise _err(p, f"layer '{name}' uses tile id {gid}, which no tileset provides")
            info.layers.append(TileLayer(name, visible, [g & GID_MASK for g in gids]))
            data = layer.find("data")
            assert data is not None
            for child in list(data):
                data.remove(child)
            data.attrib.clear()
            data.set("encoding", "csv")
            data.text = ",".join(str(g) for g in gids)
            layer.set("width", str(width))
            layer.set("height", str(height))
        elif layer.tag == "imagelayer":
            img = layer.find("image")
            if img is not None and img.get("source"):
                _fix_image(img, p, p, level_dir, info, f"image layer '{name}'", need_size=False)
        elif layer.tag == "objectgroup":
            if not visible:
                info.hidden_object_layers.append(name)
            for obj in layer.findall("object"):
                if obj.get("template"):
                    _resolve_template(p, obj, level_dir, templates)
                oid = _int_attr(p, obj, "id", f"layer '{name}' object", 0)
                if info.clipped_from:
                    ox, oy = info.clipped_from
                    obj.set("x", str(float(obj.get("x", "0")) - ox * tw))
                    obj.set("y", str(float(obj.get("y", "0")) - oy * tw))
                info.shapes[oid] = _shape(obj)
                if float(obj.get("rotation", "0") or 0) != 0:
                    info.rotated.add(oid)
        root.append(layer)
    return root, info


def _shape(obj: ET.Element) -> str:
    for tag in ("polygon", "polyline", "point", "ellipse", "text"):
        if obj.find(tag) is not None:
            return tag
    if obj.get("gid") is not None:
        return "tile"
    return "rectangle"


def _infinite_bounds(path: Path, layers: list[ET.Element]) -> tuple[int, int, int, int]:
    x0 = y0 = 1 << 30
    x1 = y1 = -(1 << 30)
    for layer in layers:
        if layer.tag != "layer":
            continue
        data = layer.find("data")
        if data is None:
            continue
        for ch in data.findall("chunk"):
            cx = _int_attr(path, ch, "x", "a chunk")
            cy = _int_attr(path, ch, "y", "a chunk")
            cw = _int_attr(path, ch, "width", "a chunk")
            chh = _int_attr(path, ch, "height", "a chunk")
            if cw <= 0 or chh <= 0 or cw > MAX_SIDE or chh > MAX_SIDE:
                raise _err(path, f"layer '{layer.get('name')}' has a chunk of {cw}x{chh} tiles")
            x0, y0 = min(x0, cx), min(y0, cy)
            x1, y1 = max(x1, cx + cw), max(y1, cy + chh)
    if x1 <= x0:
        raise _err(path, "is an infinite map with no tiles painted")
    w, h = x1 - x0, y1 - y0
    if w > MAX_SIDE or h > MAX_SIDE:
        raise _err(path, f"infinite map uses {w}x{h} tiles; at most {MAX_SIDE}x{MAX_SIDE} "
                   "are supported")  # fmt: skip
    return w, h, x0, y0


def _layer_gids(
    path: Path,
    layer: ET.Element,
    width: int,
    height: int,
    clip: tuple[int, int] | None,
    name: str,
) -> list[int]:
    data = layer.find("data")
    where = f"layer '{name}'"
    if data is None:
        raise _err(path, f"{where} has no data")
    chunks = data.findall("chunk")
    if clip is None:
        if chunks:
            raise _err(path, f"{where} has chunks but the map is not infinite")
        lw = _int_attr(path, layer, "width", where, width)
        lh = _int_attr(path, layer, "height", where, height)
        if (lw, lh) != (width, height):
            raise _err(path, f"{where} is {lw}x{lh} tiles but the map is {width}x{height}")
        return _decode_data(
            path, data, width * height, where, data.get("encoding"), data.get("compression")
        )
    ox, oy = clip
    out = [0] * (width * height)
    for ch in chunks:
        cx = _int_attr(path, ch, "x", "a chunk") - ox
        cy = _int_attr(path, ch, "y", "a chunk") - oy
        cw = _int_attr(path, ch, "width", "a chunk")
        chh = _int_attr(path, ch, "height", "a chunk")
        gids = _decode_data(
            path,
            ch,
            cw * chh,
            f"{where} chunk at {cx + ox},{cy + oy}",
            data.get("encoding"),
            data.get("compression"),
        )
        for row in range(chh):
            base = (cy + row) * width + cx
            out[base : base + cw] = gids[row * cw : (row + 1) * cw]
    return out


def open_tiled_map(path: str | Path, image_loader: Any = None) -> Any:
    """The normalised map as a `pytmx.TiledMap` (with images when an `image_loader` is given).

    Raises LevelError for anything that cannot be read.
    """
    root, _ = read_map(path)
    return parse_with_pytmx(Path(path), root, image_loader)


def parse_with_pytmx(path: Path, root: ET.Element, image_loader: Any = None) -> Any:
    import pytmx  # local: pytmx imports pygame helpers when available

    kwargs: dict[str, Any] = {"allow_duplicate_names": True}
    if image_loader is not None:
        kwargs["image_loader"] = image_loader
    try:
        tmx = pytmx.TiledMap(**kwargs)
        tmx.filename = str(path)
        tmx.parse_xml(root)
    except LevelError:
        raise
    except Exception as exc:  # pytmx raises many kinds; all become one readable line
        raise _err(
            path, f"cannot be read by the map loader ({type(exc).__name__}: {exc})"
        ) from None
    return tmx
