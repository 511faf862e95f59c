"""Camera capture and the decode pipeline, without Qt (DESIGN.md habit 7).

A ``FrameSource`` is a live camera (OpenCV, by index) or a video file played at its own frame
rate: the demo's and the tests' camera, which drives exactly the same pipeline. The
``CameraPipeline`` captures in one thread and keeps only the newest frame; a second thread decodes
whatever is newest when it becomes free, so a slow decoder drops frames instead of queueing them
and the preview never lags behind the door. A code is reported when it appears, and not again
while it stays in view or comes back within ``repeat_after_s`` seconds.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import cv2
import numpy as np

from app.devices.decoders import Corners, Decoder, Detection

log = logging.getLogger(__name__)

CameraErrorCode = Literal["missing", "busy", "ended"]
Clock = Callable[[], float]

# A modest resolution: enough for an ID card's PDF417 at arm's length, cheap to decode.
DEFAULT_WIDTH = 1280
DEFAULT_HEIGHT = 720
DEFAULT_REPEAT_AFTER_S = 3.0
_FALLBACK_FPS = 25.0
_FIRST_FRAME_TRIES = 10  # some drivers hand out a few empty frames right after opening


class CameraError(Exception):
    """Why there is no picture: "missing" (no such camera or file), "busy" (another program has
    it, or it gives no frames), "ended" (the video file is over)."""

    def __init__(self, code: CameraErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: CameraErrorCode = code
        self.message = message


@dataclass(frozen=True)
class Frame:
    """A captured picture, its sequence number, and the moment it was captured (clock seconds)."""

    image: np.ndarray
    index: int
    t: float


class FrameSource(Protocol):
    """A camera. ``read`` blocks until the next frame and raises CameraError when there is none."""

    def open(self) -> None: ...

    def read(self) -> Frame: ...

    def close(self) -> None: ...


class OpenCvCamera:
    """A real camera through OpenCV, asked for 1280x720 (the driver may pick the nearest mode)."""

    def __init__(
        self,
        index: int,
        *,
        width: int = DEFAULT_WIDTH,
        height: int = DEFAULT_HEIGHT,
        backend: int = cv2.CAP_ANY,
        clock: Clock = time.monotonic,
    ) -> None:
        self.index = index
        self._size = (width, height)
        self._backend = backend
        self._clock = clock
        self._cap: cv2.VideoCapture | None = None
        self._count = 0

    def open(self) -> None:
        cap = cv2.VideoCapture(self.index, self._backend)
        if not cap.isOpened():
            cap.release()
            raise _not_opened(self.index)
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self._size[0])
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self._size[1])
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # where supported: no stale frames in the driver
        for _ in range(_FIRST_FRAME_TRIES):
            ok, _image = cap.read()
            if ok:
                break
        else:
            cap.release()
            raise CameraError(
                "busy",
                f"Camera {self.index} opened but gives no picture; is another program using it?",
            )
        self._cap = cap

    def read(self) -> Frame:
        if self._cap is None:
            raise CameraError("missing", f"Camera {self.index} is not open.")
        ok, image = self._cap.read()
        if not ok:
            raise CameraError(
                "missing", f"Camera {self.index} stopped giving pictures (unplugged?)."
            )
        self._count += 1
        return Frame(image, self._count - 1, self._clock())

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


def _not_opened(index: int) -> CameraError:
    """On Linux a device node that exists but will not open is busy; elsewhere we cannot tell."""
    if sys.platform.startswith("linux") and Path(f"/dev/video{index}").exists():
        return CameraError("busy", f"Camera {index} is in use by another program.")
    return CameraError("missing", f"No camera {index} was found. Is it plugged in?")


class VideoFileSource:
    """A video file played as a camera: frames are handed out at the file's own rate.

    ``speed`` plays faster (tests use it to keep runs short); ``loop`` restarts at the end,
    as the demo's camera does. The clock and sleep are injectable so timing can be scripted.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        loop: bool = False,
        speed: float = 1.0,
        clock: Clock = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.path = Path(path)
        self.loop = loop
        self.speed = speed
        self._clock = clock
        self._sleep = sleep
        self._cap: cv2.VideoCapture | None = None
        self.fps = _FALLBACK_FPS
        self._count = 0
        self._start = 0.0

    def open(self) -> None:
        if not self.path.is_file():
            raise CameraError("missing", f"The video file {self.path.name} was not found.")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            cap.release()
            raise CameraError("missing", f"The video file {self.path.name} cannot be played.")
        fps = cap.get(cv2.CAP_PROP_FPS)
        self.fps = fps if fps and fps > 0 else _FALLBACK_FPS
        self._cap = cap
        self._count = 0
        self._start = self._clock()

    def read(self) -> Frame:
        if self._cap is None:
            raise CameraError("missing", "The video file is not open.")
        due = self._start + self._count / (self.fps * self.speed)
        delay = due - self._clock()
        if delay > 0:
            self._sleep(delay)
        ok, image = self._cap.read()
        if not ok and self.loop:
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, image = self._cap.read()
        if not ok:
            raise CameraError("ended", f"The video file {self.path.name} has ended.")
        self._count += 1
        return Frame(image, self._count - 1, self._clock())

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


