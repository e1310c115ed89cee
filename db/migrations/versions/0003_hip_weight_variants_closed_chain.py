"""Each exercise's hip weight, easier and harder variants, and closed-chain flag (DESIGN.md §1).

Existing rows take the defaults (hip weight 1, no variants, not closed-chain). The content hash
now covers these fields too, so every stored hash is cleared: the app fills them again on the
next start (built-ins are refreshed from the shipped catalog, own exercises are hashed as they
are), exactly as after revision 0002.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("exercise") as batch:
        batch.add_column(
            sa.Column("hip_weight", sa.Float(), nullable=False, server_default="1.0")
        )
        batch.add_column(sa.Column("easier", sa.String(80), nullable=True))
        batch.add_column(sa.Column("harder", sa.String(80), nullable=True))
        batch.add_column(
            sa.Column("closed_chain", sa.Boolean(), nullable=False, server_default="0")
        )
    op.execute("UPDATE exercise SET content_hash = NULL")


def downgrade() -> None:
    with op.batch_alter_table("exercise") as batch:
        batch.drop_column("closed_chain")
        batch.drop_column("harder")
        batch.drop_column("easier")
        batch.drop_column("hip_weight")
    op.execute("UPDATE exercise SET content_hash = NULL")
