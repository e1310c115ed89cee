"""The catalog browser: search as you type, filters, a result count, the list and the detail."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.catalog import CatalogQuery
from planner.exercise import Exercise
from planner.program import DAY_NAMES
from planner.taxonomy import Direction, Equipment, Knee, LabelledEnum, Level, Position
from ui.catalog.catalog_delegate import CatalogDelegate
from ui.catalog.catalog_model import CatalogModel, ExerciseRole
from ui.catalog.exercise_detail import ExerciseDetail
from ui.common.badges import BADGE_TEXT

E = TypeVar("E", bound=LabelledEnum)


def _selected(combo: QComboBox, members: type[E]) -> E | None:
    """The enum member chosen in a combo (Qt hands the key back as a plain string)."""
    key = combo.currentData()
    return None if key is None else members.of(key)


def _combo(any_text: str, members: type[LabelledEnum]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(any_text, None)
    for member in members:
        combo.addItem(member.label, member)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


class CatalogList(QListView):
    """The exercise list: drags exercises out; Enter asks to add the current one."""

    add_requested = Signal(list, int)  # exercise ids, day index or -1 for "the selected day"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.add_requested.emit(self.selected_ids(), -1)
            event.accept()
            return
        super().keyPressEvent(event)

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [self.model().index(r, 0).data(ExerciseRole).id for r in rows]


class CatalogPanel(QWidget):
    """Left side of the main window. Emits ``add_requested`` when the coach adds exercises."""

    add_requested = Signal(list, int)
    current_changed = Signal(object)  # Exercise | None

    def __init__(self, model: CatalogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogPanel")
        self.model = model
        self._client_equipment: frozenset[Equipment] = frozenset()
        self._day_labels: list[str] = list(DAY_NAMES)
        self._clearing = False

        self.search = QLineEdit(placeholderText="Search names, instructions and cues")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the catalog")
        self.search.installEventFilter(self)

        self.direction_buttons: dict[Direction, QToolButton] = {}
        directions = QGridLayout()
        directions.setSpacing(3)
        for i, direction in enumerate(Direction):
            button = QToolButton()
            button.setText(direction.label)
            button.setCheckable(True)
            button.setToolTip(
                f"Show exercises that train {direction.joint_action} ({BADGE_TEXT[direction]})"
            )
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.toggled.connect(
                lambda on, b=button, d=direction: b.setText(f"✓ {d.label}" if on else d.label)
            )
            button.toggled.connect(self._update_query)
            directions.addWidget(button, i // 3, i % 3)
            self.direction_buttons[direction] = button

        self.knee = _combo("Any knee", Knee)
        self.position = _combo("Any position", Position)
        self.equipment = _combo("Any equipment", Equipment)
        self.level = _combo("Any level", Level)
        for combo, name in (
            (self.knee, "Knee"),
            (self.position, "Position"),
            (self.equipment, "Equipment"),
            (self.level, "Level"),
        ):
            combo.setAccessibleName(f"{name} filter")
            combo.currentIndexChanged.connect(self._update_query)
        self.client_only = QCheckBox("Only the client's equipment")
        self.client_only.setToolTip(
            "Only exercises the client can do with the equipment set in the program details"
        )
        self.client_only.toggled.connect(self._update_query)
        self.client_only.setEnabled(False)
        self.own_only = QCheckBox("My own only")
        self.own_only.setToolTip("Only the exercises you made yourself")
        self.own_only.toggled.connect(self._update_query)
        self.mine_only = QCheckBox("Mine only")
        self.mine_only.setToolTip("Only the exercises you made (in the clinic's shared catalog)")
        self.mine_only.toggled.connect(self._update_query)
        self.mine_only.setVisible(False)
        self._mine: frozenset[str] = frozenset()
        self.show_archived = QCheckBox("Show archived")
        self.show_archived.setToolTip("Also list archived exercises, to see or restore them")
        self.show_archived.toggled.connect(self._update_query)
        checks = QGridLayout()
        checks.setContentsMargins(0, 0, 0, 0)
        checks.addWidget(self.client_only, 0, 0, 1, 2)
        checks.addWidget(self.own_only, 1, 0)
        checks.addWidget(self.show_archived, 1, 1)
        checks.addWidget(self.mine_only, 2, 0)

        combos = QGridLayout()
        combos.setSpacing(4)
        combos.addWidget(self.knee, 0, 0)
        combos.addWidget(self.position, 0, 1)
        combos.addWidget(self.equipment, 1, 0)
        combos.addWidget(self.level, 1, 1)

        self.count = QLabel()
        self.count.setObjectName("resultCount")
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setToolTip("Show the whole catalog again (Esc in the search field)")
        self.clear_button.clicked.connect(self.clear_filters)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count, 1)
        count_row.addWidget(self.clear_button)

        self.list = CatalogList()
        self.list.setObjectName("catalogList")
        self.list.setModel(model)
        self.list.setItemDelegate(CatalogDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setAccessibleName("Exercises")
        self.list.add_requested.connect(self.add_requested)
        self.list.doubleClicked.connect(
            lambda _: self.add_requested.emit(self.list.selected_ids(), -1)
        )
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self._after_reset)

        self.empty_hint = QLabel(
            "No exercise matches these filters.\nTry fewer filters or other words."
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setStyleSheet("color: palette(mid); padding: 16px;")
        self.empty_hint.setVisible(False)

        self.detail = ExerciseDetail()

        top = QWidget()
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(directions)
        layout.addLayout(combos)
        layout.addLayout(checks)
        layout.addLayout(count_row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_hint, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("catalogSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.splitter)

        self.search.textChanged.connect(self._update_query)
        self._after_reset()

    def sizeHint(self) -> QSize:
        return QSize(330, 600)

    # -- public ------------------------------------------------------------------------------

    def query(self) -> CatalogQuery:
        chosen = _selected(self.equipment, Equipment)
        client_only = self.client_only.isChecked() and self._client_equipment
        position = _selected(self.position, Position)
        level = _selected(self.level, Level)
        return CatalogQuery(
            text=self.search.text(),
            directions=frozenset(d for d, b in self.direction_buttons.items() if b.isChecked()),
            knee=_selected(self.knee, Knee),
            positions=frozenset({position}) if position else frozenset(),
            equipment=frozenset({chosen}) if chosen else frozenset(),
            client_equipment=self._client_equipment if client_only else frozenset(),
            levels=frozenset({level}) if level else frozenset(),
            own_only=self.own_only.isChecked(),
            only_ids=self._mine if self.mine_only.isChecked() else None,
            include_archived=self.show_archived.isChecked(),
        )

    def clear_filters(self) -> None:
        """Reset every filter widget; each shows its own state again, the list is re-read once.

        The widgets' signals stay connected (a blocked toggle would keep its "✓" text);
        only the query update waits until all are reset.
        """
        self._clearing = True
        try:
            self.search.clear()
            for combo in (self.knee, self.position, self.equipment, self.level):
                combo.setCurrentIndex(0)
            for check in (self.client_only, self.own_only, self.mine_only):
                check.setChecked(False)
            for button in self.direction_buttons.values():
                button.setChecked(False)
        finally:
            self._clearing = False
        self._update_query()

    def set_client_equipment(self, equipment: frozenset[Equipment]) -> None:
        self._client_equipment = equipment
        self.client_only.setEnabled(bool(equipment))
        if not equipment:
            self.client_only.setChecked(False)
        self._update_query()

    def set_mine(self, ids: frozenset[str] | None) -> None:
        """In a clinic's shared catalog, the ids of this coach's exercises (None: not shared).

        "My own only" then means the clinic's own exercises, "Mine only" this coach's.
        """
        shared = ids is not None
        self._mine = ids or frozenset()
        self.mine_only.setVisible(shared)
        if not shared:
            self.mine_only.setChecked(False)
        self.own_only.setText("The clinic's own only" if shared else "My own only")
        self.own_only.setToolTip(
            "Only the exercises the clinic's coaches made"
            if shared
            else "Only the exercises you made yourself"
        )
        self._update_query()

    def set_day_labels(self, labels: list[str]) -> None:
        """Names for the "Add to …" menu (with dates when the program has a start date)."""
        self._day_labels = labels

    def refresh(self) -> None:
        """Re-apply the filters after the catalog's exercises changed."""
        self.model.set_query(self.query())
        self._update_count()

    def select_exercise(self, exercise_id: str) -> None:
        """Show and select an exercise, clearing filters that hide it."""
        row = self.model.row_of(exercise_id)
        if row < 0:
            self.clear_filters()
            exercise = self.model.find(exercise_id)
            if exercise is not None and exercise.archived:
                self.show_archived.setChecked(True)
            row = self.model.row_of(exercise_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
            self.list.scrollTo(self.model.index(row, 0))

    def current_exercise(self) -> Exercise | None:
        index = self.list.currentIndex()
        return index.data(ExerciseRole) if index.isValid() else None

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- internals ---------------------------------------------------------------------------

    def _update_query(self) -> None:
        if self._clearing:
            return
        self.model.set_query(self.query())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        noun = "exercise" if total == 1 else "exercises"
        filtered = not self.query().is_empty
        self.count.setText(f"{shown} of {total} {noun}" if filtered else f"{total} {noun}")
        self.clear_button.setEnabled(filtered)
        self.empty_hint.setVisible(shown == 0)
        self.list.setVisible(shown > 0)

    def _after_reset(self) -> None:
        self._update_count()
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        else:
            self._current_changed()

    def _current_changed(self, *_: object) -> None:
        exercise = self.current_exercise()
        self.detail.show_exercise(exercise, self._name_of)
        self.current_changed.emit(exercise)

    def _name_of(self, exercise_id: str) -> str | None:
        found = self.model.find(exercise_id)
        return found.name if found is not None else None

    def _context_menu(self, pos: QPoint) -> None:
        ids = self.list.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        add = menu.addAction("Add to the selected day")
        add.setShortcut(QKeySequence(Qt.Key.Key_Return))
        add.triggered.connect(lambda: self.add_requested.emit(ids, -1))
        days = menu.addMenu("Add to")
        for day, label in enumerate(self._day_labels):
            action: QAction = days.addAction(label)
            action.triggered.connect(lambda _=False, d=day: self.add_requested.emit(ids, d))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.list.currentIndex().isValid():
                    self.list.setCurrentIndex(self.model.index(0, 0))
                return True
            if key == Qt.Key.Key_Escape:
                self.clear_filters()
                return True
        return super().eventFilter(watched, event)
