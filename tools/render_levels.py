"""Render each shipped level to a PNG picture for the level guide (deterministic).

`python tools/render_levels.py [--scale S] [--max-width W] [--objects] [OUT_DIR] [LEVEL...]`
draws every tile layer with the real tilesets (the game's normalised map through pytmx and
pygame, dummy video driver, no window), scales the map by S (default 0.25: 8 pixels a tile,
less when the picture would be wider than W pixels), and with --objects outlines the typed
objects (studio magenta, venues cyan, rally points white, homes green, daytime zones amber,
lead spots yellow). Default output: `docs/levels/<level>.png`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "levels"
OBJECT_COLOURS = {
    "studio": (255, 60, 200),
    "venue": (40, 230, 255),
    "rally_point": (240, 240, 255),
    "home": (120, 255, 120),
    "daytime": (255, 176, 40),
    "lead": (255, 240, 60),
}


def render_level(path: Path, scale: float, objects: bool) -> pygame.Surface:
    from game.level.tmx import open_tiled_map

    if not pygame.display.get_init():
        pygame.display.init()
        pygame.display.set_mode((1, 1))
    from pytmx.util_pygame import pygame_image_loader

    tmx = open_tiled_map(path, image_loader=pygame_image_loader)
    tw, th = tmx.tilewidth, tmx.tileheight
    full = pygame.Surface((tmx.width * tw, tmx.height * th))
    bg = tmx.background_color or "#0e0c18"
    full.fill(pygame.Color(bg))
    for layer in tmx.visible_tile_layers:
        tiles = tmx.layers[layer]
        for x, y, image in tiles.tiles():
            full.blit(image, (x * tw, y * th))
    out = pygame.transform.smoothscale(
        full, (max(1, round(full.get_width() * scale)), max(1, round(full.get_height() * scale)))
    )
    if objects:
        from game.level import load_level

        level = load_level(path)
        k = tw * scale
        for o in level.objects:
            col = OBJECT_COLOURS.get(o.type)
            if col is None:
                continue
            if o.type == "lead":
                cx, cy = o.center
                pygame.draw.circle(out, (0, 0, 0), (cx * k, cy * k), max(3, k * 0.6))
                pygame.draw.circle(out, col, (cx * k, cy * k), max(2, k * 0.45))
            else:
                r = pygame.Rect(round(o.x * k), round(o.y * k), round(o.width * k),
                                round(o.height * k))  # fmt: skip
                pygame.draw.rect(out, col, r, 1)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=0.25)
    ap.add_argument("--max-width", type=int, default=1000, help="shrink wider pictures to this")
    ap.add_argument("--objects", action="store_true")
    ap.add_argument("out", nargs="?", type=Path, default=OUT)
    ap.add_argument("levels", nargs="*", type=Path)
    args = ap.parse_args(argv[1:])
    levels = args.levels or sorted((ROOT / "levels").glob("*.tmx"))
    args.out.mkdir(parents=True, exist_ok=True)
    for lv in levels:
        from game.level.tmx import read_map

        _, info = read_map(lv)
        scale = min(args.scale, args.max_width / (info.width * info.tile_size))
        pic = render_level(lv, scale, args.objects)
        dest = args.out / f"{lv.stem}.png"
        tmp = dest.with_name(dest.stem + ".tmp.png")
        pygame.image.save(pic, str(tmp))
        os.replace(tmp, dest)
        print(f"wrote {dest} ({pic.get_width()}x{pic.get_height()})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
