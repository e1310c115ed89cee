"""The tables, as they are at the newest migration (``db/migrations/versions``).

Tags are stored as compact JSON lists of taxonomy keys (primary direction first); the dose is
spread over plain columns so the database itself keeps the types honest.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Float, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ExerciseRow(Base):
    """One exercise, built-in (shipped with the app) or the coach's own."""

    __tablename__ = "exercise"
    __table_args__ = (CheckConstraint("origin IN ('builtin', 'own')", name="origin"),)

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    origin: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(120))
    directions: Mapped[str] = mapped_column(Text)
    knee: Mapped[str] = mapped_column(String(16))
    positions: Mapped[str] = mapped_column(Text)
    equipment: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(16))
    dose_sets: Mapped[int]
    dose_amount: Mapped[int]
    dose_unit: Mapped[str] = mapped_column(String(16))
    dose_each_side: Mapped[bool]
    dose_load: Mapped[str] = mapped_column(String(60))
    dose_rest_seconds: Mapped[int]
    dose_tempo: Mapped[str] = mapped_column(String(20))
    dose_notes: Mapped[str] = mapped_column(Text)
    instructions: Mapped[str] = mapped_column(Text)
    cues: Mapped[str] = mapped_column(Text)
    hip_weight: Mapped[float] = mapped_column(Float, default=1.0, server_default="1.0")
    """The share of its sets credited to the hip (0.5 for trunk-dominant exercises)."""
    easier: Mapped[str | None] = mapped_column(String(80))
    """The id of the easier variant; not a foreign key: it may name an exercise not stored."""
    harder: Mapped[str | None] = mapped_column(String(80))
    closed_chain: Mapped[bool] = mapped_column(default=False, server_default="0")
    video: Mapped[str | None] = mapped_column(String(500))
    """An https address of a video of the exercise."""
    photos: Mapped[str | None] = mapped_column(Text)
    """The coach's own photos: a JSON list of {"media_type", "data" (base64)}; None: none."""
    pose: Mapped[str | None] = mapped_column(Text)
    """The drawing's start and end poses as JSON; None: drawn from the exercise's tags."""
    dose_effort: Mapped[str | None] = mapped_column(String(8))
    """The default dose's target effort, "rpe:7" or "rir:2"; None: none."""
    archived: Mapped[bool] = mapped_column(default=False, server_default="0")
    """The coach put it away; kept for programs that use it."""
    retired: Mapped[bool] = mapped_column(default=False, server_default="0")
    """A built-in that the installed app no longer ships; kept for programs that use it."""
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    """SHA-256 of the exercise's content (everything but id and flags); see db.convert."""
    created_by: Mapped[str | None] = mapped_column(String(120))
    """Who made an own exercise (a coach's name or the computer account); None: unknown."""
    updated_by: Mapped[str | None] = mapped_column(String(120))
    """Who last changed it, named to a coach whose save came second."""
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    """Grows with every change; an UPDATE based on an older version changes nothing."""
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)


class ClinicTemplateRow(Base):
    """A program a coach saved for the whole clinic to start from (a program file's JSON)."""

    __tablename__ = "clinic_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(120))
    program: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
