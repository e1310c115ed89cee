"""Turn an exercise's pose into plain drawing primitives in a box ``width`` × 1 (y up).

Both backends (reportlab for the handout, QPainter for the window) only paint these; all the
geometry is here, in plain Python, and cached per pose.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from planner.pose import Arm, ExercisePose, Frame, Leg, Prop, PropKind, View, Working

Point = tuple[float, float]

BODY = "#1f1f1f"
FAR = "#a3a3a3"
"""The limbs on the far side of the body: light grey."""
WORKING = "#d35400"
"""The working leg: an orange that prints as a mid grey, between the black body and the
light far limbs."""
WORKING_GHOST = "#f0b58a"
PROP_LINE = "#555555"
PROP_FILL = "#e2e2e2"
BAND = "#2e7d32"
FLOOR = "#8c8c8c"

TRUNK = 1.0
THIGH = 0.9
SHIN = 0.85
FOOT = 0.24
UPPER_ARM = 0.52
FOREARM = 0.48
HEAD_R = 0.17
HIP_HALF = 0.13
SHOULDER_HALF = 0.2
LIMB = 0.11
"""Limb thickness in body lengths."""


@dataclass(frozen=True, slots=True)
class Stroke:
    """A polyline with round ends and joins."""

    points: tuple[Point, ...]
    width: float
    colour: str
    dashed: bool = False


@dataclass(frozen=True, slots=True)
class Disc:
    centre: Point
    radius: float
    fill: str | None
    stroke: str | None
    width: float = 0.0


@dataclass(frozen=True, slots=True)
class Shape:
    """A closed polygon."""

    points: tuple[Point, ...]
    fill: str | None
    stroke: str | None
    width: float = 0.0


@dataclass(frozen=True, slots=True)
class Arrow:
    """A polyline and a filled arrowhead (a triangle) at its last point."""

    points: tuple[Point, ...]
    width: float
    colour: str
    head: tuple[Point, Point, Point]


@dataclass(frozen=True, slots=True)
class Label:
    at: Point
    text: str
    size: float
    colour: str = BODY


Primitive = Stroke | Disc | Shape | Arrow | Label


@dataclass(frozen=True, slots=True)
class Picture:
    width: float
    height: float
    primitives: tuple[Primitive, ...]


@dataclass(frozen=True, slots=True)
class Figure:
    """One frame's body: named points (floor at y = 0) and which segments join them."""

    points: dict[str, Point]
    feet: dict[str, Point]
    view: View

    def leg(self, side: str) -> tuple[Point, Point, Point, Point]:
        return (
            self.points[f"{side}_hip"],
            self.points[f"{side}_knee"],
            self.points[f"{side}_ankle"],
            self.feet[side],
        )


def _dir(degrees: float) -> Point:
    a = math.radians(degrees)
    return math.cos(a), math.sin(a)


def _add(p: Point, d: Point, length: float) -> Point:
    return p[0] + d[0] * length, p[1] + d[1] * length


def _thigh_angle(frame: Frame, leg: Leg, side: str, view: View) -> float:
    down = frame.trunk + 180.0
    if view.facing and side == "far":
        return down - leg.hip
    return down + leg.hip


def _swings(leg: Leg, knee: float) -> bool:
    """In a front view a rotation swings the shin when the knee is bent (or the thigh points
    at the viewer); otherwise it turns the toes."""
    return knee != 0.0 or leg.reach < 0.6


def _shin_angle(frame: Frame, thigh: float, leg: Leg, knee: float, side: str, view: View) -> float:
    if view is View.SIDE:
        return thigh - knee
    shin = thigh + knee if side == "far" else thigh - knee
    if leg.turn and _swings(leg, knee):
        # Outward rotation moves the foot toward the other leg.
        v = _dir(shin)
        medial = _lateral(frame, "far" if side == "near" else "near")
        toward = -v[1] * medial[0] + v[0] * medial[1]
        shin += leg.turn if toward >= 0 else -leg.turn
    return shin


def _lateral(frame: Frame, side: str) -> Point:
    return _dir(frame.trunk - 90.0 if side == "near" else frame.trunk + 90.0)


def _leg_points(
    frame: Frame, leg: Leg, side: str, view: View, hip: Point, knee_bend: float
) -> tuple[Point, Point, Point]:
    thigh = _thigh_angle(frame, leg, side, view)
    knee = _add(hip, _dir(thigh), THIGH * leg.reach)
    shin = _shin_angle(frame, thigh, leg, knee_bend, side, view)
    ankle = _add(knee, _dir(shin), SHIN * leg.shin)
    if view is View.SIDE:
        foot = _add(ankle, _dir(shin + 90.0), FOOT)
    elif _swings(leg, knee_bend):
        foot = _add(ankle, _lateral(frame, side), 0.06)
    else:
        foot = _add(ankle, _lateral(frame, side), 0.06 + 0.3 * math.sin(math.radians(leg.turn)))
    return knee, ankle, foot


