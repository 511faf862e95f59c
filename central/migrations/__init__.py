"""Alembic migrations of the central server's database; run at every start (`central.db_setup`)."""
