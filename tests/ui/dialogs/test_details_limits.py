"""The program's details have one set of limits (planner.program), kept by the file format and
the details dialog alike; the start date is bounded so every day of a program is a real date."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from planner.files.program_format import ProgramFileError, parse_program, serialize_program
from planner.program import DAYS_PER_WEEK, DETAIL_LIMITS, MAX_WEEKS, START_DATES, Program
from tests.factories import make_exercise
from ui.dialogs.details_dialog import DetailsDialog


def program_bytes(**details: object) -> bytes:
    program = Program()
    program.add_entry(0, 0, make_exercise("glute-bridge"))
    document = json.loads(serialize_program(program))
    document["details"].update(details)
    return json.dumps(document).encode()


@pytest.mark.parametrize("field", sorted(DETAIL_LIMITS))
def test_each_detail_is_read_up_to_its_limit_and_refused_beyond(field: str) -> None:
    limit = DETAIL_LIMITS[field]
    loaded = parse_program(program_bytes(**{field: "é" * limit}), source="a.hipplan")
    assert getattr(loaded.program.details, field) == "é" * limit
    with pytest.raises(ProgramFileError) as caught:
        parse_program(program_bytes(**{field: "é" * (limit + 1)}), source="a.hipplan")
    assert str(caught.value) == (
        f"a.hipplan: details.{field}: is too long; keep it to {limit} characters"
    )


@pytest.mark.parametrize("start", ["9999-12-31", "1899-12-31", "2201-01-01", "0001-01-01"])
def test_start_dates_outside_the_range_are_refused(start: str) -> None:
    with pytest.raises(ProgramFileError) as caught:
        parse_program(program_bytes(start_date=start), source="a.hipplan")
    assert "details.start_date: must be a date from 1900-01-01 to 2200-12-31" in str(caught.value)


@given(st.dates(*START_DATES), st.integers(0, MAX_WEEKS - 1), st.integers(0, DAYS_PER_WEEK - 1))
def test_every_day_of_a_program_with_an_accepted_start_is_a_date(
    start: date, week: int, day: int
) -> None:
    program = Program()
    program.set_details(replace(program.details, start_date=start))
    assert program.day_date(week, day) is not None


def test_the_dialog_keeps_the_same_limits(qtbot: QtBot) -> None:
    dialog = DetailsDialog(Program().details)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    fields = {
        "client_name": dialog.client.setText,
        "title": dialog.title.setText,
        "coach_name": dialog.coach.setText,
        "notes": dialog.notes.setPlainText,
    }
    for field, set_text in fields.items():
        set_text("x" * DETAIL_LIMITS[field])
        assert ok.isEnabled(), field
        set_text("x" * (DETAIL_LIMITS[field] + 1))
        assert not ok.isEnabled(), field
        set_text("")
    first, last = START_DATES
    assert (dialog.start.minimumDate().toPython(), dialog.start.maximumDate().toPython()) == (
        first,
        last,
    )


def test_the_dialog_keeps_the_programs_own_thresholds(qtbot: QtBot) -> None:
    details = replace(Program().details, balance_overrides={"maintenance": True})
    dialog = DetailsDialog(details)
    qtbot.addWidget(dialog)
    dialog.client.setText("Ana")
    assert dialog.details().balance_overrides == {"maintenance": True}
    assert dialog.details().client_name == "Ana"
