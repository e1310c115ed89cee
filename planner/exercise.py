"""An exercise of the catalog, as the domain sees it: tags, default dose, words for the client."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any
from urllib.parse import urlsplit

from planner.dose import Dose
from planner.photo import MAX_PHOTOS, Photo
from planner.pose import ExercisePose
from planner.taxonomy import Direction, Equipment, Knee, Level, Position

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
"""Test ids with :func:`is_exercise_id`: with ``match`` Python's ``$`` also matches before a
final newline."""
ID_HINT = "use 1–80 lowercase letters, digits and dashes"
NAME_LIMIT = 120
INSTRUCTIONS_LIMIT = 2000
CUE_LIMIT = 200
MAX_CUES = 5
HIP_WEIGHT_RANGE = (0.1, 1.0)
VIDEO_LIMIT = 500
"""The longest video address, in characters."""
VIDEO_HINT = "give a full https:// address of the video, e.g. https://youtu.be/abc123"


class ExerciseError(ValueError):
    """An exercise breaks a rule; ``problems`` maps field names to coach-facing messages."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{name}: {text}" for name, text in problems.items()))


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    name: str
    directions: tuple[Direction, ...]
    """Primary direction first, then up to two secondary ones."""
    knee: Knee
    positions: tuple[Position, ...]
    equipment: tuple[Equipment, ...]
    """Any one of these will do (options, not a shopping list)."""
    level: Level
    dose: Dose
    instructions: str
    cues: tuple[str, ...]
    hip_weight: float = 1.0
    """The share of its sets an exercise credits to the hip: 0.5 for trunk-dominant exercises
    (mountain climber, hanging raises), 1.0 otherwise (DESIGN.md §1, tagging rule)."""
    easier: str | None = None
    """The id of the easier variant (same primary direction and knee), if the catalog has one."""
    harder: str | None = None
    """The id of the harder variant, if the catalog has one."""
    closed_chain: bool = False
    """The working foot pushes against the floor or a platform although the body is not
    standing (leg press, bridge). Standing exercises count as weight-bearing anyway."""
    video: str | None = None
    """An https address of a video showing the exercise (printed as a QR code)."""
    photos: tuple[Photo, ...] = ()
    """The coach's own photos (own exercises only), printed instead of the drawing."""
    pose: ExercisePose | None = None
    """How the exercise is drawn; ``None``: derived from its tags (planner/drawing)."""
    builtin: bool = True
    archived: bool = False
    search_text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        problems = exercise_problems(self)
        if problems:
            raise ExerciseError(problems)
        blob = " ".join((self.name, self.instructions, *self.cues)).casefold()
        object.__setattr__(self, "search_text", blob)

    @property
    def primary(self) -> Direction:
        return self.directions[0]

    @property
    def secondary(self) -> tuple[Direction, ...]:
        return self.directions[1:]

    @property
    def weight_bearing(self) -> bool:
        """Closed-chain work (DESIGN.md check 10): standing, or a foot pushing on a platform."""
        return self.closed_chain or any(p.weight_bearing for p in self.positions)


def counting_reason(ex: Exercise) -> str:
    """Why the balance rule counts ``ex`` as it does, from its tags alone (DESIGN.md, tagging
    rule): "Counted as Backward (hip extension): …". A direction word in the name that the tags
    do not count is pointed out, since it names the exercise, not the hip action."""
    primary = ex.primary
    knee = "bent" if ex.knee is Knee.BENT else "straight"
    text = (
        f"Counted as {primary.label} ({primary.joint_action}): the main action of the leg "
        f"working against the load, with the knee {knee}."
    )
    if ex.secondary:
        also = " and ".join(f"{d.label} ({d.joint_action})" for d in ex.secondary)
        demand = (
            "a real but smaller demand" if len(ex.secondary) == 1 else "real but smaller demands"
        )
        text += (
            f" Half of each set also counts toward {also}: {demand} on the working or the "
            "standing hip."
        )
    named = next(
        (
            d
            for d in Direction
            if d not in ex.directions
            and re.search(rf"\b{re.escape(d.label)}\b", ex.name, re.IGNORECASE)
        ),
        None,
    )
    if named is not None:
        text += (
            f" “{named.label}” in the name describes the exercise; the hip action counted is "
            f"{primary.label}."
        )
    return text


