"""Frozen entry point of `ashyq-central`, the central server and its administration commands."""

from central.cli import main

raise SystemExit(main())
