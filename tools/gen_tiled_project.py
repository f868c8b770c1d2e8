"""Generate the level designer's kit from `game/level/schema.py` (re-run after changing it).

Writes:
- `levels/smile-studio.tiled-project`: Tiled project with the custom property types (enums for
  tribe, income band, venue kind, daytime kind, lead, difficulty; classes for every object type
  and for the map, Tiled 1.9+), and commands that play or validate the open map;
- `levels/objecttypes.xml`: the object types with their defaults, for Tiled 1.8;
- `levels/templates/<type>.tx`: one object template per object type;
- the reference tables in `docs/levels.md` (between the GENERATED markers).

`python tools/gen_tiled_project.py` writes the files; `--check` exits 1 and names the stale
files instead (the test suite runs the same comparison).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.level import schema  # noqa: E402

LEVELS = ROOT / "levels"
PROJECT = LEVELS / "smile-studio.tiled-project"
OBJECTTYPES = LEVELS / "objecttypes.xml"
TEMPLATES = LEVELS / "templates"
DOC = ROOT / "docs" / "levels.md"
BEGIN = "<!-- BEGIN GENERATED REFERENCE (tools/gen_tiled_project.py) -->"
END = "<!-- END GENERATED REFERENCE -->"
T = 32
MAP_CLASS = "level"


def _value(prop: schema.Prop) -> object:
    if prop.type == "float":
        return float(prop.default)
    return prop.default


def _text(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _member(prop: schema.Prop) -> dict[str, object]:
    m: dict[str, object] = {"name": prop.name, "type": prop.tiled_type, "value": _value(prop)}
    if prop.enum:
        m["propertyType"] = prop.type
    return m


def project_json() -> str:
    types: list[dict[str, object]] = []
    ident = 1
    for name, values in schema.ENUMS.items():
        types.append({
            "id": ident,
            "name": name,
            "storageType": "string",
            "type": "enum",
            "values": list(values),
            "valuesAsFlags": False,
        })  # fmt: skip
        ident += 1
    for otype in schema.OBJECT_TYPES.values():
        types.append({
            "color": "#ff" + otype.color.lstrip("#"),
            "drawFill": True,
            "id": ident,
            "members": [_member(p) for p in otype.props],
            "name": otype.name,
            "type": "class",
            "useAs": ["object"],
        })  # fmt: skip
        ident += 1
    types.append({
        "color": "#ffa0a0a4",
        "drawFill": True,
        "id": ident,
        "members": [_member(p) for p in schema.MAP_PROPERTIES],
        "name": MAP_CLASS,
        "type": "class",
        "useAs": ["map"],
    })  # fmt: skip
    project = {
        "automappingRulesFile": "",
        "commands": [
            {
                "arguments": "main.py play --level %mapfile --watch",
                "command": ".venv/bin/python",
                "enabled": True,
                "name": "Play this map in Smile Studio 2145",
                "saveBeforeExecute": True,
                "shortcut": "F5",
                "showOutput": True,
                "workingDirectory": "%projectpath/..",
            },
            {
                "arguments": "main.py validate-level %mapfile",
                "command": ".venv/bin/python",
                "enabled": True,
                "name": "Validate this map",
                "saveBeforeExecute": True,
                "shortcut": "F6",
                "showOutput": True,
                "workingDirectory": "%projectpath/..",
            },
            {
                "arguments": "main.py play --level %mapfile --watch",
                "command": "python",
                "enabled": True,
                "name": "Play this map (python on PATH, e.g. Windows)",
                "saveBeforeExecute": True,
                "shortcut": "",
                "showOutput": True,
                "workingDirectory": "%projectpath/..",
            },
        ],
        "extensionsPath": "extensions",
        "folders": [".", "../assets/tiles"],
        "objectTypesFile": "objecttypes.xml",
        "propertyTypes": types,
    }
    return json.dumps(project, indent=4) + "\n"


def objecttypes_xml() -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<objecttypes>"]
    for otype in schema.OBJECT_TYPES.values():
        if not otype.props:
            lines.append(f' <objecttype name="{otype.name}" color="{otype.color}"/>')
            continue
        lines.append(f' <objecttype name="{otype.name}" color="{otype.color}">')
        for p in otype.props:
            lines.append(
                f'  <property name="{p.name}" type="{p.tiled_type}" '
                f"default={quoteattr(_text(_value(p)))}/>"
            )
        lines.append(" </objecttype>")
    lines.append("</objecttypes>")
    return "\n".join(lines) + "\n"


def template_tx(otype: schema.ObjectType) -> str:
    w, h = otype.size
    shape = otype.shapes[0]
    attrs = f'name="{otype.name.replace("_", " ")}" type="{otype.name}"'
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<template>"]
    if shape == "point":
        lines.append(f" <object {attrs}>")
    elif shape == "polygon":
        lines.append(f" <object {attrs}>")
    else:
        lines.append(f' <object {attrs} width="{w * T}" height="{h * T}">')
    if otype.props:
        lines.append("  <properties>")
        for p in otype.props:
            ptype = f' type="{p.tiled_type}"' if p.tiled_type != "string" else ""
            pt = f' propertytype="{p.type}"' if p.enum else ""
            lines.append(
                f'   <property name="{p.name}"{ptype}{pt} value={quoteattr(_text(_value(p)))}/>'
            )
        lines.append("  </properties>")
    if shape == "point":
        lines.append("  <point/>")
    elif shape == "polygon":
        pts = f"0,0 {w * T},0 {w * T},{h * T} 0,{h * T}"
        lines.append(f'  <polygon points="{pts}"/>')
    lines.append(" </object>")
    lines.append("</template>")
    return "\n".join(lines) + "\n"


def _md_escape(text: str) -> str:
    return escape(text).replace("|", "\\|")


def reference_md() -> str:
    out = [BEGIN, "", "### Object types", ""]
    out.append("| type (class) | shape | what it is |")
    out.append("|---|---|---|")
    for ot in schema.OBJECT_TYPES.values():
        out.append(f"| `{ot.name}` | {' or '.join(ot.shapes)} | {_md_escape(ot.doc)} |")
    out += ["", "### Object properties", ""]
    out.append("| type | property | value | default | meaning |")
    out.append("|---|---|---|---|---|")
    for ot in schema.OBJECT_TYPES.values():
        for p in ot.props:
            out.append(
                f"| `{ot.name}` | `{p.name}` | {p.type}: {_md_escape(p.describe_range())} | "
                f"`{_text(_value(p))}` | {_md_escape(p.doc)} |"
            )
    out += ["", "### Map properties", ""]
    out.append("| property | value | default | meaning |")
    out.append("|---|---|---|---|")
    for p in schema.MAP_PROPERTIES:
        rng = p.describe_range()
        val = f"{p.type}: {_md_escape(rng)}" if rng else p.type
        default = _text(_value(p))
        out.append(
            f"| `{p.name}` | {val} | `{default}` | {_md_escape(p.doc)} |"
            if default
            else f"| `{p.name}` | {val} | (empty) | {_md_escape(p.doc)} |"
        )
    out += ["", "### Enums (custom property types in the project)", ""]
    out.append("| enum | values | meaning |")
    out.append("|---|---|---|")
    for name, values in schema.ENUMS.items():
        vals = ", ".join(f"`{v}`" for v in values)
        out.append(f"| `{name}` | {vals} | {_md_escape(schema.ENUM_DOCS[name])} |")
    out += ["", END]
    return "\n".join(out)


def doc_text(current: str) -> str:
    if BEGIN not in current or END not in current:
        raise SystemExit(f"{DOC}: the markers {BEGIN!r} and {END!r} are missing")
    head, rest = current.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return head + reference_md() + tail


def outputs() -> dict[Path, str]:
    """Every generated file and its expected text."""
    files = {PROJECT: project_json(), OBJECTTYPES: objecttypes_xml()}
    for ot in schema.OBJECT_TYPES.values():
        files[TEMPLATES / f"{ot.name}.tx"] = template_tx(ot)
    if DOC.exists():
        files[DOC] = doc_text(DOC.read_text(encoding="utf-8"))
    return files


def stale() -> list[Path]:
    return [p for p, text in outputs().items()
            if not p.exists() or p.read_text(encoding="utf-8") != text]  # fmt: skip


def main(argv: list[str]) -> int:
    if "--check" in argv:
        bad = stale()
        for p in bad:
            print(f"{p.relative_to(ROOT)} is stale: run python tools/gen_tiled_project.py")
        return 1 if bad else 0
    for path, text in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
