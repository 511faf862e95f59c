"""Qt adapter for the camera pipeline: preview images and codes as signals on the UI thread.

The pipeline's callbacks run on its capture and decode threads. They are relayed through a
private QObject's signals (queued to the UI thread, where this object lives). The preview is
itself newest-only: while one frame waits to be turned into a QImage on the UI thread, newer
frames replace it instead of queueing, so a busy UI never falls behind the camera.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage

from app.devices.camera import (
    DEFAULT_REPEAT_AFTER_S,
    CameraError,
    CameraPipeline,
    CodeEvent,
    Frame,
    FrameSource,
    open_source,
)
from app.devices.decoders import Decoder, Detection, make_decoder


def to_qimage(image: np.ndarray) -> QImage:
    """A QImage that owns its pixels (the numpy buffer may be reused by the next frame)."""
    image = np.ascontiguousarray(image)
    h, w = image.shape[:2]
    if image.ndim == 2:
        return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_Grayscale8).copy()
    return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_BGR888).copy()


class _Relay(QObject):
    frame = Signal()
    code = Signal(object)
    outlines = Signal(object)
    error = Signal(object)


class CameraQt(QObject):
    """The door screen's camera.

    Signals: ``frame_ready(QImage)`` for the preview; ``code_found(text, corners)`` once per new
    code (corners in frame pixels, to outline it); ``code_event(CodeEvent)`` with the same plus
    symbology and timings; ``outlines(list of corner lists)`` after each decoded frame, so the
    preview can keep outlining a code held in view; ``error(code, message)`` when the camera is
    missing, busy or the video has ended.
    """

    frame_ready = Signal(QImage)
    code_found = Signal(str, list)
    code_event = Signal(object)
    outlines = Signal(list)
    error = Signal(str, str)
    stopped = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        q = Qt.ConnectionType.QueuedConnection
        self._relay.frame.connect(self._on_frame, q)
        self._relay.code.connect(self._on_code, q)
        self._relay.outlines.connect(self._on_outlines, q)
        self._relay.error.connect(self._on_error, q)
        self._pipeline: CameraPipeline | None = None
        self._pending: Frame | None = None
        self._lock = threading.Lock()

    @property
    def pipeline(self) -> CameraPipeline | None:
        return self._pipeline

    def start(
        self,
        camera: str | FrameSource,
        decoder: str | Decoder = "zxing",
        *,
        repeat_after_s: float = DEFAULT_REPEAT_AFTER_S,
        loop_video: bool = True,
    ) -> None:
        """Start capturing from a camera setting ("0", a video path) or a ready FrameSource."""
        self.stop()
        try:
            source = (
                open_source(camera, loop=loop_video) if isinstance(camera, (str, Path)) else camera
            )
        except CameraError as exc:
            self.error.emit(exc.code, exc.message)
            return
        self._pipeline = CameraPipeline(
            source,
            make_decoder(decoder) if isinstance(decoder, str) else decoder,
            on_code=self._relay.code.emit,
            on_frame=self._frame_from_thread,
            on_decoded=self._decoded_from_thread,
            on_error=self._relay.error.emit,
            repeat_after_s=repeat_after_s,
        )
        self._pipeline.start()

    def stop(self) -> None:
        if self._pipeline is not None:
            self._pipeline.stop()
            self._pipeline = None
            self.stopped.emit()

    # --- from the pipeline's threads --------------------------------------------------------

    def _frame_from_thread(self, frame: Frame) -> None:
        with self._lock:
            already_waiting = self._pending is not None
            self._pending = frame
        if not already_waiting:
            self._relay.frame.emit()

    def _decoded_from_thread(self, frame: Frame, detections: list[Detection]) -> None:
        self._relay.outlines.emit([list(d.corners) for d in detections])

    # --- on the UI thread ---------------------------------------------------------------------

    @Slot()
    def _on_frame(self) -> None:
        with self._lock:
            frame, self._pending = self._pending, None
        if frame is not None:
            self.frame_ready.emit(to_qimage(frame.image))

    @Slot(object)
    def _on_code(self, event: CodeEvent) -> None:
        self.code_event.emit(event)
        self.code_found.emit(event.text, list(event.corners))

    @Slot(object)
    def _on_outlines(self, outlines: list[list[tuple[float, float]]]) -> None:
        self.outlines.emit(outlines)

    @Slot(object)
    def _on_error(self, exc: CameraError) -> None:
        self.error.emit(exc.code, exc.message)
