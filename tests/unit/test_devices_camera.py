"""The camera pipeline: the demo video through the real capture and decode path, newest-frame-only
decoding under a slow decoder, repeat suppression, and the camera errors staff are shown."""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np
import pytest

from app.devices.camera import (
    CameraError,
    CameraPipeline,
    CodeEvent,
    Frame,
    OpenCvCamera,
    RepeatFilter,
    VideoFileSource,
    open_source,
)
from app.devices.decoders import Detection, ZxingDecoder
from app.resources import load_json, resource_path
from tests import timing

DEMO = load_json("demo", "demo_codes.json")
CORNERS = ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0))


def _run(pipeline: CameraPipeline, timeout: float = 60.0) -> None:
    pipeline.start()
    assert pipeline.wait(timing.seconds(timeout)), "the pipeline did not finish"


def test_demo_video_yields_every_listed_code_once_in_order() -> None:
    events: list[CodeEvent] = []
    errors: list[CameraError] = []
    # 3x real time on an idle machine (scale 2), slower on a busy one: each card is in view for
    # 1 s of video, and the decoder must get to it while it is
    speed = min(3.0, 6.0 / timing.scale())
    source = VideoFileSource(resource_path("demo", DEMO["video"]), speed=speed)
    pipeline = CameraPipeline(
        source, ZxingDecoder(), on_code=events.append, on_error=errors.append, repeat_after_s=3.0
    )
    _run(pipeline)
    assert [e.text for e in events] == [c["text"] for c in DEMO["codes"]]
    assert [e.symbology for e in events] == [c["symbology"] for c in DEMO["codes"]]
    assert [e.code for e in errors] == ["ended"]
    assert pipeline.stats.captured == round(DEMO["duration_s"] * DEMO["fps"])
    for event in events:  # found while the card is still, in video time (3x speed)
        assert event.frame_index / DEMO["fps"] >= 0.0
        assert event.reported_t >= event.seen_t


def test_demo_codes_list_valid_iins_for_every_status() -> None:
    from app.core.iin import is_valid_iin

    assert set(DEMO["iins"]) == {"green", "blue", "yellow", "red", "not_found"}
    assert all(is_valid_iin(iin) for iin in DEMO["iins"].values())
    assert len(set(DEMO["iins"].values())) == 5


class _FastSource:
    """A camera at ~200 frames/s whose frames carry their index; ends after ``count``.

    Its pace (and the slow decoder's) is stretched by the machine's time scale, so a thread
    that a busy machine leaves waiting for a few ms does not look like a pipeline that lags.
    """

    def __init__(self, count: int, interval_s: float = 0.005) -> None:
        self.count = count
        self.interval_s = timing.seconds(interval_s)
        self.latest = -1
        self.closed = False

    def open(self) -> None:
        self.latest = -1

    def read(self) -> Frame:
        if self.latest + 1 >= self.count:
            raise CameraError("ended", "done")
        time.sleep(self.interval_s)
        self.latest += 1
        return Frame(np.array([[self.latest]]), self.latest, time.monotonic())

    def close(self) -> None:
        self.closed = True


class _SlowDecoder:
    """Takes 40 ms per frame and notes which frame it got and what was newest at that moment."""

    name = "slow"

    def __init__(self, source: _FastSource) -> None:
        self.source = source
        self.seen: list[tuple[int, int]] = []

    def decode(self, frame: np.ndarray) -> list[Detection]:
        self.seen.append((int(frame[0, 0]), self.source.latest))
        time.sleep(timing.seconds(0.04))
        return []


def test_slow_decoder_gets_the_newest_frame_and_older_ones_are_dropped() -> None:
    source = _FastSource(count=120)
    decoder = _SlowDecoder(source)
    pipeline = CameraPipeline(source, decoder, on_code=lambda e: None)
    _run(pipeline)
    got = [index for index, _ in decoder.seen]
    assert got == sorted(set(got)), "frames are decoded in order, each once"
    assert len(got) < 120 / 3, "the decoder kept up only by skipping frames"
    assert pipeline.stats.captured == 120 and pipeline.stats.decoded == len(got)
    assert pipeline.stats.dropped >= 120 - len(got) - 1
    # Never a backlog: each frame handed to the decoder was the newest, or one older if the
    # camera delivered again between the hand-over and the decoder's first line.
    assert all(newest - index <= 1 for index, newest in decoder.seen)
    assert source.closed


class _ScriptedDecoder:
    """Finds the codes a script lists per frame index (frames carry their index)."""

    name = "scripted"

    def __init__(self, script: dict[int, list[str]]) -> None:
        self.script = script

    def decode(self, frame: np.ndarray) -> list[Detection]:
        return [Detection(t, "QRCode", CORNERS) for t in self.script.get(int(frame[0, 0]), [])]


