"""Alembic migrations of the catalog database, run by :mod:`db.migrate` at start when needed."""
