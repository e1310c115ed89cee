"""The catalog's schema revisions, known without importing Alembic or SQLAlchemy."""

HEAD_REVISION = "0005"
"""The newest script in ``db/migrations/versions``; update it with every new migration."""
KNOWN_REVISIONS = frozenset({"0001", "0002", "0003", "0004", "0005"})
"""Every revision of ``db/migrations/versions``."""
