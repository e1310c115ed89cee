"""Alembic environment: runs on the connection :mod:`db.migrate` hands over.

No ``fileConfig`` here: the application (and pytest) own logging.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from db.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run migrations through db.migrate, which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters most tables by copying them; on PostgreSQL the same batch blocks run as
    # plain ALTER TABLEs (recreate="auto"), so one script serves both engines.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