def _plant(frame: Frame, leg: Leg, side: str, view: View, hip: Point, floor: float) -> float:
    """The knee bend that puts the ankle ``leg.plant`` above ``floor``, nearest ``leg.knee``."""
    assert leg.plant is not None
    thigh = _thigh_angle(frame, leg, side, view)
    knee = _add(hip, _dir(thigh), THIGH * leg.reach)
    target = floor + leg.plant + 0.06
    ratio = max(-1.0, min(1.0, (target - knee[1]) / (SHIN * leg.shin)))
    first = math.degrees(math.asin(ratio))
    best = leg.knee
    best_gap = math.inf
    for shin in (first, 180.0 - first):
        bend = shin - thigh if view.facing and side == "far" else thigh - shin
        bend = (bend + 180.0) % 360.0 - 180.0
        gap = abs(bend - leg.knee)
        if gap < best_gap:
            best, best_gap = bend, gap
    return best


def figure(frame: Frame, view: View) -> Figure:
    """The body of one frame, with the floor at y = 0."""
    pelvis: Point = (0.0, 0.0)
    up = _dir(frame.trunk)
    neck = _add(pelvis, up, TRUNK * frame.reach)
    head = _add(neck, _dir(frame.trunk - frame.head), 0.06 + HEAD_R)
    pts: dict[str, Point] = {"pelvis": pelvis, "neck": neck, "head": head}
    if view.facing:
        pts["near_hip"] = _add(pelvis, _lateral(frame, "near"), HIP_HALF)
        pts["far_hip"] = _add(pelvis, _lateral(frame, "far"), HIP_HALF)
        shoulders = {
            "near": _add(neck, _lateral(frame, "near"), SHOULDER_HALF),
            "far": _add(neck, _lateral(frame, "far"), SHOULDER_HALF),
        }
    else:
        pts["near_hip"] = pts["far_hip"] = pelvis
        shoulders = {"near": neck, "far": neck}
    for side, arm in (("near", frame.arm), ("far", frame.far_arm or frame.arm)):
        pts[f"{side}_shoulder"] = shoulders[side]
        pts[f"{side}_elbow"], pts[f"{side}_hand"] = _arm_points(frame, arm, side, view, shoulders)
    legs = {"near": frame.near, "far": frame.far}
    feet: dict[str, Point] = {}
    for side, leg in legs.items():
        if leg.plant is None:
            knee, ankle, foot = _leg_points(frame, leg, side, view, pts[f"{side}_hip"], leg.knee)
            pts[f"{side}_knee"], pts[f"{side}_ankle"], feet[side] = knee, ankle, foot
    lows = [p[1] for p in pts.values()] + [head[1] - HEAD_R] + [f[1] for f in feet.values()]
    floor = pelvis[1] - frame.height if frame.height is not None else min(lows) - LIMB / 2
    for side, leg in legs.items():
        if leg.plant is not None:
            bend = _plant(frame, leg, side, view, pts[f"{side}_hip"], floor)
            knee, ankle, foot = _leg_points(frame, leg, side, view, pts[f"{side}_hip"], bend)
            pts[f"{side}_knee"], pts[f"{side}_ankle"], feet[side] = knee, ankle, foot
    if frame.height is None:
        lows = [p[1] for p in pts.values()] + [head[1] - HEAD_R] + [f[1] for f in feet.values()]
        floor = min(lows) - LIMB / 2
    shift = -floor
    moved = {name: (p[0], p[1] + shift) for name, p in pts.items()}
    moved_feet = {name: (p[0], p[1] + shift) for name, p in feet.items()}
    return Figure(moved, moved_feet, view)


def _arm_points(
    frame: Frame, arm: Arm, side: str, view: View, shoulders: dict[str, Point]
) -> tuple[Point, Point]:
    down = frame.trunk + 180.0
    if view.facing and side == "far":
        upper = down - arm.shoulder
        fore = upper - arm.elbow
    else:
        upper = down + arm.shoulder
        fore = upper + arm.elbow
    elbow = _add(shoulders[side], _dir(upper), UPPER_ARM)
    return elbow, _add(elbow, _dir(fore), FOREARM)


# --- the picture -----------------------------------------------------------------------------


def exercise_picture(pose: ExercisePose, width: float = 2.4) -> Picture:
    """Start and end side by side in a box ``width`` × 1, the working leg highlighted, an arrow
    for the movement and the props drawn; cached per pose."""
    return _picture(pose, round(width, 3))


@lru_cache(maxsize=512)
def _picture(pose: ExercisePose, width: float) -> Picture:
    if is_overhead(pose):
        return _overhead_picture(pose, width)
    figures = (figure(pose.start, pose.view), figure(pose.end, pose.view))
    anchors = _anchors(pose, figures)
    parts: list[list[Primitive]] = []
    heights = _prop_heights(pose, figures)
    for index, fig in enumerate(figures):
        items: list[Primitive] = []
        items += _props_behind(pose, fig, heights, anchors)
        if pose.view is View.ABOVE and _upright((pose.start, pose.end)[index]):
            items += _body(pose, fig, trunk=False) + _torso_from_above(fig)
        else:
            items += _body(pose, fig) + _ends_toward_viewer(pose, fig)
        items += _props_front(pose, fig)
        if index == 1:
            items = _ghost(pose, figures[0], fig) + items + _movement(pose, figures[0], fig)
        parts.append(items)
    return _layout(parts, width, pose.view, ("", _toward_viewer(pose, figures)))