def test_pipeline_suppresses_repeats_with_an_injected_clock() -> None:
    now = [0.0]
    source = _FastSource(count=6, interval_s=0.06)  # slow enough for the decoder to see each
    script = {0: ["A"], 1: ["A"], 2: ["B"], 3: ["A"], 4: ["A"], 5: ["A"]}
    decoded = threading.Event()

    class Clocked(_ScriptedDecoder):
        def decode(self, frame: np.ndarray) -> list[Detection]:
            now[0] = {0: 0.0, 1: 1.0, 2: 2.0, 3: 3.5, 4: 7.0, 5: 8.0}[int(frame[0, 0])]
            decoded.set()
            return super().decode(frame)

    events: list[CodeEvent] = []
    pipeline = CameraPipeline(
        source, Clocked(script), on_code=events.append, repeat_after_s=3.0, clock=lambda: now[0]
    )
    _run(pipeline)
    # A at 0 (new), 1 and 3.5 (seen again within 3 s of the last sighting), B at 2 (new),
    # A at 7 (away 3.5 s: a new scan), 8 (suppressed).
    assert [(e.text, e.reported_t) for e in events] == [("A", 0.0), ("B", 2.0), ("A", 7.0)]


def test_repeat_filter_window_restarts_at_each_sighting() -> None:
    f = RepeatFilter(3.0)
    assert f.accept("X", 0.0)
    assert not any(f.accept("X", t) for t in (1.0, 2.5, 4.0, 6.5))  # held in view: one scan
    assert f.accept("X", 9.6)
    assert f.accept("Y", 9.7)


def test_a_failing_decoder_does_not_stop_the_camera() -> None:
    source = _FastSource(count=10, interval_s=0.02)

    class Flaky(_ScriptedDecoder):
        def decode(self, frame: np.ndarray) -> list[Detection]:
            if int(frame[0, 0]) % 2:
                raise RuntimeError("corrupt frame")
            return super().decode(frame)

    events: list[CodeEvent] = []
    pipeline = CameraPipeline(source, Flaky({8: ["OK1234"]}), on_code=events.append)
    _run(pipeline)
    assert [e.text for e in events] == ["OK1234"]


def test_missing_camera_index_is_reported_as_missing() -> None:
    with pytest.raises(CameraError) as caught:
        OpenCvCamera(97).open()
    assert caught.value.code == "missing"
    errors: list[CameraError] = []
    pipeline = CameraPipeline(
        open_source("98"), ZxingDecoder(), on_code=lambda e: None, on_error=errors.append
    )
    _run(pipeline, timeout=30)
    assert [e.code for e in errors] == ["missing"]


def test_missing_video_file_and_empty_setting(tmp_path) -> None:
    with pytest.raises(CameraError) as caught:
        VideoFileSource(tmp_path / "nope.mp4").open()
    assert caught.value.code == "missing"
    with pytest.raises(CameraError) as caught:
        open_source("  ")
    assert caught.value.code == "missing"


def _tiny_video(path, frames: int = 5) -> None:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 50, (64, 48))
    for n in range(frames):
        writer.write(np.full((48, 64, 3), n * 40, np.uint8))
    writer.release()


def test_video_source_plays_at_its_frame_rate_and_loops(tmp_path) -> None:
    path = tmp_path / "tiny.avi"
    _tiny_video(path)
    clock = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 6))
        clock[0] += seconds

    source = VideoFileSource(path, loop=True, clock=lambda: clock[0], sleep=sleep)
    source.open()
    frames = [source.read() for _ in range(12)]  # more than the file holds: it loops
    source.close()
    assert [f.index for f in frames] == list(range(12))
    assert slept == [0.02] * 11  # 50 fps: the first frame at once, then one every 20 ms
    assert frames[5].image.mean() == pytest.approx(frames[0].image.mean(), abs=3)


def test_video_source_without_loop_ends(tmp_path) -> None:
    path = tmp_path / "tiny.avi"
    _tiny_video(path, frames=3)
    source = VideoFileSource(path, speed=1000.0)
    source.open()
    for _ in range(3):
        source.read()
    with pytest.raises(CameraError) as caught:
        source.read()
    assert caught.value.code == "ended"
    source.close()


def test_shipped_demo_codes_match_the_generator() -> None:
    from dataclasses import asdict

    from app.devices.make_demo_media import demo_codes, duration_s, schedule

    codes = schedule(demo_codes())
    assert [asdict(c) for c in codes] == DEMO["codes"]
    assert duration_s(codes) == pytest.approx(DEMO["duration_s"])
    assert resource_path("demo", DEMO["video"]).stat().st_size < 5 * 1024 * 1024
