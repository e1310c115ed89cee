"""A :class:`Program` as the bytes of a ``.hipplan`` file, and back (format: docs/file-format.md).

Reading goes bytes → JSON values (:mod:`planner.files.strict_json`) → the pydantic model of the
file's version (:mod:`planner.files.program_schema`) → upgraded to the current version →
domain objects.
Every problem on the way becomes one :class:`ProgramFileError` naming the file and the place.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails, PydanticSerializationError

from planner.balance.settings import override_problems
from planner.dose import Dose, DoseError, Effort
from planner.exercise import Exercise, ExerciseError
from planner.file_text import place, printable, quoted
from planner.files.program_schema import (
    CURRENT_VERSION,
    DAY_KEYS,
    FORMAT_NAME,
    MODELS,
    PATTERN_HINTS,
    DayModel,
    DetailsModel,
    DoseModel,
    EffortModel,
    EntryModel,
    ExerciseModel,
    LoggedEntryModel,
    PhotoModel,
    PoseModel,
    ProgramModel,
    ProgramV1,
    ProgramV2,
    ProgramV3,
    SessionModel,
    WeekModel,
    upgrade_v1,
    upgrade_v2,
    upgrade_v3,
)
from planner.files.strict_json import JsonProblem, decode_json
from planner.log import LogError, LoggedEntry, Session
from planner.photo import Photo, PhotoError
from planner.program import ClientDetails, Day, Entry, Program, Week

M = TypeVar("M")
T = TypeVar("T")
F = TypeVar("F", bound=BaseModel)


class ProgramFileError(Exception):
    """A program file cannot be read. ``str()`` is one line: file, place in the file, problem."""

    def __init__(self, source: str, problem: str, place: str = "") -> None:
        self.source = source
        self.problem = problem
        self.place = place
        super().__init__(printable(" ".join(self._describe().splitlines())))

    def _describe(self) -> str:
        return ": ".join(part for part in (self.source, self.place, self.problem) if part)


class NewerVersionError(ProgramFileError):
    """The file was written by a newer Hip Planner; ``version`` is the file version it needs."""

    def __init__(self, source: str, version: int) -> None:
        self.version = version
        super().__init__(
            source,
            f"was saved by a newer Hip Planner (file version {version}); this version reads up "
            f"to {CURRENT_VERSION}. Update Hip Planner to open it.",
        )

    def _describe(self) -> str:
        return f"{self.source} {self.problem}"


@dataclass(frozen=True, slots=True)
class LoadedProgram:
    program: Program
    file_version: int
    """The version the file was written in."""
    upgraded: bool
    """True when the file was in an older version: saving will write the current one."""


# -- writing -----------------------------------------------------------------------------------


def serialize_program(program: Program) -> bytes:
    """The program as a current-version ``.hipplan`` file: indented UTF-8 JSON, stable order.

    Raises ``ValueError`` if the program breaks a rule of the file (e.g. no weeks).
    """
    document = program_document(program)
    try:  # pydantic writes the same bytes as encode_json, several times faster
        return (document.model_dump_json(indent=2) + "\n").encode("utf-8")
    except (PydanticSerializationError, UnicodeEncodeError):  # a lone surrogate
        return encode_json(document.model_dump(mode="json"))


def encode_json(value: object) -> bytes:
    """Indented JSON with one key order (the models'), ending in a newline."""
    try:
        return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from pasted text: escape it, stay valid UTF-8
        return (json.dumps(value, indent=2) + "\n").encode("ascii")


def program_document(program: Program) -> ProgramModel:
    details = program.details
    return ProgramModel(
        format=FORMAT_NAME,
        version=CURRENT_VERSION,
        details=DetailsModel(
            client_name=details.client_name,
            title=details.title,
            coach_name=details.coach_name,
            start_date=details.start_date.isoformat() if details.start_date else None,
            equipment=sorted(details.equipment),
            notes=details.notes,
            balance=dict(sorted(details.balance_overrides.items())),
        ),
        weeks=[
            WeekModel(
                days=[
                    DayModel(
                        entries=[
                            EntryModel(
                                id=e.id,
                                exercise_id=e.exercise_id,
                                dose=dose_model(e.dose),
                                photos=[photo_model(p) for p in e.photos],
                            )
                            for e in day.entries
                        ]
                    )
                    for day in week.days
                ]
            )
            for week in program.weeks
        ],
        exercises=[exercise_model(ex) for _, ex in sorted(program.exercises.items())],
        log=[session_model(s) for s in program.log],
    )


def dose_model(dose: Dose) -> DoseModel:
    return DoseModel(**{**_fields_of(dose), "effort": effort_model(dose.effort)})


def _fields_of(value: Dose | LoggedEntry) -> dict[str, Any]:
    """A domain dataclass's fields by name: the file model names its fields the same."""
    return {f.name: getattr(value, f.name) for f in fields(value)}


def effort_model(effort: Effort | None) -> EffortModel | None:
    return None if effort is None else EffortModel(scale=effort.scale, value=effort.value)


def photo_model(photo: Photo) -> PhotoModel:
    return PhotoModel(media_type=photo.media_type, data=base64.b64encode(photo.data).decode())


def session_model(session: Session) -> SessionModel:
    return SessionModel(
        id=session.id,
        date=session.date.isoformat(),
        week=session.week + 1,
        day=DAY_KEYS[session.day],
        pain_during=session.pain_during,
        pain_next_morning=session.pain_next_morning,
        entries=[
            LoggedEntryModel(**{**_fields_of(e), "effort": effort_model(e.effort)})
            for e in session.entries
        ],
        note=session.note,
    )


def exercise_model(ex: Exercise) -> ExerciseModel:
    return ExerciseModel(
        id=ex.id,
        name=ex.name,
        directions=list(ex.directions),
        knee=ex.knee,
        positions=list(ex.positions),
        equipment=list(ex.equipment),
        level=ex.level,
        dose=dose_model(ex.dose),
        instructions=ex.instructions,
        cues=list(ex.cues),
        builtin=ex.builtin,
        archived=ex.archived,
        hip_weight=ex.hip_weight,
        easier=ex.easier,
        harder=ex.harder,
        closed_chain=ex.closed_chain,
        video=ex.video,
        photos=[photo_model(p) for p in ex.photos],
        pose=PoseModel.of(ex.pose),
    )


# -- reading -----------------------------------------------------------------------------------


def parse_program(data: bytes, *, source: str) -> LoadedProgram:
    """Read a program from the bytes of a file; ``source`` names the file in error messages.

    Raises :class:`ProgramFileError` (or its :class:`NewerVersionError`) and nothing else.
    """
    return parse_document(decode_file(data, source), source=source)


def decode_file(data: bytes, source: str, what: str = "a Hip Planner program") -> object:
    """The JSON values of untrusted bytes (:func:`decode_json`); a problem becomes a
    :class:`ProgramFileError` naming ``source`` and the place."""
    try:
        return decode_json(data, what=what)
    except JsonProblem as exc:
        raise ProgramFileError(source, exc.problem, exc.place) from None


def validated(model: type[F], value: object, source: str) -> F:
    """``value`` as ``model``; the first problems become one :class:`ProgramFileError`."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        raise validation_error(source, exc) from None


def parse_document(value: object, *, source: str) -> LoadedProgram:
    """Read a program from already decoded JSON values (e.g. inside a recovery file)."""
    version = _file_version(value, source)
    model = validated(MODELS[version], value, source)
    if isinstance(model, ProgramV1):
        model = upgrade_v1(model)
    if isinstance(model, ProgramV2):
        model = upgrade_v2(model)
    current = upgrade_v3(model) if isinstance(model, ProgramV3) else model
    program = _to_program(current, source)
    return LoadedProgram(program, version, upgraded=version < CURRENT_VERSION)


def _file_version(value: object, source: str) -> int:
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else "a single value"
        raise ProgramFileError(source, f"is not a Hip Planner program (it holds {kind})")
    if value.get("format") != FORMAT_NAME:
        raise ProgramFileError(
            source, f'is not a Hip Planner program (no "format": "{FORMAT_NAME}" at the top)'
        )
    version = value.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProgramFileError(source, "must be a whole number like 2", "version")
    if version > CURRENT_VERSION:
        raise NewerVersionError(source, version)
    if version not in MODELS:
        raise ProgramFileError(source, f"is {version}; file versions start at 1", "version")
    return version


def validation_error(source: str, exc: ValidationError) -> ProgramFileError:
    """The first of pydantic's complaints, with its place in the file's own terms."""
    errors = exc.errors(include_url=False, include_input=False)
    first = errors[0]
    return ProgramFileError(source, _message(first) + _more(len(errors) - 1), place(first["loc"]))


_MESSAGES = {
    "missing": "is missing",
    "extra_forbidden": "is not a known field; remove it or check its spelling",
    "int_type": "must be a whole number",
    "string_type": "must be text in quotes",
    "bool_type": "must be true or false",
    "list_type": "must be a list [ … ]",
    "model_type": "must be an object { … }",
    "dict_type": "must be an object { … }",
    "float_type": "must be a number",
}


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind in ("enum", "literal_error"):
        return f"must be {ctx['expected']}"
    if kind == "too_short":
        return f"needs at least {ctx['min_length']} items, has {ctx['actual_length']}"
    if kind == "too_long":
        return f"may have at most {ctx['max_length']} items, has {ctx['actual_length']}"
    if kind == "string_too_long":
        return f"is too long; keep it to {ctx['max_length']} characters"
    if kind == "string_pattern_mismatch":
        return PATTERN_HINTS.get(ctx["pattern"], f"must match the pattern {ctx['pattern']}")
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}"
    if kind == "value_error":
        return str(ctx["error"])
    return error["msg"]


def _more(count: int) -> str:
    if count == 0:
        return ""
    return f" (and {count} more problem{'s' if count > 1 else ''})"


def _to_program(doc: ProgramModel, source: str) -> Program:
    """Domain objects from a validated document; the domain's own rules are checked here."""
    exercises = exercises_from_models(doc.exercises, source)
    entry_ids: set[str] = set()
    doses: dict[tuple[object, ...], Dose] = {}
    """Doses are immutable and most entries share one: check each distinct dose once."""
    weeks = []
    for w, week in enumerate(doc.weeks):
        days = []
        for d, day in enumerate(week.days):
            entries = []
            for e, entry in enumerate(day.entries):
                place = f"weeks[{w}].days[{d}].entries[{e}]"
                if entry.id in entry_ids:
                    raise ProgramFileError(source, "is used by another entry too", f"{place}.id")
                entry_ids.add(entry.id)
                if entry.exercise_id not in exercises:
                    raise ProgramFileError(
                        source,
                        f"names {quoted(entry.exercise_id)}, which is not among the file's "
                        "exercises",
                        f"{place}.exercise_id",
                    )
                key = tuple(entry.dose.__dict__.values())
                dose = doses.get(key) or dose_from_model(entry.dose, source, f"{place}.dose")
                doses[key] = dose
                photos = photos_from_models(entry.photos, source, f"{place}.photos")
                entries.append(Entry(entry.exercise_id, dose, entry.id, photos))
            days.append(Day(entries))
        weeks.append(Week(days))
    return Program(
        details=_details(doc.details, source),
        weeks=weeks,
        exercises=exercises,
        log=_log(doc.log, len(weeks), source),
    )


def photos_from_models(models: Sequence[PhotoModel], source: str, place: str) -> tuple[Photo, ...]:
    """The domain's photos of validated models; bad base64 or bytes become an error at ``place``."""
    photos = []
    for i, model in enumerate(models):
        try:
            photos.append(_photo(model))
        except PhotoError as exc:
            raise ProgramFileError(source, str(exc), f"{place}[{i}]") from None
    return tuple(photos)


def _photo(model: PhotoModel) -> Photo:
    try:
        data = base64.b64decode(model.data, validate=True)
    except binascii.Error:
        raise PhotoError("the photo is not valid base64 text") from None
    return Photo(model.media_type, data)


def _log(models: Sequence[SessionModel], week_count: int, source: str) -> list[Session]:
    sessions: list[Session] = []
    ids: set[str] = set()
    for i, model in enumerate(models):
        place = f"log[{i}]"
        if model.id in ids:
            raise ProgramFileError(source, "is used by another session too", f"{place}.id")
        ids.add(model.id)
        if model.week > week_count:
            raise ProgramFileError(
                source, f"is week {model.week}, but the program has {week_count}", f"{place}.week"
            )
        try:
            entries = tuple(
                LoggedEntry(**{**e.model_dump(exclude={"effort"}), "effort": _effort(e.effort)})
                for e in model.entries
            )
            sessions.append(
                Session(
                    id=model.id,
                    date=date.fromisoformat(model.date),
                    week=model.week - 1,
                    day=DAY_KEYS.index(model.day),
                    entries=entries,
                    pain_during=model.pain_during,
                    pain_next_morning=model.pain_next_morning,
                    note=model.note,
                )
            )
        except (LogError, DoseError) as exc:
            raise _problems_error(source, place, exc.problems) from None
    return sessions


def _effort(model: EffortModel | None) -> Effort | None:
    return None if model is None else Effort(model.scale, model.value)


def exercises_from_models(models: Sequence[ExerciseModel], source: str) -> dict[str, Exercise]:
    """The domain's exercises of an ``exercises`` list, by id; each id may appear once."""
    exercises: dict[str, Exercise] = {}
    for i, model in enumerate(models):
        where = f"exercises[{i}]"
        if model.id in exercises:
            raise ProgramFileError(source, "is used by another exercise too", f"{where}.id")
        exercises[model.id] = exercise_from_model(model, source, where)
    return exercises


def exercise_from_model(model: ExerciseModel, source: str, place: str) -> Exercise:
    """The domain's exercise of a validated model; its complaint becomes an error at ``place``."""
    return _domain(source, place, _exercise, model)


def dose_from_model(model: DoseModel, source: str, place: str) -> Dose:
    """The domain's dose of a validated model; its complaint becomes an error at ``place``."""
    return _domain(source, place, _dose, model)


def _domain(source: str, place: str, build: Callable[[M], T], model: M) -> T:
    """Build a domain object, turning its complaint into an error at ``place``."""
    try:
        return build(model)
    except DoseError as exc:
        raise _problems_error(source, place, exc.problems) from None
    except ExerciseError as exc:
        raise _problems_error(source, place, exc.problems) from None
    except PhotoError as exc:
        index = f"[{exc.index}]" if isinstance(exc, _PhotoAt) else ""
        raise ProgramFileError(source, str(exc), f"{place}.photos{index}") from None


class _PhotoAt(PhotoError):
    """A bad photo of an exercise, with its place in the exercise's list."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


def _problems_error(source: str, place: str, problems: Mapping[str, str]) -> ProgramFileError:
    field, problem = next(iter(problems.items()))
    return ProgramFileError(source, problem + _more(len(problems) - 1), f"{place}.{field}")


def _dose(model: DoseModel) -> Dose:
    # model_dump would turn the unit into its plain value: read the fields as they are.
    values = {name: getattr(model, name) for name in DoseModel.model_fields}
    return Dose(**{**values, "effort": _effort(model.effort)})


def _exercise_photos(models: Sequence[PhotoModel]) -> tuple[Photo, ...]:
    photos = []
    for i, model in enumerate(models):
        try:
            photos.append(_photo(model))
        except PhotoError as exc:
            raise _PhotoAt(i, str(exc)) from None
    return tuple(photos)


def _exercise(model: ExerciseModel) -> Exercise:
    try:
        dose = _dose(model.dose)
    except DoseError as exc:  # reported at exercises[i].dose.<field>
        raise DoseError({f"dose.{k}": v for k, v in exc.problems.items()}) from None
    return Exercise(
        id=model.id,
        name=model.name,
        directions=tuple(model.directions),
        knee=model.knee,
        positions=tuple(model.positions),
        equipment=tuple(model.equipment),
        level=model.level,
        dose=dose,
        instructions=model.instructions,
        cues=tuple(model.cues),
        hip_weight=model.hip_weight,
        easier=model.easier,
        harder=model.harder,
        closed_chain=model.closed_chain,
        video=model.video,
        photos=_exercise_photos(model.photos),
        pose=model.pose.pose() if model.pose is not None else None,
        builtin=model.builtin,
        archived=model.archived,
    )


def _details(model: DetailsModel, source: str) -> ClientDetails:
    problems = override_problems(model.balance)
    if problems:
        raise _problems_error(source, "details.balance", problems)
    start = model.start_date
    return ClientDetails(
        client_name=model.client_name,
        title=model.title,
        coach_name=model.coach_name,
        start_date=date.fromisoformat(start) if start is not None else None,
        equipment=frozenset(model.equipment),
        notes=model.notes,
        balance_overrides=dict(model.balance),
    )
