"""The image set of bench_decode_images, generated (no third-party images, nothing to license).

Every image is a 1280x720 camera-like frame (grey desk, gradient, sensor noise) holding one code
whose expected text is known, or none. The set covers what issue 13 found missing: QR codes with
ECI designators, without (ISO-8859-1 and Shift_JIS bytes) and with mixed ECIs; inverted (light on
dark) QR and Data Matrix; PDF417 tilted from -30 to +30 degrees; Code128, Data Matrix and Aztec;
and empty frames. ``mixed_eci_qr`` builds its QR bit stream by hand through the ``qrcode``
package, since no writer at hand puts two ECIs in one symbol.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np
import qrcode
import qrcode.util
import zxingcpp

W, H = 1280, 720
TILTS = tuple(range(-30, 31, 2))
MRZ = (
    "IDKAZ0412365878880412401006<<<\n8804123M3004124KAZ<<<<<<<<<<<6\nABAYEV<<ARMAN<ERLANULY<<<<<<<<"
)
PDF_TEXTS = {
    "iin": "ID KAZ N04123658 880315300103",
    "mrz": MRZ,
    "free": "A larger PDF 417 barcode with free text, read only when it is read twice.",
}


@dataclass(frozen=True)
class Sample:
    name: str
    group: str  # what the sample tests: charset, inverted, tilted_pdf417, ...
    image: np.ndarray  # BGR, as a camera gives it
    expected: str | None  # None: an empty frame


class _Eci:
    """A QR segment header "ECI <designator>" for ``qrcode``: mode 0111, then 8 bits."""

    mode = 0b0111

    def __init__(self, designator: int) -> None:
        self.designator = designator

    def __len__(self) -> int:
        return self.designator  # written in the 8-bit "length" field: the designator itself

    def write(self, buffer: object) -> None:
        return None


@contextlib.contextmanager
def _eci_headers() -> Iterator[None]:
    original = qrcode.util.length_in_bits

    def length_in_bits(mode: int, version: int) -> int:
        return 8 if mode == _Eci.mode else original(mode, version)

    qrcode.util.length_in_bits = length_in_bits
    try:
        yield
    finally:
        qrcode.util.length_in_bits = original


def qr_image(segments: list[tuple[int | None, bytes]], box: int = 6) -> np.ndarray:
    """A QR (grayscale, quiet zone) from byte segments, each after an ECI header when given."""
    q = qrcode.QRCode(version=6, border=4, box_size=box)
    for eci, data in segments:
        if eci is not None:
            q.data_list.append(_Eci(eci))  # type: ignore[arg-type]
        q.data_list.append(qrcode.util.QRData(data, mode=qrcode.util.MODE_8BIT_BYTE))
    with _eci_headers():
        q.make(fit=False)
    return np.array(q.make_image().convert("L"))


def mixed_eci_qr() -> tuple[np.ndarray, str]:
    """ISO-8859-1, ISO-8859-5 and Shift_JIS segments in one QR (ECI 3, 7, 20)."""
    parts = [(3, "Histórico ", "latin-1"), (7, "Русский ", "iso-8859-5"), (20, "日本", "shift_jis")]
    image = qr_image([(eci, text.encode(codec)) for eci, text, codec in parts])
    return image, "".join(text for _, text, _ in parts)


def symbol(text: str, fmt: str, module: int) -> np.ndarray:
    """zxing-cpp's writer; 1D codes made tall, PDF417 rows made taller, as printed codes are."""
    barcode = zxingcpp.create_barcode(text, getattr(zxingcpp.BarcodeFormat, fmt))
    image = np.array(zxingcpp.write_barcode_to_image(barcode, scale=module))
    if fmt == "Code128":
        image = cv2.resize(image, (image.shape[1], 110), interpolation=cv2.INTER_NEAREST)
    elif fmt == "PDF417":
        image = cv2.resize(image, (image.shape[1], image.shape[0] * 3 // 2), interpolation=0)
    return image


def scene(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    ramp = np.linspace(160, 100, H, dtype=np.float32)[:, None] * np.ones((1, W), np.float32)
    return (ramp + rng.normal(0, 3, (H, W))).clip(0, 255).astype(np.uint8)


def place(code: np.ndarray | None, seed: int, *, angle: float = 0.0, invert: bool = False,
          paper: int = 235) -> np.ndarray:  # fmt: skip
    """The code on a card in the middle of a scene, then the whole frame turned by ``angle``."""
    frame = scene(seed)
    if code is not None:
        if invert:
            code = 255 - code  # light modules on a dark ground, quiet zone dark too
            paper = 255 - paper
        card = np.full((code.shape[0] + 60, code.shape[1] + 60), paper, np.uint8)
        card[30 : 30 + code.shape[0], 30 : 30 + code.shape[1]] = code
        h, w = card.shape
        y, x = (H - h) // 2, (W - w) // 2
        frame[y : y + h, x : x + w] = card
    if angle:
        turn = cv2.getRotationMatrix2D((W / 2, H / 2), angle, 1.0)
        frame = cv2.warpAffine(frame, turn, (W, H), borderMode=cv2.BORDER_REPLICATE)
    return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)


def samples() -> list[Sample]:
    out: list[Sample] = []
    seed = iter(range(1000, 100000))

    def add(name: str, group: str, code: np.ndarray | None, expected: str | None,
            **kw: object) -> None:  # fmt: skip
        out.append(Sample(name, group, place(code, next(seed), **kw), expected))  # type: ignore[arg-type]

    charsets = {
        "latin1-no-eci": ([(None, "Histórico".encode("latin-1"))], "Histórico"),
        "utf8-no-eci": ([(None, "Қазақ тілі".encode())], "Қазақ тілі"),
        "sjis-no-eci": ([(None, "日本語のテキスト".encode("shift_jis"))], "日本語のテキスト"),
        "eci-utf8": ([(26, "Билет №5 Қазақ".encode())], "Билет №5 Қазақ"),
        "eci-cp1251": ([(22, "Билет №5".encode("cp1251"))], "Билет №5"),
        "eci-latin9": ([(17, "Prix 5 €".encode("iso-8859-15"))], "Prix 5 €"),
        "eci-sjis": ([(20, "チケット".encode("shift_jis"))], "チケット"),
    }
    for name, (segments, text) in charsets.items():
        add(f"qr-{name}", "charset", qr_image(segments), text)
    image, text = mixed_eci_qr()
    add("qr-mixed-eci", "charset", image, text)
    for text, fmt in [("Histórico", "DataMatrix"), ("Histórico Қазақ", "Aztec")]:
        add(f"{fmt.lower()}-utf8", "charset", symbol(text, fmt, 5), text)
    for text, fmt, module in [("DEMO01A", "QRCode", 6), ("AB12CD34", "DataMatrix", 8),
                              ("880315300103", "QRCode", 5)]:  # fmt: skip
        add(f"inverted-{fmt.lower()}-{text}", "inverted", symbol(text, fmt, module), text,
            invert=True)  # fmt: skip
    for key, text in PDF_TEXTS.items():
        for module in (2, 3) if key != "free" else (3,):
            for angle in TILTS:
                add(f"pdf417-{key}-m{module}-{angle:+d}", "tilted_pdf417",
                    symbol(text, "PDF417", module), text, angle=float(angle))  # fmt: skip
    for angle in (0, 15, 45, 90):
        add(f"code128-{angle}", "code128", symbol("TK20261201A7", "Code128", 3), "TK20261201A7",
            angle=float(angle))  # fmt: skip
    for text, fmt in [("AB12CD", "QRCode"), ("AB12CD", "DataMatrix"), ("AB12CD", "Aztec")]:
        add(f"{fmt.lower()}-ticket", "matrix", symbol(text, fmt, 6), text, angle=20.0)
    for n in range(6):
        add(f"empty-{n}", "empty", None, None)
    return out
