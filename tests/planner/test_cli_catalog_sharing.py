"""``hip-planner catalog import FILE`` and ``catalog export -o FILE``: the window's reader and
writer, on the catalog database; a bad file changes nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from planner.cli import run_command
from planner.exercise import Exercise
from planner.files.exercise_share import read_exercises, write_exercises
from tests.factories import make_exercise
from ui.app.launch import DatabaseStore, catalog_exercises


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(
        list(argv), load_catalog=catalog_exercises, store=DatabaseStore(), out=out, err=err
    )
    return code, out.getvalue(), err.getvalue()


def own_names() -> list[str]:
    return sorted(ex.name for ex in DatabaseStore().own_exercises())


def shared(tmp_path: Path, *exercises: Exercise) -> Path:
    path = tmp_path / "shared.json"
    write_exercises(path, exercises)
    return path


def test_import_adds_updates_and_skips_with_reasons(tmp_path: Path) -> None:
    lock = make_exercise("own-hip-lock", name="Hip lock", builtin=False)
    path = shared(tmp_path, lock, make_exercise("own-clam", name="Clamshell", builtin=False))
    code, out, err = run("catalog", "import", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines()[:3] == ["Added: 1", "Updated: 0", "Skipped: 1"]
    assert '"Clamshell": An exercise named "Clamshell" is already in the catalog' in out
    assert own_names() == ["Hip lock"]

    changed = make_exercise("own-hip-lock", name="Hip lock", sets=5, builtin=False)
    code, out, _ = run("catalog", "import", str(shared(tmp_path, changed)))
    assert out.splitlines()[:3] == ["Added: 0", "Updated: 1", "Skipped: 0"]
    assert DatabaseStore().own_exercises()[0].dose.sets == 5


def test_a_bad_file_imports_nothing_and_exits_2(tmp_path: Path) -> None:
    path = shared(tmp_path, make_exercise("own-a", name="A", builtin=False))
    document = json.loads(path.read_bytes())
    document["exercises"].append({**document["exercises"][0], "id": "own-b", "cues": "abc"})
    path.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = run("catalog", "import", str(path))
    assert (code, out) == (2, "")
    assert err.startswith("hip-planner: Nothing was imported: ")
    assert "exercises[1].cues: must be a list" in err
    assert len(err.splitlines()) == 1
    assert own_names() == []  # the good first exercise was not imported either


def test_export_writes_the_own_exercises_through_the_sharing_reader(tmp_path: Path) -> None:
    mine = [
        make_exercise("own-hip-lock", name="Hip lock", builtin=False),
        make_exercise("own-x-walk", name="X walk", builtin=False),
    ]
    run("catalog", "import", str(shared(tmp_path, *mine)))
    target = tmp_path / "out.json"
    code, out, err = run("catalog", "export", "-o", str(target))
    assert (code, err) == (0, "")
    assert out == f"{target}: 2 exercises written\n"
    assert sorted(read_exercises(target), key=lambda ex: ex.id) == mine


@pytest.mark.parametrize("kind", ["program", "folder", "missing folder"])
def test_export_never_replaces_what_is_not_a_sharing_file(tmp_path: Path, kind: str) -> None:
    run("catalog", "import", str(shared(tmp_path, make_exercise("own-a", builtin=False))))
    target = {
        "program": tmp_path / "client.hipplan",
        "folder": tmp_path,
        "missing folder": tmp_path / "nowhere" / "x.json",
    }[kind]
    if kind == "program":
        target.write_text('{"format": "hip-planner/program"}', encoding="utf-8")
    code, out, err = run("catalog", "export", "-o", str(target))
    assert (code, out) == (2, "")
    assert err.startswith("hip-planner: Nothing was exported: ")
    assert len(err.splitlines()) == 1
    if kind == "program":
        assert target.read_text(encoding="utf-8") == '{"format": "hip-planner/program"}'


def test_export_without_own_exercises_says_so() -> None:
    code, _, err = run("catalog", "export", "-o", "x.json")
    assert code == 2
    assert "no exercises of your own" in err


def test_filters_still_work_beside_the_sharing_commands() -> None:
    code, out, _ = run("catalog", "--json", "--direction", "internal_rotation", "--knee", "bent")
    rows = json.loads(out)
    assert code == 0
    assert rows
    assert all("internal_rotation" in r["directions"] and r["knee"] == "bent" for r in rows)


def test_catalog_lists_names_with_control_characters_escaped() -> None:
    hostile = make_exercise("own-x", name="Hip \x1b]0;pwned\x07 lock\x00", builtin=False)
    out, err = io.StringIO(), io.StringIO()
    assert run_command(["catalog"], load_catalog=lambda: [hostile], out=out, err=err) == 0
    assert "\x1b" not in out.getvalue()
    assert "\x00" not in out.getvalue()
    assert "Hip \\x1b]0;pwned\\x07 lock\\x00" in out.getvalue()


def test_catalog_json_is_the_one_json_shape_of_an_exercise() -> None:
    """DESIGN §3: a list of objects with id, name, directions (primary first), knee, positions,
    equipment, level and dose, in the shape program and sharing files use."""
    from planner.files.program_format import exercise_from_model
    from planner.files.program_schema import ExerciseModel

    code, out, _ = run("catalog", "--json", "--search", "clamshell")
    rows = json.loads(out)
    assert code == 0
    assert rows
    for row in rows:
        required = {"id", "name", "directions", "knee", "positions", "equipment", "level", "dose"}
        assert required <= row.keys()
        assert isinstance(row["dose"], dict)
        assert {"sets", "amount", "unit"} <= row["dose"].keys()
        exercise = exercise_from_model(ExerciseModel.model_validate(row), "cli", row["id"])
        assert exercise.primary.value == row["directions"][0]  # primary first
        assert exercise.name == row["name"]


def test_a_row_edited_by_hand_is_left_out_and_named_in_the_window_and_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import sqlite3
    from contextlib import closing

    from planner.files.folders import database_path
    from ui.app.application import open_catalog

    everything = catalog_exercises()
    victim = everything[0].id
    with closing(sqlite3.connect(database_path())) as db, db:
        db.execute("UPDATE exercise SET pose = ? WHERE id = ?", ("[" * 100_000, victim))
    capsys.readouterr()
    left = catalog_exercises()
    assert [ex.id for ex in left] == [ex.id for ex in everything[1:]]
    said = capsys.readouterr().err
    assert said.startswith("hip-planner: 1 exercise in the catalog could not be read")
    assert f"left out: {victim}." in said
    database, exercises, notes = open_catalog()
    assert database is not None
    database.close()
    assert len(exercises) == len(left)
    assert any(f"left out: {victim}." in note for note in notes)
