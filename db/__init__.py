"""The catalog database: SQLAlchemy models, sessions, seeding and migrations (no Qt).

Start with :meth:`db.catalog.CatalogDatabase.open`; everything it hands out is a plain
``planner`` object, never an SQLAlchemy one.
"""
