"""The pose an exercise is drawn in when it gives none: from its position, primary direction
and knee (a table of templates), with its first piece of equipment as a prop.

A catalog entry overrides this with its own ``pose`` where the template would not read as the
exercise (a Bulgarian split squat is not a squat).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from planner.exercise import Exercise
from planner.pose import Arm, ExercisePose, Frame, Leg, Prop, PropKind, View, Working
from planner.taxonomy import Direction, Equipment, Knee, Position

Template = tuple[View, Working, Frame, Frame, tuple[Prop, ...]]

STAND = Frame()
HOOK = Leg(hip=50, knee=100, plant=0.0)
SUPINE = Frame(trunk=180, arm=Arm(shoulder=0, elbow=0))
PRONE = Frame(trunk=0, arm=Arm(shoulder=160, elbow=30))
FOUR = Frame(
    trunk=6, near=Leg(hip=84, knee=90), far=Leg(hip=84, knee=90), arm=Arm(shoulder=84, elbow=0)
)
"""Hands and knees, from the side."""
PLANK = Frame(trunk=21, arm=Arm(shoulder=69, elbow=0))
SIDE_PLANK = Frame(
    trunk=170,
    arm=Arm(shoulder=10, elbow=0),
    far_arm=Arm(shoulder=80, elbow=90),
)
SIDE_LYING = Frame(
    trunk=180,
    arm=Arm(shoulder=10, elbow=10),
    far_arm=Arm(shoulder=170, elbow=130),
    head=-10,
)
SEATED = Frame(
    trunk=90,
    near=Leg(hip=90, knee=90),
    far=Leg(hip=90, knee=90),
    arm=Arm(shoulder=20, elbow=40),
)
SEATED_FRONT = Frame(
    trunk=90,
    near=Leg(hip=4, knee=4, reach=0.3),
    far=Leg(hip=4, knee=4, reach=0.3),
    arm=Arm(shoulder=10, elbow=0),
)
LONG_SIT = Frame(
    trunk=95,
    near=Leg(hip=95),
    far=Leg(hip=95),
    arm=Arm(shoulder=-14, elbow=0),
)
HANG = Frame(trunk=90, height=2.05, arm=Arm(shoulder=178, elbow=0))
KNEEL = Frame(
    trunk=90, near=Leg(hip=0, knee=90), far=Leg(hip=0, knee=90), arm=Arm(shoulder=0, elbow=20)
)


def _legs(frame: Frame, near: Leg | None = None, far: Leg | None = None, **kw: Any) -> Frame:
    return replace(frame, near=near or frame.near, far=far or frame.far, **kw)


def _one_leg(frame: Frame, side: str, leg: Leg) -> Frame:
    return replace(frame, near=leg) if side == "near" else replace(frame, far=leg)


def _standing(primary: Direction, knee: Knee) -> Template:
    side, front = View.SIDE, View.FRONT
    bent = knee is Knee.BENT
    if primary is Direction.FLEXION:
        lifted = Leg(hip=95, knee=95) if bent else Leg(hip=50)
        return side, Working.NEAR, STAND, _legs(STAND, lifted, arm=Arm(-20, 20)), ()
    if primary is Direction.EXTENSION:
        if bent:
            squat = _legs(
                STAND,
                Leg(hip=120, knee=115),
                Leg(hip=120, knee=115),
                trunk=50,
                arm=Arm(80, 60),
            )
            return side, Working.BOTH, squat, _legs(STAND, arm=Arm(20, 110)), ()
        return side, Working.NEAR, STAND, _legs(STAND, Leg(hip=-30)), ()
    if primary is Direction.ABDUCTION:
        start = _legs(STAND, Leg(hip=3), Leg(hip=3))
        return front, Working.NEAR, start, _legs(start, Leg(hip=35)), ()
    if primary is Direction.ADDUCTION:
        start = _legs(STAND, Leg(hip=30), Leg(hip=3))
        return front, Working.NEAR, start, _legs(start, Leg(hip=-12)), ()
    sign = 1 if primary is Direction.EXTERNAL_ROTATION else -1
    if bent:
        start = _legs(STAND, Leg(hip=0, reach=0.3, turn=-20 * sign), Leg(hip=3))
        return front, Working.NEAR, start, _legs(start, Leg(hip=0, reach=0.3, turn=35 * sign)), ()
    # A stance-hip rotation, from overhead: the pelvis turns over the standing foot.
    start = _legs(STAND, Leg(hip=3), Leg(hip=8, knee=60, reach=0.7))
    end = _legs(start, Leg(hip=3, turn=45 * sign))
    return View.ABOVE, Working.NEAR, start, end, ()


def _supine(primary: Direction, knee: Knee) -> Template:
    bent = knee is Knee.BENT
    if primary is Direction.FLEXION:
        if bent:
            start = _legs(SUPINE, Leg(hip=50, knee=100, plant=0.0), HOOK)
            return View.SIDE, Working.NEAR, start, _legs(start, Leg(hip=100, knee=90)), ()
        start = _legs(SUPINE, Leg(), HOOK)
        return View.SIDE, Working.NEAR, start, _legs(start, Leg(hip=55)), ()
    if primary is Direction.EXTENSION:
        start = _legs(SUPINE, HOOK, HOOK)
        end = _legs(
            SUPINE,
            Leg(hip=0, knee=90, plant=0.0),
            Leg(hip=0, knee=90, plant=0.0),
            trunk=205,
            head=-25,
            arm=Arm(-25, 0),
        )
        return View.SIDE, Working.BOTH, start, end, ()
    # From above: the near leg is drawn on the upper side of the picture.
    if primary in (Direction.ABDUCTION, Direction.ADDUCTION):
        if bent:
            # From the feet: knees up, feet on the floor.
            lying = Frame(trunk=90, reach=0.4, arm=Arm(64, 0), height=0.06)
            apart = Leg(hip=145, knee=170, reach=0.65, shin=0.72, plant=0.0)
            close = Leg(hip=172, knee=170, reach=0.65, shin=0.72, plant=0.0)
            first, last = (close, apart) if primary is Direction.ABDUCTION else (apart, close)
            start = _legs(lying, first, first)
            return View.FEET, Working.BOTH, start, _legs(lying, last, last), ()
        if primary is Direction.ABDUCTION:
            first, last = Leg(hip=3), Leg(hip=22)
        else:
            first, last = Leg(hip=8), Leg(hip=2)
        start = _legs(SUPINE, first, first, arm=Arm(15, 0))
        end = _legs(SUPINE, last, last, arm=Arm(15, 0))
        return View.ABOVE, Working.BOTH, start, end, ()
    sign = 1 if primary is Direction.EXTERNAL_ROTATION else -1
    start = _legs(SUPINE, Leg(turn=-10 * sign), Leg(hip=3), arm=Arm(15, 0))
    end = _legs(start, Leg(turn=45 * sign))
    return View.ABOVE, Working.NEAR, start, end, ()


def _prone(primary: Direction, knee: Knee) -> Template:
    bent = knee is Knee.BENT
    if primary in (Direction.EXTERNAL_ROTATION, Direction.INTERNAL_ROTATION):
        sign = 1 if primary is Direction.EXTERNAL_ROTATION else -1
        if bent:
            # From the side, the shin up: it tips toward the viewer (the near foot out for
            # rotation in, the far foot in across the other leg for rotation out).
            side = "far" if sign > 0 else "near"
            start = _one_leg(PRONE, side, Leg(knee=90))
            end = _one_leg(PRONE, side, Leg(knee=90, shin=0.35))
            return View.SIDE, Working(side), start, end, ()
        top = Frame(trunk=180, arm=Arm(15, 0))
        start = _legs(top, Leg(hip=3, turn=-10 * sign), Leg(hip=3))
        return View.ABOVE, Working.NEAR, start, _legs(start, Leg(hip=3, turn=40 * sign)), ()
    if primary is Direction.FLEXION:
        return View.SIDE, Working.NEAR, PRONE, _legs(PRONE, Leg(hip=40, knee=60)), ()
    if primary in (Direction.ABDUCTION, Direction.ADDUCTION):
        top = Frame(trunk=180, arm=Arm(15, 0))
        a, b = Leg(hip=3), Leg(hip=30)
        first, last = (a, b) if primary is Direction.ABDUCTION else (b, a)
        return View.FRONT, Working.NEAR, _legs(top, first), _legs(top, last), ()
    leg = Leg(hip=-28, knee=90 if bent else 0)
    start = _legs(PRONE, Leg(knee=90 if bent else 0))
    return View.SIDE, Working.NEAR, start, _legs(PRONE, leg), ()


def _side_lying(primary: Direction, knee: Knee) -> Template:
    bent = knee is Knee.BENT
    rotation = primary in (Direction.EXTERNAL_ROTATION, Direction.INTERNAL_ROTATION)
    if bent and (rotation or primary is Direction.ABDUCTION):
        shell_near = Leg(hip=-40, reach=0.8, knee=125, plant=0.26)
        shell_far = Leg(hip=40, reach=0.8, knee=-125, plant=0.0)
        start = _legs(SIDE_LYING, shell_near, shell_far)
        if primary is Direction.INTERNAL_ROTATION:
            end = _legs(start, Leg(hip=-40, reach=0.8, knee=175))
        else:
            end = _legs(start, Leg(hip=10, reach=0.8, knee=125, plant=0.26))
        return View.FRONT, Working.NEAR, start, end, ()
    if primary is Direction.ADDUCTION:
        top = Leg(hip=-25, reach=0.6, knee=70, plant=0.0)
        start = _legs(SIDE_LYING, top, Leg(hip=0))
        return View.FRONT, Working.FAR, start, _legs(start, far=Leg(hip=-22)), ()
    if primary in (Direction.FLEXION, Direction.EXTENSION):
        lying = Frame(trunk=180, arm=Arm(40, 60), head=-10)
        hip = 45 if primary is Direction.FLEXION else -25
        return View.SIDE, Working.NEAR, lying, _legs(lying, Leg(hip=hip)), ()
    if rotation:
        sign = 1 if primary is Direction.EXTERNAL_ROTATION else -1
        start = _legs(SIDE_LYING, Leg(hip=15, turn=-10 * sign), Leg(hip=0))
        return View.FRONT, Working.NEAR, start, _legs(start, Leg(hip=15, turn=40 * sign)), ()
    start = _legs(SIDE_LYING, Leg(hip=2), Leg(hip=0))
    return View.FRONT, Working.NEAR, start, _legs(start, Leg(hip=38)), ()


def _seated(primary: Direction, knee: Knee) -> Template:
    bent = knee is Knee.BENT
    bench = (Prop(PropKind.BENCH, "pelvis"),)
    if primary is Direction.FLEXION:
        if bent:
            return View.SIDE, Working.NEAR, SEATED, _legs(SEATED, Leg(hip=125, knee=90)), bench
        return View.SIDE, Working.NEAR, LONG_SIT, _legs(LONG_SIT, Leg(hip=120)), ()
    if primary is Direction.EXTENSION:
        start = _legs(SEATED, Leg(hip=115, knee=110), Leg(hip=115, knee=110), trunk=125)
        end = _legs(start, Leg(hip=45, knee=10), Leg(hip=45, knee=10))
        return View.SIDE, Working.BOTH, start, end, bench
    if primary in (Direction.ABDUCTION, Direction.ADDUCTION):
        a, b = Leg(hip=4, knee=4, reach=0.3), Leg(hip=28, knee=28, reach=0.3)
        first, last = (a, b) if primary is Direction.ABDUCTION else (b, a)
        start = _legs(SEATED_FRONT, first, first)
        end = _legs(SEATED_FRONT, last, last)
        return View.FRONT, Working.BOTH, start, end, bench
    sign = 1 if primary is Direction.EXTERNAL_ROTATION else -1
    if bent:
        start = _legs(SEATED_FRONT, Leg(hip=4, knee=4, reach=0.3, turn=-10 * sign))
        end = _legs(SEATED_FRONT, Leg(hip=4, knee=4, reach=0.3, turn=40 * sign))
        return View.FRONT, Working.NEAR, start, end, bench
    sit = Frame(trunk=90, reach=0.8, arm=Arm(25, 0), height=0.05)
    start = _legs(sit, Leg(hip=8, reach=0.7, turn=-10 * sign), Leg(hip=8, reach=0.7))
    end = _legs(start, Leg(hip=8, reach=0.7, turn=45 * sign))
    return View.FRONT, Working.NEAR, start, end, ()


def _kneeling(primary: Direction, knee: Knee) -> Template:
    if primary is Direction.EXTENSION:
        start = _legs(KNEEL, Leg(hip=70, knee=90), Leg(hip=70, knee=90), trunk=45, arm=Arm(0, 20))
        return View.SIDE, Working.BOTH, start, KNEEL, ()
    if primary is Direction.FLEXION:
        half = _legs(KNEEL, Leg(hip=90, knee=90), Leg(hip=-10, knee=90))
        return View.SIDE, Working.NEAR, _legs(half, Leg(hip=70, knee=70)), half, ()
    return _quadruped(primary, knee)


def _quadruped(primary: Direction, knee: Knee) -> Template:
    bent = knee is Knee.BENT
    if primary is Direction.EXTENSION:
        back = Leg(hip=-5, knee=90) if bent else Leg(hip=0, knee=0)
        return View.SIDE, Working.NEAR, FOUR, _legs(FOUR, back), ()
    if primary is Direction.FLEXION:
        start = _legs(FOUR, Leg(hip=10, knee=20))
        return View.SIDE, Working.NEAR, start, _legs(FOUR, Leg(hip=125, knee=130)), ()
    # From the side, the working thigh or shin turns toward the viewer (drawn shorter, the
    # caption says where it went): the near knee out to the side for a fire hydrant, the near
    # foot out for rotation in, the far foot in across for rotation out.
    if primary in (Direction.ABDUCTION, Direction.ADDUCTION):
        a, b = Leg(hip=84, knee=90), Leg(hip=84, knee=90, reach=0.25)
        first, last = (a, b) if primary is Direction.ABDUCTION else (b, a)
        return View.SIDE, Working.NEAR, _legs(FOUR, first), _legs(FOUR, last), ()
    side = "far" if primary is Direction.EXTERNAL_ROTATION else "near"
    end = _one_leg(FOUR, side, Leg(hip=84, knee=90, shin=0.3))
    return View.SIDE, Working(side), FOUR, end, ()


def _plank(primary: Direction, knee: Knee) -> Template:
    bent = knee is Knee.BENT
    if primary is Direction.FLEXION:
        drive = Leg(hip=100, knee=110) if bent else Leg(hip=60)
        return View.SIDE, Working.NEAR, PLANK, _legs(PLANK, drive), ()
    if primary is Direction.EXTENSION:
        start = _legs(PLANK, Leg(hip=10, knee=0))
        return View.SIDE, Working.NEAR, start, _legs(PLANK, Leg(hip=-30)), ()
    if primary is Direction.ABDUCTION:
        if bent:
            legs = Leg(hip=0, knee=0, shin=0.25)
            low = _legs(SIDE_PLANK, Leg(hip=35, shin=0.25), Leg(hip=-35, shin=0.25), trunk=145)
            up = _legs(SIDE_PLANK, legs, legs, trunk=160)
            return View.FRONT, Working.FAR, low, up, ()
        low = _legs(SIDE_PLANK, Leg(hip=30), Leg(hip=-30), trunk=150)
        return View.FRONT, Working.FAR, low, SIDE_PLANK, ()
    if primary in (Direction.EXTERNAL_ROTATION, Direction.INTERNAL_ROTATION):
        sign = 1 if primary is Direction.EXTERNAL_ROTATION else -1
        start = _legs(SIDE_PLANK, Leg(hip=15, turn=-10 * sign))
        return View.FRONT, Working.NEAR, start, _legs(start, Leg(hip=15, turn=40 * sign)), ()
    # Adduction (Copenhagen): the top leg on a bench lifts the body.
    start = _legs(SIDE_PLANK, Leg(hip=25), Leg(hip=45), trunk=158)
    end = _legs(SIDE_PLANK, Leg(hip=0), Leg(hip=-2), trunk=182)
    return View.FRONT, Working.NEAR, start, end, (Prop(PropKind.BENCH, "near_ankle"),)


def _hanging(primary: Direction, knee: Knee) -> Template:
    bar = (Prop(PropKind.BAR, "near_hand"),)
    raised = Leg(hip=100, knee=100) if knee is Knee.BENT else Leg(hip=85)
    up = _legs(HANG, raised, Leg(hip=15, knee=20))
    if primary is Direction.FLEXION:
        return View.SIDE, Working.NEAR, HANG, up, bar
    if primary is Direction.EXTENSION:
        return View.SIDE, Working.NEAR, up, HANG, bar
    if primary in (Direction.ABDUCTION, Direction.ADDUCTION):
        a, b = _legs(HANG, Leg(hip=3), Leg(hip=3)), _legs(HANG, Leg(hip=35), Leg(hip=3))
        first, last = (a, b) if primary is Direction.ABDUCTION else (b, a)
        return View.FRONT, Working.NEAR, first, last, bar
    sign = 1 if primary is Direction.EXTERNAL_ROTATION else -1
    start = _legs(HANG, Leg(hip=3, turn=-10 * sign), Leg(hip=3))
    return View.FRONT, Working.NEAR, start, _legs(start, Leg(hip=3, turn=40 * sign)), bar


TEMPLATES: dict[Position, Callable[[Direction, Knee], Template]] = {
    Position.STANDING: _standing,
    Position.SUPINE: _supine,
    Position.PRONE: _prone,
    Position.SIDE_LYING: _side_lying,
    Position.SEATED: _seated,
    Position.KNEELING: _kneeling,
    Position.QUADRUPED: _quadruped,
    Position.PLANK: _plank,
    Position.HANGING: _hanging,
}


_PROPS: dict[Equipment, PropKind] = {
    Equipment.ELASTIC_BAND: PropKind.BAND,
    Equipment.CABLE: PropKind.CABLE,
    Equipment.MINI_BAND: PropKind.MINI_BAND,
    Equipment.ANKLE_WEIGHT: PropKind.ANKLE_WEIGHT,
    Equipment.DUMBBELL: PropKind.DUMBBELL,
    Equipment.KETTLEBELL: PropKind.KETTLEBELL,
    Equipment.BARBELL: PropKind.BARBELL,
    Equipment.MACHINE: PropKind.MACHINE,
    Equipment.STABILITY_BALL: PropKind.BALL,
    Equipment.BENCH: PropKind.BENCH,
    Equipment.BOX_STEP: PropKind.STEP,
    Equipment.SLIDER: PropKind.SLIDER,
    Equipment.SOFT_BALL: PropKind.SOFT_BALL,
    Equipment.PULL_UP_BAR: PropKind.BAR,
}


def equipment_prop(first: Equipment, knee: Knee, working: Working, view: View) -> Prop | None:
    """The first piece of equipment of an exercise as drawn (none for body weight)."""
    kind = _PROPS.get(first)
    if kind is None:
        return None
    side = "far" if working is Working.FAR else "near"
    bent = knee is Knee.BENT
    if kind in (PropKind.MINI_BAND, PropKind.SOFT_BALL):
        return Prop(kind, "knees" if bent else "ankles")
    if kind in (PropKind.DUMBBELL, PropKind.KETTLEBELL, PropKind.BARBELL):
        return Prop(kind, "hands" if view is View.FRONT else "near_hand")
    if kind is PropKind.BAR:
        return Prop(kind, "near_hand")
    if kind in (PropKind.MACHINE, PropKind.BENCH):
        return Prop(kind, "pelvis")
    return Prop(kind, f"{side}_ankle")


def default_pose(ex: Exercise) -> ExercisePose:
    """The pose drawn for an exercise without one of its own."""
    return default_pose_for(ex.positions[0], ex.primary, ex.knee, ex.equipment[0])


def default_pose_for(
    position: Position, primary: Direction, knee: Knee, equipment: Equipment
) -> ExercisePose:
    """The pose of the template for the first position, the primary direction and the knee,
    with the first piece of equipment drawn."""
    view, working, start, end, props = TEMPLATES[position](primary, knee)
    prop = equipment_prop(equipment, knee, working, view)
    sagittal = primary in (Direction.FLEXION, Direction.EXTENSION)
    tied = prop is not None and prop.kind in (PropKind.BAND, PropKind.CABLE)
    if prop is not None and tied and view is View.SIDE and not sagittal:
        # The limb turns toward the viewer; the band is tied low at the side.
        prop = replace(prop, to="down")
    if prop is not None and all(p.kind is not prop.kind for p in props):
        props = (*props, prop)
    return ExercisePose(view, working, start, end, props)


def exercise_pose(ex: Exercise) -> ExercisePose:
    """The exercise's own pose, or the default from its tags."""
    return ex.pose if ex.pose is not None else default_pose(ex)
