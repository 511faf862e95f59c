"""Read rate and time per frame on generated test images: the project's decoder beside raw
zxing-cpp and pyzbar (issue 13).

Run ``python -m bench.bench_decode_images [--frames N]``. The images come from
``bench/decode_images.py`` (QR with and without ECI, mixed ECIs, Shift_JIS; inverted QR and Data
Matrix; PDF417 tilted -30..+30 degrees with an IIN, an MRZ and free text; Code128; Data Matrix,
Aztec; empty frames), 1280x720 like the door's camera. Each image is shown to the project's
decoder for ``frames`` consecutive frames, as a card held still (its tilted PDF417 look changes
angle per frame, and a tilted read of free text counts only once read twice); the raw decoders
are stateless, so one call each. A sample is read when the expected text came back exactly; a
misread is any other text reported. Time per frame is the mean over every call on every image.
Figures go to bench/results/decode_images.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.devices.decoders import ZxingDecoder  # noqa: E402
from bench.decode_images import TILTS, Sample, samples  # noqa: E402

FrameReader = Callable[[np.ndarray], list[str]]


def raw_zxing(*, try_invert: bool) -> Callable[[], FrameReader]:
    import zxingcpp

    def make() -> FrameReader:
        return lambda frame: [c.text for c in zxingcpp.read_barcodes(frame, try_invert=try_invert)]

    return make


def raw_pyzbar() -> Callable[[], FrameReader]:
    from pyzbar import pyzbar

    def make() -> FrameReader:
        def read(frame: np.ndarray) -> list[str]:
            gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
            return [c.data.decode("utf-8", "replace") for c in pyzbar.decode(gray)]

        return read

    return make


def project(**options: object) -> Callable[[], FrameReader]:
    def make() -> FrameReader:
        decoder = ZxingDecoder(**options)  # type: ignore[arg-type]
        return lambda frame: [d.text for d in decoder.decode(frame)]

    return make


DECODERS: dict[str, tuple[Callable[[], FrameReader], bool]] = {
    # name: (a fresh reader per image, stateful: shown several frames)
    "project": (project(), True),
    "project-no-tilt": (project(tilts=()), True),
    "zxing-cpp": (raw_zxing(try_invert=True), False),
    "zxing-cpp-no-invert": (raw_zxing(try_invert=False), False),
    "pyzbar": (raw_pyzbar(), False),
}


def run_all(names: list[str], items: list[Sample], frames: int) -> dict[str, dict]:
    """Every decoder on every image, decoders interleaved per image so a busy machine's load
    falls on all of them alike."""
    calls_ms: dict[str, list[float]] = {name: [] for name in names}
    per_sample: dict[str, dict[str, dict]] = {name: {} for name in names}
    for number, sample in enumerate(items):
        order = names[number % len(names) :] + names[: number % len(names)]
        for name in order:
            make, stateful = DECODERS[name]
            reader = make()
            seen: list[str] = []
            first = False
            for index in range(frames if stateful else 1):
                start = time.perf_counter()
                texts = reader(sample.image)
                calls_ms[name].append((time.perf_counter() - start) * 1000)
                if index == 0:
                    first = sample.expected in texts
                seen += [t for t in texts if t not in seen]
            read = sample.expected is not None and sample.expected in seen
            wrong = [t for t in seen if t != sample.expected]
            per_sample[name][sample.name] = {"group": sample.group, "read": read,
                                             "first_frame": first, "misreads": wrong}  # fmt: skip
    return {name: summary(per_sample[name], calls_ms[name], items) for name in names}


def summary(per_sample: dict[str, dict], calls_ms: list[float], items: list[Sample]) -> dict:
    expected = [s for s in items if s.expected is not None]
    by_group = {}
    for group in sorted({s.group for s in expected}):
        by_group[group] = sum(per_sample[s.name]["read"] for s in expected if s.group == group)
    return {
        "read": sum(per_sample[s.name]["read"] for s in expected),
        "read_first_frame": sum(per_sample[s.name]["first_frame"] for s in expected),
        "of": len(expected),
        "misreads": sum(len(r["misreads"]) for r in per_sample.values()),
        "misread_texts": sorted({t for r in per_sample.values() for t in r["misreads"]}),
        "ms_per_frame": round(statistics.fmean(calls_ms), 1),
        "ms_p50": round(statistics.median(calls_ms), 1),
        "by_group": by_group,
        "tilt_angles_read": tilt_angles(per_sample),
        "samples": per_sample,
    }


def tilt_angles(per_sample: dict[str, dict]) -> dict[str, list[int]]:
    """For each tilted PDF417 variant (payload, module size), the angles read."""
    out: dict[str, list[int]] = {}
    for name, result in per_sample.items():
        if result["group"] == "tilted_pdf417" and result["read"]:
            match = re.fullmatch(r"(.*)-([+-][0-9]+)", name)
            assert match is not None, name
            out.setdefault(match.group(1), []).append(int(match.group(2)))
    return {k: sorted(v) for k, v in sorted(out.items())}


def contiguous(angles: list[int]) -> str:
    """The unbroken range around 0 degrees that was read (the step between angles is 2);
    the angle is the frame's turn, counter-clockwise positive."""
    got = set(angles)
    if 0 not in got:
        return "none"
    low = high = 0
    while low - 2 in got:
        low -= 2
    while high + 2 in got:
        high += 2
    return f"{low:+d}..{high:+d}"


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "load_avg_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "opencv": cv2.__version__,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=4, help="frames each image is shown")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results" / "decode_images.json"
    )
    parser.add_argument("--only", nargs="*", default=list(DECODERS), choices=list(DECODERS))
    args = parser.parse_args()
    cv2.setNumThreads(1)  # one decode thread, as in the camera pipeline
    items = samples()
    results = run_all(args.only, items, args.frames)
    groups = sorted({g for r in results.values() for g in r["by_group"]})
    counts = {g: sum(1 for s in items if s.group == g and s.expected) for g in groups}
    print(f"{len(items)} generated 1280x720 images; load {machine()['load_avg_1min']}")
    head = f"{'decoder':<22}{'read':>9}{'1st frame':>10}{'misreads':>9}{'ms/frame':>9}"
    head += "".join(f"{g[:13]:>14}" for g in groups)
    print(head)
    for name, r in results.items():
        row = f"{name:<22}{r['read']:>5}/{r['of']:<3}{r['read_first_frame']:>10}"
        row += f"{r['misreads']:>9}{r['ms_per_frame']:>9}"
        row += "".join(f"{str(r['by_group'].get(g, 0)) + '/' + str(counts[g]):>14}" for g in groups)
        print(row)
    print("\ntilted PDF417, unbroken range read around level (degrees, step 2):")
    for name, r in results.items():
        ranges = {k: contiguous(v) for k, v in r["tilt_angles_read"].items()}
        print(f"  {name:<22}" + "  ".join(f"{k}: {v}" for k, v in ranges.items()))
    for name, r in results.items():
        if r["misread_texts"]:
            print(f"misreads by {name}: {r['misread_texts'][:5]}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"machine": machine(), "frames": args.frames, "tilts": list(TILTS),
               "results": results}  # fmt: skip
    args.out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
