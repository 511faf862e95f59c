"""Ashyq venue console: door checks, refund desk, reports, synced with a central API."""

__version__ = "0.1.0"
