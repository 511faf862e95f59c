"""A 12 × 24 dot bitmap font for printing Kazakh on thermal printers that have no Kazakh code page.

Receipt printers print text from code pages built into their firmware; CP866 (and CP1251) hold
Russian but none of Ә Ғ Қ Ң Ө Ұ Ү Һ І, and the few Kazakh pages some models have are numbered
differently from vendor to vendor. So lines with those letters are sent as raster images drawn
from this font. It is the printer's own cell size (font A: 12 × 24 dots, 48 columns on 80 mm), so
raster lines line up with text lines. The bitmaps are generated once from DejaVu Sans Mono Bold
and shipped as JSON: rendering is then pure Python and byte-for-byte the same on every machine,
whatever FreeType version Pillow has.

Rebuild after changing the character set: ``python -m app.documents.escpos_glyphs``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from app.resources import resource_path

CELL_WIDTH = 12
CELL_HEIGHT = 24
ATLAS_FILE = "escpos-glyphs-12x24.json"
SOURCE_FONT = "DejaVuSansMono-Bold.ttf"

CHARSET = (
    "".join(chr(code) for code in range(0x20, 0x7F))
    + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    + "ӘҒҚҢӨҰҮҺІәғқңөұүһі"
    + "₸№«»—–×→·…“”„‘’°"
)


@cache
def glyphs() -> dict[str, tuple[int, ...]]:
    """Each character's 24 rows as 12-bit integers, most significant bit leftmost."""
    raw = json.loads(resource_path("fonts", ATLAS_FILE).read_text(encoding="utf-8"))
    if raw["width"] != CELL_WIDTH or raw["height"] != CELL_HEIGHT:
        raise ValueError("glyph atlas has the wrong cell size")
    width = 3  # hex digits per 12-bit row
    return {
        char: tuple(int(hexrows[i : i + width], 16) for i in range(0, len(hexrows), width))
        for char, hexrows in raw["glyphs"].items()
    }


def build_atlas(font_path: Path) -> dict[str, object]:
    """Render CHARSET into 12 × 24 one-bit cells (needs Pillow; run by developers, not at runtime)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path), size=20)
    ascent, _ = font.getmetrics()
    top = (CELL_HEIGHT - ascent) // 2 + 1
    atlas: dict[str, str] = {}
    for char in CHARSET:
        image = Image.new("L", (CELL_WIDTH, CELL_HEIGHT), 0)
        draw = ImageDraw.Draw(image)
        left = (CELL_WIDTH - font.getlength(char)) / 2
        draw.text((left, top - 4), char, font=font, fill=255)
        rows = []
        for y in range(CELL_HEIGHT):
            bits = 0
            for x in range(CELL_WIDTH):
                level = image.getpixel((x, y))
                bits = (bits << 1) | (isinstance(level, int) and level >= 110)
            rows.append(f"{bits:03x}")
        atlas[char] = "".join(rows)
    return {"width": CELL_WIDTH, "height": CELL_HEIGHT, "source": SOURCE_FONT, "glyphs": atlas}


def preview(text: str) -> str:
    """The text as it will print, in # and . characters: for eyes and for failing tests."""
    table = glyphs()
    lines = []
    for y in range(CELL_HEIGHT):
        row = ""
        for char in text:
            bits = table.get(char, table["?"])[y]
            row += "".join(
                "#" if bits >> (CELL_WIDTH - 1 - x) & 1 else "." for x in range(CELL_WIDTH)
            )
        lines.append(row)
    return "\n".join(lines)


if __name__ == "__main__":
    target = resource_path("fonts", ATLAS_FILE)
    target.write_text(
        json.dumps(build_atlas(resource_path("fonts", SOURCE_FONT)), ensure_ascii=False, indent=0),
        encoding="utf-8",
    )
    print(f"wrote {len(CHARSET)} glyphs to {target.name}")
