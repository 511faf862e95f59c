"""The camera decoder reads codes as zxing-cpp does at its best (issue 13): every character set
and ECI, inverted codes, tilted PDF417 only with a guard; and `ashyq scan-image` reads files
exactly as the camera path does."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.cli import main
from app.devices.decoders import ZxingDecoder, decode_still
from bench.decode_images import PDF_TEXTS, mixed_eci_qr, place, qr_image, symbol


def texts(image: np.ndarray, decoder: ZxingDecoder | None = None) -> list[str]:
    return [d.text for d in decode_still(decoder or ZxingDecoder(), image)]


# --- character sets and ECI -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("segments", "expected"),
    [
        ([(None, "Histórico".encode("latin-1"))], "Histórico"),  # QR's default: ISO-8859-1
        ([(None, "日本語のテキスト".encode("shift_jis"))], "日本語のテキスト"),
        ([(None, "Қазақ тілі".encode())], "Қазақ тілі"),
        ([(26, "Билет №5 Қазақ".encode())], "Билет №5 Қазақ"),
        ([(22, "Билет №5".encode("cp1251"))], "Билет №5"),
        ([(17, "Prix 5 €".encode("iso-8859-15"))], "Prix 5 €"),
        ([(20, "チケット".encode("shift_jis"))], "チケット"),
    ],
    ids=["latin1", "shift-jis", "utf8", "eci-utf8", "eci-cp1251", "eci-latin9", "eci-sjis"],
)
def test_qr_text_follows_its_eci_and_default_charset(
    segments: list[tuple[int | None, bytes]], expected: str
) -> None:
    assert texts(place(qr_image(segments), 1)) == [expected]


def test_the_issues_historico_is_not_cyrillic() -> None:
    image = qr_image([(None, "Histórico".encode("latin-1"))])
    assert texts(image) == ["Histórico"]  # was "Histуrico" through UTF-8-then-cp1251


def test_mixed_eci_qr() -> None:
    image, expected = mixed_eci_qr()
    assert expected == "Histórico Русский 日本"
    assert texts(place(image, 2)) == [expected]


def test_binary_payload_is_read_from_its_bytes() -> None:
    import zxingcpp

    code = zxingcpp.create_barcode("Билет".encode("cp1251"), zxingcpp.BarcodeFormat.QRCode)
    assert code.content_type == zxingcpp.ContentType.Binary  # the writer marks bytes binary
    image = np.array(zxingcpp.write_barcode_to_image(code, scale=6))
    assert texts(image) == ["Билет"]


# --- inverted codes -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "fmt"), [("DEMO01A", "QRCode"), ("AB12CD34", "DataMatrix")])
def test_inverted_codes_are_read(text: str, fmt: str) -> None:
    frame = place(symbol(text, fmt, 6), 3, invert=True)
    assert texts(frame) == [text]
    assert ZxingDecoder(try_invert=False).decode(frame) == []  # what was missed before


# --- tilted PDF417 --------------------------------------------------------------------------


def test_tilted_pdf417_with_an_iin_is_read_on_its_first_tilted_look() -> None:
    frame = place(symbol(PDF_TEXTS["iin"], "PDF417", 3), 4, angle=-16.0)
    assert ZxingDecoder(tilts=()).decode(frame) == []  # zxing-cpp alone cannot
    decoder = ZxingDecoder(tilts=(12.0, -12.0))  # turned looks on frames 1 (+12) and 3 (-12)
    reads = [decoder.decode(frame) for _ in range(4)]
    assert [[d.text for d in r] for r in reads] == [[PDF_TEXTS["iin"]], [], [], []]
    centre_x = sum(x for x, _ in reads[0][0].corners) / 4
    assert abs(centre_x - 640) < 80  # outline mapped back to the camera frame


def test_tilted_free_text_is_reported_only_once_read_at_two_angles() -> None:
    frame = place(symbol(PDF_TEXTS["free"], "PDF417", 3), 5, angle=-12.0)
    assert ZxingDecoder(tilts=()).decode(frame) == []
    two_views = ZxingDecoder(tilts=(8.0, 16.0), tilt_every=1)  # both angles read this frame
    assert two_views.decode(frame) == []  # the first sighting is held back
    assert [d.text for d in two_views.decode(frame)] == [PDF_TEXTS["free"]]
    spread = ZxingDecoder(tilts=(8.0, 16.0))  # turned looks on frames 1 and 3 only
    assert [[d.text for d in spread.decode(frame)] for _ in range(3)] == [
        [],
        [],
        [PDF_TEXTS["free"]],
    ]
    assert [d.text for d in ZxingDecoder(tilts=(8.0, 16.0), exhaustive=True).decode(frame)] == [
        PDF_TEXTS["free"]
    ]
    same_view = ZxingDecoder(tilts=(12.0,))  # the same view again is no second opinion
    assert all(same_view.decode(frame) == [] for _ in range(4))


def test_level_pdf417_gets_no_tilted_look() -> None:
    frame = place(symbol(PDF_TEXTS["mrz"], "PDF417", 3), 6)
    decoder = ZxingDecoder()
    assert [d.text for d in decoder.decode(frame)] == [PDF_TEXTS["mrz"]]
    assert decoder._tilted_seen == {}  # noqa: SLF001 (no tilted look was taken)


# --- ashyq scan-image -----------------------------------------------------------------------


def test_scan_image_reads_files_as_the_camera_does(tmp_path: Path, capsys) -> None:
    files = {
        "mixed.png": place(mixed_eci_qr()[0], 7),
        "dark.png": place(symbol("DEMO01A", "QRCode", 6), 8, invert=True),
        "tilted.jpg": place(symbol(PDF_TEXTS["iin"], "PDF417", 3), 9, angle=16.0),
        "empty.png": place(None, 10),
    }
    for name, image in files.items():
        assert cv2.imwrite(str(tmp_path / name), image)
    paths = [str(tmp_path / name) for name in files]
    assert main(["scan-image", *paths, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == [
        {"file": paths[0], "codes": [{"format": "QRCode", "text": mixed_eci_qr()[1]}]},
        {"file": paths[1], "codes": [{"format": "QRCode", "text": "DEMO01A"}]},
        {"file": paths[2], "codes": [{"format": "PDF417", "text": PDF_TEXTS["iin"]}]},
        {"file": paths[3], "codes": []},
    ]


def test_scan_image_names_a_file_it_cannot_read(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not an image", encoding="utf-8")
    assert main(["scan-image", str(bad), str(tmp_path / "missing.png"), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [entry["codes"] for entry in out] == [[], []]
    assert "not an image" in out[0]["error"]
    assert main(["scan-image", str(bad)]) == 1
    assert "notes.txt" in capsys.readouterr().out
