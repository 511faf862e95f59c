"""Frozen entry point of `ashyq-console` (a file PyInstaller can start; app/__main__.py is a module)."""

from app.__main__ import main

raise SystemExit(main())