def _colour(pose: ExercisePose, side: str) -> str:
    if pose.working is Working.BOTH or pose.working.value == side:
        return WORKING
    return FAR if pose.view is View.SIDE else BODY


def _body(pose: ExercisePose, fig: Figure, trunk: bool = True) -> list[Primitive]:
    """The body as sticks; without the trunk, the shoulders' line and the head when
    ``trunk`` is false (an upright trunk seen from above is drawn on top)."""
    p = fig.points
    side_view = pose.view is View.SIDE
    out: list[Primitive] = []
    limb = LIMB
    arm_far = FAR if side_view else BODY
    if pose.view is View.FEET:
        return _lying_end_on(pose, fig)
    out.append(Stroke((p["far_shoulder"], p["far_elbow"], p["far_hand"]), limb * 0.85, arm_far))
    out.append(Stroke((*fig.leg("far"),), limb, _colour(pose, "far")))
    if not side_view:
        out.append(Stroke((p["far_hip"], p["near_hip"]), limb, BODY))
    if not side_view and trunk:
        out.append(Stroke((p["far_shoulder"], p["near_shoulder"]), limb, BODY))
    if trunk:
        out.append(Stroke((p["pelvis"], p["neck"]), limb * 1.25, BODY))
        out.append(Disc(p["head"], HEAD_R, "#ffffff", BODY, limb * 0.6))
    out.append(Stroke((*fig.leg("near"),), limb, _colour(pose, "near")))
    out.append(Stroke((p["near_shoulder"], p["near_elbow"], p["near_hand"]), limb * 0.85, BODY))
    return out


def _lying_end_on(pose: ExercisePose, fig: Figure) -> list[Primitive]:
    """A body lying on the floor seen from its feet, a little from above: the head farthest
    (highest), the front of the trunk as a plate from the shoulders to the hips, the arms
    beside it, the legs nearest."""
    p = fig.points
    out: list[Primitive] = [Disc(p["head"], HEAD_R, "#ffffff", BODY, LIMB * 0.6)]
    for side in ("far", "near"):
        arm = (p[f"{side}_shoulder"], p[f"{side}_elbow"], p[f"{side}_hand"])
        out.append(Stroke(arm, LIMB * 0.85, BODY))
    plate = (p["near_hip"], p["near_shoulder"], p["far_shoulder"], p["far_hip"])
    out.append(Shape(plate, "#ffffff", BODY, LIMB * 0.5))
    out.append(Stroke((p["far_hip"], p["near_hip"]), LIMB, BODY))
    for side in ("far", "near"):
        out.append(Stroke((*fig.leg(side),), LIMB, _colour(pose, side)))
    return out


def _upright(frame: Frame) -> bool:
    return abs(frame.trunk - 90.0) <= OVERHEAD_TILT


def _torso_from_above(fig: Figure) -> list[Primitive]:
    """An upright trunk seen from above (sitting on the floor): the shoulders round the head,
    the nose showing where the body faces, over the stick trunk."""
    p = fig.points
    centre = p["pelvis"]
    left, right = _add(centre, (-1.0, 0.0), SHOULDER_HALF), _add(centre, (1.0, 0.0), SHOULDER_HALF)
    pts = {"free_shoulder": left, "stance_shoulder": right}
    nose = _add(centre, (0.0, 1.0), 0.17)
    return [
        Shape(_chest(pts), "#ffffff", BODY, LIMB * 0.3),
        Disc(centre, 0.1, "#ffffff", BODY, LIMB * 0.3),
        Shape((nose, _add(centre, _dir(125), 0.09), _add(centre, _dir(55), 0.09)), BODY, None),
    ]


def _slopes(pose: ExercisePose, fig: Figure) -> bool:
    """A raised body whose legs slope down to the floor (a 45-degree back extension)."""
    if pose.view is not View.SIDE:
        return False
    pelvis, ankle = fig.points["pelvis"], fig.points["near_ankle"]
    dx, dy = pelvis[0] - ankle[0], pelvis[1] - ankle[1]
    return pelvis[1] > 0.6 and 20.0 <= math.degrees(math.atan2(dy, abs(dx) or 1e-9)) <= 70.0


