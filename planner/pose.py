"""How an exercise is drawn: its start and end pose as a few joint angles, and its equipment.

Angles are *as seen* in the picture, in degrees; the drawing (``planner/drawing``) turns them
into a figure. The picture is either a **side** view (the body faces right when upright, its
legs are "near" and "far") or a **front** view (the "near" leg is on the side the body's
front would face in a side view: on the right when standing, on top when lying on the side).

- ``trunk``: the direction from the pelvis to the neck (90 = upright, 180 = lying with the head
  on the left, 0 = head on the right).
- a leg's ``hip``: how far the thigh swings away from the line of the trunk, toward the body's
  front in a side view (hip flexion) or outward in a front view (leg away from the other one);
  negative the other way. ``knee``: how far the shin folds back from the thigh line (0 =
  straight). ``turn``: rotation, positive outward (external), drawn as the shin swinging
  toward the other leg (knee bent) or the toes turning out (knee straight). ``reach``: the
  share of the thigh's length that shows when it points at the viewer. ``plant``: when set,
  the knee bends as needed to put the foot this high above the floor (body lengths).
- an arm's ``shoulder`` and ``elbow``: like hip and knee (the elbow folds forward).

A pose of an exercise is the start and the end of the effort: the working leg moves in the
exercise's primary direction from one to the other (a squat goes from the bottom to standing).
The default pose of an exercise comes from its tags (``planner/drawing/defaults.py``); a
catalog entry or an own exercise may give its own (``pose`` in docs/catalog-format.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

ANGLE_LIMIT = 360.0
"""Every angle lies within ±this."""


class PoseError(ValueError):
    """Pose data that cannot be drawn; the message says which value is wrong."""


class View(StrEnum):
    """Where the picture is seen from: the side, or the front, behind, above or the feet
    (drawn as a front view, except an upright trunk from above, drawn from overhead, and a body
    lying seen from its feet; docs/catalog-format.md); the last three are named under the
    picture."""

    SIDE = "side"
    FRONT = "front"
    BEHIND = "behind"
    ABOVE = "above"
    FEET = "feet"

    @property
    def facing(self) -> bool:
        """Drawn as a front view."""
        return self is not View.SIDE


class Working(StrEnum):
    """Which leg does the work (drawn in the highlight colour)."""

    NEAR = "near"
    FAR = "far"
    BOTH = "both"


class PropKind(StrEnum):
    BAND = "band"
    """An elastic band from a body point to a post at the side ``to`` names."""
    CABLE = "cable"
    """A cable from a body point to a pulley at the side ``to`` names."""
    MINI_BAND = "mini_band"
    """A loop around both knees or both ankles (``at`` = "knees" or "ankles")."""
    BALL = "ball"
    """A stability ball under a body point."""
    SOFT_BALL = "soft_ball"
    """A small ball held between the knees or ankles."""
    BENCH = "bench"
    """A bench or box under a body point, up from the floor."""
    STEP = "step"
    """A low step under a foot."""
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    ANKLE_WEIGHT = "ankle_weight"
    SLIDER = "slider"
    BAR = "bar"
    """A pull-up bar the hands hold."""
    MACHINE = "machine"
    """A machine's seat and back under the pelvis."""


POINTS = (
    "head",
    "neck",
    "pelvis",
    "near_hip",
    "far_hip",
    "near_knee",
    "far_knee",
    "near_ankle",
    "far_ankle",
    "near_hand",
    "far_hand",
    "near_elbow",
    "far_elbow",
    "knees",
    "ankles",
    "hands",
)
"""Body points a prop may be attached to ("knees", "ankles", "hands": both)."""
SIDES = ("front", "back", "up", "down", "left", "right")
"""Where a band's or cable's anchor is: in front of or behind the body (side view), above,
below, or at the picture's left or right edge."""


@dataclass(frozen=True, slots=True)
class Leg:
    hip: float = 0.0
    knee: float = 0.0
    turn: float = 0.0
    reach: float = 1.0
    shin: float = 1.0
    """The share of the shin's length that shows."""
    plant: float | None = None


@dataclass(frozen=True, slots=True)
class Arm:
    shoulder: float = 0.0
    elbow: float = 10.0


@dataclass(frozen=True, slots=True)
class Frame:
    """One moment of the exercise."""

    trunk: float = 90.0
    near: Leg = field(default_factory=Leg)
    far: Leg = field(default_factory=Leg)
    arm: Arm = field(default_factory=Arm)
    far_arm: Arm | None = None
    """The other arm; ``None``: like ``arm``."""
    head: float = 0.0
    """How far the head tips from the trunk line, toward the body's front."""
    height: float | None = None
    """The pelvis's height above the floor; ``None``: the lowest point is on the floor."""
    reach: float = 1.0
    """The share of the trunk's length that shows (less when it points at the viewer)."""


@dataclass(frozen=True, slots=True)
class Prop:
    kind: PropKind
    at: str
    to: str = ""
    """For bands and cables: where the anchor is (one of :data:`SIDES`)."""


@dataclass(frozen=True, slots=True)
class ExercisePose:
    view: View
    working: Working
    start: Frame
    end: Frame
    props: tuple[Prop, ...] = ()

    def with_frames(self, start: Frame, end: Frame) -> ExercisePose:
        return replace(self, start=start, end=end)


