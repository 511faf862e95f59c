"""Frozen entry point of the `ashyq` command."""

from app.cli import main

raise SystemExit(main())
