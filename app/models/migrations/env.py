"""Alembic's environment for the console database: always run on a connection we hand it.

`app.models.migrate` opens the file with the console's pragmas and passes the connection in
``config.attributes``; there is no URL or ini file to read.
"""

from __future__ import annotations

from alembic import context

from app.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through app.models.migrate, which supplies a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters most things by rebuilding the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