def open_source(spec: str, **video_options: object) -> FrameSource:
    """The camera setting: a number is a camera index, anything else a video file path."""
    spec = spec.strip()
    if not spec:
        raise CameraError("missing", "No camera is configured.")
    if spec.isdigit():
        return OpenCvCamera(int(spec))
    return VideoFileSource(spec, **video_options)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CodeEvent:
    """A code newly in view: what the door acts on. ``seen_t`` is the capture moment of the frame
    it was read from, ``reported_t`` when the pipeline reported it (both pipeline clock)."""

    text: str
    symbology: str
    corners: Corners
    frame_index: int
    seen_t: float
    reported_t: float


class RepeatFilter:
    """Lets a code through once, then not while it is seen again within ``repeat_after_s``.

    The window restarts at every sighting, so a card held in front of the camera is one scan,
    and a visitor who steps away and comes back later is a new one.
    """

    def __init__(self, repeat_after_s: float = DEFAULT_REPEAT_AFTER_S) -> None:
        self.repeat_after_s = repeat_after_s
        self._last_seen: dict[str, float] = {}

    def accept(self, text: str, now: float) -> bool:
        last = self._last_seen.get(text)
        self._last_seen[text] = now
        if len(self._last_seen) > 64:  # forget codes long gone; the dict stays tiny
            horizon = now - self.repeat_after_s
            self._last_seen = {k: t for k, t in self._last_seen.items() if t >= horizon}
        return last is None or now - last >= self.repeat_after_s


@dataclass
class PipelineStats:
    captured: int = 0
    decoded: int = 0

    @property
    def dropped(self) -> int:
        """Frames never decoded because a newer one replaced them while the decoder was busy."""
        return max(0, self.captured - self.decoded - 1)


class CameraPipeline:
    """Capture thread + decode worker; callbacks run on those threads (adapters re-post them).

    ``on_frame`` gets every captured frame (for the preview), ``on_decoded`` every decoded
    frame's detections (for outlines, including suppressed codes), ``on_code`` each new code,
    ``on_error`` the CameraError that stopped capture.
    """

    def __init__(
        self,
        source: FrameSource,
        decoder: Decoder,
        *,
        on_code: Callable[[CodeEvent], None],
        on_frame: Callable[[Frame], None] | None = None,
        on_decoded: Callable[[Frame, list[Detection]], None] | None = None,
        on_error: Callable[[CameraError], None] | None = None,
        repeat_after_s: float = DEFAULT_REPEAT_AFTER_S,
        clock: Clock = time.monotonic,
    ) -> None:
        self.source = source
        self.decoder = decoder
        self._on_code = on_code
        self._on_frame = on_frame
        self._on_decoded = on_decoded
        self._on_error = on_error
        self._repeats = RepeatFilter(repeat_after_s)
        self._clock = clock
        self.stats = PipelineStats()
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._capturing = False
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def start(self) -> None:
        """Open the source and run; an open failure arrives through ``on_error``, not here."""
        if self.running:
            return
        self._stop.clear()
        self._capturing = True
        self._threads = [
            threading.Thread(target=self._capture_loop, name="camera-capture", daemon=True),
            threading.Thread(target=self._decode_loop, name="camera-decode", daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until capture has ended and the last frame is decoded (a video file's end)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in self._threads:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            thread.join(left)
        return not self.running

    def _capture_loop(self) -> None:
        try:
            self.source.open()
            while not self._stop.is_set():
                frame = self.source.read()
                with self._cond:
                    self._latest = frame  # replaces an undecoded older frame: it is dropped
                    self.stats.captured += 1
                    self._cond.notify_all()
                if self._on_frame is not None:
                    self._on_frame(frame)
        except CameraError as exc:
            if not self._stop.is_set() and self._on_error is not None:
                self._on_error(exc)
        except Exception:  # a driver failing in an unexpected way must not kill the app silently
            log.exception("camera capture failed")
            if self._on_error is not None:
                self._on_error(CameraError("busy", "The camera failed; see the log for details."))
        finally:
            self.source.close()
            with self._cond:
                self._capturing = False
                self._cond.notify_all()

    def _next_frame(self) -> Frame | None:
        with self._cond:
            while self._latest is None and self._capturing and not self._stop.is_set():
                self._cond.wait()
            frame, self._latest = self._latest, None
            return None if self._stop.is_set() else frame

    def _decode_loop(self) -> None:
        while True:
            frame = self._next_frame()
            if frame is None:
                return
            try:
                detections = self.decoder.decode(frame.image)
            except Exception:  # one bad frame must not stop the door's camera
                log.exception("decoder %s failed on frame %d", self.decoder.name, frame.index)
                continue
            self.stats.decoded += 1
            if self._on_decoded is not None:
                self._on_decoded(frame, detections)
            now = self._clock()
            for det in detections:
                if self._repeats.accept(det.text, now):
                    self._on_code(
                        CodeEvent(det.text, det.symbology, det.corners, frame.index, frame.t, now)
                    )
