"""Camera decoding benchmark: zxing-cpp, pyzbar and OpenCV's QR detector on the same frames.

Run ``python bench/bench_camera.py [--reps N] [--trials N]``. It builds 1280x720 frames (mild
sensor noise; sharp, rotated 15 degrees, blurred and small codes; QR, PDF417 and Code128; and
empty frames, the common case at a door), decodes each with every decoder, and prints frames per
second and read rate side by side. It then measures code-in-view-to-detection latency through
the real ``CameraPipeline`` fed at 30 frames/s. Figures go to bench/results/camera.json.

Read rate counts a frame as read when the expected text came back; a decoder that cannot read a
symbology at all still has those frames counted against it (``supported`` shows the rate over
the symbologies it claims). zxing-cpp's tilted PDF417 look runs on every other frame, alternating
between +12 and -12 degrees, so each frame is decoded ``reps`` times in a row and every call
counts (a tilted code is read on 1 call in 4 here; bench_decode_images counts per card).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.devices.camera import CameraError, CameraPipeline, CodeEvent, Frame  # noqa: E402
from app.devices.decoders import (  # noqa: E402
    Decoder,
    OpencvQrDecoder,
    PyzbarDecoder,
    ZxingDecoder,
)
from app.devices.make_demo_media import code_image  # noqa: E402

W, H = 1280, 720
CODES = {
    "QRCode": "DEMO01A",
    "PDF417": "ID KAZ N04123658 880315300103",
    "Code128": "920711400201",
}
SUPPORTS = {
    "zxing": {"QRCode", "PDF417", "Code128"},
    "zxing-no-tilt": {"QRCode", "PDF417", "Code128"},
    "pyzbar": {"QRCode", "Code128"},
    "opencv": {"QRCode"},
}
VARIANTS = ("sharp", "rotated", "blurred", "small")


def scene(seed: int) -> np.ndarray:
    """A grey desk with a gradient and sensor noise (sigma 3): cameras are never clean."""
    rng = np.random.default_rng(seed)
    ramp = np.linspace(160, 100, H, dtype=np.float32)[:, None] * np.ones((1, W), np.float32)
    noisy = ramp + rng.normal(0, 3, (H, W))
    return noisy.clip(0, 255).astype(np.uint8)


def make_frame(symbology: str, variant: str, seed: int) -> np.ndarray:
    module = {"QRCode": 6, "PDF417": 3, "Code128": 3}[symbology]
    if variant == "small":
        module = {"QRCode": 3, "PDF417": 2, "Code128": 2}[symbology]
    symbol = code_image(CODES[symbology], symbology, module)
    card = np.full((symbol.shape[0] + 80, symbol.shape[1] + 80), 235, np.uint8)
    card[40 : 40 + symbol.shape[0], 40 : 40 + symbol.shape[1]] = symbol
    frame = scene(seed)
    h, w = card.shape
    y, x = (H - h) // 2, (W - w) // 2
    frame[y : y + h, x : x + w] = card
    if variant == "rotated":
        turn = cv2.getRotationMatrix2D((W / 2, H / 2), 15.0, 1.0)
        frame = cv2.warpAffine(frame, turn, (W, H), borderMode=cv2.BORDER_REPLICATE)
    elif variant == "blurred":
        frame = cv2.GaussianBlur(frame, (0, 0), 1.5)
    return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)  # cameras deliver BGR; decoders convert


def frame_set() -> list[tuple[str, str, np.ndarray]]:
    frames = [
        (sym, var, make_frame(sym, var, seed))
        for seed, (sym, var) in enumerate((s, v) for s in CODES for v in VARIANTS)
    ]
    frames += [
        ("none", "empty", cv2.cvtColor(scene(100 + n), cv2.COLOR_GRAY2BGR)) for n in range(3)
    ]
    return frames


def decoders() -> dict[str, Decoder]:
    return {
        "zxing": ZxingDecoder(),
        "zxing-no-tilt": ZxingDecoder(tilts=()),
        "pyzbar": PyzbarDecoder(),
        "opencv": OpencvQrDecoder(),
    }


def bench_decoders(reps: int) -> dict[str, dict]:
    frames = frame_set()
    results: dict[str, dict] = {}
    for name, decoder in decoders().items():
        decoder.decode(frames[0][2])  # warm-up: first-call allocations are not the steady state
        per_variant: dict[str, list[bool]] = {v: [] for v in VARIANTS}
        per_symbology: dict[str, list[bool]] = {s: [] for s in CODES}
        false_reads = 0
        elapsed = 0.0
        calls = 0
        for symbology, variant, frame in frames:
            for _ in range(reps):
                start = time.perf_counter()
                found = decoder.decode(frame)
                elapsed += time.perf_counter() - start
                calls += 1
                texts = {d.text for d in found}
                if symbology == "none":
                    false_reads += len(texts)
                    continue
                ok = CODES[symbology] in texts
                false_reads += len(texts - {CODES[symbology]})
                per_variant[variant].append(ok)
                per_symbology[symbology].append(ok)
        supported = [ok for s, oks in per_symbology.items() if s in SUPPORTS[name] for ok in oks]
        every = [ok for oks in per_symbology.values() for ok in oks]
        results[name] = {
            "fps": round(calls / elapsed, 1),
            "ms_per_frame": round(elapsed / calls * 1000, 2),
            "read_rate": round(sum(every) / len(every), 3),
            "read_rate_supported": round(sum(supported) / len(supported), 3),
            "by_variant": {v: round(sum(o) / len(o), 3) for v, o in per_variant.items()},
            "by_symbology": {s: round(sum(o) / len(o), 3) for s, o in per_symbology.items()},
            "false_reads": false_reads,
        }
    return results


class _TimedSource:
    """30 frames/s in real time: empty frames, then the code from frame ``appear_at`` on."""

    def __init__(self, blank: np.ndarray, coded: np.ndarray, appear_at: int, total: int) -> None:
        self.blank, self.coded = blank, coded
        self.appear_at, self.total = appear_at, total
        self.n = 0
        self.appeared_t: float | None = None
        self._start = 0.0

    def open(self) -> None:
        self._start = time.monotonic()

    def read(self) -> Frame:
        if self.n >= self.total:
            raise CameraError("ended", "done")
        delay = self._start + self.n / 30.0 - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        image = self.coded if self.n >= self.appear_at else self.blank
        t = time.monotonic()
        if self.n == self.appear_at:
            self.appeared_t = t
        self.n += 1
        return Frame(image, self.n - 1, t)

    def close(self) -> None:
        pass


def bench_latency(trials: int) -> dict[str, dict]:
    """From the capture of the first frame showing the code to the pipeline reporting it."""
    blank = cv2.cvtColor(scene(200), cv2.COLOR_GRAY2BGR)
    out: dict[str, dict] = {}
    for symbology in CODES:
        coded = make_frame(symbology, "sharp", 300)
        latencies: list[float] = []
        decoded_fps: list[float] = []
        for trial in range(trials):
            source = _TimedSource(blank, coded, appear_at=8 + trial % 3, total=30)
            seen: list[CodeEvent] = []

            def on_code(event: CodeEvent, seen: list[CodeEvent] = seen) -> None:
                seen.append(event)

            pipeline = CameraPipeline(
                source, ZxingDecoder(), on_code=on_code, on_error=lambda e: None
            )
            start = time.monotonic()
            pipeline.start()
            pipeline.wait(10)
            wall = time.monotonic() - start
            decoded_fps.append(pipeline.stats.decoded / wall)
            hits = [e for e in seen if e.text == CODES[symbology]]
            if hits and source.appeared_t is not None:
                latencies.append((hits[0].reported_t - source.appeared_t) * 1000)
        out[symbology] = {
            "trials": trials,
            "found": len(latencies),
            "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
            "p95_ms": round(_p95(latencies), 1) if latencies else None,
            "max_ms": round(max(latencies), 1) if latencies else None,
            "decoded_fps": round(statistics.median(decoded_fps), 1),
        }
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def machine() -> dict[str, object]:
    from importlib.metadata import version

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_avg_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "opencv": cv2.__version__,
        "zxing_cpp": version("zxing-cpp"),
        "pyzbar": version("pyzbar"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=4, help="decodes per frame per decoder")
    parser.add_argument("--trials", type=int, default=10, help="latency trials per symbology")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "camera.json")
    args = parser.parse_args()
    cv2.setNumThreads(1)  # one decode thread, as in the pipeline; fair to every decoder
    info = machine()
    decoding = bench_decoders(args.reps)
    latency = bench_latency(args.trials)

    print(f"1280x720 frames, {args.reps} decodes each; load {info['load_avg_1min']}")
    head = f"{'decoder':<14}{'fps':>7}{'ms':>8}{'read':>7}{'suppd':>7}"
    head += "".join(f"{v:>9}" for v in VARIANTS) + "".join(f"{s:>9}" for s in CODES) + "  false"
    print(head)
    for name, r in decoding.items():
        row = f"{name:<14}{r['fps']:>7}{r['ms_per_frame']:>8}{r['read_rate']:>7}"
        row += f"{r['read_rate_supported']:>7}"
        row += "".join(f"{r['by_variant'][v]:>9}" for v in VARIANTS)
        row += "".join(f"{r['by_symbology'][s]:>9}" for s in CODES)
        print(row + f"{r['false_reads']:>7}")
    print("\ncode-in-view to detection through CameraPipeline (zxing, 30 fps source):")
    for symbology, r in latency.items():
        print(
            f"  {symbology:<8} found {r['found']}/{r['trials']}  p50 {r['p50_ms']} ms  "
            f"p95 {r['p95_ms']} ms  max {r['max_ms']} ms  decoded {r['decoded_fps']} fps"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"machine": info, "reps": args.reps, "decoding": decoding, "latency": latency}
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
