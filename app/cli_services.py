"""`ashyq` subcommands that run the console's services: enroll, sync, check, report."""

from __future__ import annotations

from typing import Any


def register_all(sub: Any) -> None:
    """Add the service subcommands to the `ashyq` parser."""
    del sub  # filled in as the services land