def _back_extension_bench(fig: Figure) -> list[Primitive]:
    """A 45-degree back-extension bench: a frame from the foot plate up to a pad just below
    the hips, a roller behind the ankles."""
    pelvis, ankle = fig.points["pelvis"], fig.points["near_ankle"]
    length = math.dist(pelvis, ankle)
    along = ((pelvis[0] - ankle[0]) / length, (pelvis[1] - ankle[1]) / length)
    below = (along[1], -along[0]) if along[0] > 0 else (-along[1], along[0])
    pad = _add(_add(pelvis, below, LIMB / 2 + 0.09), along, -0.12)
    roller = _add(ankle, below, -(LIMB / 2 + 0.06))
    base = _add(ankle, below, LIMB / 2 + 0.12)
    rail_end = _add(pad, below, 0.12)
    return [
        Stroke(((base[0], 0.0), base, rail_end), 0.06, PROP_LINE),
        Stroke(((rail_end[0], 0.0), rail_end), 0.06, PROP_LINE),
        Stroke(((base[0] - 0.15, 0.0), (rail_end[0] + 0.15, 0.0)), 0.06, PROP_LINE),
        Shape(
            _capsule(_add(pad, along, -0.1), _add(pad, along, 0.1), 0.09),
            PROP_FILL,
            PROP_LINE,
            0.025,
        ),
        Disc(roller, 0.065, PROP_FILL, PROP_LINE, 0.025),
    ]


def _point(fig: Figure, name: str) -> Point:
    if name in ("knees", "ankles", "hands"):
        single = {"knees": "knee", "ankles": "ankle", "hands": "hand"}[name]
        a, b = fig.points[f"near_{single}"], fig.points[f"far_{single}"]
        return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    return fig.points[name]


def _anchors(pose: ExercisePose, figures: tuple[Figure, Figure]) -> dict[int, tuple[Point, str]]:
    """Where each band or cable is tied: fixed across both frames."""
    xs = [p[0] for f in figures for p in f.points.values()]
    ys = [p[1] for f in figures for p in f.points.values()]
    out: dict[int, tuple[Point, str]] = {}
    for i, prop in enumerate(pose.props):
        if prop.kind not in (PropKind.BAND, PropKind.CABLE):
            continue
        at = _point(figures[0], prop.at)
        to = {"front": "right", "back": "left"}.get(prop.to, prop.to) or _against(prop, figures)
        if to == "left":
            out[i] = ((min(xs) - 0.45, at[1]), to)
        elif to == "right":
            out[i] = ((max(xs) + 0.45, at[1]), to)
        elif to == "up":
            out[i] = ((at[0], max(ys) + 0.35), to)
        else:
            out[i] = ((at[0] + 0.25, 0.04), to)
    return out


def _prop_heights(pose: ExercisePose, figures: tuple[Figure, Figure]) -> dict[int, float]:
    """Benches, steps and balls keep one size: the lower of the two frames' points (a body
    part may float a little above it, never sink into it)."""
    return {
        i: min(_point(f, prop.at)[1] for f in figures)
        for i, prop in enumerate(pose.props)
        if prop.kind in (PropKind.BENCH, PropKind.STEP, PropKind.BALL)
    }


def _against(prop: Prop, figures: tuple[Figure, Figure]) -> str:
    """The side a band or cable pulls from when the pose does not say: against the movement
    of the point it is tied to (behind a leg that moves forward)."""
    a, b = _point(figures[0], prop.at), _point(figures[1], prop.at)
    dx, dy = b[0] - a[0], b[1] - a[1]
    if abs(dx) >= abs(dy):
        return "left" if dx > 0 else "right"
    return "down" if dy > 0 else "up"


