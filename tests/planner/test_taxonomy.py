"""The six directions keep the keys and labels of DESIGN.md; parsing is forgiving but exact."""

from __future__ import annotations

import pytest

from planner.taxonomy import Direction, Equipment, Knee, LabelledEnum, Level, Position, Unit


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
    with pytest.raises(
        ValueError,
        match=r"not a known knee; choose one of: Knee bent \(bent\), Knee straight \(straight\)",
    ):
        Knee.parse("wobbly")


@pytest.mark.parametrize("kind", [Direction, Knee, Position, Equipment, Level, Unit])
def test_a_refusal_names_each_choice_by_its_label_then_its_key(kind: type[LabelledEnum]) -> None:
    with pytest.raises(ValueError, match="choose one of") as refused:
        kind.parse("no such thing")
    said = str(refused.value)
    for member in kind:
        shown = (
            member.label
            if member.label.lower() == member.value
            else (f"{member.label} ({member.value})")
        )
        assert shown in said
        assert kind.parse(member.label) is member  # what the message offers is accepted
