"""Photos in the window: the exercise form's and a card's "Photos of this client", through the
real file dialog answered by the test; refused files say why and change nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from planner.photo import MAX_PHOTOS
from planner.program import Entry, Program
from tests.factories import make_exercise
from tests.sample_programs import sample_photo
from ui.catalog.exercise_detail import ExerciseDetail
from ui.catalog.exercise_form import ExerciseForm
from ui.dialogs.photo_fields import DIALOG_TITLE, PhotoFields


def photo_file(folder: Path, name: str = "knee.jpg", size: tuple[int, int] = (900, 600)) -> Path:
    path = folder / name
    out = io.BytesIO()
    Image.radial_gradient("L").resize(size).convert("RGB").save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def answer_file_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The next file dialog picks ``path``; returns the titles of the dialogs answered."""
    seen: list[str] = []

    def pick(dialog: QFileDialog) -> int:
        seen.append(dialog.windowTitle())
        dialog.selectFile(str(path))
        return QFileDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", pick)
    return seen


def test_a_photo_chosen_in_the_file_dialog_is_added_and_the_limit_is_stated(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fields = PhotoFields()
    qtbot.addWidget(fields)
    fields.show()
    seen = answer_file_dialog(monkeypatch, photo_file(tmp_path))
    with qtbot.waitSignal(fields.changed):
        fields.add_button.click()
    assert seen == [DIALOG_TITLE]
    assert "1024 pixels" in DIALOG_TITLE
    assert "200 kB" in DIALOG_TITLE
    assert len(fields.photos()) == 1
    assert fields.message.text() == ""


def test_a_file_that_is_not_a_photo_is_refused_in_one_line_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    fields = PhotoFields()
    qtbot.addWidget(fields)
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo")
    assert not fields.add_file(str(bad))
    assert fields.photos() == ()
    assert "notes.jpg is not a JPEG or PNG image" in fields.message.text()
    assert "\n" not in fields.message.text()


def test_at_most_two_photos_and_remove_takes_one_away(qtbot: QtBot, tmp_path: Path) -> None:
    fields = PhotoFields()
    qtbot.addWidget(fields)
    for i in range(MAX_PHOTOS):
        assert fields.add_file(str(photo_file(tmp_path, f"p{i}.jpg")))
    assert not fields.add_button.isEnabled()
    assert not fields.add_file(str(photo_file(tmp_path, "third.jpg")))
    assert len(fields.photos()) == MAX_PHOTOS
    _first, second = fields.photos()
    fields.remove(0)
    assert fields.photos() == (second,)
    assert fields.add_button.isEnabled()


def test_the_exercise_form_saves_video_and_photos_and_refuses_http(
    qtbot: QtBot, tmp_path: Path
) -> None:
    saved = []
    form = ExerciseForm(
        make_exercise("own-clam", builtin=False), save=lambda ex: saved.append(ex) or ex
    )
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.video, "http://example.org/clam")
    assert "https://" in form.messages["video"].text()
    form.video.clear()
    qtbot.keyClicks(form.video, "https://youtu.be/clam")
    assert form.messages["video"].text() == ""
    assert form.photos.add_file(str(photo_file(tmp_path)))
    form.accept()
    (exercise,) = saved
    assert exercise.video == "https://youtu.be/clam"
    assert len(exercise.photos) == 1


def test_the_detail_pane_shows_the_video_link_and_the_photos(qtbot: QtBot) -> None:
    from dataclasses import replace

    exercise = replace(
        make_exercise("own-clam", builtin=False),
        video="https://youtu.be/clam",
        photos=(sample_photo(1), sample_photo(2)),
    )
    detail = ExerciseDetail()
    qtbot.addWidget(detail)
    detail.resize(420, 700)
    detail.show()
    detail.show_exercise(exercise)
    html = detail.toHtml()
    assert 'href="https://youtu.be/clam"' in html
    assert html.count('src="hip-planner-photo:') == 2  # beside the drawing (drawing:exercise)
    assert html.count("<img") == 3


def test_photos_of_the_client_on_a_card_are_one_undoable_change(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.app.main_window import MainWindow
    from ui.dialogs.entry_photos import EntryPhotosDialog

    window = MainWindow([])
    qtbot.addWidget(window)
    window.show()
    program: Program = window.document.program
    exercise = make_exercise("clamshell")
    program.embed(exercise)
    entry = Entry(exercise.id, exercise.dose)
    program.insert_entries([entry], 0, 0, None)
    day_list = window.week_view.lists[0]
    day_list.setCurrentIndex(day_list.day_model.index(0, 0))
    window.week_view.select_day(0)
    path = photo_file(tmp_path)

    def answer(dialog: EntryPhotosDialog) -> int:
        assert dialog.fields.add_file(str(path))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EntryPhotosDialog, "exec", answer)
    window.controller.edit_entry_photos()
    assert len(program.entry(entry.id).photos) == 1
    window.document.undo_stack.undo()
    assert program.entry(entry.id).photos == ()
    window.document.undo_stack.redo()
    assert len(program.entry(entry.id).photos) == 1


def test_days_before_the_start_are_shown_as_such_not_dated(qtbot: QtBot) -> None:
    from dataclasses import replace
    from datetime import date

    from ui.app.main_window import MainWindow

    window = MainWindow([])
    qtbot.addWidget(window)
    window.show()
    program: Program = window.document.program
    exercise = make_exercise("clamshell")
    program.embed(exercise)
    program.insert_entries([Entry(exercise.id, exercise.dose)], 0, 0, None)
    wednesday = date(2026, 12, 2)
    program.set_details(replace(program.details, start_date=wednesday))
    window.week_view.refresh_headers()
    monday, wednesday_header = window.week_view.headers[0], window.week_view.headers[2]
    assert "before the start" in monday.text()
    assert "30 Nov" not in monday.text()
    assert "not done" in monday.text()
    assert "2 Dec" in wednesday_header.text()


def test_the_coach_report_is_exported_from_the_file_menu(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.templates import list_templates
    from tests.handout_helpers import pdf_text
    from ui.app.main_window import MainWindow
    from ui.files.export_controller import ExportOptions

    window = MainWindow([])
    qtbot.addWidget(window)
    window.show()
    window.file.open_path(list_templates()[1].path)
    titles: list[str] = []

    def answer(dialog: ExportOptions) -> int:
        titles.append(dialog.windowTitle())
        dialog.open_when_done.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportOptions, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "for-me"), ""))
    with qtbot.waitSignal(window.exporter.finished, timeout=30000) as done:
        window.coach_report_action.trigger()
    assert done.args == [True]
    assert titles == ["Export coach report"]
    text = pdf_text(tmp_path / "for-me.pdf")
    assert "Coach report" in text
    assert "Grey band: target range" in text
    assert "Coach report written" in window.statusBar().currentMessage()