# --- plain data (TOML tables, JSON objects) -------------------------------------------------


def pose_to_mapping(pose: ExercisePose) -> dict[str, Any]:
    """JSON-friendly and stable; fields equal to their defaults are left out."""
    return {
        "view": pose.view.value,
        "working": pose.working.value,
        "start": _frame_to_mapping(pose.start),
        "end": _frame_to_mapping(pose.end),
        "props": [
            {"kind": p.kind.value, "at": p.at, **({"to": p.to} if p.to else {})} for p in pose.props
        ],
    }


def pose_from_mapping(data: object) -> ExercisePose:
    """The inverse of :func:`pose_to_mapping`; raises :class:`PoseError` with a sentence."""
    table = _table(data, "the pose")
    _known(table, {"view", "working", "start", "end", "props"}, "the pose")
    try:
        view = View(table.get("view", "side"))
    except ValueError:
        raise PoseError("the pose's view is side, front, behind, above or feet") from None
    try:
        working = Working(table.get("working", "near"))
    except ValueError:
        raise PoseError("the working leg is near, far or both") from None
    props_data = table.get("props", [])
    if not isinstance(props_data, list) or len(props_data) > 6:
        raise PoseError("the pose's props are a list of at most 6 tables")
    return ExercisePose(
        view=view,
        working=working,
        start=_frame(table.get("start", {}), "the start pose"),
        end=_frame(table.get("end", {}), "the end pose"),
        props=tuple(_prop(p) for p in props_data),
    )


def _frame_to_mapping(frame: Frame) -> dict[str, Any]:
    out: dict[str, Any] = {}
    default = Frame()
    for f in fields(Frame):
        value = getattr(frame, f.name)
        if value == getattr(default, f.name):
            continue
        if isinstance(value, Leg | Arm):
            out[f.name] = _part_to_mapping(value)
        else:
            out[f.name] = value
    return out


def _part_to_mapping(part: Leg | Arm) -> dict[str, Any]:
    default = type(part)()
    return {
        f.name: getattr(part, f.name)
        for f in fields(part)
        if getattr(part, f.name) != getattr(default, f.name)
    }


def _frame(data: object, where: str) -> Frame:
    table = _table(data, where)
    _known(table, {f.name for f in fields(Frame)}, where)
    values: dict[str, Any] = {}
    for name in ("trunk", "head"):
        if name in table:
            values[name] = _angle(table[name], f"{where}: {name}")
    if "height" in table:
        values["height"] = _number(table["height"], f"{where}: height", 0.0, 3.0)
    if "reach" in table:
        values["reach"] = _number(table["reach"], f"{where}: reach", 0.1, 1.0)
    for name in ("near", "far"):
        if name in table:
            values[name] = _leg(table[name], f"{where}: {name} leg")
    for name in ("arm", "far_arm"):
        if name in table:
            values[name] = _arm(table[name], f"{where}: {name.replace('_', ' ')}")
    return Frame(**values)


def _leg(data: object, where: str) -> Leg:
    table = _table(data, where)
    _known(table, {f.name for f in fields(Leg)}, where)
    values: dict[str, Any] = {}
    for name in ("hip", "knee", "turn"):
        if name in table:
            values[name] = _angle(table[name], f"{where}: {name}")
    for name in ("reach", "shin"):
        if name in table:
            values[name] = _number(table[name], f"{where}: {name}", 0.1, 1.0)
    if "plant" in table and table["plant"] is not None:
        values["plant"] = _number(table["plant"], f"{where}: plant", 0.0, 3.0)
    return Leg(**values)


def _arm(data: object, where: str) -> Arm:
    table = _table(data, where)
    _known(table, {"shoulder", "elbow"}, where)
    return Arm(
        **{
            name: _angle(table[name], f"{where}: {name}")
            for name in ("shoulder", "elbow")
            if name in table
        }
    )


def _prop(data: object) -> Prop:
    table = _table(data, "a prop")
    _known(table, {"kind", "at", "to"}, "a prop")
    try:
        kind = PropKind(str(table.get("kind")))
    except ValueError:
        names = ", ".join(k.value for k in PropKind)
        raise PoseError(f"a prop's kind is one of: {names}") from None
    at = table.get("at", "")
    if at not in POINTS:
        raise PoseError(f"a prop is attached at one of: {', '.join(POINTS)}")
    to = table.get("to", "")
    if to and to not in SIDES:
        raise PoseError(f"a band's anchor is one of: {', '.join(SIDES)}")
    return Prop(kind, str(at), str(to))


def _table(data: object, where: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise PoseError(f"{where} should be a table of values")
    return data


def _known(table: Mapping[str, Any], names: set[str], where: str) -> None:
    unknown = sorted(str(k) for k in table if k not in names)
    if unknown:
        raise PoseError(f"{where} has unknown values: {', '.join(unknown)}")


def _number(value: object, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise PoseError(f"{where} should be a number")
    if not low <= value <= high:
        raise PoseError(f"{where} should be between {low:g} and {high:g}")
    return float(value)


def _angle(value: object, where: str) -> float:
    return _number(value, where, -ANGLE_LIMIT, ANGLE_LIMIT)
