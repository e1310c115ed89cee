"""A clinic's shared catalog (DESIGN.md §5): who made and who last changed an exercise, a
version for concurrent edits, and the clinic's program templates.

``created_by`` and ``updated_by`` stay empty for rows made before (built-ins, and own exercises of a coach
working alone); ``version`` starts at 1 and grows with every change, so a save based on an
older version is caught instead of overwriting another coach's change.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("exercise") as batch:
        batch.add_column(sa.Column("created_by", sa.String(120), nullable=True))
        batch.add_column(sa.Column("updated_by", sa.String(120), nullable=True))
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.create_table(
        "clinic_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("program", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinic_template")),
        sa.UniqueConstraint("name", name=op.f("uq_clinic_template_name")),
    )


def downgrade() -> None:
    op.drop_table("clinic_template")
    with op.batch_alter_table("exercise") as batch:
        batch.drop_column("version")
        batch.drop_column("updated_by")
        batch.drop_column("created_by")
