"""The coach's own exercise: every field of a catalog exercise, with inline validation.

Saving goes through a callback (the catalog database). If it fails, the dialog stays open with
everything the coach typed and says why, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.errors import CatalogError
from db.naming import suggested_own_id
from planner.dose import Dose
from planner.drawing.defaults import default_pose_for
from planner.exercise import Exercise, ExerciseDraft
from planner.taxonomy import Direction, Equipment, Knee, Level, Position
from ui.catalog.pose_editor import PoseEditor
from ui.dialogs.dose_fields import DoseFields, add_checked_row, message_label, show_message
from ui.dialogs.photo_fields import PhotoFields

MAX_SECONDARY = 2
NEW_ID = "own-new"
SAVE_ERRORS: tuple[type[Exception], ...] = (CatalogError, ValueError)
"""What a save callback may raise; the message is shown to the coach."""


def _checks(
    members: list[Position] | list[Equipment] | list[Direction], columns: int
) -> tuple[QWidget, dict]:  # type: ignore[type-arg]
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    checks = {}
    for i, member in enumerate(members):
        check = QCheckBox(member.label)
        grid.addWidget(check, i // columns, i % columns)
        checks[member] = check
    return box, checks


class ExerciseForm(QDialog):
    def __init__(
        self,
        exercise: Exercise | None,
        save: Callable[[Exercise], Exercise],
        taken_names: Callable[[str], bool] = lambda _name: False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit exercise" if exercise else "New exercise")
        self._save = save
        self._taken = taken_names
        self.original = exercise
        self.saved: Exercise | None = None

        self.name = QLineEdit(placeholderText="e.g. Banded hip airplane")
        self.primary = QComboBox()
        self.primary.addItem("Choose the main direction…", None)
        for direction in Direction:
            self.primary.addItem(f"{direction.label} ({direction.joint_action})", direction.value)
        secondary_box, self.secondary = _checks(list(Direction), 3)
        self.bent = QRadioButton(Knee.BENT.label)
        self.straight = QRadioButton(Knee.STRAIGHT.label)
        knee_group = QButtonGroup(self)
        knee_row = QHBoxLayout()
        for radio in (self.bent, self.straight):
            knee_group.addButton(radio)
            knee_row.addWidget(radio)
        knee_row.addStretch(1)
        knee_box = QWidget()
        knee_box.setLayout(knee_row)
        knee_row.setContentsMargins(0, 0, 0, 0)
        positions_box, self.positions = _checks(list(Position), 3)
        equipment_box, self.equipment = _checks(list(Equipment), 3)
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(level.label, level.value)
        self.instructions = QPlainTextEdit(
            placeholderText="2–4 plain sentences: how to start, how to move, how to return."
        )
        self.instructions.setTabChangesFocus(True)
        self.instructions.setFixedHeight(90)
        self.cues = QPlainTextEdit(placeholderText="One or two short cues, one per line")
        self.cues.setTabChangesFocus(True)
        self.cues.setFixedHeight(54)
        self.video = QLineEdit(placeholderText="https://… a video of the exercise (optional)")
        self.video.setObjectName("videoField")
        self.photos = PhotoFields(exercise.photos if exercise else ())
        self.dose = DoseFields(exercise.dose if exercise else Dose())
        dose_box = QGroupBox("Default dose")
        QVBoxLayout(dose_box).addWidget(self.dose)
        self.drawing = PoseEditor()

        self.messages = {
            name: message_label()
            for name in (
                "name",
                "directions",
                "knee",
                "positions",
                "equipment",
                "level",
                "instructions",
                "cues",
                "video",
            )
        }
        form = QFormLayout()
        add_checked_row(form, "&Name", self.name, self.messages["name"])
        add_checked_row(form, "&Main direction", self.primary, self.messages["directions"])
        form.addRow("Also trains (up to two)", secondary_box)
        add_checked_row(form, "Knee", knee_box, self.messages["knee"])
        add_checked_row(form, "Positions", positions_box, self.messages["positions"])
        add_checked_row(
            form, "Equipment (any one will do)", equipment_box, self.messages["equipment"]
        )
        add_checked_row(form, "&Level", self.level, self.messages["level"])
        add_checked_row(form, "&Instructions", self.instructions, self.messages["instructions"])
        add_checked_row(form, "&Cues", self.cues, self.messages["cues"])
        add_checked_row(form, "&Video address", self.video, self.messages["video"])
        form.addRow("Photos", self.photos)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addLayout(form)
        column.addWidget(dose_box)
        column.addWidget(self.drawing)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        self.error = QLabel(wordWrap=True)
        self.error.setObjectName("saveError")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 720)

        if exercise is not None:
            self._fill(exercise)
        self._update_drawing()
        self.drawing.set_own(exercise.pose if exercise is not None else None)
        self._touched: set[str] = set()
        self._tried = False
        self._watch("name", self.name.textChanged)
        self._watch("directions", self.primary.currentIndexChanged)
        self._watch("level", self.level.currentIndexChanged)
        for name, checks in (
            ("directions", self.secondary.values()),
            ("knee", (self.bent, self.straight)),
            ("positions", self.positions.values()),
            ("equipment", self.equipment.values()),
        ):
            for check in checks:
                self._watch(name, check.toggled)
        self._watch("instructions", self.instructions.textChanged)
        self._watch("cues", self.cues.textChanged)
        self._watch("video", self.video.textChanged)
        self.photos.changed.connect(self.validate)
        self.dose.changed.connect(self.validate)
        for signal in (self.primary.currentIndexChanged, self.bent.toggled):
            signal.connect(self._update_drawing)
        for check in (*self.positions.values(), *self.equipment.values()):
            check.toggled.connect(self._update_drawing)
        self.validate()

    def _update_drawing(self, *_: object) -> None:
        """The drawing the tags give, shown until the coach adjusts it by hand."""
        draft = self._draft()
        if draft.directions and draft.knee is not None and draft.positions and draft.equipment:
            pose = default_pose_for(
                draft.positions[0], draft.directions[0], draft.knee, draft.equipment[0]
            )
            self.drawing.set_tags_pose(pose)
        else:
            self.drawing.set_tags_pose(None)

    def _fill(self, ex: Exercise) -> None:
        self.name.setText(ex.name)
        self.primary.setCurrentIndex(self.primary.findData(ex.primary.value))
        for direction in ex.secondary:
            self.secondary[direction].setChecked(True)
        (self.bent if ex.knee is Knee.BENT else self.straight).setChecked(True)
        for position in ex.positions:
            self.positions[position].setChecked(True)
        for item in ex.equipment:
            self.equipment[item].setChecked(True)
        self.level.setCurrentIndex(self.level.findData(ex.level.value))
        self.instructions.setPlainText(ex.instructions)
        self.cues.setPlainText("\n".join(ex.cues))
        self.video.setText(ex.video or "")

    def _draft(self) -> ExerciseDraft:
        key = self.primary.currentData()
        primary = Direction.of(key) if key else None
        secondary = [d for d, c in self.secondary.items() if c.isChecked() and d is not primary]
        knee = (
            Knee.BENT
            if self.bent.isChecked()
            else Knee.STRAIGHT
            if self.straight.isChecked()
            else None
        )
        return ExerciseDraft(
            id=self.original.id if self.original and not self.original.builtin else NEW_ID,
            name=self.name.text().strip(),
            directions=tuple([primary, *secondary]) if primary else (),
            knee=knee,
            positions=tuple(p for p, c in self.positions.items() if c.isChecked()),
            equipment=tuple(e for e, c in self.equipment.items() if c.isChecked()),
            level=Level.of(self.level.currentData()),
            dose=Dose(),
            instructions=self.instructions.toPlainText().strip(),
            cues=tuple(
                line.strip() for line in self.cues.toPlainText().splitlines() if line.strip()
            ),
            # Not on the form: kept from the exercise it starts from.
            hip_weight=self.original.hip_weight if self.original else 1.0,
            easier=self.original.easier if self.original else None,
            harder=self.original.harder if self.original else None,
            closed_chain=self.original.closed_chain if self.original else False,
            video=self.video.text().strip() or None,
            photos=self.photos.photos(),
            pose=self.drawing.pose(),
            builtin=False,
            archived=False,
        )

    def problems(self) -> dict[str, str]:
        values = self._draft()
        problems = values.problems()
        problems.pop("id", None)
        if not values.directions:
            problems["directions"] = "choose the main direction"
        if values.knee is None:
            problems["knee"] = "choose knee bent or straight"
        same_name = (
            self.original is not None
            and values.name.casefold() == self.original.name.casefold()
            and not self.original.builtin
        )
        if values.video and values.video.lower().startswith("http://"):
            problems["video"] = (
                "the address must start with https:// (a secure address phones open without "
                "a warning); http:// is not accepted"
            )
        if "name" not in problems and not same_name and self._taken(values.name):
            problems["name"] = "another exercise already has this name"
        return problems

    def _watch(self, name: str, signal: SignalInstance) -> None:
        """A change of the field ``name`` marks it touched: its message may show from then on."""
        signal.connect(lambda *_: self._touch(name))

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self.validate()

    def validate(self) -> None:
        """Say what is wrong with the fields the coach touched (all of them after Save)."""
        problems = self.problems()
        for name, label in self.messages.items():
            shown = self._tried or name in self._touched
            show_message(label, problems.get(name, "") if shown else "")
        primary = self.primary.currentData()
        chosen = sum(c.isChecked() for d, c in self.secondary.items() if d.value != primary)
        for direction, check in self.secondary.items():
            check.setEnabled(
                direction.value != primary and (check.isChecked() or chosen < MAX_SECONDARY)
            )

    def exercise(self) -> Exercise:
        """The exercise as typed; only call when there are no problems."""
        draft = replace(self._draft(), dose=self.dose.dose())
        if draft.id == NEW_ID:
            draft = replace(draft, id=suggested_own_id(draft.name))
        return draft.exercise()

    def accept(self) -> None:
        """Save through the callback; on failure stay open and say why (nothing is lost).

        With a problem left, nothing is saved: every field's message shows from now on.
        """
        if self.problems() or self.dose.problems():
            self._tried = True
            self.validate()
            return
        try:
            self.saved = self._save(self.exercise())
        except SAVE_ERRORS as exc:
            self.error.setText(f"Not saved: {exc}")
            self.error.setVisible(True)
            return
        super().accept()
