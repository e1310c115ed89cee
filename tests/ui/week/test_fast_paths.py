"""Shortcuts taken for speed give the same results as the plain way.

Typing on filters only the rows already shown; an edit re-reads only the days it changed; card
layouts are remembered; the catalog finds exercises by id through an index.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

import db.migrate as migrate_module
from db.convert import utc_now
from db.engine import make_engine
from planner.catalog import CatalogQuery, filter_exercises
from planner.dose import Dose
from planner.files.program_file import save_program
from planner.files.program_format import (
    ProgramFileError,
    encode_json,
    parse_program,
    program_document,
    serialize_program,
)
from planner.files.program_schema import FORMAT_NAME
from planner.program import ClientDetails, Program
from planner.taxonomy import Direction, Knee
from tests.factories import make_exercise
from ui.catalog.catalog_model import CatalogModel
from ui.common.workspace import FixedWeek
from ui.week.day_model import DayModel
from ui.week.week_view import DayList

NAMES = ["Glute bridge", "Band walk", "Side plank", "Clamshell", "Bridge march", "Hip hike"]
EXERCISES = [
    make_exercise(f"ex-{i}", list(Direction)[i % 6], name=name, knee=list(Knee)[i % 2])
    for i, name in enumerate(NAMES)
]
ARCHIVED = replace(make_exercise("old", name="Old bridge"), archived=True)


def shown_ids(model: CatalogModel) -> list[str]:
    return [model.exercise(r).id for r in range(model.rowCount())]


def expected_ids(model: CatalogModel, query: CatalogQuery) -> list[str]:
    everything = sorted(model.all_exercises(), key=lambda ex: ex.id)
    order = {ex.id: r for r, ex in enumerate(model.all_exercises())}
    return sorted(
        (everything[i].id for i in filter_exercises(everything, query)), key=order.__getitem__
    )


def test_narrows_only_when_just_the_text_grew() -> None:
    wide = CatalogQuery(text="bri")
    assert CatalogQuery(text="brid").narrows(wide)
    assert CatalogQuery(text="bri ma").narrows(wide)
    assert CatalogQuery(text="hip bridge").narrows(wide)
    assert not CatalogQuery(text="br").narrows(wide)
    assert not CatalogQuery(text="brim").narrows(CatalogQuery(text="brig"))
    assert not CatalogQuery(text="brid", knee=Knee.BENT).narrows(wide)
    assert CatalogQuery(text="brid", knee=Knee.BENT).narrows(CatalogQuery(knee=Knee.BENT))
    assert not CatalogQuery(text="brid", include_archived=True).narrows(wide)


@given(st.lists(st.text(alphabet="abcdeghiklmnprstw ", max_size=8), max_size=8))
def test_typing_and_deleting_shows_what_a_fresh_filter_shows(texts: list[str]) -> None:
    model = CatalogModel([*EXERCISES, ARCHIVED])
    for text in texts:
        query = CatalogQuery(text=text)
        model.set_query(query)
        assert shown_ids(model) == expected_ids(model, query)


def test_text_only_filter_matches_the_general_rule() -> None:
    exercises = [*EXERCISES, ARCHIVED]
    for query in (
        CatalogQuery(text="bridge"),
        CatalogQuery(text="bridge glute"),
        CatalogQuery(text="bridge", include_archived=True),
    ):
        assert filter_exercises(exercises, query) == [
            i for i, ex in enumerate(exercises) if query.matches(ex)
        ]


def test_an_unchanged_result_does_not_reset_the_model(qtbot: QtBot) -> None:
    model = CatalogModel(EXERCISES)
    model.set_query(CatalogQuery(text="bridge"))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_query(CatalogQuery(text="bridge "))  # a space: the same words
    assert resets == []
    model.set_query(CatalogQuery(text="bridge m"))
    assert resets == [True]
    assert shown_ids(model) == ["ex-4"]


def test_find_and_total_follow_set_exercises() -> None:
    model = CatalogModel(EXERCISES)
    assert model.find("ex-2") is EXERCISES[2]
    assert model.total == len(EXERCISES)
    model.set_exercises([*EXERCISES[:2], ARCHIVED])
    assert model.find("ex-2") is None
    assert model.find("old") is ARCHIVED
    assert model.total == 2
    model.set_query(CatalogQuery(include_archived=True))
    assert model.total == 3


def _program() -> Program:
    program = Program()
    for day in range(3):
        program.add_entry(0, day, EXERCISES[day])
    return program


def _resets(models: list[DayModel]) -> list[int]:
    counts = [0] * len(models)
    for i, model in enumerate(models):
        model.modelReset.connect(lambda i=i: counts.__setitem__(i, counts[i] + 1))
    return counts


def test_refresh_resets_only_the_days_that_changed(qtbot: QtBot) -> None:
    program = _program()
    models = [DayModel(FixedWeek(program), d) for d in range(3)]
    counts = _resets(models)
    program.add_entry(0, 1, EXERCISES[4])
    for model in models:
        model.refresh()
    assert counts == [0, 1, 0]
    assert [e.exercise_id for e in models[1].entries] == ["ex-1", "ex-4"]


def test_refresh_sees_a_new_dose_and_a_replaced_exercise(qtbot: QtBot) -> None:
    program = _program()
    models = [DayModel(FixedWeek(program), d) for d in range(3)]
    counts = _resets(models)
    entry = program.day(0, 0).entries[0]
    program.set_dose(entry.id, Dose(sets=5, amount=3))  # changes the entry in place
    program.embed(replace(EXERCISES[2], name="Renamed plank"))
    for model in models:
        model.refresh()
    assert counts == [1, 0, 1]
    assert models[0].index(0, 0).data() == f"Glute bridge, {Dose(sets=5, amount=3).describe()}"
    assert models[2].index(0, 0).data().startswith("Renamed plank")


def test_card_size_follows_the_dose_despite_the_layout_cache(qtbot: QtBot) -> None:
    program = _program()
    view = DayList(DayModel(FixedWeek(program), 0))
    qtbot.addWidget(view)
    view.resize(160, 400)
    option = QStyleOptionViewItem()
    option.font = view.font()
    index = view.model().index(0, 0)
    delegate = view.itemDelegate()
    before = delegate.sizeHint(option, index).height()
    assert delegate.sizeHint(option, index).height() == before
    entry = program.day(0, 0).entries[0]
    program.set_dose(entry.id, replace(entry.dose, load="a long load text that wraps " * 2))
    view.day_model.refresh()
    assert delegate.sizeHint(option, view.model().index(0, 0)).height() > before
    assert delegate.sizeHint(option, QModelIndex()).height() == 40


@given(
    st.text(),
    st.text(
        alphabet=st.characters(codec="utf-8") | st.sampled_from('\x00\x1f\x7f\u2028\ud800"\\/')
    ),
)
def test_the_fast_file_writer_writes_what_json_dumps_writes(title: str, notes: str) -> None:
    program = _program()
    program.set_details(ClientDetails(client_name="Ana", title=title[:120], notes=notes))
    expected = encode_json(program_document(program).model_dump(mode="json"))
    assert serialize_program(program) == expected


def test_a_file_sharing_one_dose_still_reports_a_bad_dose_where_it_is() -> None:
    program = _program()
    value = json.loads(serialize_program(program))
    for day in value["weeks"][0]["days"][:3]:
        day["entries"][0]["dose"] = dict(day["entries"][0]["dose"], sets=3, amount=12)
    # Fine for the file schema, but reps stop at 500 (a rule of the domain, checked later).
    value["weeks"][0]["days"][2]["entries"][0]["dose"]["amount"] = 900
    with pytest.raises(ProgramFileError, match=r"weeks\[0\]\.days\[2\]\.entries\[0\]\.dose"):
        parse_program(json.dumps(value).encode(), source="p.hipplan")
    loaded = parse_program(serialize_program(program), source="p.hipplan").program
    assert [e.dose for _, e in loaded.weeks[0].entries()] == [
        e.dose for _, e in program.weeks[0].entries()
    ]


def test_save_keeps_an_older_version_file_as_its_versioned_backup(tmp_path: Path) -> None:
    path = tmp_path / "client.hipplan"
    path.write_text(json.dumps({"format": FORMAT_NAME, "version": 1}))
    save_program(_program(), path)
    assert (tmp_path / "client.v1.hipplan.bak").exists()
    path.write_text("not json \xff")
    save_program(_program(), path)
    assert (tmp_path / "client.hipplan.bak").read_text() == "not json \xff"


def test_the_listed_revisions_are_the_migration_scripts() -> None:
    scripts = migrate_module.scripts()
    assert scripts.get_current_head() == migrate_module.HEAD_REVISION
    assert {s.revision for s in scripts.walk_revisions()} == migrate_module.KNOWN_REVISIONS


def test_the_revision_is_read_without_alembic(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            assert migrate_module.current_revision(connection) is None
        migrate_module.migrate(engine, path, utc_now(), target="0001")
        with engine.connect() as connection:
            assert migrate_module.current_revision(connection) == "0001"
        migrate_module.migrate(engine, path, utc_now())
        with engine.connect() as connection:
            assert migrate_module.current_revision(connection) == migrate_module.HEAD_REVISION
            connection.exec_driver_sql("INSERT INTO alembic_version VALUES ('9999')")
            assert (
                migrate_module.current_revision(connection)
                == f"{migrate_module.HEAD_REVISION}+9999"
            )
    finally:
        engine.dispose()
