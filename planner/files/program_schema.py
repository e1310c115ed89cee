"""The ``.hipplan`` file as pydantic models: version 4 (current); versions 3, 2 and 1 are
upgraded on read.

These models are the single description of the file: the loader validates with them, the
writer dumps through them, and the published JSON Schema is generated from them
(``python -m planner.files.program_schema > resources/schema/hipplan.schema.json``).

Validation is strict (no "3" for 3, no 3.0 for 3, no true for 1) and unknown keys are refused,
so a typo in a hand-edited file is reported instead of silently ignored. Enum fields accept
their stable keys (DESIGN.md §1). Rules that need the domain (amount range per unit, cue
length, …) are checked when the models become domain objects.

Version 1 kept rest and tempo with the exercise only: entries had no ``rest_seconds`` or
``tempo`` and the client details had no ``equipment``. :func:`upgrade_v1` fills them in.
Version 2 had no exercise ``hip_weight``, ``easier``, ``harder`` or ``closed_chain`` and no
per-program balance thresholds (``details.balance``); :func:`upgrade_v2` gives them their
defaults. Version 3 had no client log, no target effort in doses, no video addresses and no
photos; :func:`upgrade_v3` starts them empty.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from typing import Annotated, Any, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from planner.balance.settings import BalanceSettings
from planner.dose import AMOUNT_RANGES, REST_RANGE, SETS_RANGE, TEXT_LIMITS, Dose, EffortScale
from planner.exercise import (
    CUE_LIMIT,
    HIP_WEIGHT_RANGE,
    ID_HINT,
    ID_PATTERN,
    INSTRUCTIONS_LIMIT,
    MAX_CUES,
    NAME_LIMIT,
    VIDEO_HINT,
    VIDEO_LIMIT,
    is_exercise_id,
    is_video_url,
)
from planner.log import COMMENT_LIMIT, LOAD_LIMIT, MAX_SESSIONS, NOTE_LIMIT, PAIN_RANGE
from planner.photo import MAX_PHOTOS, PHOTO_BYTES_LIMIT, MediaType
from planner.pose import (
    ANGLE_LIMIT,
    POINTS,
    SIDES,
    ExercisePose,
    PropKind,
    View,
    Working,
    pose_from_mapping,
    pose_to_mapping,
)
from planner.program import (
    DAYS_PER_WEEK,
    DETAIL_LIMITS,
    MAX_ENTRIES_PER_DAY,
    MAX_EXERCISES,
    MAX_WEEKS,
    START_DATES,
)
from planner.taxonomy import Direction, Equipment, Knee, Level, Position, Unit

FORMAT_NAME: Final = "hip-planner/program"
CURRENT_VERSION: Final = 4
ENTRY_ID_LIMIT = 64


DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATE_HINT = "must be a real date written YYYY-MM-DD, e.g. 2025-03-31"
PATTERN_HINTS = {DATE_PATTERN: DATE_HINT}
"""What to tell the coach when a value does not match one of the patterns below."""


def _real_date(text: str) -> str:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(DATE_HINT) from None
    first, last = START_DATES
    if not first <= day <= last:
        raise ValueError(f"must be a date from {first} to {last}")
    return text


def _exercise_id(text: str) -> str:
    if not is_exercise_id(text):
        raise ValueError(ID_HINT)
    return text


def _video_url(text: str) -> str:
    if not is_video_url(text):
        raise ValueError(VIDEO_HINT)
    return text


IsoDate = Annotated[
    str,
    Field(
        pattern=DATE_PATTERN,
        json_schema_extra={
            "format": "date",
            "description": f"From {START_DATES[0]} to {START_DATES[1]}.",
        },
    ),
    AfterValidator(_real_date),
]
ExerciseId = Annotated[
    str, Field(json_schema_extra={"pattern": ID_PATTERN.pattern}), AfterValidator(_exercise_id)
]
"""Checked by :func:`planner.exercise.is_exercise_id`, the one test every reader uses."""
HipWeight = Annotated[
    float,
    Field(
        ge=HIP_WEIGHT_RANGE[0],
        le=HIP_WEIGHT_RANGE[1],
        description="The share of its sets credited to the hip (0.5 for trunk-dominant work).",
    ),
]
# Keys arrive as JSON strings; strict mode would only take enum members.
DirectionKey = Annotated[Direction, Field(strict=False)]
KneeKey = Annotated[Knee, Field(strict=False)]
PositionKey = Annotated[Position, Field(strict=False)]
EquipmentKey = Annotated[Equipment, Field(strict=False)]
LevelKey = Annotated[Level, Field(strict=False)]
UnitKey = Annotated[Unit, Field(strict=False)]
EffortScaleKey = Annotated[EffortScale, Field(strict=False)]
MediaTypeKey = Annotated[MediaType, Field(strict=False)]
VideoUrl = Annotated[
    str,
    Field(max_length=VIDEO_LIMIT, json_schema_extra={"format": "uri", "pattern": "^https://"}),
    AfterValidator(_video_url),
]


class FileModel(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# -- version 4 (current) -------------------------------------------------------------------------
# Built on the models of older versions where the shape is the same; the older versions follow.


class DoseV2(FileModel):
    """How much: sets × amount of a unit, with load, rest, tempo and notes."""

    model_config = ConfigDict(title="Dose")

    sets: int = Field(ge=SETS_RANGE[0], le=SETS_RANGE[1])
    amount: int = Field(
        ge=1,
        le=max(high for _, high in AMOUNT_RANGES.values()),
        description="The upper limit depends on the unit: "
        + ", ".join(f"{unit.value} {high}" for unit, (_, high) in AMOUNT_RANGES.items())
        + ".",
    )
    unit: UnitKey
    each_side: bool
    load: str = Field(max_length=TEXT_LIMITS["load"])
    rest_seconds: int = Field(ge=REST_RANGE[0], le=REST_RANGE[1])
    tempo: str = Field(max_length=TEXT_LIMITS["tempo"])
    notes: str = Field(max_length=TEXT_LIMITS["notes"])


class ExerciseCore(FileModel):
    """What an exercise is, as program files embed it and sharing files carry it."""

    id: ExerciseId
    name: str = Field(max_length=NAME_LIMIT, description="Not only spaces.")
    directions: list[DirectionKey] = Field(
        min_length=1, max_length=3, fail_fast=True, description="Primary direction first."
    )
    knee: KneeKey
    positions: list[PositionKey] = Field(min_length=1, max_length=len(Position), fail_fast=True)
    equipment: list[EquipmentKey] = Field(
        min_length=1,
        max_length=len(Equipment),
        fail_fast=True,
        description="Any one of these will do.",
    )
    level: LevelKey
    dose: DoseV2 = Field(description="The default dose.")
    instructions: str = Field(max_length=INSTRUCTIONS_LIMIT)
    cues: list[Annotated[str, Field(min_length=1, max_length=CUE_LIMIT)]] = Field(
        max_length=MAX_CUES, fail_fast=True
    )


class ExerciseV2(ExerciseCore):
    """An exercise used by the program, embedded so the file stands on its own (version 2)."""

    builtin: bool = Field(description="Shipped with Hip Planner (false: the coach's own).")
    archived: bool


class ExerciseV3(ExerciseV2):
    """An exercise used by the program, embedded so the file stands on its own (version 3)."""

    hip_weight: HipWeight = 1.0
    easier: ExerciseId | None = Field(default=None, description="Id of the easier variant.")
    harder: ExerciseId | None = Field(default=None, description="Id of the harder variant.")
    closed_chain: bool = Field(
        default=False,
        description="The working foot pushes against the floor or a platform although the body "
        "is not standing (leg press, bridge): weight-bearing work.",
    )


class EffortModel(FileModel):
    """How hard a set should feel (in a dose) or felt (in the log)."""

    model_config = ConfigDict(title="Effort")

    scale: EffortScaleKey = Field(
        description="rpe: rating of perceived exertion 1–10; rir: reps in reserve 0–10."
    )
    value: int = Field(ge=0, le=10)


class DoseModel(DoseV2):
    model_config = ConfigDict(title="Dose")

    effort: EffortModel | None = Field(default=None, description="The target effort of a set.")


class PhotoModel(FileModel):
    """A photo, scaled down and stored inside the file (base64)."""

    model_config = ConfigDict(title="Photo")

    media_type: MediaTypeKey
    data: str = Field(
        min_length=4,
        max_length=-(-PHOTO_BYTES_LIMIT // 3) * 4,
        description=f"The image's bytes in base64, at most {PHOTO_BYTES_LIMIT:,} bytes decoded.",
    )


Angle = Annotated[float, Field(ge=-ANGLE_LIMIT, le=ANGLE_LIMIT)]
Share = Annotated[float, Field(ge=0.1, le=1.0)]


class LegModel(FileModel):
    """A leg as seen in the drawing (docs/file-format.md, "Poses")."""

    model_config = ConfigDict(title="Leg")

    hip: Angle = 0.0
    knee: Angle = 0.0
    turn: Angle = 0.0
    reach: Share = 1.0
    shin: Share = 1.0
    plant: Annotated[float, Field(ge=0.0, le=3.0)] | None = None


class ArmModel(FileModel):
    model_config = ConfigDict(title="Arm")

    shoulder: Angle = 0.0
    elbow: Angle = 10.0


class FrameModel(FileModel):
    """One moment of the exercise: its start or its end."""

    model_config = ConfigDict(title="Frame")

    trunk: Angle = 90.0
    near: LegModel = Field(default_factory=LegModel)
    far: LegModel = Field(default_factory=LegModel)
    arm: ArmModel = Field(default_factory=ArmModel)
    far_arm: ArmModel | None = None
    head: Angle = 0.0
    height: Annotated[float, Field(ge=0.0, le=3.0)] | None = None
    reach: Share = 1.0


class PropModel(FileModel):
    model_config = ConfigDict(title="Prop")

    kind: Annotated[PropKind, Field(strict=False)]
    at: Literal[POINTS]  # type: ignore[valid-type]
    to: Literal[("", *SIDES)] = ""  # type: ignore[valid-type]


class PoseModel(FileModel):
    """How the exercise is drawn; absent or null: derived from its tags."""

    model_config = ConfigDict(title="Pose")

    view: Annotated[View, Field(strict=False)] = View.SIDE
    working: Annotated[Working, Field(strict=False)] = Working.NEAR
    start: FrameModel = Field(default_factory=FrameModel)
    end: FrameModel = Field(default_factory=FrameModel)
    props: list[PropModel] = Field(default_factory=list, max_length=6)

    def pose(self) -> ExercisePose:
        return pose_from_mapping(self.model_dump(mode="json", exclude_none=True))

    @classmethod
    def of(cls, pose: ExercisePose | None) -> PoseModel | None:
        return None if pose is None else cls.model_validate(pose_to_mapping(pose))


class ExerciseModel(ExerciseV3):
    """An exercise used by the program, embedded so the file stands on its own."""

    model_config = ConfigDict(title="Exercise")

    dose: DoseModel = Field(description="The default dose.")
    video: VideoUrl | None = Field(default=None, description="An https address of a video.")
    photos: list[PhotoModel] = Field(
        default_factory=list, max_length=MAX_PHOTOS, description="The coach's own photos."
    )
    pose: PoseModel | None = Field(
        default=None, description="How the exercise is drawn; null: derived from its tags."
    )


class EntryModel(FileModel):
    model_config = ConfigDict(title="Entry")

    id: str = Field(min_length=1, max_length=ENTRY_ID_LIMIT, description="Unique in the file.")
    exercise_id: ExerciseId = Field(description="The id of one of the embedded exercises.")
    dose: DoseModel
    photos: list[PhotoModel] = Field(
        default_factory=list, max_length=MAX_PHOTOS, description="Photos of this client doing it."
    )


class DayModel(FileModel):
    model_config = ConfigDict(title="Day")

    entries: list[EntryModel] = Field(max_length=MAX_ENTRIES_PER_DAY, fail_fast=True)


class WeekModel(FileModel):
    model_config = ConfigDict(title="Week")

    days: list[DayModel] = Field(
        min_length=DAYS_PER_WEEK,
        max_length=DAYS_PER_WEEK,
        fail_fast=True,
        description="Monday to Sunday.",
    )


Pain = Annotated[int, Field(ge=PAIN_RANGE[0], le=PAIN_RANGE[1], description="0 none – 10 worst.")]
DayName = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAY_KEYS: tuple[DayName, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


class LoggedEntryModel(FileModel):
    model_config = ConfigDict(title="Logged entry")

    entry_id: str = Field(min_length=1, max_length=ENTRY_ID_LIMIT, description="The planned entry.")
    exercise_id: ExerciseId
    sets_planned: int = Field(ge=SETS_RANGE[0], le=SETS_RANGE[1])
    sets_done: int = Field(ge=0, le=SETS_RANGE[1])
    load: str = Field(max_length=LOAD_LIMIT, description="The load used, in the client's words.")
    effort: EffortModel | None = None
    comment: str = Field(max_length=COMMENT_LIMIT)


class SessionModel(FileModel):
    """A session the client reported (DESIGN.md §4)."""

    model_config = ConfigDict(title="Logged session")

    id: str = Field(min_length=1, max_length=ENTRY_ID_LIMIT, description="Unique in the log.")
    date: IsoDate
    week: int = Field(ge=1, le=MAX_WEEKS, description="The planned week, from 1.")
    day: DayName = Field(description="The planned day.")
    pain_during: Pain | None
    pain_next_morning: Pain | None
    entries: list[LoggedEntryModel] = Field(max_length=MAX_ENTRIES_PER_DAY, fail_fast=True)
    note: str = Field(max_length=NOTE_LIMIT)


class EntryV2(FileModel):
    model_config = ConfigDict(title="Entry")

    id: str = Field(min_length=1, max_length=ENTRY_ID_LIMIT, description="Unique in the file.")
    exercise_id: ExerciseId = Field(description="The id of one of the embedded exercises.")
    dose: DoseV2


class DayV2(FileModel):
    model_config = ConfigDict(title="Day")

    entries: list[EntryV2] = Field(max_length=MAX_ENTRIES_PER_DAY, fail_fast=True)


class WeekV2(FileModel):
    model_config = ConfigDict(title="Week")

    days: list[DayV2] = Field(
        min_length=DAYS_PER_WEEK,
        max_length=DAYS_PER_WEEK,
        fail_fast=True,
        description="Monday to Sunday.",
    )


class DetailsV2(FileModel):
    client_name: str = Field(max_length=DETAIL_LIMITS["client_name"])
    title: str = Field(max_length=DETAIL_LIMITS["title"])
    coach_name: str = Field(max_length=DETAIL_LIMITS["coach_name"])
    start_date: IsoDate | None
    equipment: list[EquipmentKey] = Field(
        max_length=len(Equipment),
        fail_fast=True,
        description="What the client has at home; empty means not set.",
    )
    notes: str = Field(max_length=DETAIL_LIMITS["notes"])


class DetailsModel(DetailsV2):
    model_config = ConfigDict(title="Client details")

    balance: dict[str, int | float | bool] = Field(
        default_factory=dict,
        max_length=len(fields(BalanceSettings)),
        description="This program's own balance thresholds, overriding the coach's defaults "
        "(balance.toml); keys as in planner/balance/settings.py, e.g. "
        '{"maintenance": true}.',
    )


class ProgramModel(FileModel):
    """A Hip Planner client program (file version 4)."""

    model_config = ConfigDict(title="Hip Planner program")

    format: Literal["hip-planner/program"]
    version: Literal[4]
    details: DetailsModel
    weeks: list[WeekModel] = Field(min_length=1, max_length=MAX_WEEKS, fail_fast=True)
    exercises: list[ExerciseModel] = Field(
        max_length=MAX_EXERCISES, fail_fast=True, description="Every exercise the entries use."
    )
    log: list[SessionModel] = Field(
        default_factory=list,
        max_length=MAX_SESSIONS,
        fail_fast=True,
        description="The sessions the client reported, in the order they were typed in.",
    )


# -- version 3 -----------------------------------------------------------------------------------


class ProgramV3(FileModel):
    format: Literal["hip-planner/program"]
    version: Literal[3]
    details: DetailsModel
    weeks: list[WeekV2] = Field(min_length=1, max_length=MAX_WEEKS, fail_fast=True)
    exercises: list[ExerciseV3] = Field(max_length=MAX_EXERCISES, fail_fast=True)


def upgrade_v3(old: ProgramV3) -> ProgramModel:
    """Version 3 → 4: no log, no target effort, no videos and no photos yet."""
    return ProgramModel.model_validate({**old.model_dump(), "version": 4}, strict=False)


# -- version 2 -----------------------------------------------------------------------------------


class ProgramV2(FileModel):
    format: Literal["hip-planner/program"]
    version: Literal[2]
    details: DetailsV2
    weeks: list[WeekV2] = Field(min_length=1, max_length=MAX_WEEKS, fail_fast=True)
    exercises: list[ExerciseV2] = Field(max_length=MAX_EXERCISES, fail_fast=True)


def upgrade_v2(old: ProgramV2) -> ProgramV3:
    """Version 2 → 3: the new exercise fields and the program's own thresholds take their
    defaults (hip weight 1, no variants, no overrides)."""
    return ProgramV3.model_validate({**old.model_dump(), "version": 3}, strict=False)


# -- version 1 -----------------------------------------------------------------------------------


class DoseV1(FileModel):
    sets: int = Field(ge=SETS_RANGE[0], le=SETS_RANGE[1])
    amount: int = Field(ge=1, le=max(high for _, high in AMOUNT_RANGES.values()))
    unit: UnitKey
    each_side: bool
    load: str = Field(max_length=TEXT_LIMITS["load"])
    notes: str = Field(max_length=TEXT_LIMITS["notes"])


class EntryV1(FileModel):
    id: str = Field(min_length=1, max_length=ENTRY_ID_LIMIT)
    exercise_id: ExerciseId
    dose: DoseV1


class DayV1(FileModel):
    entries: list[EntryV1] = Field(max_length=MAX_ENTRIES_PER_DAY, fail_fast=True)


class WeekV1(FileModel):
    days: list[DayV1] = Field(min_length=DAYS_PER_WEEK, max_length=DAYS_PER_WEEK, fail_fast=True)


class DetailsV1(FileModel):
    client_name: str = Field(max_length=DETAIL_LIMITS["client_name"])
    title: str = Field(max_length=DETAIL_LIMITS["title"])
    coach_name: str = Field(max_length=DETAIL_LIMITS["coach_name"])
    start_date: IsoDate | None
    notes: str = Field(max_length=DETAIL_LIMITS["notes"])


class ProgramV1(FileModel):
    format: Literal["hip-planner/program"]
    version: Literal[1]
    details: DetailsV1
    weeks: list[WeekV1] = Field(min_length=1, max_length=MAX_WEEKS, fail_fast=True)
    exercises: list[ExerciseV2] = Field(max_length=MAX_EXERCISES, fail_fast=True)


MODELS: dict[int, type[ProgramV1] | type[ProgramV2] | type[ProgramV3] | type[ProgramModel]] = {
    1: ProgramV1,
    2: ProgramV2,
    3: ProgramV3,
    4: ProgramModel,
}


def upgrade_v1(old: ProgramV1) -> ProgramV2:
    """Version 1 → 2: each entry gets the rest and tempo its exercise had (version 1 had no
    per-entry rest or tempo), and the client's equipment starts as "not set"."""
    rest_and_tempo = {ex.id: (ex.dose.rest_seconds, ex.dose.tempo) for ex in old.exercises}
    # An unknown exercise is refused later, when the entries are checked against the library.
    unknown = (Dose().rest_seconds, Dose().tempo)

    def entry(e: EntryV1) -> EntryV2:
        rest, tempo = rest_and_tempo.get(e.exercise_id, unknown)
        dose = DoseV2(**e.dose.model_dump(), rest_seconds=rest, tempo=tempo)
        return EntryV2(id=e.id, exercise_id=e.exercise_id, dose=dose)

    return ProgramV2(
        format=FORMAT_NAME,
        version=2,
        details=DetailsV2(**old.details.model_dump(), equipment=[]),
        weeks=[
            WeekV2(days=[DayV2(entries=[entry(e) for e in day.entries]) for day in week.days])
            for week in old.weeks
        ],
        exercises=old.exercises,
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the current version, as published in ``resources/schema``."""
    schema = ProgramModel.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(json_schema_text(), end="")