@dataclass(frozen=True, slots=True)
class ExerciseDraft:
    """An exercise as a form holds it while the coach types: the knee may not be chosen yet.

    :meth:`problems` is the domain's own check (:func:`exercise_problems`), so a form shows
    exactly what :meth:`exercise` would refuse.
    """

    id: str
    name: str
    directions: tuple[Direction, ...]
    knee: Knee | None
    positions: tuple[Position, ...]
    equipment: tuple[Equipment, ...]
    level: Level
    dose: Dose
    instructions: str
    cues: tuple[str, ...]
    hip_weight: float = 1.0
    easier: str | None = None
    harder: str | None = None
    closed_chain: bool = False
    video: str | None = None
    photos: tuple[Photo, ...] = ()
    pose: ExercisePose | None = None
    builtin: bool = False
    archived: bool = False

    def problems(self) -> dict[str, str]:
        return exercise_problems(self)

    def exercise(self) -> Exercise:
        """The exercise; raises :class:`ExerciseError` with :meth:`problems`."""
        values: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        return Exercise(**values)


def is_exercise_id(value: object) -> bool:
    """The one test of an exercise id, used by every reader (files, catalog, database)."""
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


def is_video_url(value: object) -> bool:
    """An https address with a host and nothing a printer or a QR code would mangle."""
    if not isinstance(value, str) or not 0 < len(value) <= VIDEO_LIMIT:
        return False
    if any(c.isspace() or not c.isprintable() for c in value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - a port that is not a number from 0 to 65535 raises ValueError
    except ValueError:
        return False
    return parts.scheme == "https" and bool(parts.hostname) and "@" not in parts.netloc


def exercise_problems(ex: Exercise | ExerciseDraft) -> dict[str, str]:
    """Every rule an exercise must keep, as field → message (empty when all is well)."""
    problems: dict[str, str] = {}
    if not is_exercise_id(ex.id):
        problems["id"] = ID_HINT
    name = ex.name.strip() if isinstance(ex.name, str) else ""
    if not name:
        problems["name"] = "give the exercise a name"
    elif len(ex.name) > NAME_LIMIT:
        problems["name"] = f"keep the name to {NAME_LIMIT} characters"
    dirs = ex.directions
    if not dirs:
        problems["directions"] = "choose a primary direction"
    elif len(dirs) > 3:
        problems["directions"] = "choose at most two secondary directions"
    elif len(set(dirs)) != len(dirs):
        problems["directions"] = "a secondary direction repeats another direction"
    elif not all(isinstance(d, Direction) for d in dirs):
        problems["directions"] = "unknown direction"
    if not isinstance(ex.knee, Knee):
        problems["knee"] = "choose knee bent or straight"
    if not ex.positions or not all(isinstance(p, Position) for p in ex.positions):
        problems["positions"] = "choose at least one position"
    if not ex.equipment or not all(isinstance(e, Equipment) for e in ex.equipment):
        problems["equipment"] = "choose at least one kind of equipment (body weight counts)"
    if not isinstance(ex.level, Level):
        problems["level"] = "choose a level"
    if not isinstance(ex.dose, Dose):
        problems["dose"] = "give a default dose"
    if not isinstance(ex.instructions, str) or len(ex.instructions) > INSTRUCTIONS_LIMIT:
        problems["instructions"] = f"keep the instructions to {INSTRUCTIONS_LIMIT} characters"
    if len(ex.cues) > MAX_CUES or any(
        not isinstance(c, str) or not c.strip() or len(c) > CUE_LIMIT for c in ex.cues
    ):
        problems["cues"] = f"give at most {MAX_CUES} cues of up to {CUE_LIMIT} characters each"
    if (
        isinstance(ex.hip_weight, bool)
        or not isinstance(ex.hip_weight, int | float)
        or not HIP_WEIGHT_RANGE[0] <= ex.hip_weight <= HIP_WEIGHT_RANGE[1]
    ):
        problems["hip_weight"] = "the hip weight is a share between 0.1 and 1"
    if not isinstance(ex.closed_chain, bool):
        problems["closed_chain"] = "closed chain is yes or no"
    if ex.video is not None and not is_video_url(ex.video):
        problems["video"] = VIDEO_HINT
    if ex.pose is not None and not isinstance(ex.pose, ExercisePose):
        problems["pose"] = "the pose is not a drawing pose"
    if len(ex.photos) > MAX_PHOTOS or not all(isinstance(p, Photo) for p in ex.photos):
        problems["photos"] = f"attach at most {MAX_PHOTOS} photos"
    for name in ("easier", "harder"):
        variant = getattr(ex, name)
        if variant is None:
            continue
        if not is_exercise_id(variant):
            problems[name] = "name the variant by its id: lowercase letters, digits and dashes"
        elif variant == ex.id:
            problems[name] = "an exercise cannot be its own variant"
    return problems
