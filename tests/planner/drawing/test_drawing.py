"""The exercise drawings: every built-in has a start and an end pose that render, the drawn
working hip moves in the exercise's primary direction, and any pose the files accept draws
inside its box."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from reportlab.graphics import renderPDF

from planner.drawing.defaults import default_pose, default_pose_for, exercise_pose
from planner.drawing.geometry import (
    Arrow,
    Disc,
    Figure,
    Label,
    Picture,
    Shape,
    Stroke,
    exercise_picture,
    figure,
    is_overhead,
    overhead_facing,
)
from planner.exercise import Exercise
from planner.files.catalog_file import (
    CatalogDataError,
    exercise_from_mapping,
    exercise_to_mapping,
    load_catalog_dir,
    load_catalog_file,
)
from planner.handout.drawing import exercise_drawing
from planner.pose import (
    ExercisePose,
    PoseError,
    View,
    Working,
    pose_from_mapping,
    pose_to_mapping,
)
from planner.taxonomy import Direction, Equipment, Knee, Position
from tests.strategies import exercises, fuzz, poses

CATALOG = Path(__file__).resolve().parents[3] / "resources" / "catalog"
BUILTINS = load_catalog_dir(CATALOG)


def _ids(ex: Exercise) -> str:
    return ex.id


def test_there_are_102_builtins_and_the_odd_ones_have_their_own_pose() -> None:
    assert len(BUILTINS) == 102
    own = {ex.id for ex in BUILTINS if ex.pose is not None}
    assert {"bulgarian-split-squat", "copenhagen-adduction-long-lever", "glute-bridge"} & own
    assert "clamshell" not in own  # the default from its tags reads as a clamshell


@pytest.mark.parametrize("ex", BUILTINS, ids=_ids)
def test_every_builtin_draws_a_start_and_an_end_in_its_box(ex: Exercise) -> None:
    pose = exercise_pose(ex)
    picture = exercise_picture(pose)
    _assert_inside(picture)
    labels = [p.text for p in picture.primitives if isinstance(p, Label)]
    assert labels[0].startswith("start")
    assert labels[1].startswith("end")
    assert any(isinstance(p, Stroke) and p.colour == "#d35400" for p in picture.primitives)
    drawing = exercise_drawing(ex, 170, 72)
    assert drawing.width <= 170.01
    assert drawing.height <= 72.01
    assert renderPDF.drawToString(drawing).startswith(b"%PDF")


def _working(pose: ExercisePose) -> str:
    return "far" if pose.working is Working.FAR else "near"


def _seen_hip_flexion(fig: Figure, side: str) -> float:
    """Degrees the thigh swings from the trunk line toward the body's front (side view)."""
    pelvis, neck = fig.points["pelvis"], fig.points["neck"]
    trunk = (neck[0] - pelvis[0], neck[1] - pelvis[1])
    down = (-trunk[0], -trunk[1])
    front = (trunk[1], -trunk[0])
    hip, knee = fig.points[f"{side}_hip"], fig.points[f"{side}_knee"]
    thigh = (knee[0] - hip[0], knee[1] - hip[1])
    dot = thigh[0] * down[0] + thigh[1] * down[1]
    return math.degrees(math.atan2(thigh[0] * front[0] + thigh[1] * front[1], dot))


def _lateral(fig: Figure, side: str) -> tuple[float, float]:
    pelvis, neck = fig.points["pelvis"], fig.points["neck"]
    tx, ty = neck[0] - pelvis[0], neck[1] - pelvis[1]
    length = math.hypot(tx, ty)
    tx, ty = tx / length, ty / length
    return (ty, -tx) if side == "near" else (-ty, tx)


def _along(a: tuple[float, float], b: tuple[float, float], d: tuple[float, float]) -> float:
    return (b[0] - a[0]) * d[0] + (b[1] - a[1]) * d[1]


def _out(fig: Figure, side: str) -> float:
    """How far the working knee and ankle are out from their hip, along the body's side
    (front views)."""
    lateral = _lateral(fig, side)
    hip = fig.points[f"{side}_hip"]
    return _along(hip, fig.points[f"{side}_knee"], lateral) + _along(
        hip, fig.points[f"{side}_ankle"], lateral
    )


def _turn(fig: Figure, side: str) -> float:
    """Outward rotation as drawn: the foot swings toward the other leg (knee bent) or the toes
    turn out (knee straight)."""
    hip, knee, ankle, foot = fig.leg(side)
    lateral = _lateral(fig, side)
    medial = (-lateral[0], -lateral[1])
    thigh = (knee[0] - hip[0], knee[1] - hip[1])
    shin = (ankle[0] - knee[0], ankle[1] - knee[1])
    bend = thigh[0] * shin[1] - thigh[1] * shin[0]
    if abs(bend) < 0.02 * math.hypot(*thigh) * math.hypot(*shin) and math.hypot(*thigh) > 0.5:
        # A straight leg: the toes turn out from the leg's line, whatever the trunk does (a
        # hip airplane rolls the trunk over the standing leg).
        length = math.hypot(*shin)
        out = (-shin[1] / length, shin[0] / length)
        if out[0] * lateral[0] + out[1] * lateral[1] < 0:
            out = (-out[0], -out[1])
        return _along(ankle, foot, out)
    return _along(knee, ankle, medial) + _along(ankle, foot, lateral)


