"""The catalog database: SQLAlchemy models, sessions, seeding and migrations (no Qt)."""
