"""Verdict sounds: generated WAV files and the players that play them.

Three sounds a door guard tells apart without looking (and that differ in rhythm, not only in
pitch, for staff who hear pitch poorly): admit = a short rising two-tone, deny = three low buzzes,
needs-check = one steady mid tone. ``python -m app.devices.sounds [dir]`` regenerates them
(deterministic: the same bytes every run) into resources/sounds.

Players, best first (``make_sound_player``):

* ``WinsoundPlayer``: Windows' own ``winsound`` (standard library, asynchronous, no subprocess):
  the door PCs run Windows, and PySide6-Essentials has no QtMultimedia.
* ``QtSoundPlayer``: QSoundEffect, used when the full PySide6 (with QtMultimedia) is installed.
* ``BeepPlayer``: QApplication.beep() 1 / 3 / 2 times: distinct by count, when nothing else can
  play a file (Linux with PySide6-Essentials).
* ``NullSoundPlayer`` (sounds off) and ``FakeSoundPlayer`` (tests: records what was played).
"""

from __future__ import annotations

import importlib.util
import io
import sys
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

from app.core.statuses import Verdict

RATE = 22050
FILES = {Verdict.ADMIT: "admit.wav", Verdict.DENY: "deny.wav", Verdict.NEEDS_CHECK: "check.wav"}
_BEEPS = {Verdict.ADMIT: 1, Verdict.DENY: 3, Verdict.NEEDS_CHECK: 2}
_BEEP_SPACING_MS = 180


# --- synthesis --------------------------------------------------------------------------------


def _tone(freq: float, seconds: float, *, square: float = 0.0, volume: float = 0.5) -> np.ndarray:
    """A tone with 10 ms fades (no clicks); ``square`` mixes in odd harmonics for a buzz."""
    t = np.arange(round(seconds * RATE)) / RATE
    wave_ = np.sin(2 * np.pi * freq * t)
    if square:
        for k in (3, 5, 7):
            wave_ += square * np.sin(2 * np.pi * freq * k * t) / k
        wave_ /= np.abs(wave_).max()
    fade = min(len(t) // 2, round(0.01 * RATE))
    envelope = np.ones_like(t)
    envelope[:fade] = np.linspace(0, 1, fade)
    envelope[-fade:] = np.linspace(1, 0, fade)
    return volume * wave_ * envelope


def _silence(seconds: float) -> np.ndarray:
    return np.zeros(round(seconds * RATE))


def synthesize(verdict: Verdict) -> np.ndarray:
    """The samples (float, -1..1) of a verdict's sound."""
    if verdict is Verdict.ADMIT:
        parts = [_tone(880, 0.12), _silence(0.02), _tone(1320, 0.18)]
    elif verdict is Verdict.DENY:
        buzz = _tone(180, 0.16, square=1.0, volume=0.6)
        parts = [buzz, _silence(0.08), buzz, _silence(0.08), buzz]
    else:
        parts = [_tone(660, 0.35)]
    return np.concatenate(parts)


def wav_bytes(samples: np.ndarray) -> bytes:
    """16-bit mono PCM WAV, the format every player on every platform accepts."""
    pcm = np.round(np.clip(samples, -1, 1) * 32767).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(pcm.tobytes())
    return out.getvalue()


def write_sounds(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for verdict, name in FILES.items():
        path = out_dir / name
        path.write_bytes(wav_bytes(synthesize(verdict)))
        written.append(path)
    return written


def sounds_dir() -> Path:
    from app.resources import resource_path

    return resource_path("sounds")


# --- players ----------------------------------------------------------------------------------


class SoundPlayer(Protocol):
    name: str

    def play(self, verdict: Verdict) -> None: ...


class NullSoundPlayer:
    """Sounds switched off in settings."""

    name = "none"

    def play(self, verdict: Verdict) -> None:
        return None


class FakeSoundPlayer:
    """Records what would have been played, for tests and the demo's log."""

    name = "fake"

    def __init__(self) -> None:
        self.played: list[Verdict] = []

    def play(self, verdict: Verdict) -> None:
        self.played.append(verdict)


class WinsoundPlayer:
    """Windows: the file played asynchronously by the OS; a new verdict cuts the previous one."""

    name = "winsound"

    def __init__(self, directory: Path | None = None) -> None:
        import winsound  # type: ignore[import-not-found,unused-ignore]

        self._ws = winsound
        self._dir = directory or sounds_dir()

    def play(self, verdict: Verdict) -> None:
        flags = self._ws.SND_FILENAME | self._ws.SND_ASYNC | self._ws.SND_NODEFAULT
        self._ws.PlaySound(str(self._dir / FILES[verdict]), flags)


class QtSoundPlayer:
    """QSoundEffect (low latency, preloaded); needs QtMultimedia, absent from -Essentials."""

    name = "qt"

    def __init__(self, directory: Path | None = None) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QSoundEffect  # type: ignore[import-not-found,unused-ignore]

        folder = directory or sounds_dir()
        self._effects = {}
        for verdict, name in FILES.items():
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(folder / name)))
            self._effects[verdict] = effect

    def play(self, verdict: Verdict) -> None:
        for effect in self._effects.values():
            effect.stop()
        self._effects[verdict].play()


class BeepPlayer:
    """The system beep, repeated 1 (admit), 3 (deny) or 2 (needs check) times."""

    name = "beep"

    def __init__(self, beep: Callable[[], None] | None = None) -> None:
        if beep is None:
            from PySide6.QtWidgets import QApplication

            beep = QApplication.beep
        self._beep = beep

    def play(self, verdict: Verdict) -> None:
        from PySide6.QtCore import QTimer

        self._beep()
        for n in range(1, _BEEPS[verdict]):
            QTimer.singleShot(n * _BEEP_SPACING_MS, self._beep)


def has_qt_multimedia() -> bool:
    return importlib.util.find_spec("PySide6.QtMultimedia") is not None


def make_sound_player(enabled: bool = True, directory: Path | None = None) -> SoundPlayer:
    """The best player available here (see the module docstring for the order)."""
    if not enabled:
        return NullSoundPlayer()
    if sys.platform == "win32":
        return WinsoundPlayer(directory)
    if has_qt_multimedia():
        return QtSoundPlayer(directory)
    return BeepPlayer()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else sounds_dir()
    for path in write_sounds(out_dir):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