def _leg_length(fig: Figure, side: str) -> float:
    hip, _, ankle, _ = fig.leg(side)
    return math.dist(hip, ankle) + fig.points["pelvis"][1]


@pytest.mark.parametrize("ex", BUILTINS, ids=_ids)
def test_the_drawn_working_hip_moves_in_the_primary_direction(ex: Exercise) -> None:
    """Side views: the thigh's angle to the trunk grows for Forward and shrinks for Backward.
    Front views (also from behind, above, the feet): the knee and ankle move out from the hip
    for Away and in for Toward; the foot swings toward the other leg, or the toes turn out,
    for Rotate out (the reverse for Rotate in); Forward/Backward, which a front view cannot
    show as an angle, shorten or lengthen the leg (hip to ankle, plus the pelvis's height).
    From overhead the body turns; from the side, out of the plane, a limb turns toward the
    viewer."""
    _assert_moves(exercise_pose(ex), ex.primary, ex.id)


@pytest.mark.parametrize("position", list(Position))
@pytest.mark.parametrize("primary", list(Direction))
@pytest.mark.parametrize("knee", list(Knee))
def test_every_template_moves_the_working_hip_in_its_direction(
    position: Position, primary: Direction, knee: Knee
) -> None:
    """A coach's own exercise without a pose is drawn from its tags: every template moves the
    right way and draws inside its box."""
    pose = default_pose_for(position, primary, knee, Equipment.ELASTIC_BAND)
    _assert_inside(exercise_picture(pose))
    _assert_moves(pose, primary, f"{position}/{primary}/{knee}")


def _assert_moves(pose: ExercisePose, primary: Direction, name: str) -> None:
    if is_overhead(pose):
        _assert_the_pelvis_turns(pose, primary)
        return
    start, end = figure(pose.start, pose.view), figure(pose.end, pose.view)
    side = _working(pose)
    if pose.view is View.SIDE and primary not in (Direction.FLEXION, Direction.EXTENSION):
        _assert_a_limb_turns_toward_the_viewer(pose, primary, name, start, end, side)
        return
    if pose.view is View.SIDE:
        before, after = _seen_hip_flexion(start, side), _seen_hip_flexion(end, side)
        moved = after - before if primary is Direction.FLEXION else before - after
        assert moved >= 10, f"{name}: the thigh moves {after - before:.0f}°"
        return
    if primary in (Direction.ABDUCTION, Direction.ADDUCTION):
        change = _out(end, side) - _out(start, side)
        moved = change if primary is Direction.ABDUCTION else -change
        assert moved >= 0.08, f"{name}: the knee moves out by {change:.2f}"
    elif primary in (Direction.EXTERNAL_ROTATION, Direction.INTERNAL_ROTATION):
        change = _turn(end, side) - _turn(start, side)
        moved = change if primary is Direction.EXTERNAL_ROTATION else -change
        assert moved >= 0.08, f"{name}: the foot turns out by {change:.2f}"
    else:
        change = _leg_length(end, side) - _leg_length(start, side)
        moved = change if primary is Direction.EXTENSION else -change
        assert moved >= 0.08, f"{name}: the leg lengthens by {change:.2f}"


def _assert_the_pelvis_turns(pose: ExercisePose, primary: Direction) -> None:
    """From overhead the body turns over the standing foot: outward (rotation out) is away
    from the standing leg, counter-clockwise when it is the right (near) one."""
    assert primary in (Direction.EXTERNAL_ROTATION, Direction.INTERNAL_ROTATION)
    turned = overhead_facing(pose.end, pose.working) - overhead_facing(pose.start, pose.working)
    if pose.working is Working.FAR:
        turned = -turned
    moved = turned if primary is Direction.EXTERNAL_ROTATION else -turned
    assert moved >= 20, f"the body turns {turned:.0f}°"


def _assert_a_limb_turns_toward_the_viewer(
    pose: ExercisePose, primary: Direction, name: str, start: Figure, end: Figure, side: str
) -> None:
    """A side view shows a movement out of its plane as a thigh (abduction, adduction) or a
    shin (rotation, knee bent) turning toward the viewer, drawn shorter: the near leg's knee
    or foot moves out, the far leg's across the body."""

    def length(fig: Figure, a: str, b: str) -> float:
        return math.dist(fig.points[f"{side}_{a}"], fig.points[f"{side}_{b}"])

    if primary in (Direction.ABDUCTION, Direction.ADDUCTION):
        before, after = length(start, "hip", "knee"), length(end, "hip", "knee")
        out = Direction.ABDUCTION if side == "near" else Direction.ADDUCTION
    else:
        before, after = length(start, "knee", "ankle"), length(end, "knee", "ankle")
        # The near foot moves out (rotation in); the far foot in, across (rotation out).
        out = Direction.INTERNAL_ROTATION if side == "near" else Direction.EXTERNAL_ROTATION
    toward = after < 0.7 * before
    away = before < 0.7 * after
    assert toward if primary is out else away, f"{name}: {before:.2f} -> {after:.2f}"
    labels = [p.text for p in exercise_picture(pose).primitives if isinstance(p, Label)]
    assert any(t.startswith("end · ") for t in labels), labels


