"""Barcode decoders for camera frames, behind one small protocol.

Three implementations so the benchmark can compare them on the same frames and settings can
switch between them: zxing-cpp (every symbology an ID card may use, PDF417 included), pyzbar
(ZBar: QR and 1D; no PDF417, DataMatrix or Aztec) and OpenCV's QR detector (QR only, kept for
the benchmark). Each decoder takes a code's text from its character set (zxing-cpp: the code's ECI and its symbology's default; pyzbar: ZBar's
UTF-8 output through ``payload_text``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

from app.core.scan import Scan, ScanKind, classify

Point = tuple[float, float]
Corners = tuple[Point, Point, Point, Point]

DECODER_NAMES = ("zxing", "pyzbar", "opencv")
# The symbologies a venue meets: tickets, posters, ID cards, phone screens. Left out of the
# camera's search (they cost time on every frame and no venue code uses them): GS1 DataBar
# (fresh-food labels), MaxiCode (parcels), DX film edges, Telepen, Code 32 / PZN (pharmacy).
VENUE_FORMATS = (
    "QRCode",
    "MicroQRCode",
    "RMQRCode",
    "DataMatrix",
    "Aztec",
    "PDF417",
    "MicroPDF417",
    "Code128",
    "Code39",
    "Code93",
    "Codabar",
    "ITF",
    "EANUPC",
)
DEFAULT_DECODER = "zxing"


@dataclass(frozen=True)
class Detection:
    """One code found in a frame; corners (clockwise from top-left) outline it on the preview."""

    text: str
    symbology: str
    corners: Corners


class Decoder(Protocol):
    """Anything that finds codes in a BGR or grayscale frame."""

    name: str

    def decode(self, frame: np.ndarray) -> list[Detection]: ...


def payload_text(raw: bytes) -> str:
    """Text of a code's payload: UTF-8, else cp1251, else Latin-1 (never fails).

    cp1251 is the fallback because Kazakh and Russian systems that do not write UTF-8 write it;
    Latin-1 maps every byte, so a binary payload still yields a string for the classifier.
    """
    for encoding in ("utf-8", "cp1251"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def to_gray(frame: np.ndarray) -> np.ndarray:
    """A grayscale view: every decoder binarises luminance, and one channel is a third the work."""
    if frame.ndim == 2:
        return frame
    if frame.ndim == 3 and frame.shape[2] == 3:
        return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    if frame.ndim == 3 and frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    raise ValueError(f"Expected a BGR or grayscale frame, got shape {frame.shape}.")


def box_corners(points: Sequence[Sequence[float]]) -> Corners:
    """Four corners from any outline: 1D decoders report a polygon of many scan-line points."""
    pts = np.asarray(points, dtype=np.float32).reshape(-1, 2)
    box = pts if len(pts) == 4 else cv2.boxPoints(cv2.minAreaRect(pts))
    # Order clockwise from the top-left, so every decoder's outline is drawn the same way.
    centre = box.mean(axis=0)
    angles = np.arctan2(box[:, 1] - centre[1], box[:, 0] - centre[0])
    ordered = box[np.argsort(angles)]
    start = int(np.argmin(ordered.sum(axis=1)))
    ordered = np.roll(ordered, -start, axis=0)
    return tuple((float(x), float(y)) for x, y in ordered)  # type: ignore[return-value]


class ZxingDecoder:
    """zxing-cpp over all readable formats, inverted codes included, plus a tilted look for PDF417.

    Text: zxing-cpp's own (``TextMode.Plain``), which applies the code's ECI designators and its
    symbology's default character set, and guesses (UTF-8, Shift_JIS, ISO-8859-1) only where a
    code declares nothing. Only a code zxing-cpp calls binary is turned into text from its bytes
    (``payload_text``: UTF-8, else cp1251, else Latin-1). A cp1251 QR without an ECI is
    therefore read as zxing-cpp reads it (not as Cyrillic): the standard says ISO-8859-1.

    Inversion is on: light-on-dark codes are common on phone screens in dark mode.

    Tilted PDF417 (the ID card's barcode): zxing-cpp reads PDF417 only near level, and cards are
    held tilted. When the level pass found no PDF417, every ``tilt_every``-th call (2) also looks
    for PDF417 alone in the frame turned by the next angle of ``tilts`` (+12, -12): four
    consecutive camera frames have tried both. Measured range (``bench/bench_decode_images.py``:
    generated 1280x720 frames, card-sized PDF417 of 2-3 px modules, sensor noise, 4 frames, steps
    of 2 degrees): zxing-cpp alone reads -6..+6 degrees with an MRZ payload and -8..+10 with a
    short IIN payload; with the turned looks -18..+18 (MRZ; 2 px modules miss -12 and +2) and
    -20..+22 (IIN). Nothing beyond +-22. Free text that is no ticket, IIN or MRZ keeps zxing-cpp's
    own -8..+8 (see the guard). Real photos (blur, glare, curved cards) read less than these.

    Misread guard: a turned frame can make zxing-cpp read a wrong text that it never reads from
    the level frame, and read it again from the same view. A tilted read is reported only when
    its text classifies as a valid ticket, IIN or MRZ (``app.core.scan.classify``), or when the
    same text has been read at two different angles within the last ``2 * len(tilts)`` calls
    (or in one exhaustive call): the same angle twice is no second opinion. Only PDF417 is
    sought in turned frames: zxing-cpp misread a Code128 turned by 12 degrees.

    Cost: the turned look adds a warp and a PDF417-only read; the level pass searches only
    ``VENUE_FORMATS`` (``formats=None``: all), which pays for it (bench_decode_images).
    ``exhaustive=True`` tries every angle in one call; ``tilts=()`` switches the look off.
    """

    name = "zxing"

    def __init__(
        self,
        *,
        tilts: Sequence[float] = (12.0, -12.0),
        exhaustive: bool = False,
        try_invert: bool = True,
        formats: Sequence[str] | None = VENUE_FORMATS,
        tilt_every: int = 2,
    ) -> None:
        import zxingcpp

        self._zx = zxingcpp
        self._tilts = tuple(tilts)
        self._exhaustive = exhaustive
        self._try_invert = try_invert
        self._formats = zxingcpp.barcode_formats_from_str(",".join(formats)) if formats else None
        self._tilt_every = max(1, tilt_every)
        self._calls = 0
        # unconfirmed tilted text -> (angle, call) of its first read
        self._tilted_seen: dict[str, tuple[float, int]] = {}

    def decode(self, frame: np.ndarray) -> list[Detection]:
        gray = np.ascontiguousarray(to_gray(frame))
        self._calls += 1
        options: dict[str, Any] = {} if self._formats is None else {"formats": self._formats}
        level = self._zx.read_barcodes(
            gray, try_invert=self._try_invert, text_mode=self._zx.TextMode.Plain, **options
        )
        found = self._read(level, None)
        if not self._tilts or any(d.symbology == "PDF417" for d in found):
            return found
        if self._exhaustive:
            angles = self._tilts
        elif (self._calls - 1) % self._tilt_every:
            return found  # a level-only frame: the turned look's cost is spread over frames
        else:
            turn = (self._calls - 1) // self._tilt_every
            angles = (self._tilts[turn % len(self._tilts)],)
        tilted = [(angle, det) for angle in angles for det in self._tilted_pdf417(gray, angle)]
        return found + self._confirmed(tilted)

    def _confirmed(self, tilted: list[tuple[float, Detection]]) -> list[Detection]:
        """The tilted reads that pass the misread guard, one per text."""
        horizon = self._calls - 2 * len(self._tilts) * self._tilt_every
        self._tilted_seen = {t: s for t, s in self._tilted_seen.items() if s[1] > horizon}
        angles: dict[str, set[float]] = {}
        for angle, det in tilted:
            angles.setdefault(det.text, set()).add(angle)
        out: list[Detection] = []
        for angle, det in tilted:
            if any(d.text == det.text for d in out):
                continue
            earlier = self._tilted_seen.get(det.text)
            twice = len(angles[det.text]) > 1 or (earlier is not None and earlier[0] != angle)
            if twice or _valid_content(det.text):
                out.append(det)
            elif earlier is None:
                self._tilted_seen[det.text] = (angle, self._calls)
        return out

    def _tilted_pdf417(self, gray: np.ndarray, angle: float) -> list[Detection]:
        h, w = gray.shape
        turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        # bilinear: a nearest-neighbour warp costs a third but lost 9 of 155 tilted reads
        turned = cv2.warpAffine(gray, turn, (w, h), borderMode=cv2.BORDER_REPLICATE)
        codes = self._zx.read_barcodes(
            turned,
            formats=self._zx.BarcodeFormat.PDF417,
            try_rotate=False,  # the level pass already looked at 90 and 270 degrees
            try_invert=False,  # ID cards print dark on light; phone screens show no PDF417
            text_mode=self._zx.TextMode.Plain,
        )
        return self._read(codes, cv2.invertAffineTransform(turn))

    def _read(self, codes: Sequence[Any], back: np.ndarray | None) -> list[Detection]:
        out: list[Detection] = []
        for code in codes:
            p = code.position
            points = np.array(
                [
                    (p.top_left.x, p.top_left.y),
                    (p.top_right.x, p.top_right.y),
                    (p.bottom_right.x, p.bottom_right.y),
                    (p.bottom_left.x, p.bottom_left.y),
                ],
                dtype=np.float32,
            )
            if back is not None:  # outline in the camera frame's coordinates, not the turned one
                points = cv2.transform(points.reshape(-1, 1, 2), back).reshape(-1, 2)
            if code.content_type == self._zx.ContentType.Binary:
                text = payload_text(bytes(code.bytes))
            else:
                text = code.text
            out.append(Detection(text, code.format.name, box_corners(points)))
        return out


def _valid_content(text: str) -> bool:
    """A ticket, an IIN or an MRZ the door would accept: what a misread almost never is."""
    outcome = classify(text, from_keyboard=False)
    return isinstance(outcome, Scan) and outcome.kind in {
        ScanKind.TICKET,
        ScanKind.IIN,
        ScanKind.MRZ,
    }


class PyzbarDecoder:
    """ZBar through pyzbar: fast on QR and 1D, but it cannot read PDF417, DataMatrix or Aztec."""

    name = "pyzbar"

    def __init__(self) -> None:
        from pyzbar import pyzbar

        self._zbar = pyzbar

    def decode(self, frame: np.ndarray) -> list[Detection]:
        gray = np.ascontiguousarray(to_gray(frame))
        out: list[Detection] = []
        for code in self._zbar.decode(gray):
            corners = box_corners([(pt.x, pt.y) for pt in code.polygon])
            out.append(Detection(payload_text(code.data), _zbar_symbology(code.type), corners))
        return out


class OpencvQrDecoder:
    """OpenCV's QRCodeDetector: QR only, one code per frame; a baseline for the benchmark."""

    name = "opencv"

    def __init__(self) -> None:
        self._detector = cv2.QRCodeDetector()

    def decode(self, frame: np.ndarray) -> list[Detection]:
        text, points, _ = self._detector.detectAndDecode(to_gray(frame))
        if not text or points is None:
            return []
        # OpenCV hands back text it decoded itself; there are no bytes to apply payload_text to.
        return [Detection(text, "QRCode", box_corners(points))]


_ZBAR_NAMES = {"QRCODE": "QRCode", "CODE128": "Code128", "CODE39": "Code39", "EAN13": "EAN13"}


def _zbar_symbology(zbar_type: str) -> str:
    """The zxing-style name, so tests and logs compare symbologies across decoders."""
    return _ZBAR_NAMES.get(zbar_type, zbar_type.title().replace("_", ""))


STILL_FRAMES = 4  # a card held still for 0.13 s at 30 frames/s: every turned angle tried once


def decode_still(
    decoder: Decoder, image: np.ndarray, frames: int = STILL_FRAMES
) -> list[Detection]:
    """A still picture as the camera path sees a card held still: ``frames`` consecutive frames
    through the same decoder with the same settings, each code once, in the order first seen.
    (``ashyq scan-image`` and the tests use it: what it reads, the door reads.)"""
    seen: dict[tuple[str, str], Detection] = {}
    for _ in range(frames):
        for det in decoder.decode(image):
            seen.setdefault((det.symbology, det.text), det)
    return list(seen.values())


def read_image(path: str | Path) -> np.ndarray:
    """An image file as the BGR frame a camera would give; ValueError when it is no image.

    Read through ``np.fromfile`` + ``cv2.imdecode`` so paths with any characters work on Windows.
    """
    data = np.fromfile(str(path), dtype=np.uint8)
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise ValueError(f"{Path(path).name} is not an image OpenCV can read.")
    return image


def make_decoder(name: str = DEFAULT_DECODER) -> Decoder:
    """The decoder named in settings; an unknown name is a programming or settings error."""
    if name == "zxing":
        return ZxingDecoder()
    if name == "pyzbar":
        return PyzbarDecoder()
    if name == "opencv":
        return OpencvQrDecoder()
    raise ValueError(f"Unknown decoder {name!r}; expected one of {', '.join(DECODER_NAMES)}.")
