"""Render the README's picture of a receipt with fiscal data (80 mm): the sample refund as a
Webkassa return cheque answered it, through the same PDF renderer the console prints with.

usage: python tools/fiscal_receipt_image.py [OUT.png]   (needs poppler's pdftoppm)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from app.documents.receipt import render_receipt_pdf
from app.documents.samples import SAMPLE_FISCAL, sample_receipt

ROOT = Path(__file__).resolve().parents[1]


def main(out: Path) -> None:
    data = replace(sample_receipt("ru"), **SAMPLE_FISCAL)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as scratch:
        pdf = Path(scratch) / "receipt.pdf"
        pdf.write_bytes(render_receipt_pdf(data, "80mm"))
        stem = Path(scratch) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", "200", "-singlefile", str(pdf), str(stem)],
                       check=True)  # fmt: skip
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(stem.with_suffix(".png").read_bytes())
    print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/images/receipt-fiscal-80mm.png")