def test_an_exercise_without_a_pose_gets_one_from_its_tags() -> None:
    ex = next(e for e in BUILTINS if e.id == "clamshell")
    assert ex.pose is None
    assert exercise_pose(ex) == default_pose(ex)
    assert default_pose(ex).view is View.FRONT


def _assert_inside(picture: Picture) -> None:
    eps = 1e-6
    for item in picture.primitives:
        if isinstance(item, Disc):
            xs = [item.centre[0] - item.radius, item.centre[0] + item.radius]
            ys = [item.centre[1] - item.radius, item.centre[1] + item.radius]
        elif isinstance(item, Label):
            xs, ys = [item.at[0]], [item.at[1], item.at[1] + item.size]
        else:
            pad = item.width / 2
            points = list(item.points) + (list(item.head) if isinstance(item, Arrow) else [])
            xs = [x + d for x, _ in points for d in (-pad, pad)]
            ys = [y + d for _, y in points for d in (-pad, pad)]
        assert all(math.isfinite(v) for v in xs + ys), item
        assert min(xs) >= -eps, item
        assert max(xs) <= picture.width + eps, item
        assert min(ys) >= -eps, item
        assert max(ys) <= picture.height + eps, item
        if isinstance(item, Stroke | Shape):
            assert item.width >= 0


@fuzz
@given(poses)
def test_any_pose_draws_inside_its_box(pose: ExercisePose) -> None:
    _assert_inside(exercise_picture(pose))


@fuzz
@given(poses)
def test_a_pose_survives_plain_data(pose: ExercisePose) -> None:
    assert pose_from_mapping(pose_to_mapping(pose)) == pose


@fuzz
@given(exercises)
def test_an_exercise_with_or_without_a_pose_survives_the_catalog_mapping(ex: Exercise) -> None:
    again = exercise_from_mapping(exercise_to_mapping(ex), builtin=ex.builtin)
    assert again.pose == ex.pose


@pytest.mark.parametrize(
    ("pose", "message"),
    [
        ({"view": "top"}, "view is side, front, behind, above or feet"),
        ({"start": {"trunk": "up"}}, "the start pose: trunk should be a number"),
        ({"end": {"near": {"hip": 900}}}, "the end pose: near leg: hip should be between"),
        ({"props": [{"kind": "trampoline", "at": "pelvis"}]}, "a prop's kind is one of"),
        ({"props": [{"kind": "band", "at": "tail"}]}, "a prop is attached at one of"),
        ({"start": {"wings": 2}}, "the start pose has unknown values: wings"),
    ],
)
def test_bad_pose_data_is_refused_with_a_sentence(
    tmp_path: Path, pose: dict[str, object], message: str
) -> None:
    with pytest.raises(PoseError, match=message):
        pose_from_mapping(pose)
    table = {**exercise_to_mapping(BUILTINS[0]), "pose": pose}
    del table["dose"]
    lines = [
        "[[exercise]]",
        f'id = "{table["id"]}"',
        'name = "X"',
        'directions = ["abduction"]',
        'knee = "bent"',
        'positions = ["standing"]',
        'equipment = ["body_weight"]',
        'level = "beginner"',
        "[exercise.pose]",
        'view = "nowhere"',
    ]
    path = tmp_path / "bad.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CatalogDataError, match="pose: the pose's view is side"):
        load_catalog_file(path)


@pytest.mark.parametrize(
    ("exercise_id", "overhead", "caption"),
    [
        ("fire-hydrant", False, "end · knee out to the side"),
        ("quadruped-band-hip-internal-rotation", False, "end · foot out to the side"),
        ("prone-band-hip-external-rotation", False, "end · foot in, across"),
        ("standing-single-leg-pelvic-rotation", True, "end · seen from above"),
        ("split-stance-pelvic-rotation", True, "end · seen from above"),
    ],
)
def test_movements_out_of_the_picture_are_drawn_so_a_client_sees_them(
    exercise_id: str, overhead: bool, caption: str
) -> None:
    """On all fours and lying face down the body is drawn from the side with the limb that
    turns toward the viewer named; a stance-hip rotation from overhead, the body turning."""
    ex = next(e for e in BUILTINS if e.id == exercise_id)
    pose = exercise_pose(ex)
    assert is_overhead(pose) is overhead
    if not overhead:
        assert pose.view is View.SIDE
    labels = [p.text for p in exercise_picture(pose).primitives if isinstance(p, Label)]
    assert labels[1] == caption
