"""`ashyq-central`: the server the venue consoles sync with (statuses, visits, tickets, refunds)."""

from app import __version__

__all__ = ["__version__"]
