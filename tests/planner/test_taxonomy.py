"""The six directions keep the keys and labels of DESIGN.md; parsing is forgiving but exact."""

from __future__ import annotations

import pytest

from planner.taxonomy import Direction, Equipment, Knee, Position


def test_direction_keys_and_labels_are_the_contract() -> None:
    assert [(d.value, d.label) for d in Direction] == [
        ("flexion", "Forward"),
        ("extension", "Backward"),
        ("abduction", "Away"),
        ("adduction", "Toward"),
        ("external_rotation", "Rotate out"),
        ("internal_rotation", "Rotate in"),
    ]


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("Rotate out", Direction.EXTERNAL_ROTATION),
        ("external-rotation", Direction.EXTERNAL_ROTATION),
        ("SIDE-LYING", Position.SIDE_LYING),
        (" straight ", Knee.STRAIGHT),
        ("Box or step", Equipment.BOX_STEP),
    ],
)
def test_parse_accepts_keys_and_labels(text: str, member: object) -> None:
    assert type(member).parse(text) is member  # type: ignore[attr-defined]


def test_parse_names_the_choices_when_it_refuses() -> None:
    with pytest.raises(ValueError, match="not a known knee; choose one of: bent, straight"):
        Knee.parse("wobbly")
