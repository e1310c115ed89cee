"""The first schema: one exercise table for built-in and own exercises.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "exercise",
        sa.Column("id", sa.String(80), nullable=False),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("directions", sa.Text(), nullable=False),
        sa.Column("knee", sa.String(16), nullable=False),
        sa.Column("positions", sa.Text(), nullable=False),
        sa.Column("equipment", sa.Text(), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("dose_sets", sa.Integer(), nullable=False),
        sa.Column("dose_amount", sa.Integer(), nullable=False),
        sa.Column("dose_unit", sa.String(16), nullable=False),
        sa.Column("dose_each_side", sa.Boolean(), nullable=False),
        sa.Column("dose_load", sa.String(60), nullable=False),
        sa.Column("dose_rest_seconds", sa.Integer(), nullable=False),
        sa.Column("dose_tempo", sa.String(20), nullable=False),
        sa.Column("dose_notes", sa.Text(), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=False),
        sa.Column("cues", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("origin IN ('builtin', 'own')", name=op.f("ck_exercise_origin")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise")),
    )


def downgrade() -> None:
    op.drop_table("exercise")
