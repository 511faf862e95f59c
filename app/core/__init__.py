"""The rules of the domain, pure Python.

Nothing here imports Qt, SQLAlchemy or a network library, and nothing reads the clock: every
moment is a parameter. Tests in tests/unit check these rules against DOMAIN.md.
"""
