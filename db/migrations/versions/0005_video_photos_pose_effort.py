"""Room for what an exercise shows a client (issue 14) and a dose's target effort (issue 15):
a video address, the coach's own photos (a JSON list of ``{"media_type", "data"}`` with base64
data, as in program files), the drawing's poses (JSON, see ``planner``'s pose data), and the
default dose's effort (``"rpe:7"`` or ``"rir:2"``). Existing rows have none of them.

The content hash covers these fields, so every stored hash is cleared and refilled on the next
start, as after revisions 0002 and 0003.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("exercise") as batch:
        batch.add_column(sa.Column("video", sa.String(500), nullable=True))
        batch.add_column(sa.Column("photos", sa.Text(), nullable=True))
        batch.add_column(sa.Column("pose", sa.Text(), nullable=True))
        batch.add_column(sa.Column("dose_effort", sa.String(8), nullable=True))
    op.execute("UPDATE exercise SET content_hash = NULL")


def downgrade() -> None:
    with op.batch_alter_table("exercise") as batch:
        batch.drop_column("dose_effort")
        batch.drop_column("pose")
        batch.drop_column("photos")
        batch.drop_column("video")
    op.execute("UPDATE exercise SET content_hash = NULL")
