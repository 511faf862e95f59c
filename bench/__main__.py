"""`python -m bench` (or `./run bench`): every benchmark in turn; each prints and writes JSON.

`python -m bench door camera` runs only those. The figures land in bench/results/*.json.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = [
    "camera",
    "decode_images",
    "documents",
    "central",
    "workers",
    "sync",
    "door",
    "visit_log",
    "startup",
    "pins",
]


def main(argv: list[str]) -> int:
    chosen = argv or ORDER
    unknown = [name for name in chosen if name not in ORDER]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(ORDER)}")
        return 2
    failed = []
    for name in chosen:
        print(f"\n=== bench_{name} ===", flush=True)
        done = subprocess.run([sys.executable, "-m", f"bench.bench_{name}"], cwd=HERE.parent)
        if done.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
