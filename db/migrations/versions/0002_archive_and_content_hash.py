"""Archive flags and a content hash, so built-in updates can be applied without losing edits.

``archived`` is the coach's flag; ``retired`` marks a built-in that the app no longer ships.
``content_hash`` starts empty: the app fills it on the next start (built-ins are refreshed from
the shipped catalog, own exercises are hashed as they are).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("exercise") as batch:
        batch.add_column(
            sa.Column("archived", sa.Boolean(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("retired", sa.Boolean(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("content_hash", sa.String(64), nullable=True))
        batch.create_index("ix_exercise_content_hash", ["content_hash"])


def downgrade() -> None:
    with op.batch_alter_table("exercise") as batch:
        batch.drop_index("ix_exercise_content_hash")
        batch.drop_column("content_hash")
        batch.drop_column("retired")
        batch.drop_column("archived")
