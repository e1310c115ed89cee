"""The detail pane's "why it counts this way" sentence: read from the tags, nothing invented."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from planner.exercise import counting_reason
from planner.files.catalog_file import load_catalog_dir
from planner.taxonomy import Direction, Knee
from tests.factories import make_exercise

CATALOG = {e.id: e for e in load_catalog_dir(Path(__file__).parents[2] / "resources" / "catalog")}


def test_forward_step_up_says_why_it_counts_as_backward() -> None:
    said = counting_reason(CATALOG["forward-step-up"])
    assert said.startswith("Counted as Backward (hip extension): ")
    assert "with the knee bent" in said
    assert "also counts toward Away (leg away from the other leg): a real but smaller" in said
    assert (
        "“Forward” in the name describes the exercise; the hip action counted is Backward" in said
    )


@given(
    st.lists(st.sampled_from(list(Direction)), min_size=1, max_size=3, unique=True),
    st.sampled_from(list(Knee)),
    st.sampled_from(["Hip lift", *(f"{d.label} lunge" for d in Direction)]),
)
def test_the_sentence_names_exactly_what_the_tags_say(
    directions: list[Direction], knee: Knee, name: str
) -> None:
    ex = make_exercise("ex", *directions, knee=knee, name=name)
    said = counting_reason(ex)
    primary, *secondary = directions
    assert said.startswith(f"Counted as {primary.label} ({primary.joint_action}):")
    assert f"with the knee {knee.value}." in said
    for direction in secondary:
        assert f"{direction.label} ({direction.joint_action})" in said
    untagged_name = not name.startswith(tuple(d.label for d in directions))
    assert ("in the name describes the exercise" in said) == (untagged_name and name != "Hip lift")
