"""Write the tiny sample level used by the foundation tests (deterministic; re-run to rebuild).

Writes tests/fixtures/sample-tiny.tmx, its .tsx tileset and a 4-tile PNG drawn with pygame.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures"
W, H, T = 40, 30, 32
TILES = [((24, 22, 40), False), ((46, 40, 70), True), ((30, 60, 70), False), ((60, 30, 70), False)]


def tile_png(path: Path) -> None:
    surf = pygame.Surface((T * len(TILES), T))
    for i, (col, solid) in enumerate(TILES):
        surf.fill(col, pygame.Rect(i * T, 0, T, T))
        edge = (255, 60, 200) if solid else (40, 220, 255)
        pygame.draw.rect(surf, edge, pygame.Rect(i * T, 0, T, T), 1)
    pygame.image.save(surf, str(path))


def grid() -> list[list[int]]:
    g = [[1 for _ in range(W)] for _ in range(H)]  # gid 1 street
    for y in range(H):
        for x in range(W):
            if x in (0, W - 1) or y in (0, H - 1):
                g[y][x] = 2  # wall
    for bx, by, bw, bh in ((5, 5, 8, 6), (20, 4, 10, 7), (6, 17, 9, 8), (24, 18, 10, 7)):
        for y in range(by, by + bh):
            for x in range(bx, bx + bw):
                g[y][x] = 2
    for y in range(12, 16):
        for x in range(16, 24):
            g[y][x] = 3  # plaza
    return g


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    tile_png(OUT / "sample-tiles.png")
    (OUT / "sample-tiles.tsx").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<tileset version="1.10" name="sample" tilewidth="{T}" tileheight="{T}" '
        f'tilecount="{len(TILES)}" columns="{len(TILES)}">\n'
        f' <image source="sample-tiles.png" width="{T * len(TILES)}" height="{T}"/>\n'
        + "".join(
            f' <tile id="{i}">\n  <properties>\n   <property name="solid" type="bool" '
            f'value="true"/>\n  </properties>\n </tile>\n'
            for i, (_, solid) in enumerate(TILES)
            if solid
        )
        + "</tileset>\n"
    )
    csv = ",\n".join(",".join(str(v) for v in row) for row in grid())

    def obj(oid: int, name: str, kind: str, x: int, y: int, w: int = 2, h: int = 2) -> str:
        return (
            f'  <object id="{oid}" name="{name}" type="{kind}" x="{x * T}" y="{y * T}" '
            f'width="{w * T}" height="{h * T}"/>\n'
        )

    objects = (
        obj(1, "Smile Studio", "studio", 14, 12)
        + obj(2, "Neon Plaza", "venue", 18, 13)
        + obj(3, "Chrome Corner", "rally_point", 31, 13)
        + obj(4, "North Flats", "home", 3, 2, 4, 2)
        + obj(5, "South Flats", "home", 16, 26, 6, 2)
        + obj(6, "Market Row", "daytime", 30, 27, 6, 2)
        + "".join(
            f'  <object id="{oid}" name="{name}" type="lead" x="{x * T}" y="{y * T}">\n'
            f'   <properties>\n    <property name="lead" value="{lead}"/>\n   </properties>\n'
            f"   <point/>\n  </object>\n"
            for oid, name, lead, x, y in (
                (7, "Dr. Eli Roth", "roth", 17, 3),
                (8, "Milo Trevane", "milo", 20, 14),
                (9, "Arian Verus", "arian", 36, 16),
            )
        )
    )
    (OUT / "sample-tiny.tmx").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<map version="1.10" tiledversion="1.10.2" orientation="orthogonal" '
        f'renderorder="right-down" width="{W}" height="{H}" tilewidth="{T}" tileheight="{T}" '
        f'infinite="0" nextlayerid="3" nextobjectid="10">\n'
        f" <properties>\n"
        f'  <property name="title" value="Sample Block"/>\n'
        f'  <property name="population" type="int" value="2000"/>\n'
        f'  <property name="start_credits" type="int" value="5000"/>\n'
        f" </properties>\n"
        f' <tileset firstgid="1" source="sample-tiles.tsx"/>\n'
        f' <layer id="1" name="ground" width="{W}" height="{H}">\n'
        f'  <data encoding="csv">\n{csv}\n</data>\n </layer>\n'
        f' <objectgroup id="2" name="objects">\n{objects} </objectgroup>\n'
        f"</map>\n"
    )
    print(f"wrote {OUT / 'sample-tiny.tmx'}")


if __name__ == "__main__":
    main()
