"""Session-wide test settings: offscreen Qt, no network beyond loopback, one temp home per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "UTC")
