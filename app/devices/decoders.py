"""Barcode decoders for camera frames, behind one small protocol.

Three implementations so the benchmark can compare them on the same frames and settings can
switch between them: zxing-cpp (every symbology an ID card may use, PDF417 included), pyzbar
(ZBar: QR and 1D; no PDF417, DataMatrix or Aztec) and OpenCV's QR detector (QR only, kept for
the benchmark). Every decoder turns the payload bytes into text the same way
(``payload_text``), so a code reads identically whichever decoder found it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import cv2
import numpy as np

Point = tuple[float, float]
Corners = tuple[Point, Point, Point, Point]

DECODER_NAMES = ("zxing", "pyzbar", "opencv")
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
    """zxing-cpp over all readable formats, plus a tilted look for PDF417.

    zxing-cpp reads QR, DataMatrix, Aztec and 1D codes at any angle, but PDF417 only within
    about 10 degrees of level, and ID cards are held tilted. So after the level pass over all
    formats, each call looks for PDF417 alone in the frame turned by the next angle of ``tilts``
    (+12, -12 by default: with the level pass they cover -22..+22 degrees); over two consecutive
    camera frames both angles have been tried. Only PDF417 is sought in turned frames: zxing-cpp
    misread a Code128 in a frame turned by 12 degrees during development. ``exhaustive=True``
    tries every angle in one call (for still images); ``tilts=()`` switches the look off.
    ``try_invert`` is off: light-on-dark codes do not occur on tickets, posters or ID cards, and
    the extra pass doubles the time per frame.
    """

    name = "zxing"

    def __init__(
        self,
        *,
        tilts: Sequence[float] = (12.0, -12.0),
        exhaustive: bool = False,
        try_invert: bool = False,
    ) -> None:
        import zxingcpp

        self._zx = zxingcpp
        self._tilts = tuple(tilts)
        self._exhaustive = exhaustive
        self._try_invert = try_invert
        self._turn = 0

    def decode(self, frame: np.ndarray) -> list[Detection]:
        gray = np.ascontiguousarray(to_gray(frame))
        found = self._read(self._zx.read_barcodes(gray, try_invert=self._try_invert), None)
        if not self._tilts or any(d.symbology == "PDF417" for d in found):
            return found
        if self._exhaustive:
            angles = self._tilts
        else:
            angles = (self._tilts[self._turn % len(self._tilts)],)
            self._turn += 1
        for angle in angles:
            tilted = self._tilted_pdf417(gray, angle)
            if tilted:
                return found + tilted
        return found

    def _tilted_pdf417(self, gray: np.ndarray, angle: float) -> list[Detection]:
        h, w = gray.shape
        turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        turned = cv2.warpAffine(gray, turn, (w, h), borderMode=cv2.BORDER_REPLICATE)
        codes = self._zx.read_barcodes(
            turned,
            formats=self._zx.BarcodeFormat.PDF417,
            try_rotate=False,  # the level pass already looked at 90 and 270 degrees
            try_invert=self._try_invert,
        )
        return self._read(codes, cv2.invertAffineTransform(turn))

    @staticmethod
    def _read(codes: Sequence[Any], back: np.ndarray | None) -> list[Detection]:
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
            raw = bytes(code.bytes)
            text = payload_text(raw) if raw else code.text
            out.append(Detection(text, code.format.name, box_corners(points)))
        return out


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


def make_decoder(name: str = DEFAULT_DECODER) -> Decoder:
    """The decoder named in settings; an unknown name is a programming or settings error."""
    if name == "zxing":
        return ZxingDecoder()
    if name == "pyzbar":
        return PyzbarDecoder()
    if name == "opencv":
        return OpencvQrDecoder()
    raise ValueError(f"Unknown decoder {name!r}; expected one of {', '.join(DECODER_NAMES)}.")
