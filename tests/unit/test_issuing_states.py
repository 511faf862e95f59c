"""Issuing states in canonical form (ICAO 9303-3 codes, Germany's "D"), in the MRZ, the scan and
`ashyq decode --json`."""

from __future__ import annotations

import pytest

from app.core.documents import MrzError, canonical_state, parse_mrz
from app.core.scan import Scan, classify
from tests.unit.test_cli import run
from tests.unit.test_documents import td1, td3
from tests.unit.test_documents_mrz_formats import td2


@pytest.mark.parametrize(
    ("text", "state"),
    [("KAZ", "KAZ"), ("kaz", "KAZ"), (" USA ", "USA"), ("UTO", "UTO"), ("XXA", "XXA"),
     ("D", "DEU"), ("D<<", "DEU"), ("d<", "DEU"), ("DEU", "DEU"), ("GBD", "GBD"),
     ("KZ", None), ("K4Z", None), ("KAZA", None), ("", None), ("<<<", None), ("K<Z", None),
     ("ҚАЗ", None), ("KA<", None), ("ＫＡＺ", None)],
)  # fmt: skip
def test_canonical_state(text: str, state: str | None) -> None:
    assert canonical_state(text) == state


def test_germany_is_one_state_whichever_way_it_is_written() -> None:
    short = parse_mrz("\n".join(td2(state="D<<")))
    long = parse_mrz("\n".join(td2(state="DEU")))
    assert short.issuing_state == long.issuing_state == "DEU"
    assert short.key == long.key == "DEU:A2222222"
    passport = parse_mrz("\n".join(td3(state="D<<", nationality="D<<", personal="")))
    assert passport.issuing_state == "DEU"


@pytest.mark.parametrize("state", ["<<<", "K4Z", "1SA"])
def test_a_state_field_that_is_no_state_is_a_misread(state: str) -> None:
    for lines in (td3(state=state, personal=""), td1(state=state)):
        with pytest.raises(MrzError) as caught:
            parse_mrz("\n".join(lines))
        assert (caught.value.code, caught.value.field) == ("format", "issuing_state")


def test_the_scan_carries_state_and_kind() -> None:
    scan = classify("\n".join(td3(state="USA", nationality="USA", number="A2222222<")))
    assert isinstance(scan, Scan)
    assert (scan.issuing_state, scan.document_kind, scan.document_key) == (
        "USA",
        "TD3",
        "USA:A2222222",
    )


def test_decode_json_shows_symbology_state_and_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "decode", "\t".join(td3(state="D<<", nationality="D<<", personal="")))
    assert code == 0
    assert isinstance(out, dict)
    assert (out["kind"], out["issuing_state"], out["document_kind"]) == ("mrz", "DEU", "TD3")
    assert out["document_number"] == "N12345678" and "symbology" not in out
    code, out = run(capsys, "decode", "]L0" + "\n".join(td2(state="FRA")))
    assert code == 0 and isinstance(out, dict)
    assert (out["symbology"], out["issuing_state"], out["document_kind"]) == (
        "PDF417",
        "FRA",
        "TD2",
    )
    code, out = run(capsys, "decode", "]Q1900101300811")
    assert code == 0 and isinstance(out, dict)
    assert (out["kind"], out["symbology"]) == ("iin", "QRCode")
    assert "issuing_state" not in out and "document_kind" not in out
