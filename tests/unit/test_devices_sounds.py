"""Verdict sounds: the shipped WAVs are what the generator makes, and they differ."""

from __future__ import annotations

import io
import wave

import numpy as np

from app.core.statuses import Verdict
from app.devices.sounds import (
    FILES,
    RATE,
    FakeSoundPlayer,
    NullSoundPlayer,
    make_sound_player,
    sounds_dir,
    synthesize,
    wav_bytes,
    write_sounds,
)


def test_shipped_sounds_match_the_generator(tmp_path) -> None:
    write_sounds(tmp_path)
    for name in FILES.values():
        assert (tmp_path / name).read_bytes() == (sounds_dir() / name).read_bytes(), name


def test_sounds_are_short_distinct_and_not_clipped() -> None:
    samples = {v: synthesize(v) for v in Verdict}
    for verdict, s in samples.items():
        assert 0.2 < len(s) / RATE < 1.0, verdict
        assert np.abs(s).max() <= 1.0
        assert abs(s[0]) < 0.01 and abs(s[-1]) < 0.01  # faded: no click
    lengths = {len(s) for s in samples.values()}
    assert len(lengths) == 3


def _bursts(s: np.ndarray) -> int:
    """How many separate sounds: runs of loud 5 ms windows."""
    window = RATE // 200
    loud = [np.abs(s[i : i + window]).max() > 0.05 for i in range(0, len(s) - window, window)]
    return sum(1 for a, b in zip([False, *loud], loud, strict=False) if b and not a)


def test_rhythms_tell_the_verdicts_apart() -> None:
    assert _bursts(synthesize(Verdict.ADMIT)) == 2
    assert _bursts(synthesize(Verdict.DENY)) == 3
    assert _bursts(synthesize(Verdict.NEEDS_CHECK)) == 1


def test_wav_format() -> None:
    with wave.open(io.BytesIO(wav_bytes(synthesize(Verdict.ADMIT)))) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)


def test_fake_and_null_players() -> None:
    fake = FakeSoundPlayer()
    fake.play(Verdict.ADMIT)
    fake.play(Verdict.DENY)
    assert fake.played == [Verdict.ADMIT, Verdict.DENY]
    assert isinstance(make_sound_player(enabled=False), NullSoundPlayer)
    NullSoundPlayer().play(Verdict.DENY)
