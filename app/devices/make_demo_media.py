"""Generate the demo camera's video, the card images and demo_codes.json (deterministic).

Run ``python -m app.devices.make_demo_media [out_dir]`` (default: resources/demo). The video is
what ``ashyq-console --demo`` plays as its camera: tickets, the venue poster and ID cards slide
into view one after another. demo_codes.json lists every code in the order it appears, with the
demo IIN of each status colour, so the demo server can be seeded to match and tests can check
that the pipeline finds them all. Everything is drawn from fixed numbers: no randomness, no clock.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

from app.core.iin import check_digit

WIDTH, HEIGHT, FPS = 1280, 720, 25
FOURCC = "mp4v"  # OpenCV's bundled FFmpeg writes and reads it on every platform we ship
VIDEO_NAME = "demo.mp4"
CODES_NAME = "demo_codes.json"
SLIDE_S, HOLD_S, GAP_S = 0.25, 1.0, 0.2  # per code: slide in, hold still, slide out, empty gap
LEAD_S = 0.4  # empty scene before the first code
TICKET_CODES = ("DEMO01A", "DEMO02B")
POSTER_URL = "https://ashyq.example.kz/v/DEMO"  # classified as the venue poster


@dataclass(frozen=True)
class DemoCode:
    """One code of the demo video: what it says, how it is drawn, when it is still in view."""

    name: str
    kind: str  # "ticket" | "poster" | "id_card"
    text: str
    symbology: str  # zxing-cpp format name
    iin: str | None = None
    status: str | None = None  # the Ashyq status the demo server should give this IIN
    visible_from_s: float = 0.0
    visible_to_s: float = 0.0


def demo_iin(first10: str) -> str:
    """A valid IIN (DOMAIN.md §1) starting with ``first10``: the first serial digit that works."""
    for last_serial in "0123456789":
        digit = check_digit(first10 + last_serial)
        if digit is not None:
            return f"{first10}{last_serial}{digit}"
    raise ValueError(f"No valid IIN starts with {first10}.")


def demo_codes() -> list[DemoCode]:
    """The codes in screen order; timings are filled in by ``schedule``."""
    iins = {
        "green": demo_iin("8803153001"),
        "blue": demo_iin("9207114002"),
        "yellow": demo_iin("7512023003"),
        "red": demo_iin("0105255004"),
        "not_found": demo_iin("6609304005"),
    }
    card = "ID KAZ N{doc} {iin}"  # the PDF417 cards carry more than the bare number
    return [
        DemoCode("ticket-1", "ticket", TICKET_CODES[0], "QRCode"),
        DemoCode("card-green", "id_card", card.format(doc="04123658", iin=iins["green"]),
                 "PDF417", iins["green"], "green"),
        DemoCode("poster", "poster", POSTER_URL, "QRCode"),
        DemoCode("card-blue", "id_card", iins["blue"], "Code128", iins["blue"], "blue"),
        DemoCode("card-yellow", "id_card", card.format(doc="07654321", iin=iins["yellow"]),
                 "PDF417", iins["yellow"], "yellow"),
        DemoCode("ticket-2", "ticket", TICKET_CODES[1], "QRCode"),
        DemoCode("card-red", "id_card", iins["red"], "Code128", iins["red"], "red"),
        DemoCode("card-not-found", "id_card", iins["not_found"], "Code128",
                 iins["not_found"], "not_found"),
    ]  # fmt: skip


def code_image(text: str, symbology: str, module_px: int = 4) -> np.ndarray:
    """The code alone (grayscale, quiet zone included), drawn by zxing-cpp's writer."""
    fmt = getattr(zxingcpp.BarcodeFormat, symbology)
    barcode = zxingcpp.create_barcode(text, fmt)
    image = np.array(zxingcpp.write_barcode_to_image(barcode, scale=module_px))
    if symbology == "Code128":  # the writer draws 1D codes one row high
        image = cv2.resize(image, (image.shape[1], 110), interpolation=cv2.INTER_NEAREST)
    elif symbology == "PDF417":  # taller rows read more reliably from a camera
        image = cv2.resize(
            image, (image.shape[1], image.shape[0] * 3 // 2), interpolation=cv2.INTER_NEAREST
        )
    return image


def card_image(code: DemoCode) -> np.ndarray:
    """A BGR card: an ID card (light blue, a photo box) or a white ticket / poster with the code."""
    symbol = code_image(code.text, code.symbology, 6 if code.symbology == "QRCode" else 3)
    sh, sw = symbol.shape
    pad = 40
    h, w = sh + 2 * pad + 40, max(sw + 2 * pad, 420)
    colour = (235, 220, 200) if code.kind == "id_card" else (250, 250, 250)
    card = np.full((h, w, 3), colour, np.uint8)
    cv2.rectangle(card, (0, 0), (w - 1, h - 1), (90, 90, 90), 2)
    title = {"ticket": "TICKET", "poster": "ASHYQ CHECK-IN", "id_card": "KAZAKHSTAN ID"}[code.kind]
    cv2.putText(card, title, (pad, 32), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (60, 60, 60), 2)
    y, x = pad + 30, (w - sw) // 2
    card[y : y + sh, x : x + sw] = cv2.cvtColor(symbol, cv2.COLOR_GRAY2BGR)
    return card


def background() -> np.ndarray:
    """A still door-desk scene: a vertical gradient and a few fixed shapes, no noise."""
    ramp = np.linspace(150, 95, HEIGHT, dtype=np.float32)[:, None]
    scene = np.repeat(np.repeat(ramp, WIDTH, axis=1)[:, :, None], 3, axis=2)
    scene[:, :, 0] += 15  # a cool tint
    scene = scene.clip(0, 255).astype(np.uint8)
    cv2.rectangle(scene, (0, 560), (WIDTH, HEIGHT), (70, 85, 100), -1)  # the desk
    cv2.circle(scene, (1130, 130), 60, (120, 140, 160), -1)
    cv2.putText(scene, "DEMO CAMERA", (24, 40), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (230, 230, 230), 2)
    return scene


def schedule(codes: list[DemoCode]) -> list[DemoCode]:
    """Each code's still-in-view interval: slides are excluded, since a moving card blurs."""
    out: list[DemoCode] = []
    t = LEAD_S
    for code in codes:
        still_from = t + SLIDE_S
        out.append(
            DemoCode(**{**asdict(code), "visible_from_s": round(still_from, 3),
                        "visible_to_s": round(still_from + HOLD_S, 3)})
        )  # fmt: skip
        t += 2 * SLIDE_S + HOLD_S + GAP_S
    return out


def duration_s(codes: list[DemoCode]) -> float:
    return LEAD_S + len(codes) * (2 * SLIDE_S + HOLD_S + GAP_S)


def frames(codes: list[DemoCode]) -> Iterator[np.ndarray]:
    """Every frame of the video, in order."""
    scene = background()
    cards = [card_image(code) for code in codes]
    per_code = 2 * SLIDE_S + HOLD_S + GAP_S
    for n in range(round(duration_s(codes) * FPS)):
        t = n / FPS - LEAD_S
        frame = scene.copy()
        slot = int(t // per_code) if t >= 0 else -1
        if 0 <= slot < len(cards):
            _place(frame, cards[slot], t - slot * per_code)
        yield frame


def _place(frame: np.ndarray, card: np.ndarray, t: float) -> None:
    """Slide the card in from the right, hold it in the middle, slide it out to the left."""
    h, w = card.shape[:2]
    centre_x, y = (WIDTH - w) // 2, (HEIGHT - h) // 2 - 40
    if t < SLIDE_S:
        x = round(WIDTH - (WIDTH - centre_x) * (t / SLIDE_S))
    elif t < SLIDE_S + HOLD_S:
        x = centre_x
    elif t < 2 * SLIDE_S + HOLD_S:
        x = round(centre_x - (centre_x + w) * ((t - SLIDE_S - HOLD_S) / SLIDE_S))
    else:
        return
    left, right = max(x, 0), min(x + w, WIDTH)
    if right > left:
        frame[y : y + h, left:right] = card[:, left - x : right - x]


def write_all(out_dir: Path) -> Path:
    """Write the video, the card PNGs and demo_codes.json into ``out_dir``; returns the video."""
    out_dir.mkdir(parents=True, exist_ok=True)
    codes = schedule(demo_codes())
    video = out_dir / VIDEO_NAME
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*FOURCC), FPS, (WIDTH, HEIGHT))
    if not writer.isOpened():
        raise RuntimeError(f"OpenCV cannot write {FOURCC} video here.")
    try:
        for frame in frames(codes):
            writer.write(frame)
    finally:
        writer.release()
    cards_dir = out_dir / "cards"
    cards_dir.mkdir(exist_ok=True)
    for code in codes:
        cv2.imwrite(str(cards_dir / f"{code.name}.png"), card_image(code))
    summary = {
        "video": VIDEO_NAME,
        "width": WIDTH,
        "height": HEIGHT,
        "fps": FPS,
        "duration_s": round(duration_s(codes), 3),
        "iins": {c.status: c.iin for c in codes if c.iin is not None},
        "tickets": list(TICKET_CODES),
        "poster_url": POSTER_URL,
        "codes": [asdict(c) for c in codes],
    }
    (out_dir / CODES_NAME).write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return video


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from app.resources import resource_path

    out_dir = Path(args[0]) if args else resource_path("demo")
    video = write_all(out_dir)
    print(f"wrote {video} ({video.stat().st_size // 1024} KiB) and {CODES_NAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
