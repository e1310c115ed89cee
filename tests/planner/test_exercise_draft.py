"""A form's draft of an exercise is checked by the domain's own rules."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from hypothesis import given

from planner.exercise import Exercise, ExerciseDraft, ExerciseError
from tests.strategies import exercises, fuzz


def draft_of(exercise: Exercise) -> ExerciseDraft:
    return ExerciseDraft(**{f.name: getattr(exercise, f.name) for f in fields(ExerciseDraft)})


@given(exercises)
@fuzz
def test_a_draft_of_a_valid_exercise_has_no_problems_and_gives_it_back(exercise: Exercise) -> None:
    draft = draft_of(exercise)
    assert draft.problems() == {}
    assert draft.exercise() == exercise


@given(exercises)
@fuzz
def test_a_draft_without_a_knee_says_so_and_builds_nothing(exercise: Exercise) -> None:
    draft = replace(draft_of(exercise), knee=None, name=" ")
    assert draft.problems() == {
        "knee": "choose knee bent or straight",
        "name": "give the exercise a name",
    }
    with pytest.raises(ExerciseError) as refused:
        draft.exercise()
    assert refused.value.problems == draft.problems()
