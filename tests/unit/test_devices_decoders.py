"""Each demo code is read by zxing-cpp and pyzbar from camera-like frames: sharp, rotated, small."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.devices.decoders import (
    DECODER_NAMES,
    OpencvQrDecoder,
    PyzbarDecoder,
    ZxingDecoder,
    box_corners,
    make_decoder,
    payload_text,
)
from app.devices.make_demo_media import card_image, code_image
from app.resources import load_json

CODES = load_json("demo", "demo_codes.json")["codes"]
PYZBAR_CANNOT = {"PDF417", "DataMatrix", "Aztec"}  # ZBar has no (working) reader for these


def _frame(card: np.ndarray, *, angle: float = 0.0, scale: float = 1.0) -> np.ndarray:
    """The card on a 1280x720 grey scene, turned by ``angle`` degrees and scaled."""
    frame = np.full((720, 1280, 3), 128, np.uint8)
    if scale != 1.0:
        card = cv2.resize(card, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = card.shape[:2]
    y, x = (720 - h) // 2, (1280 - w) // 2
    frame[y : y + h, x : x + w] = card
    if angle:
        turn = cv2.getRotationMatrix2D((640, 360), angle, 1.0)
        frame = cv2.warpAffine(frame, turn, (1280, 720), borderValue=(128, 128, 128))
    return frame


VARIANTS = {"sharp": {}, "rotated15": {"angle": 15.0}, "small": {"scale": 0.6}}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("code", CODES, ids=[c["name"] for c in CODES])
def test_zxing_reads_every_demo_code(code: dict, variant: str) -> None:
    frame = _frame(card_image_from(code), **VARIANTS[variant])
    decoder = ZxingDecoder()
    # Four camera frames: the tilted look for PDF417 has then tried +12 and -12 degrees.
    reads = [decoder.decode(frame) for _ in range(4)]
    found = next(r for r in reads if r)
    assert [(d.text, d.symbology) for d in found] == [(code["text"], code["symbology"])]
    if code["symbology"] != "PDF417":
        assert all(reads), "QR and 1D codes are read at any angle, on every frame"
    xs = [x for x, _ in found[0].corners]
    ys = [y for _, y in found[0].corners]
    assert 200 < sum(xs) / 4 < 1080 and 100 < sum(ys) / 4 < 620  # the outline is on the card


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("code", CODES, ids=[c["name"] for c in CODES])
def test_pyzbar_reads_every_demo_code_it_supports(code: dict, variant: str) -> None:
    frame = _frame(card_image_from(code), **VARIANTS[variant])
    found = PyzbarDecoder().decode(frame)
    if code["symbology"] in PYZBAR_CANNOT:
        assert found == []  # the documented reason zxing-cpp is the default
    else:
        assert [(d.text, d.symbology) for d in found] == [(code["text"], code["symbology"])]


def test_exhaustive_zxing_reads_a_tilted_pdf417_in_one_call() -> None:
    pdf = next(c for c in CODES if c["symbology"] == "PDF417")
    frame = _frame(card_image_from(pdf), angle=-18.0)
    assert ZxingDecoder(tilts=()).decode(frame) == []  # what zxing-cpp alone manages
    found = ZxingDecoder(exhaustive=True).decode(frame)
    assert [d.text for d in found] == [pdf["text"]]
    centre_x = sum(x for x, _ in found[0].corners) / 4
    assert abs(centre_x - 640) < 60  # corners mapped back to the untilted frame


def test_opencv_reads_qr_only() -> None:
    qr = next(c for c in CODES if c["symbology"] == "QRCode")
    found = OpencvQrDecoder().decode(_frame(card_image_from(qr)))
    assert [d.text for d in found] == [qr["text"]]
    pdf = next(c for c in CODES if c["symbology"] == "PDF417")
    assert OpencvQrDecoder().decode(_frame(card_image_from(pdf))) == []


def test_grayscale_frames_are_accepted() -> None:
    gray = cv2.cvtColor(_frame(card_image_from(CODES[0])), cv2.COLOR_BGR2GRAY)
    for name in DECODER_NAMES:
        assert [d.text for d in make_decoder(name).decode(gray)] == [CODES[0]["text"]]


def test_empty_frame_finds_nothing() -> None:
    blank = np.full((720, 1280, 3), 128, np.uint8)
    for name in DECODER_NAMES:
        assert make_decoder(name).decode(blank) == []


def test_unknown_decoder_name_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown decoder"):
        make_decoder("magic")


def test_payload_text_falls_back_from_utf8_to_cp1251() -> None:
    assert payload_text("Қазақ".encode()) == "Қазақ"
    assert payload_text("Билет №5".encode("cp1251")) == "Билет №5"
    assert payload_text(b"\x98") == "\x98"  # undefined in cp1251: Latin-1 takes every byte


def test_cp1251_qr_payload_reads_as_cyrillic() -> None:
    import zxingcpp

    symbol = zxingcpp.create_barcode("Билет".encode("cp1251"), zxingcpp.BarcodeFormat.QRCode)
    image = np.array(zxingcpp.write_barcode_to_image(symbol, scale=6))
    assert [d.text for d in ZxingDecoder().decode(image)] == ["Билет"]


def test_box_corners_are_clockwise_from_top_left() -> None:
    many = [(10, 50), (10, 10), (100, 12), (100, 48), (55, 11), (55, 49)]
    corners = box_corners(many)
    assert len(corners) == 4
    top_left, top_right, bottom_right, bottom_left = corners
    assert top_left[0] < top_right[0] and top_left[1] < bottom_left[1]
    assert bottom_right[0] > bottom_left[0] and bottom_right[1] > top_right[1]


def card_image_from(code: dict) -> np.ndarray:
    """The card as the demo video draws it, from the JSON entry."""
    from app.devices.make_demo_media import DemoCode

    return card_image(DemoCode(**code))


def test_code_image_is_grayscale_with_quiet_zone() -> None:
    image = code_image("DEMO01A", "QRCode", 4)
    assert image.ndim == 2 and image[0, 0] == 255