def _props_behind(
    pose: ExercisePose,
    fig: Figure,
    heights: dict[int, float],
    anchors: dict[int, tuple[Point, str]],
) -> list[Primitive]:
    """Props under or behind the body."""
    out: list[Primitive] = []
    for i, prop in enumerate(pose.props):
        at = _point(fig, prop.at)
        kind = prop.kind
        if i in heights:
            at = (at[0], heights[i])
        if kind is PropKind.BENCH and prop.at == "pelvis" and _slopes(pose, fig):
            out += _back_extension_bench(fig)
        elif kind in (PropKind.BENCH, PropKind.STEP):
            top = max(at[1] - (0.07 if kind is PropKind.BENCH else 0.06), 0.12)
            half = 0.42 if kind is PropKind.BENCH else 0.3
            left, right = at[0] - half, at[0] + half
            if kind is PropKind.STEP and pose.view.facing and prop.at in _ANKLES:
                # Seen from the front the other foot hangs off the step's edge.
                other = fig.points[_ANKLES[prop.at]]
                if other[0] < at[0]:
                    left, right = at[0] - 0.1, at[0] + 2 * half - 0.1
                else:
                    left, right = at[0] - 2 * half + 0.1, at[0] + 0.1
            out.append(
                Shape(
                    (
                        (left, 0.0),
                        (left, top),
                        (right, top),
                        (right, 0.0),
                    ),
                    PROP_FILL,
                    PROP_LINE,
                    0.025,
                )
            )
        elif kind is PropKind.BALL:
            radius = max(0.18, (at[1] - 0.04) / 2)
            out.append(Disc((at[0], radius), radius, PROP_FILL, PROP_LINE, 0.025))
        elif kind is PropKind.MACHINE:
            top = max(at[1] - 0.07, 0.15)
            out.append(
                Shape(
                    (
                        (at[0] - 0.35, top - 0.08),
                        (at[0] - 0.35, top),
                        (at[0] + 0.35, top),
                        (at[0] + 0.35, top - 0.08),
                    ),
                    PROP_FILL,
                    PROP_LINE,
                    0.025,
                )
            )
            out.append(Stroke(((at[0], 0.0), (at[0], top - 0.08)), 0.05, PROP_LINE))
            back = fig.points["neck"]
            out.append(Stroke(((at[0] - 0.12, top), (back[0] - 0.12, back[1])), 0.07, PROP_LINE))
        elif kind in (PropKind.BAND, PropKind.CABLE) and i in anchors:
            anchor, side = anchors[i]
            colour = BAND if kind is PropKind.BAND else PROP_LINE
            post_top = max(anchor[1] + 0.15, 0.5)
            if side == "up":
                out.append(
                    Stroke(
                        ((anchor[0] - 0.2, anchor[1]), (anchor[0] + 0.2, anchor[1])),
                        0.05,
                        PROP_LINE,
                    )
                )
            elif side != "down":
                out.append(Stroke(((anchor[0], 0.0), (anchor[0], post_top)), 0.06, PROP_LINE))
            if kind is PropKind.CABLE:
                out.append(Disc(anchor, 0.06, "#ffffff", PROP_LINE, 0.025))
            out.append(Stroke((anchor, at), 0.035 if kind is PropKind.BAND else 0.02, colour))
        elif kind is PropKind.BAR:
            y = at[1] + 0.05
            out.append(Stroke(((at[0] - 0.45, y), (at[0] + 0.45, y)), 0.06, PROP_LINE))
        elif kind is PropKind.SLIDER:
            out.append(
                Shape(_ellipse((at[0] + 0.08, 0.02), 0.16, 0.03), PROP_FILL, PROP_LINE, 0.02)
            )
    return out


_ANKLES = {"near_ankle": "far_ankle", "far_ankle": "near_ankle"}


def _props_front(pose: ExercisePose, fig: Figure) -> list[Primitive]:
    out: list[Primitive] = []
    for prop in pose.props:
        at = _point(fig, prop.at)
        kind = prop.kind
        if kind is PropKind.MINI_BAND:
            single = "knee" if prop.at in ("knees", "near_knee", "far_knee") else "ankle"
            a, b = fig.points[f"near_{single}"], fig.points[f"far_{single}"]
            out.append(Shape(_capsule(a, b, 0.085), None, BAND, 0.045))
        elif kind is PropKind.SOFT_BALL:
            out.append(Disc(at, 0.1, PROP_FILL, PROP_LINE, 0.025))
        elif kind is PropKind.DUMBBELL:
            out.append(Stroke(((at[0] - 0.12, at[1]), (at[0] + 0.12, at[1])), 0.04, PROP_LINE))
            for dx in (-0.12, 0.12):
                out.append(Disc((at[0] + dx, at[1]), 0.06, PROP_LINE, None))
        elif kind is PropKind.KETTLEBELL:
            out.append(Disc((at[0], at[1] - 0.13), 0.11, PROP_LINE, None))
            out.append(Disc((at[0], at[1] - 0.04), 0.05, None, PROP_LINE, 0.025))
        elif kind is PropKind.BARBELL:
            out.append(Disc(at, 0.2, PROP_FILL, PROP_LINE, 0.03))
            out.append(Disc(at, 0.04, PROP_LINE, None))
        elif kind is PropKind.ANKLE_WEIGHT:
            out.append(Stroke((_add(at, (0, 1), -0.04), _add(at, (0, 1), 0.04)), 0.14, PROP_LINE))
    return out


def _ellipse(centre: Point, rx: float, ry: float, steps: int = 16) -> tuple[Point, ...]:
    return tuple(
        (
            centre[0] + rx * math.cos(2 * math.pi * i / steps),
            centre[1] + ry * math.sin(2 * math.pi * i / steps),
        )
        for i in range(steps)
    )


def _capsule(a: Point, b: Point, r: float) -> tuple[Point, ...]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    base = math.degrees(math.atan2(dy, dx)) if (dx or dy) else 0.0
    pts: list[Point] = []
    for i in range(9):
        pts.append(_add(b, _dir(base - 90 + 180 * i / 8), r))
    for i in range(9):
        pts.append(_add(a, _dir(base + 90 + 180 * i / 8), r))
    return tuple(pts)


def _working_sides(pose: ExercisePose) -> tuple[str, ...]:
    return ("near", "far") if pose.working is Working.BOTH else (pose.working.value,)


def _ghost(pose: ExercisePose, start: Figure, end: Figure) -> list[Primitive]:
    """The working leg where it started, dashed, when the hip stays put (open chain)."""
    out: list[Primitive] = []
    for side in _working_sides(pose):
        hip0, hip1 = start.points[f"{side}_hip"], end.points[f"{side}_hip"]
        if math.dist(hip0, hip1) > 0.12:
            continue
        out.append(Stroke(start.leg(side), LIMB * 0.8, WORKING_GHOST, dashed=True))
    return out


