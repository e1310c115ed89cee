"""The drawing of the coach's own exercise: drawn from its tags, or adjusted by hand.

A few angles for the start and the end (trunk, the working leg's hip, knee and rotation, the
other leg's hip and knee), the view and which leg works, with a live preview painted by the
same renderer as the handout.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.pose import ExercisePose, Frame, Leg, View, Working
from ui.common.exercise_drawing import ExerciseDrawingView

NO_TAGS_TEXT = "Choose the main direction, the knee, a position and equipment to see the drawing."
VIEWS = {
    View.SIDE: "From the side",
    View.FRONT: "From the front",
    View.BEHIND: "From behind",
    View.ABOVE: "From above",
    View.FEET: "From the feet",
}
WORKING = {
    Working.NEAR: "The near leg (right or top in a front view)",
    Working.FAR: "The far leg",
    Working.BOTH: "Both legs",
}
ANGLES = (
    ("trunk", "Trunk (90 = upright)"),
    ("hip", "Working hip"),
    ("knee", "Working knee bend"),
    ("turn", "Working leg turned out"),
    ("other_hip", "Other hip"),
    ("other_knee", "Other knee bend"),
)


class PoseEditor(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Drawing", parent)
        self.preview = ExerciseDrawingView()
        self.adjust = QCheckBox("Adjust the drawing by hand (otherwise it follows the tags)")
        self.view = QComboBox()
        for view, label in VIEWS.items():
            self.view.addItem(label, view.value)
        self.working = QComboBox()
        for working, label in WORKING.items():
            self.working.addItem(label, working.value)
        self.spins: dict[tuple[str, str], QSpinBox] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Start</b>"), 0, 1)
        grid.addWidget(QLabel("<b>End</b>"), 0, 2)
        for row, (key, label) in enumerate(ANGLES, start=1):
            grid.addWidget(QLabel(label), row, 0)
            for column, moment in enumerate(("start", "end"), start=1):
                spin = QSpinBox()
                spin.setRange(-180, 360)
                spin.setSingleStep(5)
                spin.setSuffix("°")
                spin.setAccessibleName(f"{label}, {moment}")
                spin.setObjectName(f"pose_{moment}_{key}")
                grid.addWidget(spin, row, column)
                self.spins[moment, key] = spin
                spin.valueChanged.connect(self._edited)
        choices = QFormLayout()
        choices.addRow("Seen", self.view)
        choices.addRow("Working leg", self.working)
        self.controls = QWidget()
        inner = QVBoxLayout(self.controls)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(choices)
        inner.addLayout(grid)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.adjust)
        layout.addWidget(self.controls)
        self._from_tags: ExercisePose | None = None
        self._base: ExercisePose | None = None
        self._filling = False
        self.adjust.toggled.connect(self._adjust_toggled)
        self.view.currentIndexChanged.connect(self._edited)
        self.working.currentIndexChanged.connect(self._edited)
        self.controls.setEnabled(False)
        self._show()

    # -- what the form calls -----------------------------------------------------------------

    def set_tags_pose(self, pose: ExercisePose | None) -> None:
        """The pose the current tags give (None while they are incomplete)."""
        self._from_tags = pose
        if not self.adjust.isChecked():
            self._fill(pose)
        self._show()

    def set_own(self, pose: ExercisePose | None) -> None:
        """Show the exercise's own pose (None: drawn from its tags)."""
        self._filling = True
        self.adjust.setChecked(pose is not None)
        self._filling = False
        self.controls.setEnabled(pose is not None)
        if pose is not None:
            self._fill(pose)
        self._show()

    def pose(self) -> ExercisePose | None:
        """The adjusted pose, or None when the drawing follows the tags."""
        if not self.adjust.isChecked() or self._base is None:
            return None
        base = self._base
        working = Working(self.working.currentData())
        return replace(
            base,
            view=View(self.view.currentData()),
            working=working,
            start=self._frame(base.start, "start", working),
            end=self._frame(base.end, "end", working),
        )

    # -- inside ------------------------------------------------------------------------------

    def _frame(self, frame: Frame, moment: str, working: Working) -> Frame:
        def value(key: str) -> float:
            return float(self.spins[moment, key].value())

        work_side, other_side = ("far", "near") if working is Working.FAR else ("near", "far")
        work: Leg = getattr(frame, work_side)
        other: Leg = getattr(frame, other_side)
        work = replace(work, hip=value("hip"), knee=value("knee"), turn=value("turn"))
        other = replace(other, hip=value("other_hip"), knee=value("other_knee"))
        if working is Working.BOTH:
            other = replace(other, hip=work.hip, knee=work.knee, turn=work.turn)
        near, far = (other, work) if work_side == "far" else (work, other)
        return replace(frame, trunk=value("trunk"), near=near, far=far)

    def _fill(self, pose: ExercisePose | None) -> None:
        self._base = pose
        if pose is None:
            return
        self._filling = True
        self.view.setCurrentIndex(self.view.findData(pose.view.value))
        self.working.setCurrentIndex(self.working.findData(pose.working.value))
        work_side, other_side = ("far", "near") if pose.working is Working.FAR else ("near", "far")
        for moment, frame in (("start", pose.start), ("end", pose.end)):
            work: Leg = getattr(frame, work_side)
            other: Leg = getattr(frame, other_side)
            values = {
                "trunk": frame.trunk,
                "hip": work.hip,
                "knee": work.knee,
                "turn": work.turn,
                "other_hip": other.hip,
                "other_knee": other.knee,
            }
            for key, number in values.items():
                self.spins[moment, key].setValue(round(number))
        self._filling = False

    def _adjust_toggled(self, on: bool) -> None:
        self.controls.setEnabled(on)
        if self._filling:
            return
        if not on:
            self._fill(self._from_tags)
        self._show()
        self.changed.emit()

    def _edited(self, *_: object) -> None:
        if self._filling:
            return
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        shown = self.pose() if self.adjust.isChecked() else self._from_tags
        self.preview.set_pose(shown, NO_TAGS_TEXT)