def _movement(pose: ExercisePose, start: Figure, end: Figure) -> list[Primitive]:
    """An arrow along the path of whatever moves most: the working foot, knee, or the hips."""
    side = _working_sides(pose)[0]
    candidates = [f"{side}_ankle", f"{side}_knee", "pelvis", "neck"]
    name = max(candidates, key=lambda n: math.dist(start.points[n], end.points[n]))
    a, b = start.points[name], end.points[name]
    if math.dist(a, b) < 0.08:
        return []
    # Bow the path away from the hip (or, for the hips themselves, upward).
    pivot = end.points[f"{side}_hip"] if name.endswith(("ankle", "knee")) else None
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    dx, dy = b[0] - a[0], b[1] - a[1]
    normal = (-dy, dx)
    length = math.hypot(*normal)
    normal = (normal[0] / length, normal[1] / length)
    if pivot is not None:
        away = (mid[0] - pivot[0], mid[1] - pivot[1])
        if away[0] * normal[0] + away[1] * normal[1] < 0:
            normal = (-normal[0], -normal[1])
    elif normal[1] < 0:
        normal = (-normal[0], -normal[1])
    bow = 0.22 * math.dist(a, b) + 0.12
    control = (mid[0] + normal[0] * bow, mid[1] + normal[1] * bow)
    pts = []
    for i in range(13):
        t = 0.08 + 0.84 * i / 12
        pts.append(
            (
                (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * control[0] + t * t * b[0],
                (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * control[1] + t * t * b[1],
            )
        )
    # Move the arrow off the limb, outward.
    pts = [(x + normal[0] * 0.12, y + normal[1] * 0.12) for x, y in pts]
    (x0, y0), tip = pts[-2], pts[-1]
    heading = math.degrees(math.atan2(tip[1] - y0, tip[0] - x0))
    head = (
        _add(tip, _dir(heading), 0.06),
        _add(tip, _dir(heading + 140), 0.1),
        _add(tip, _dir(heading - 140), 0.1),
    )
    return [Arrow(tuple(pts), 0.035, BODY, head)]


def _bounds(items: list[Primitive]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for item in items:
        if isinstance(item, Disc):
            xs += [item.centre[0] - item.radius, item.centre[0] + item.radius]
            ys += [item.centre[1] - item.radius, item.centre[1] + item.radius]
        elif isinstance(item, Label):
            continue
        else:
            if isinstance(item, Arrow):
                xs += [p[0] for p in item.head]
                ys += [p[1] for p in item.head]
            pad = getattr(item, "width", 0.0) / 2
            for x, y in item.points:
                xs += [x - pad, x + pad]
                ys += [y - pad, y + pad]
    return min(xs), min(ys), max(xs), max(ys)


LABEL_ROOM = 0.13
MARGIN = 0.03


def _layout(
    parts: list[list[Primitive]],
    width: float,
    view: View,
    notes: tuple[str, str] = ("", ""),
    least: tuple[float, float, float, float] | None = None,
) -> Picture:
    """Both panels at one scale; ``least`` is a box each panel spans at least (so a small
    body is not blown up)."""
    seen = SEEN.get(view, "")
    above = view is View.ABOVE
    boxes = [_bounds(items) for items in parts]
    if least is not None:
        boxes = [
            (min(b[0], least[0]), min(b[1], least[1]), max(b[2], least[2]), max(b[3], least[3]))
            for b in boxes
        ]
    panel_w = width / 2
    span_x = max(b[2] - b[0] for b in boxes)
    top = max(b[3] for b in boxes)
    bottom = min(0.0, *(b[1] for b in boxes))
    scale = min(
        (panel_w - 2 * MARGIN) / span_x,
        (1.0 - LABEL_ROOM - MARGIN) / (top - bottom),
    )
    out: list[Primitive] = []
    for index, (items, box) in enumerate(zip(parts, boxes, strict=True)):
        left = index * panel_w + (panel_w - (box[2] - box[0]) * scale) / 2
        ox = left - box[0] * scale
        oy = LABEL_ROOM - bottom * scale
        floor_y = oy
        x0, x1 = index * panel_w + MARGIN, (index + 1) * panel_w - MARGIN
        if not above:
            out.append(Stroke(((x0, floor_y), (x1, floor_y)), 0.008, FLOOR))
        out += [_place(item, scale, ox, oy) for item in items]
        text = "start" if index == 0 else "end"
        if notes[index]:
            text += f" · {notes[index]}"
        elif seen:
            text += f" · {seen}"
        out.append(Label((index * panel_w + panel_w / 2, 0.035), text, 0.07))
    return Picture(width, 1.0, tuple(out))


SEEN = {
    View.BEHIND: "seen from behind",
    View.ABOVE: "seen from above",
    View.FEET: "seen from the feet",
}


def _place(item: Primitive, scale: float, ox: float, oy: float) -> Primitive:
    def at(p: Point) -> Point:
        return ox + p[0] * scale, oy + p[1] * scale

    if isinstance(item, Stroke):
        return Stroke(
            tuple(at(p) for p in item.points), item.width * scale, item.colour, item.dashed
        )
    if isinstance(item, Arrow):
        a, b, c = (at(p) for p in item.head)
        return Arrow(tuple(at(p) for p in item.points), item.width * scale, item.colour, (a, b, c))
    if isinstance(item, Shape):
        return Shape(tuple(at(p) for p in item.points), item.fill, item.stroke, item.width * scale)
    if isinstance(item, Disc):
        return Disc(
            at(item.centre), item.radius * scale, item.fill, item.stroke, item.width * scale
        )
    return item


# --- a side view's limb toward the viewer -----------------------------------------------------

FORESHORTENED = 0.7
"""A working thigh or shin that shows less than this share of its start length in the end (or
the reverse) points toward the viewer: the caption under the end says where it went."""


def _ends_toward_viewer(pose: ExercisePose, fig: Figure) -> list[Primitive]:
    """In a side view, a working knee or foot that points at the viewer (its thigh or shin
    drawn under half its length) is marked with a round end, like a joint seen end-on."""
    if pose.view is not View.SIDE:
        return []
    out: list[Primitive] = []
    for side in _working_sides(pose):
        hip, knee, ankle, _ = fig.leg(side)
        if math.dist(hip, knee) < 0.5 * THIGH:
            out.append(Disc(knee, LIMB * 1.15, WORKING, "#ffffff", LIMB * 0.25))
        elif math.dist(knee, ankle) < 0.5 * SHIN:
            out.append(Disc(ankle, LIMB * 1.15, WORKING, "#ffffff", LIMB * 0.25))
    return out


def _toward_viewer(pose: ExercisePose, figures: tuple[Figure, Figure]) -> str:
    """The caption of a side view's end whose working thigh or shin turns toward the viewer
    (a fire hydrant's knee, a prone rotation's foot): a side view cannot show it otherwise.
    The near leg's knee or foot then moves out to the side, the far leg's across the body."""
    if pose.view is not View.SIDE:
        return ""
    side = _working_sides(pose)[0]
    for segment, joints in (("knee", ("hip", "knee")), ("foot", ("knee", "ankle"))):
        before, after = (
            math.dist(f.points[f"{side}_{joints[0]}"], f.points[f"{side}_{joints[1]}"])
            for f in figures
        )
        if after < FORESHORTENED * before:
            return f"{segment} out to the side" if side == "near" else f"{segment} in, across"
        if before < FORESHORTENED * after:
            return f"{segment} back in" if side == "near" else f"{segment} back out"
    return ""


# --- a standing body seen from above ---------------------------------------------------------

OVERHEAD_TILT = 30.0
"""Seen from above, a standing frame (the trunk within this of upright, no height given) is
drawn from overhead: the turn of the working (standing) leg turns the pelvis and the chest
over that foot."""


def is_overhead(pose: ExercisePose) -> bool:
    """Drawn from overhead: a standing body seen from above (a stance-hip rotation)."""
    return pose.view is View.ABOVE and all(
        abs(f.trunk - 90.0) <= OVERHEAD_TILT and f.height is None for f in (pose.start, pose.end)
    )


def _rotate(p: Point, degrees: float, about: Point = (0.0, 0.0)) -> Point:
    a = math.radians(degrees)
    x, y = p[0] - about[0], p[1] - about[1]
    return (
        about[0] + x * math.cos(a) - y * math.sin(a),
        about[1] + x * math.sin(a) + y * math.cos(a),
    )


def overhead_points(frame: Frame, working: Working) -> dict[str, Point]:
    """A standing body seen from above, facing the top of the picture (its right on the
    right): the standing foot (``stance_heel``, ``stance_toe``), both hips, the shoulders, the
    head and ``nose`` (where it faces), and the other foot (``free_heel``, ``free_toe``). The
    standing leg is the working one (the near leg is the right one); its ``turn`` turns the
    pelvis over it, outward (positive) away from the standing leg."""
    s = -1.0 if working is Working.FAR else 1.0
    stance, free = (frame.far, frame.near) if working is Working.FAR else (frame.near, frame.far)
    turn = s * stance.turn
    hip = (s * HIP_HALF, 0.0)
    other = _rotate((-s * HIP_HALF, 0.0), turn, hip)
    centre = ((hip[0] + other[0]) / 2, (hip[1] + other[1]) / 2)
    chest = turn * 1.15 - turn
    pts: dict[str, Point] = {
        "stance_heel": (hip[0], -0.02),
        "stance_toe": (hip[0], 0.3),
        "stance_hip": hip,
        "free_hip": other,
        "pelvis": centre,
        "stance_shoulder": _rotate(
            _add(centre, (s, 0.0), SHOULDER_HALF * 1.2), turn + chest, centre
        ),
        "free_shoulder": _rotate(
            _add(centre, (-s, 0.0), SHOULDER_HALF * 1.2), turn + chest, centre
        ),
        "head": centre,
        "nose": _rotate(_add(centre, (0.0, 1.0), HEAD_R + 0.05), turn + chest, centre),
    }
    if free.hip < -5.0:
        # Split stance: the other foot planted behind, where it stays.
        back = -THIGH * 2 * math.sin(math.radians(min(-free.hip, 60.0)))
        pts["free_heel"], pts["free_toe"] = (
            (-s * HIP_HALF * 1.6, back - 0.08),
            (
                -s * HIP_HALF * 1.6,
                back + 0.2,
            ),
        )
    else:
        pts["free_heel"] = _rotate((other[0], -0.02), turn, other)
        pts["free_toe"] = _rotate((other[0], 0.3), turn, other)
    return pts


def _facing(points: dict[str, Point]) -> float:
    """Where the overhead body faces, in degrees (90: the top of the picture)."""
    head, nose = points["head"], points["nose"]
    return math.degrees(math.atan2(nose[1] - head[1], nose[0] - head[0]))


def overhead_facing(frame: Frame, working: Working) -> float:
    return _facing(overhead_points(frame, working))


def _overhead_picture(pose: ExercisePose, width: float) -> Picture:
    frames = (pose.start, pose.end)
    points = [overhead_points(f, pose.working) for f in frames]
    lifted = [
        (f.far if pose.working is not Working.FAR else f.near).hip >= -5.0
        and (f.far if pose.working is not Working.FAR else f.near).knee > 20.0
        for f in frames
    ]
    parts: list[list[Primitive]] = []
    for index, pts in enumerate(points):
        items: list[Primitive] = _overhead_props(pose, pts)
        foot_w = LIMB * 1.1
        items.append(Stroke((pts["free_heel"], pts["free_toe"]), foot_w, FAR, lifted[index]))
        items.append(Stroke((pts["stance_heel"], pts["stance_toe"]), foot_w, WORKING))
        if index == 1:
            items.append(Shape(_chest(points[0]), None, WORKING_GHOST, LIMB * 0.35))
        items.append(Shape(_chest(pts), "#ffffff", BODY, LIMB * 0.3))
        items.append(Stroke((pts["free_hip"], pts["stance_hip"]), LIMB * 0.7, WORKING))
        items.append(Disc(pts["stance_hip"], LIMB * 0.55, WORKING, None))
        items.append(Disc(pts["head"], 0.1, "#ffffff", BODY, LIMB * 0.3))
        nose_dir = _facing(pts)
        items.append(
            Shape(
                (
                    _add(pts["head"], _dir(nose_dir), 0.17),
                    _add(pts["head"], _dir(nose_dir + 35), 0.09),
                    _add(pts["head"], _dir(nose_dir - 35), 0.09),
                ),
                BODY,
                None,
            )
        )
        if index == 1:
            items += _overhead_turn(points[0], pts)
        parts.append(items)
    # At least this big, so the body is drawn at about the size of the others.
    return _layout(parts, width, View.ABOVE, least=(-0.5, -0.45, 0.5, 0.55))


def _chest(pts: dict[str, Point]) -> tuple[Point, ...]:
    """The shoulders seen from above: an ellipse across the two shoulder points."""
    a, b = pts["free_shoulder"], pts["stance_shoulder"]
    centre = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    angle = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
    rx = math.dist(a, b) / 2 + 0.06
    return tuple(_rotate(p, angle, centre) for p in _ellipse(centre, rx, 0.12, 24))


def _overhead_props(pose: ExercisePose, pts: dict[str, Point]) -> list[Primitive]:
    out: list[Primitive] = []
    for prop in pose.props:
        if prop.kind not in (PropKind.BAND, PropKind.CABLE):
            continue
        left = prop.to in ("left", "back")
        anchor = (-0.75 if left else 0.75, 0.0)
        at = pts["pelvis"]
        colour = BAND if prop.kind is PropKind.BAND else PROP_LINE
        out.append(Disc(anchor, 0.06, PROP_FILL, PROP_LINE, 0.025))
        out.append(Stroke((anchor, at), 0.035 if prop.kind is PropKind.BAND else 0.02, colour))
    return out


def _overhead_turn(start: dict[str, Point], end: dict[str, Point]) -> list[Primitive]:
    """A curved arrow in front of the body, from where it faced to where it faces."""
    a, b = _facing(start), _facing(end)
    if abs(b - a) < 5.0:
        return []
    centre = end["pelvis"]
    radius = SHOULDER_HALF * 1.2 + 0.2
    pts = tuple(_add(centre, _dir(a + (b - a) * i / 12), radius) for i in range(13))
    (x0, y0), tip = pts[-2], pts[-1]
    heading = math.degrees(math.atan2(tip[1] - y0, tip[0] - x0))
    head = (
        _add(tip, _dir(heading), 0.06),
        _add(tip, _dir(heading + 140), 0.1),
        _add(tip, _dir(heading - 140), 0.1),
    )
    return [Arrow(pts, 0.035, BODY, head)]
